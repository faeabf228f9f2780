"""Market analytics benchmark: ingest throughput (whole process), DB size, peak memory and query times.

Usage: python bench/market_bench.py [--sizes 10000 30000] [--workdir /tmp/market-bench]
Generates synthetic corpora (bundled taxonomy) into the work dir (not committed), ingests each with
`python -m skillradar market ingest` in a fresh process, then times top / trends / cooccur queries on
the largest database (best of 3, in-process, after one warm-up).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 30000])
    ap.add_argument("--workdir", default="/tmp/market-bench")
    args = ap.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    from skillradar.market.synthetic import generate, write_corpus

    results = []
    for n in args.sizes:
        corpus = work / f"postings_{n}.csv"
        if not corpus.exists():
            rows, truth = generate(n, seed=1)
            write_corpus(rows, corpus, truth)
        db = work / f"market_{n}.duckdb"
        for f in (db, Path(str(db) + ".wal")):
            f.unlink(missing_ok=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "skillradar", "market", "ingest", str(corpus), "--db", str(db),
                               "--format", "json"], capture_output=True, text=True)
        wall = time.perf_counter() - t0
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        summary = json.loads(proc.stdout)
        res = dict(n=n, seconds=round(wall, 1), postings_per_s=round(n / wall, 1), ingested=summary["ingested"],
                   duplicates=summary["duplicates"], db_mb=round(db.stat().st_size / 1e6, 1),
                   db_mb_per_100k=round(db.stat().st_size / 1e6 * 100000 / n, 1),
                   peak_rss_mb=round(max(peak, before) / 1024, 1), corpus_mb=round(corpus.stat().st_size / 1e6, 1))
        print(json.dumps(res), flush=True)
        results.append(res)
    from skillradar.market import stats

    db = work / f"market_{args.sizes[-1]}.duckdb"
    truth = json.loads((work / f"postings_{args.sizes[-1]}.truth.json").read_text())
    queries = {
        "top": lambda: stats.top(db),
        "top --family data --title-contains engineer": lambda: stats.top(db, family="data", title_contains="engineer"),
        "trends --split": lambda: stats.trends(db, split=truth["split"]),
        "trends --monthly (top 8)": lambda: stats.monthly(db),
        "cooccur --skill": lambda: stats.cooccur(db, skill=truth["rising"][0]),
    }
    timings = {}
    for name, fn in queries.items():
        fn()
        best = min(_timed(fn) for _ in range(3))
        timings[name] = round(best * 1000, 1)
    print(json.dumps({"queries_ms_at": args.sizes[-1], **timings}), flush=True)
    print(json.dumps({"cpu_count": os.cpu_count()}))


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
