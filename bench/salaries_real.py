"""Salary parsing on the first 93 real postings (p001–p093), against salaries labelled by reading.

The labels (``tests/data/real/postings/salaries.json``) list every pay statement of every posting
that names a currency amount: line, currency, period, min and max; the other currency amounts
(funding, revenue, stipends, 401(k) …) are noted there but not scored separately, since any parse
that is not a labelled statement counts as a false positive.

- statement precision: parsed statements that match a labelled one (same line, currency, period,
  min and max) / parsed statements;
- statement recall: labelled statements matched / labelled statements;
- posting level: postings with a salary found / postings with one stated, and postings where a
  salary was found but none is stated.

    .venv/bin/python bench/salaries_real.py [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real" / "postings"


def _key(line: int, cur: str, period: str, lo, hi) -> tuple:
    return (line, cur, period, None if lo is None else round(float(lo), 2), None if hi is None else round(float(hi), 2))


def main(argv=None) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from skillradar.market.salary import parse_salaries

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", action="store_true", help="List every false positive and miss.")
    args = ap.parse_args(argv)
    labels = json.loads((REAL / "salaries.json").read_text(encoding="utf-8"))["postings"]
    tp = fp = fn = 0
    post_tp = post_fp = post_fn = 0
    errors = []
    missing = [pid for pid in labels if not (REAL / "raw" / f"{pid}.txt").exists()]
    if missing:
        print(f"{len(missing)} raw postings missing (run bench/fetch_real.py): {', '.join(missing[:5])}", file=sys.stderr)
        return 2
    for pid, want in sorted(labels.items()):
        text = (REAL / "raw" / f"{pid}.txt").read_text(encoding="utf-8")
        got = []
        for s in parse_salaries(text):
            line = text.count("\n", 0, s.start) + 1
            got.append((_key(line, s.currency, s.period, s.minimum, s.maximum), s.text))
        wanted = [_key(w["line"], w["currency"], w["period"], w["min"], w["max"]) for w in want]
        left = list(wanted)
        for key, ev in got:
            if key in left:
                left.remove(key)
                tp += 1
            else:
                fp += 1
                errors.append(f"{pid} false positive {key} '{ev}'")
        fn += len(left)
        errors.extend(f"{pid} missed {k}" for k in left)
        post_tp += bool(got) and bool(wanted)
        post_fp += bool(got) and not wanted
        post_fn += (not got) and bool(wanted)
    n_stated = sum(1 for w in labels.values() if w)
    print(f"postings: {len(labels)}, with a stated salary: {n_stated}, labelled statements: {tp + fn}")
    print(f"statements: precision {tp / max(1, tp + fp):.3f} ({tp}/{tp + fp}), recall {tp / max(1, tp + fn):.3f} "
          f"({tp}/{tp + fn})")
    print(f"postings: found {post_tp}/{n_stated} with a salary, {post_fp} found where none is stated, "
          f"{post_fn} missed")
    if args.errors:
        print("\n".join(errors) or "no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
