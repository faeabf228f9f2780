"""Time to assess one résumé (in-process and through the CLI) and to rank 1,000 résumés.

    .venv/bin/python bench/assess_timing.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESUME = ROOT / "examples" / "resume.md"
POSTING = ROOT / "examples" / "posting.md"


def main() -> int:
    t0 = time.perf_counter()
    from skillradar.assess import assess, build_target, rank
    from skillradar.records import Document
    from skillradar.taxonomy import load_taxonomy

    tax = load_taxonomy()
    assess(str(RESUME), posting=str(POSTING), taxonomy=tax)  # warm: taxonomy, lexicon
    warm = time.perf_counter() - t0
    runs = []
    for _ in range(30):
        t = time.perf_counter()
        assess(str(RESUME), posting=str(POSTING), taxonomy=tax)
        runs.append(time.perf_counter() - t)
    target = build_target(posting=str(POSTING), taxonomy=tax)
    runs_t = []
    for _ in range(30):
        t = time.perf_counter()
        assess(str(RESUME), target=target, taxonomy=tax)
        runs_t.append(time.perf_counter() - t)
    cli = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "skillradar", "assess", str(RESUME), "--posting", str(POSTING),
                        "--format", "json"], check=True, capture_output=True)
        cli.append(time.perf_counter() - t)
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "tests/data/resumes").glob("cv-*"))]
    docs = [Document(source=f"{i:04d}-{texts[i % len(texts)][0]}", text=texts[i % len(texts)][1]) for i in range(1000)]
    t = time.perf_counter()
    rows = rank(docs, posting=str(POSTING), taxonomy=tax)
    rank_s = time.perf_counter() - t
    assert len(rows) == 1000
    print(f"taxonomy: {len(tax)} skills; first call incl. imports and lexicon build: {warm:.2f} s")
    print(f"assess one résumé in-process (posting read each time), median of 30: {statistics.median(runs) * 1000:.1f} ms")
    print(f"assess one résumé in-process (posting prepared once), median of 30: {statistics.median(runs_t) * 1000:.1f} ms")
    print(f"assess one résumé via CLI (python -m skillradar … --format json), median of 3: {statistics.median(cli):.2f} s")
    print(f"rank 1,000 résumés (in memory, one posting): {rank_s:.2f} s ({1000 / rank_s:.0f} résumés/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
