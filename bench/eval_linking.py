"""ESCO linking on the public validation splits: RP@5, RP@10, MRR for skillradar's ``link`` scoring and
the plain-cosine baseline (sentence vs label, same model), computed in the same run.

    .venv/bin/python bench/eval_linking.py            # default weights + baseline
    .venv/bin/python bench/eval_linking.py --sweep    # the small grid the constants were chosen from
    .venv/bin/python bench/eval_linking.py --phrases  # phrases per line through the full model (LINK_PHRASES)

Reads ../shared/eval/esco_linking (not copied into the repo); scoring rules as in its README.
The label space is given as ``id,label`` only, exactly what score.py passes to ``skillradar link``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib
import sys
import tempfile
import time
from pathlib import Path

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval" / "esco_linking"
IGNORED = ("LABEL NOT PRESENT", "UNDERSPECIFIED")


def norm(label: str) -> str:
    return label.strip().strip(",").strip().lower()


def load_split(split: str) -> tuple[list[str], dict[str, set[str]]]:
    gold: dict[str, set[str]] = collections.defaultdict(set)
    with open(EVAL / f"{split}_validation_annotations.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["label"] not in IGNORED:
                gold[row["sentence"]].add(norm(row["label"]))
    return list(gold), gold


def esco_taxonomy():
    from skillradar.taxonomy import load_taxonomy

    labels = [l.strip() for l in (EVAL / "skills_en_label.txt").read_text().splitlines()]
    tmp = Path(tempfile.mkdtemp()) / "esco_v110.csv"
    with open(tmp, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "label"])
        w.writerows([f"esco{i}", l] for i, l in enumerate(labels) if l)
    return load_taxonomy(tmp)


def metrics(ranked_lists: list[list[str]], sentences: list[str], gold) -> tuple[float, float, float]:
    rp5 = rp10 = mrr = 0.0
    for sentence, ranked in zip(sentences, ranked_lists):
        ranked = [norm(l) for l in ranked]
        g = gold[sentence]
        rp5 += len(set(ranked[:5]) & g) / min(5, len(g))
        rp10 += len(set(ranked[:10]) & g) / min(10, len(g))
        mrr += next((1 / (i + 1) for i, l in enumerate(ranked) if l in g), 0.0)
    n = len(sentences)
    return 100 * rp5 / n, 100 * rp10 / n, mrr / n


def ranked_labels(scores, labels, k=100):
    import numpy as np

    top = np.argpartition(-scores, k)[:k]
    return [labels[i] for i in sorted(top, key=lambda i: -scores[i])]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--phrases", action="store_true", help="sweep LINK_PHRASES with and without CHEAP_REST")
    args = ap.parse_args()
    if not EVAL.is_dir():
        print(f"needs the evaluation data at {EVAL} (the shared/ folder beside the repo)", file=sys.stderr)
        return 2
    L = importlib.import_module("skillradar.link")  # the module (skillradar.link is the function)

    t0 = time.perf_counter()
    tax = esco_taxonomy()
    index = L.skill_index(tax)
    print(f"label index: {len(index.ids)} labels in {time.perf_counter() - t0:.1f} s")
    grid = [(L.SENTENCE_WEIGHT, L.LEXICAL_WEIGHT)]
    if args.sweep:
        grid = [(sw, lw) for sw in (1.0, 0.7, 0.5, 0.3, 0.0) for lw in (0.0, 0.05, 0.1, 0.2)]
    for split in ("tech", "house"):
        sentences, gold = load_split(split)
        t = time.perf_counter()
        base = L.score_lines(sentences, index, sentence_weight=1.0, lexical_weight=0.0)
        b = metrics([ranked_labels(s, index.labels) for s in base], sentences, gold)
        print(f"{split:5s} n={len(sentences):3d} baseline plain cosine     RP@5 {b[0]:5.1f}  RP@10 {b[1]:5.1f}  MRR {b[2]:.3f}")
        for sw, lw in grid:
            scored = L.score_lines(sentences, index, sentence_weight=sw, lexical_weight=lw)
            m = metrics([ranked_labels(s, index.labels) for s in scored], sentences, gold)
            print(f"{split:5s} sentence_weight={sw:.2f} lexical={lw:.2f}  RP@5 {m[0]:5.1f}  RP@10 {m[1]:5.1f}  MRR {m[2]:.3f}"
                  f"   (Δ RP@5 {m[0] - b[0]:+.1f})")
        if args.phrases:
            for k, rest in ((None, False), (12, False), (8, False), (8, True), (6, False), (6, True), (5, False), (5, True)):
                scored = L.score_lines(sentences, index, max_phrases=k, cheap_rest=rest)
                m = metrics([ranked_labels(s, index.labels) for s in scored], sentences, gold)
                print(f"{split:5s} phrases={'all' if k is None else k:>3} cheap_rest={rest!s:5}  RP@5 {m[0]:5.1f}  "
                      f"RP@10 {m[1]:5.1f}  MRR {m[2]:.3f}")
        print(f"{split:5s} scored in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
