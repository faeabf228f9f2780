"""Fit the word weights that tell a résumé from a job posting (``detect/data/kind_words.tsv``).

Why learned: the first guesser counted a dozen cue words and headings and called 165 of the 224 real
résumés postings (flattened one-paragraph résumés have no "Education" line of their own). A
logistic regression over which words a document uses fits what real documents look like.

Trained on the tuning parts only: the real résumés of ``bench/real_resumes_auc.py``'s tune split,
the real postings marked ``tune`` in ``tests/data/real/postings/index.csv``, and the project's own
written postings and résumés (tests/data, bench/corpus). Measured on the rest: every other real
résumé and the ``heldout`` and ``spare`` real postings.

    .venv/bin/python training/fit_kind.py            # fit, write the TSV, print held-out accuracy
    .venv/bin/python training/fit_kind.py --check    # only measure the shipped TSV
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from real_resumes_auc import TUNE_SETS, split_of  # noqa: E402

from skillradar.detect.kind import KIND_WORDS, _weights, document_words, guess_kind  # noqa: E402

REAL = ROOT / "tests" / "data" / "real"
MIN_DOCS = 4  # a word must appear in this many training documents of either kind
KEEP = 600  # the words with the largest weights, kept in the shipped file
L2 = 1e-3


def real_resumes() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {"tune": [], "heldout": []}
    for folder in sorted(p for p in (REAL / "resumes").iterdir() if p.is_dir()):
        for path in sorted(folder.glob("r*.txt")):
            if folder.name == "updated25":
                split = split_of(f"{folder.name}/{path.stem}")
            else:
                split = "tune" if folder.name in TUNE_SETS else "heldout"
            out[split].append(path)
    return out


def real_postings() -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {"tune": [], "heldout": []}
    with open(REAL / "postings" / "index.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            path = REAL / "postings" / "raw" / f"{row['id']}.txt"
            out["tune" if row["split"] == "tune" else "heldout"].append(path)
    return out


def written(kind: str) -> list[Path]:
    if kind == "resume":
        return sorted(p for p in (ROOT / "tests" / "data" / "resumes").rglob("*")
                      if p.suffix in (".txt", ".md") and p.name != "README.md")
    return sorted([*(ROOT / "tests" / "data" / "postings").glob("*.*"), *(ROOT / "bench" / "corpus").glob("*.*")])


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def fit(groups: list[tuple[list[str], int]]) -> tuple[float, list[tuple[str, float]]]:
    """Bias and per-word weights of an L2-regularised logistic regression over which words a document
    uses (1 = résumé). Each group of documents (real résumés, written résumés, real postings, written
    postings) weighs the same in total, so the many short written résumés cannot teach that "short"
    means résumé."""
    import numpy as np

    docs = [(document_words(t), y, 1.0 / len(texts)) for texts, y in groups for t in texts]
    seen = Counter(w for words, _, _ in docs for w in words)
    vocab = sorted(w for w, n in seen.items() if n >= MIN_DOCS)
    index = {w: i for i, w in enumerate(vocab)}
    x = np.zeros((len(docs), len(vocab)), dtype=np.float32)
    for row, (words, _, _) in enumerate(docs):
        x[row, [index[w] for w in words if w in index]] = 1.0
    y = np.array([d[1] for d in docs], dtype=np.float32)
    sw = np.array([d[2] for d in docs], dtype=np.float32)
    sw /= sw.sum()
    w, b = np.zeros(len(vocab), dtype=np.float32), 0.0
    for _ in range(3000):  # full-batch gradient descent; the problem is small and convex
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        g = sw * (p - y)
        w -= 0.5 * (x.T @ g + L2 * w)
        b -= 0.5 * float(g.sum())
    order = np.argsort(-np.abs(w))[:KEEP]
    return round(b, 4), [(vocab[i], round(float(w[i]), 4)) for i in order]


def accuracy(paths: list[Path], want: str) -> tuple[int, int, list[str]]:
    wrong = [str(p.relative_to(ROOT)) for p in paths if guess_kind(read(p)) != want]
    return len(paths) - len(wrong), len(paths), wrong


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="only measure the shipped weights")
    args = ap.parse_args()
    res, post = real_resumes(), real_postings()
    if not args.check:
        bias, rows = fit([([read(p) for p in res["tune"]], 1), ([read(p) for p in written("resume")], 1),
                          ([read(p) for p in post["tune"]], 0), ([read(p) for p in written("posting")], 0)])
        with open(KIND_WORDS, "w", encoding="utf-8") as fh:
            fh.write("# Written by training/fit_kind.py (logistic regression over the words a text uses; > 0 is a résumé).\n")
            fh.write(f"<bias>\t{bias}\n")
            for word, weight in rows:
                fh.write(f"{word}\t{weight}\n")
        _weights.cache_clear()
        print(f"wrote {len(rows)} words to {KIND_WORDS.relative_to(ROOT)}")
    for name, paths, want in [("real résumés, tune", res["tune"], "resume"),
                              ("real postings, tune", post["tune"], "posting"),
                              ("written résumés", written("resume"), "resume"),
                              ("written postings", written("posting"), "posting"),
                              ("real résumés, held out", res["heldout"], "resume"),
                              ("real postings, held out + spare", post["heldout"], "posting")]:
        ok, n, wrong = accuracy(paths, want)
        print(f"{name}: {ok}/{n} right" + (f"; wrong: {', '.join(wrong[:8])}" if wrong else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
