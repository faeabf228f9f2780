"""Market ingest at scale: time, postings/s, CPU-seconds, peak memory and DB size per corpus size.

    .venv/bin/python bench/market_bench.py --sizes 10000 100000 1000000 [--length real] [--engine local]
        [--workers N] [--workdir /tmp/market-scale] [--queries]

Corpora come from ``market/synthetic.py`` (marked synthetic; ``--length real`` pads postings to the
length of the real ones, ~4.9 KB mean), written to the work dir (not committed) in files of at most
100,000 postings (seeds 1, 2, …: the 1M corpus is ten files, the 100k corpus the first of them).
Each size is ingested into a fresh database by a fresh process calling ``ingest_files`` (start-up
included), which prints its counts after every batch. The bench samples the memory of that process
and its worker processes every half second: peak RSS is the largest sum over the process tree (what
the machine must hold), with the largest single process beside it. CPU-seconds are user + system of
the whole tree; the load average (1 min) before and after says whether other work shared the cores.
A line of progress is printed every minute, so a run stopped early still tells its rate.

``--queries`` also times query commands on the largest database, each a fresh ``python -m skillradar``
process (start-up included), best and median of 3.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

PART = 100_000  # postings per corpus file
_RUNNER = """
import json, sys, time
from skillradar.market.ingest import ingest_files
t0 = time.time()
def tick(c):
    print("progress", round(time.time() - t0, 1), c["rows_read"], c["ingested"], flush=True)
args = json.loads(sys.argv[1])
s = ingest_files(args["files"], db=args["db"], engine=args["engine"], workers=args["workers"], on_batch=tick)
print("summary", json.dumps({k: v for k, v in s.items() if k not in ("errors", "warnings")}), flush=True)
"""
QUERIES = {
    "market top": ["market", "top"],
    "market top --location remote --seniority senior": ["market", "top", "--location", "remote", "--seniority", "senior"],
    "market trends --split": ["market", "trends", "--split", "2024-01-01"],
    "market trends --monthly": ["market", "trends", "--monthly"],
    "market cooccur --skill python": ["market", "cooccur", "--skill", "python"],
    "market salaries": ["market", "salaries"],
}


def corpus_files(n: int, work: Path, length: str, generate_missing: bool = True) -> list[Path]:
    """The corpus of ``n`` postings as files of at most PART postings, generated when missing (unless
    another process is writing them ahead of the ingest: ``generate_missing=False``)."""
    from skillradar.market.synthetic import generate, write_corpus

    tag = "real" if length == "real" else "tpl"
    if n < PART:
        names = [(work / f"postings_{tag}_{n}.csv", n, 1)]
    else:
        names = [(work / f"postings_{tag}_{PART}_s{k}.csv", PART, k) for k in range(1, n // PART + 1)]
    for path, size, seed in names:
        if generate_missing and not path.exists():
            rows, truth = generate(size, seed=seed, length=length)
            tmp = path.with_name("tmp_" + path.name)
            write_corpus(rows, tmp, truth)
            tmp.rename(path)
            tmp.with_name(tmp.name.rsplit(".", 1)[0] + ".truth.json").rename(
                path.with_name(path.name.rsplit(".", 1)[0] + ".truth.json"))
    return [p for p, _n, _s in names]


def _tree_rss(pid: int) -> tuple[int, int]:
    """(sum, largest) resident set size in KB of ``pid`` and its descendants."""
    pids, seen = [pid], []
    while pids:
        p = pids.pop()
        seen.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    pids.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    sizes = []
    for p in seen:
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]))
        except OSError:
            pass
    return sum(sizes), max(sizes, default=0)


def ingest(files: list[Path], db: Path, engine: str, workers: int | None, n: int) -> dict:
    for f in (db, Path(str(db) + ".wal")):
        f.unlink(missing_ok=True)
    args = json.dumps({"files": [str(f) for f in files], "db": str(db), "engine": engine, "workers": workers})
    load0 = os.getloadavg()[0]
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _RUNNER, args], stdout=subprocess.PIPE, text=True)
    peak = [0, 0]
    loads = [load0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.5):
            total, one = _tree_rss(proc.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], one)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    summary, last = None, 0.0
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("progress"):
            _p, secs, read, _ingested = line.split()
            if float(secs) - last >= 60 or not last:
                last = float(secs)
                loads.append(os.getloadavg()[0])
                print(f"  {n:,}: {float(secs):7.0f} s, {int(read):,} rows, {int(read) / float(secs):.0f} rows/s, "
                      f"RSS now {_tree_rss(proc.pid)[0] / 1024:.0f} MB (peak {peak[0] / 1024:.0f} MB), "
                      f"load {loads[-1]:.1f}", flush=True)
        elif line.startswith("summary"):
            summary = json.loads(line.split(" ", 1)[1])
    proc.wait()
    wall = time.perf_counter() - t0
    stop.set()
    sampler.join()
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 or summary is None:
        raise SystemExit(f"ingest of {n} failed (exit {proc.returncode})")
    loads.append(os.getloadavg()[0])
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    return dict(n=n, engine=engine, workers=workers, seconds=round(wall, 1), postings_per_s=round(n / wall, 1),
                cpu_s=round(cpu, 1), cpu_ms_per_posting=round(cpu / n * 1000, 2), ingested=summary["ingested"],
                duplicates=summary["duplicates"], peak_rss_mb=round(peak[0] / 1024), peak_one_process_mb=round(peak[1] / 1024),
                db_mb=round(db.stat().st_size / 1e6, 1), corpus_mb=round(sum(f.stat().st_size for f in files) / 1e6, 1),
                load_min=round(min(loads), 1), load_max=round(max(loads), 1))


def time_queries(db: Path) -> dict[str, tuple[float, float]]:
    out = {}
    for name, argv in QUERIES.items():
        times = []
        for _ in range(3):
            t = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "skillradar", *argv, "--db", str(db)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if done.returncode != 0:
                raise SystemExit(f"{name} failed (exit {done.returncode})")
            times.append(time.perf_counter() - t)
        out[name] = (min(times), statistics.median(times))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    ap.add_argument("--length", choices=("real", "template"), default="real")
    ap.add_argument("--engine", choices=("local", "dask"), default="local")
    ap.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    ap.add_argument("--workdir", default="/tmp/market-scale")
    ap.add_argument("--queries", action="store_true")
    ap.add_argument("--files-written-ahead", action="store_true",
                    help="do not generate: another process writes the corpus files while the ingest reads them")
    args = ap.parse_args()
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    print(f"{time.strftime('%Y-%m-%d %H:%M')}; {os.cpu_count()} cores; postings of {args.length} length; "
          f"engine {args.engine}, workers {args.workers or 'one per core'}", flush=True)
    results = []
    for n in args.sizes:
        files = corpus_files(n, work, args.length, not args.files_written_ahead)
        db = work / f"market_{args.length}_{args.engine}_{n}.duckdb"
        res = ingest(files, db, args.engine, args.workers, n)
        print(json.dumps(res), flush=True)
        results.append(res)
    print()
    print("| postings | time | postings/s | CPU-s (ms per posting) | peak RSS, all processes (largest one) | DB size | load avg |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['n']:,} | {r['seconds']:,.0f} s | {r['postings_per_s']:,.0f} | {r['cpu_s']:,.0f} ({r['cpu_ms_per_posting']}) "
              f"| {r['peak_rss_mb']:,} MB ({r['peak_one_process_mb']:,} MB) | {r['db_mb']:,} MB "
              f"| {r['load_min']}–{r['load_max']} |")
    if args.queries:
        db = work / f"market_{args.length}_{args.engine}_{args.sizes[-1]}.duckdb"
        print(f"\nqueries on {args.sizes[-1]:,} postings, fresh process each (start-up included), best / median of 3:")
        for name, (best, median) in time_queries(db).items():
            print(f"| `{name}` | {best:.2f} s | {median:.2f} s |")


if __name__ == "__main__":
    main()
