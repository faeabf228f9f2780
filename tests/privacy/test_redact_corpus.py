"""The 60 synthetic résumés of tests/data/pii: nothing planted survives, skill mentions are kept."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from skillradar.extract import extract_text
from skillradar.privacy import redact

PII = Path(__file__).resolve().parents[1] / "data" / "pii"
TRUTH = json.loads((PII / "truth.json").read_text(encoding="utf-8"))
PARTICLES = {"van", "den", "der", "de", "von"}


def test_corpus_is_large_and_varied():
    assert len(TRUTH) >= 50
    types = Counter(item["type"] for items in TRUTH.values() for item in items)
    for t in ("NAME", "EMAIL", "PHONE", "URL", "HANDLE", "ADDRESS", "DATE_OF_BIRTH", "AGE", "NATIONAL_ID"):
        assert types[t] >= 5, t
    assert len({name.split("_")[1] for name in TRUTH}) >= 8  # countries
    assert len({name.split("_")[2] for name in TRUTH}) >= 7  # layouts


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_no_planted_item_survives(name, taxonomy):
    text = (PII / "resumes" / name).read_text(encoding="utf-8")
    red = redact(text, taxonomy=taxonomy)
    for item in TRUTH[name]:
        values = [item["value"]]
        if item["type"] == "NAME":
            values += [t for t in item["value"].split() if len(t) >= 3 and t.lower() not in PARTICLES]
        for v in values:
            assert not re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", red.text), (item["type"], v)
    for it in red.items:  # offsets index the original
        assert text[it.start:it.end] == it.original


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_skill_mentions_unchanged(name, taxonomy):
    """The same skill multiset before and after, except words inside an email, URL or handle
    ("github.com/jane" is a link, not a mention of GitHub)."""
    text = (PII / "resumes" / name).read_text(encoding="utf-8")
    red = redact(text, taxonomy=taxonomy)
    links = [(i.start, i.end) for i in red.items if i.type in ("EMAIL", "URL", "HANDLE")]
    before = Counter(m.skill_id for m in extract_text(text, taxonomy=taxonomy, kind="resume").mentions
                     if not any(a <= m.start and m.end <= b for a, b in links))
    after = Counter(m.skill_id for m in extract_text(red.text, taxonomy=taxonomy, kind="resume").mentions)
    assert before == after
    assert before  # the résumés do mention skills


def test_generator_is_deterministic(tmp_path, monkeypatch):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_resumes", PII / "make_resumes.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    monkeypatch.setattr(mod, "OUT", tmp_path / "resumes")
    monkeypatch.setattr(mod, "HERE", tmp_path)
    mod.main(len(TRUTH))
    assert json.loads((tmp_path / "truth.json").read_text(encoding="utf-8")) == TRUTH
    for name in TRUTH:
        assert (tmp_path / "resumes" / name).read_text(encoding="utf-8") == (PII / "resumes" / name).read_text(encoding="utf-8")
