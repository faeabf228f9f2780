"""Fit the phrased-skill model (``skillradar/detect/data/phrase_spans.json``) on SkillSpan dev.

    PYTHONPATH=src .venv/bin/python training/fit_phrase_spans.py [--write] [--threshold P]

Data: SkillSpan dev, TECH and HOUSE (Zhang et al., NAACL 2022; github.com/kris927b/SkillSpan,
commit 2ccf3de, MIT), read in place from ``../shared/eval/skillspan`` (never copied). Each sentence
is its tokens joined by single spaces, as the official scorer builds it. The **first half** of each
split's sentences (in file order, so postings stay mostly on one side) is fitted on; the **second
half** is only scored, which is the figure to quote.

Rows: every candidate phrase ``detect.spans.candidates`` gives for a sentence, outside the spans the
default detectors (lexicon, verbs, fuzzy) took first, exactly as the pipeline runs it; target 1 when
the phrase overlaps any gold SKILL or KNOWLEDGE span (the scorer's rule for a right mention).
Model: L2-regularised logistic regression (scikit-learn, ``C=1``, lbfgs; deterministic, no seed
needed) on the ``FEATURES`` columns. Threshold: the lowest probability at which the hits added on
the fit half are right at least ``--min-precision`` of the time (default 0.60) after overlap
resolution, unless ``--threshold`` is given.

Prints AUC on both halves, a reliability table on the check half (predicted vs observed), and the
scorer's knowledge recall / precision on each half with the lexical detectors alone and with this
stage added at a few thresholds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval" / "skillspan"
OUT = ROOT / "src" / "skillradar" / "detect" / "data" / "phrase_spans.json"


sys.path.insert(0, str(ROOT / "bench"))
from eval_spans import load  # noqa: E402 - the one SkillSpan reader (sentences, knowledge and all spans), shared with the span bench


def overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def sentence_rows(pipeline, text: str, min_words: int = 1):
    """Spans of the detectors that run before this stage, and this stage's candidates."""
    from skillradar.detect import context as ctx
    from skillradar.detect.base import Scan
    from skillradar.detect.spans import candidates

    kind = ctx.guess_kind(text)
    hits: list = []
    for detector in pipeline._detectors:
        if pipeline._runs_on(detector, kind):
            hits += detector.find(Scan(text, kind), [(h.start, h.end) for h in hits])
    covered = [(h.start, h.end) for h in hits]
    return covered, candidates(text, pipeline.taxonomy, covered, min_words=min_words)


def scorer_figures(data, lexical, cands, probs, thr: float) -> tuple[float, float, int, float]:
    """(knowledge recall, precision, mentions, precision of the added hits) as score.py counts them;
    ``lexical`` are the pipeline's own mentions per sentence (without this stage)."""
    found = gold = right = total = added = added_right = 0
    for (_text, know, every), lex, cs, ps in zip(data, lexical, cands, probs):
        order = sorted((i for i in range(len(cs)) if ps[i] >= thr), key=lambda i: (-ps[i], cs[i].start))
        taken: list[tuple[int, int]] = []
        for i in order:
            a, b = cs[i].start, cs[i].end
            if not any(a < tb and ta < b for ta, tb in taken):
                taken.append((a, b))
        ms = list(lex) + taken
        gold += len(know)
        found += sum(any(overlap(g, m) for m in ms) for g in know)
        total += len(ms)
        right += sum(any(overlap(m, g) for g in every) for m in ms)
        added += len(taken)
        added_right += sum(any(overlap(m, g) for g in every) for m in taken)
    return found / max(1, gold), right / max(1, total), total, added_right / max(1, added)


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score

    from skillradar import Pipeline
    from skillradar.detect.spans import FEATURES, SPAN_MODEL

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help=f"write the fitted model to {OUT.relative_to(ROOT)}")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--min-precision", type=float, default=0.60)
    parser.add_argument("--min-words", type=int, default=1, help="shortest candidate phrase, in words")
    parser.add_argument("--fit-on", choices=["both", "tech", "house"], default="both",
                        help="fit on the first half of these splits only (a check of transfer across domains)")
    args = parser.parse_args()
    if not EVAL.is_dir():
        sys.exit(f"SkillSpan dev not found at {EVAL}")

    pipeline = Pipeline()  # the default detectors: what runs before this stage
    halves: dict[str, dict] = {}
    for split in ("tech", "house"):
        data = load(split)
        half = len(data) // 2
        for name, part in (("fit", data[:half]), ("check", data[half:])):
            lexical, cands = [], []
            for text, _, _ in part:
                _, cs = sentence_rows(pipeline, text, args.min_words)
                lexical.append([(m.start, m.end) for m in pipeline.extract_text(text).mentions])
                cands.append(cs)
            ys = [[float(any(overlap((c.start, c.end), g) for g in every)) for c in cs]
                  for (_, _, every), cs in zip(part, cands)]
            halves[f"{split}-{name}"] = {"data": part, "lexical": lexical, "cands": cands, "ys": ys}

    def matrix(keys):
        x = [c.features for k in keys for cs in halves[k]["cands"] for c in cs]
        y = [v for k in keys for ys in halves[k]["ys"] for v in ys]
        return np.asarray(x, dtype=np.float64), np.asarray(y)

    fit_keys = ["tech-fit", "house-fit"] if args.fit_on == "both" else [f"{args.fit_on}-fit"]
    x_fit, y_fit = matrix(fit_keys)
    model = LogisticRegression(C=1.0, max_iter=2000).fit(x_fit, y_fit)
    coef, intercept = model.coef_[0].tolist(), float(model.intercept_[0])
    print(f"fit rows {len(y_fit)} (positives {int(y_fit.sum())})")
    print("weights:", ", ".join(f"{f} {c:+.3f}" for f, c in zip(FEATURES, coef)), f"intercept {intercept:+.3f}")

    for key, h in halves.items():
        flat = [c.features for cs in h["cands"] for c in cs]
        probs_flat = model.predict_proba(np.asarray(flat, dtype=np.float64))[:, 1] if flat else np.zeros(0)
        ys_flat = np.asarray([v for ys in h["ys"] for v in ys])
        bounds = np.cumsum([0] + [len(cs) for cs in h["cands"]])
        h["probs"] = [probs_flat[bounds[i]:bounds[i + 1]] for i in range(len(h["cands"]))]
        print(f"{key}: {len(ys_flat)} candidates, AUC {roc_auc_score(ys_flat, probs_flat):.3f}")
        if key.endswith("check"):
            print("  reliability (predicted → observed share overlapping a gold span):")
            for lo in (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8):
                hi = {0.0: 0.2, 0.2: 0.4, 0.4: 0.5, 0.5: 0.6, 0.6: 0.7, 0.7: 0.8, 0.8: 1.01}[lo]
                sel = (probs_flat >= lo) & (probs_flat < hi)
                if sel.any():
                    print(f"    {lo:.1f}–{min(hi, 1.0):.1f}: n {int(sel.sum()):5d}  predicted {probs_flat[sel].mean():.2f}"
                          f"  observed {ys_flat[sel].mean():.2f}")

    thresholds = (0.5, 0.55, 0.6, 0.65, 0.7, 0.75)
    chosen = args.threshold
    if chosen is None:
        for thr in thresholds:
            precisions = [scorer_figures(halves[k]["data"], halves[k]["lexical"], halves[k]["cands"], halves[k]["probs"], thr)[3]
                          for k in fit_keys]
            if min(precisions) >= args.min_precision:
                chosen = thr
                break
        else:
            chosen = thresholds[-1]
    print(f"threshold {chosen} (added hits right ≥ {args.min_precision} on every fit half: {', '.join(fit_keys)})")
    print("score.py figures (knowledge recall / precision / mentions / precision of added hits):")
    for key, h in halves.items():
        base = scorer_figures(h["data"], h["lexical"], h["cands"], h["probs"], 2.0)
        print(f"  {key:11s} without: {base[0]:.3f} / {base[1]:.3f} / {base[2]}")
        for thr in sorted({*thresholds, chosen}):
            r = scorer_figures(h["data"], h["lexical"], h["cands"], h["probs"], thr)
            mark = " ←" if thr == chosen else ""
            print(f"  {key:11s} ≥ {thr:.2f}: {r[0]:.3f} / {r[1]:.3f} / {r[2]} / added {r[3]:.3f}{mark}")

    if args.write and args.fit_on != "both":
        sys.exit("--write takes the model fitted on both splits (--fit-on both)")
    if args.write:
        OUT.write_text(json.dumps({
            "features": list(FEATURES), "coef": [round(c, 6) for c in coef], "intercept": round(intercept, 6),
            "threshold": chosen, "min_words": args.min_words, "model": SPAN_MODEL,
            "fitted_on": "SkillSpan dev TECH and HOUSE, first half of each split's sentences (training/fit_phrase_spans.py)",
            "rows": int(len(y_fit)),
        }, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
