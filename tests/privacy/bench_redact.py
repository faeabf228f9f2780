"""Redaction speed on the 60 synthetic résumés: ``.venv/bin/python tests/privacy/bench_redact.py``."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from skillradar.privacy import redact
from skillradar.taxonomy import load_taxonomy

texts = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parents[1] / "data" / "pii" / "resumes").glob("*.txt"))]
tax = load_taxonomy()
redact(texts[0], taxonomy=tax)  # build the lexicon once
chars = sum(len(t) for t in texts)


def run(**kw) -> float:
    rates = []
    for _ in range(5):
        t0 = time.perf_counter()
        for t in texts:
            redact(t, **kw)
        rates.append(len(texts) / (time.perf_counter() - t0))
    return statistics.median(rates)


big = "\n\n".join(texts * 2)  # one ~60 KB document
t0 = time.perf_counter()
redact(big, taxonomy=tax)
big_ms = (time.perf_counter() - t0) * 1000
print(f"taxonomy: {len(tax.skills)} skills; {len(texts)} résumés, mean {chars / len(texts):.0f} chars")
print(f"with skill protection: {run(taxonomy=tax):.0f} résumés/s")
print(f"without (protect=[]):  {run(protect=[]):.0f} résumés/s")
print(f"one {len(big) // 1000} KB document: {big_ms:.0f} ms")
