"""The synthetic résumés of tests/data/pii: nothing planted survives, skill mentions are kept.

The ``*_hard*`` résumés hold what survived the first redactor (issue 12) in eight countries'
formats: IBANs spaced, unspaced and in lower case, passports with their local word, "+91 9876543210",
street names with a preposition ("Am Kupfergraben 6"), "Surname, Given" and non-Latin header names,
people named in the body ("References: Dr. …", "reported to …") and places of birth."""

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
    for t in ("NAME", "EMAIL", "PHONE", "URL", "HANDLE", "ADDRESS", "DATE_OF_BIRTH", "AGE", "NATIONAL_ID", "IBAN",
              "PLACE_OF_BIRTH"):
        assert types[t] >= 5, t
    assert len({name.split("_")[1] for name in TRUTH}) >= 8  # countries
    assert len({name.split("_")[2] for name in TRUTH}) >= 7  # layouts
    hard = [name for name in TRUTH if "_hard" in name]
    assert {name.split("_")[1] for name in hard} >= {"de", "fr", "uk", "es", "it", "nl", "in", "us"}
    assert sum(1 for name in hard for item in TRUTH[name] if item["type"] == "IBAN") >= 15


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_no_planted_item_survives(name, taxonomy):
    text = (PII / "resumes" / name).read_text(encoding="utf-8")
    red = redact(text, taxonomy=taxonomy)
    for item in TRUTH[name]:
        values = [item["value"]]
        if item["type"] in ("NAME", "ADDRESS"):  # every part of a name or an address goes too
            values += [t.strip(",") for t in item["value"].split()
                       if len(t.strip(",")) >= 3 and t.lower() not in PARTICLES and not t[0].isdigit()]
        if item["type"] == "IBAN":
            values.append(item["value"].replace(" ", ""))
        for v in values:
            assert not re.search(r"(?<!\w)" + re.escape(v) + r"(?!\w)", red.text, re.I if item["type"] == "IBAN"
                                 else 0), (item["type"], v)
        if item["type"] == "IBAN":
            assert any(it.type == "IBAN" and it.original == item["value"] for it in red.items), item
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
    mod.main(sum(1 for name in TRUTH if "_hard" not in name))
    assert json.loads((tmp_path / "truth.json").read_text(encoding="utf-8")) == TRUTH
    for name in TRUTH:
        assert (tmp_path / "resumes" / name).read_text(encoding="utf-8") == (PII / "resumes" / name).read_text(encoding="utf-8")
