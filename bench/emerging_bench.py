"""Emerging-term discovery on a synthetic corpus with planted terms: what it finds and how fast.

Generates ``--n`` postings (``market.synthetic``), plants a rising, a flat and a falling term the
taxonomy lacks (``market.synthetic_terms``), ingests them into a fresh database, then times
``emerging_terms`` (imports warmed first, so the figure is the work) and ``salary_summary``.

    .venv/bin/python bench/emerging_bench.py --n 10000 --workdir /tmp/eb
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLANTED = {"Quillstream": (0.03, 0.35), "causal trace auditing": (0.02, 0.30), "Brindlewood": (0.2, 0.2),
           "Oldfangle": (0.30, 0.03)}


def main(argv=None) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from skillradar.market.emerging import emerging_terms
    from skillradar.market.ingest import ingest_files
    from skillradar.market.salaries import salary_summary
    from skillradar.market.synthetic import generate, write_corpus
    from skillradar.market.synthetic_terms import plant_terms

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--workdir", required=True)
    args = ap.parse_args(argv)
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"emerging-{args.n}.duckdb"
    if not db.exists():
        rows, _truth = generate(args.n, seed=11)
        rows, planted = plant_terms(rows, PLANTED, seed=11)
        write_corpus(rows, work / f"emerging-{args.n}.csv")
        t = time.perf_counter()
        ingest_files([work / f"emerging-{args.n}.csv"], db=db)
        print(f"ingest: {time.perf_counter() - t:.1f} s; planted: "
              + ", ".join(f"{k} {v['kind']} in {v['postings']}" for k, v in planted.items()))
    import statsmodels.stats.multitest  # noqa: F401  (warm the imports the first call would pay)

    t = time.perf_counter()
    result = emerging_terms(db)
    took = time.perf_counter() - t
    n = result["total_before"] + result["total_after"] + result["undated"]
    sig = [(r["term"], f"{r['q_value']:.2g}") for r in result["rows"] if r["q_value"] < 0.05]
    print(f"emerging: {n} postings in {took:.2f} s ({n / took:,.0f} postings/s); {result['candidates']} candidates, "
          f"{result['tested']} tested; significant at q < 0.05: {sig}")
    t = time.perf_counter()
    salary_summary(db)
    print(f"salaries summary: {time.perf_counter() - t:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
