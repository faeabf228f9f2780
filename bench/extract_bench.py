"""Extraction throughput and memory: in-process (lexical stage alone and the whole pipeline) and the
whole CLI on a folder of files. Prints a Markdown table for bench/RESULTS.md.

    .venv/bin/python bench/extract_bench.py [--n 600]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus_variants import variants  # noqa: E402

from skillradar.detect.lexicon import lexicon_for  # noqa: E402
from skillradar.extract import extract_document  # noqa: E402
from skillradar.records import Document  # noqa: E402
from skillradar.taxonomy import load_taxonomy  # noqa: E402


def best_rate(fn, docs, repeats=3) -> float:
    """Documents per CPU-second of this process, best of ``repeats`` (CPU time resists other load)."""
    best = 0.0
    for _ in range(repeats):
        t = time.process_time()
        for d in docs:
            fn(d)
        best = max(best, len(docs) / (time.process_time() - t))
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=600)
    args = ap.parse_args()
    tax = load_taxonomy()
    lex = lexicon_for(tax)
    rows = []
    for join in (1, 2):
        texts = variants(args.n, seed=join, join=join)
        docs = [Document(f"v{i}", t) for i, t in enumerate(texts)]
        kb = sum(len(t) for t in texts) / len(texts) / 1024
        mentions = sum(len(extract_document(d, taxonomy=tax, kind="posting").mentions) for d in docs) / len(docs)
        lexical = best_rate(lambda d: lex.find(d.text), docs)
        full = best_rate(lambda d: extract_document(d, taxonomy=tax, kind="posting"), docs)
        rows.append((f"{len(docs)} postings, {kb:.1f} KB avg, {mentions:.0f} mentions/doc", lexical, full))

    texts = variants(args.n, seed=7)
    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(texts):
            Path(tmp, f"p{i:04d}.txt").write_text(t, encoding="utf-8")
        cli = str(Path(sys.executable).with_name("skillradar"))
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run([cli, "extract", tmp, "--format", "jsonl"], check=True, stdout=subprocess.DEVNULL)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        peak_mb = after.ru_maxrss / 1024
    print(f"taxonomy: {len(tax)} skills, {lex.size} surface forms; machine: {os.cpu_count()} cores")
    print("| documents | lexical stage (docs/CPU-s) | whole pipeline (docs/CPU-s) |")
    print("|---|---|---|")
    for label, lexical, full in rows:
        print(f"| {label} | {lexical:,.0f} | {full:,.0f} |")
    print(f"\nWhole CLI, {len(texts)} files (start-up included): {wall:.2f} s wall, {cpu:.2f} s CPU → "
          f"{len(texts) / cpu:,.0f} postings per CPU-second, {len(texts) / wall:,.0f} per wall second; "
          f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
