"""Golden files for the extractor: every mention (span, skill, level, years, section) of the hand-written
postings and the example résumé. Refresh after a deliberate change with SKILLRADAR_UPDATE_GOLDEN=1 and
review the diff."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from skillradar.extract import extract_path
from skillradar.readers import read_path

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "data" / "golden" / "extract"
INPUTS = sorted(p for p in (ROOT / "bench" / "corpus").iterdir() if p.suffix in (".md", ".txt", ".html"))
INPUTS += [ROOT / "examples" / "resume.md", ROOT / "examples" / "posting.md"]
KEYS = ("skill_id", "start", "end", "text", "line", "requirement", "years", "section", "method")


def _summary(path: Path) -> dict:
    ex = extract_path(path)
    return {"kind": ex.kind, "chars": ex.chars, "mentions": [{k: getattr(m, k) for k in KEYS} for m in ex.mentions]}


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_extraction_matches_golden(path: Path):
    got = _summary(path)
    golden = GOLDEN / (path.name + ".json")
    if os.environ.get("SKILLRADAR_UPDATE_GOLDEN") == "1" or not golden.exists():
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if os.environ.get("SKILLRADAR_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {golden.name} was missing and has been written: review and commit it")
    want = json.loads(golden.read_text(encoding="utf-8"))
    assert got == want, f"extraction of {path.name} changed; if deliberate, refresh with SKILLRADAR_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_spans_reproduce_the_text(path: Path):
    text = read_path(path).text
    for m in extract_path(path).mentions:
        assert text[m.start:m.end] == m.text


def test_ai_postings_yield_many_distinct_skills():
    counts = [len({m.skill_id for m in extract_path(p, kind="posting").mentions}) for p in INPUTS[:-2]]
    assert min(counts) >= 8, counts
