"""Wall time of market query commands, start-up included: each command is a fresh process, as a user
runs it. Compares two source trees (e.g. the main checkout before a change and a worktree after).

    .venv/bin/python bench/market_query_startup.py --db DB [--src before=/work/main/src --src after=src] [--runs 7]

Prints, per command and source tree, the best and the median wall time and the median CPU time (user +
system, which other load on the machine changes least) of ``--runs`` runs, alternating
the trees run by run so both see the same load. Figures go to bench/RESULTS.md with the date, the
load average and the database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

COMMANDS = {
    "top": ["market", "top"],
    "top --location --seniority": ["market", "top", "--location", "remote", "--seniority", "senior"],
    "trends --split": ["market", "trends", "--split", "2024-06-01"],
    "trends --monthly": ["market", "trends", "--monthly"],
    "cooccur --skill python": ["market", "cooccur", "--skill", "python"],
    "compare (two filters)": ["market", "compare", "--a", "until=2024-05-31", "--b", "since=2024-06-01"],
    "trends --split --location --seniority": ["market", "trends", "--split", "2024-06-01", "--location", "remote",
                                              "--seniority", "senior"],
    "trends --monthly --location --seniority": ["market", "trends", "--monthly", "--location", "remote",
                                                "--seniority", "senior"],
    "cooccur --location --seniority": ["market", "cooccur", "--skill", "python", "--location", "remote",
                                       "--seniority", "senior"],
    "compare (seniority)": ["market", "compare", "--a", "seniority=senior", "--b", "seniority=unspecified"],
    "duplicates": ["market", "duplicates"],
    # reads every stored text at query time (minutes at 156k): only with --only emerging
    "emerging": ["market", "emerging"],
}
_OPT_IN = {"emerging"}


def _run(src: str, argv: list[str], db: str) -> tuple[float, float] | None:
    """(wall, CPU user+system) seconds of one fresh process; CPU time is what other load changes least."""
    import resource

    env = dict(os.environ, PYTHONPATH=src)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "skillradar", *argv, "--db", db], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (wall, cpu) if done.returncode == 0 else None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--src", action="append", default=[], help="NAME=PATH of a source tree (repeatable)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--only", nargs="*", default=None, help="command names to run (default: all)")
    args = ap.parse_args()
    trees = dict(s.split("=", 1) for s in args.src) or {"this": "src"}
    print(f"load average before: {os.getloadavg()[0]:.2f}; db {args.db}; {args.runs} runs each")
    for name, argv in COMMANDS.items():
        if (args.only and name not in args.only) or (not args.only and name in _OPT_IN):
            continue
        times: dict[str, list[tuple[float, float]]] = {t: [] for t in trees}
        for _ in range(args.runs):
            for tree, src in trees.items():
                wall = _run(src, argv, args.db)
                if wall is not None:
                    times[tree].append(wall)
        cells = [f"{tree}: " + (f"wall best {min(w for w, _ in v):.2f} s, median {statistics.median(w for w, _ in v):.2f} s; "
                                f"CPU median {statistics.median(c for _, c in v):.2f} s" if v else "fails / absent")
                 for tree, v in times.items()]
        print(f"{name:28s} " + " | ".join(cells))
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
