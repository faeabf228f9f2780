"""Requirement level and years on a labelled set of posting sentences (tests/data/context/cases.jsonl).

Every case must hold: the set is ours and small, so a miss is a bug to fix or a case to discuss, not a
rate to tolerate. ``bench/extract_quality.py`` reports the same set as an accuracy figure.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillradar.extract import extract_text

CASES = [json.loads(l) for l in (Path(__file__).resolve().parents[1] / "data" / "context" / "cases.jsonl")
         .read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["text"][:40])
def test_requirement_and_years(case):
    ms = [m for m in extract_text(case["text"], kind="posting").mentions if case["skill"].lower() in m.text.lower()]
    assert ms, f"'{case['skill']}' not found in: {case['text']}"
    m = ms[0]
    assert (m.requirement, m.years) == (case["requirement"], case["years"] and float(case["years"])), case["text"]
