"""Whole-process speed on the real postings: skillradar's CLI vs esco-skill-extractor, same run.

    .venv/bin/python bench/whole_process_speed.py [--peer-python /work/peer-venv/bin/python] [--repeats 3] [--n 100]

Each side is one fresh process over the same postings (``tests/data/real/postings/raw``, rebuilt by
``bench/fetch_real.py``), start-up, model loading and output included, caches warm (a first,
untimed run of each fills them: our label vectors and static table, the peer's ESCO embeddings):
* ours: ``python -m skillradar extract DIR --semantic --format jsonl`` (DIR: a copy of the first ``--n``) (and with ``--phrases``,
  and with neither), stdout discarded;
* the peer: ``bench/peer_run_esco.py`` (build the extractor, two-text warm-up, ``get_skills`` over
  all postings, a segmentation pass for its report) in the peer venv (``bench/peer_setup.sh``).
Postings per wall-second and per CPU-second (user + system of the child), the median of
``--repeats`` runs (by wall time); the ratios are ours / the peer's, wall to wall and CPU to CPU (the
CPU one is steadier when other jobs share the machine).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "tests" / "data" / "real" / "postings" / "raw"


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd[:4])} … exited {r.returncode}: {r.stderr[-1500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def median_run(cmd: list[str], repeats: int, env: dict | None = None) -> tuple[float, float]:
    timed(cmd, env)  # warm the caches, untimed
    runs = sorted((timed(cmd, env) for _ in range(repeats)), key=lambda r: r[0])
    return runs[len(runs) // 2]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peer-python", default="/work/peer-venv/bin/python")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--n", type=int, default=100, help="the first N postings by file name")
    args = ap.parse_args()
    files = sorted(RAW.glob("*.txt"))[: args.n]
    if not files:
        sys.exit(f"no postings in {RAW}: run bench/fetch_real.py first")
    n = len(files)
    print("run at", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
          f"· {n} real postings · load average {os.getloadavg()[0]:.1f}")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    ours = {}
    with tempfile.TemporaryDirectory(prefix="speed-") as work:
        for f in files:  # the CLI reads a folder: the chosen postings only
            Path(work, f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        for name, flags in (("semantic on", ["--semantic"]), ("semantic + phrases", ["--semantic", "--phrases"]),
                            ("default (lexical)", [])):
            cmd = [sys.executable, "-m", "skillradar", "extract", work, "--format", "jsonl", *flags]
            wall, cpu = median_run(cmd, args.repeats, env)
            ours[name] = (wall, cpu)
            print(f"skillradar extract, {name:20s}: {n / wall:6.1f} postings/s wall ({wall:.2f} s), {n / cpu:6.1f} per CPU-s")
    if not Path(args.peer_python).exists():
        print(f"peer not measured: {args.peer_python} missing (bench/peer_setup.sh)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "postings.jsonl", Path(tmp) / "peer.json"
        src.write_text("".join(json.dumps({"id": f.stem, "text": f.read_text(encoding="utf-8")}) + "\n" for f in files),
                       encoding="utf-8")
        p_wall, p_cpu = median_run([args.peer_python, str(ROOT / "bench" / "peer_run_esco.py"), str(src), str(out)], args.repeats)
        inner = json.loads(out.read_text())
    print(f"esco-skill-extractor, whole process   : {n / p_wall:6.1f} postings/s wall ({p_wall:.2f} s), {n / p_cpu:6.1f} per CPU-s"
          f" (get_skills alone {inner['postings_per_s']:.1f}/s, init {inner['init_s']:.1f} s)")
    for name, (w, c) in ours.items():
        print(f"ratio, skillradar {name} / peer: wall {p_wall / w:.1f}x, CPU {p_cpu / c:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
