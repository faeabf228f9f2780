"""The real-posting labels in git are well formed (the texts they point into are git-ignored, so
``bench/real_postings.py --check-labels`` checks the placement; this checks what git holds)."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
from pathlib import Path

import pytest

from skillradar.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real" / "postings"
KINDS = {"title", "about", "responsibilities", "requirements", "preferred", "benefits", "eeo", "apply", "other"}
LEVELS = {"required", "preferred", "negated", None}


def _rows() -> list[dict]:
    with open(REAL / "index.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _bench():
    spec = importlib.util.spec_from_file_location("real_postings", ROOT / "bench" / "real_postings.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_index_rows_are_unique_and_complete():
    rows = _rows()
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({(r["source_repo"], r["source_path"]) for r in rows}) == len(rows)
    for r in rows:
        assert re.fullmatch(r"p\d{3}", r["id"]), r["id"]
        assert re.fullmatch(r"[0-9a-f]{64}", r["sha256"]), r["id"]
        assert re.fullmatch(r"[0-9a-f]{40}", r["source_commit"]), r["id"]
        assert r["split"] in {"tune", "heldout", "spare"}, r["id"]
        assert r["kind"] in {"ai_ml", "data", "other"}, r["id"]
        assert int(r["chars"]) > 0


def test_splits_have_the_documented_sizes():
    counts = {s: sum(1 for r in _rows() if r["split"] == s) for s in ("tune", "heldout", "spare")}
    assert counts == {"tune": 60, "heldout": 42, "spare": 21}


def test_every_labelled_split_posting_has_a_well_formed_label():
    known = {s.id for s in load_taxonomy(None).skills}
    renamed = json.loads((REAL / "new_skills.json").read_text(encoding="utf-8"))
    for r in _rows():
        path = REAL / "labels" / f"{r['id']}.json"
        if r["split"] == "spare":
            assert not path.exists(), f"{r['id']} is spare (unlabelled) but has a label file"
            continue
        label = json.loads(path.read_text(encoding="utf-8"))
        assert label["id"] == r["id"]
        assert label["sections"] and label["mentions"], r["id"]
        for sec in label["sections"]:
            assert sec["kind"] in KINDS and sec["at"], (r["id"], sec)
        for m in label["mentions"]:
            assert m["quote"] and m["quote"] in m["context"], (r["id"], m)
            assert m["requirement"] in LEVELS, (r["id"], m)
            for skill in (m["skill"], *m.get("also", [])):
                assert skill.startswith("new:") or renamed.get(skill, skill) in known, (r["id"], skill)


@pytest.mark.parametrize(("spec", "ids"), [
    ("p004", {"p004"}),
    ("p004, p094-p096", {"p004", "p094", "p095", "p096"}),
    ("p099-p101", {"p099", "p100", "p101"}),
])
def test_ids_option_reads_lists_and_ranges(spec, ids):
    assert _bench().parse_ids(spec) == ids


def test_ids_option_rejects_a_malformed_range():
    with pytest.raises(ValueError, match="not a range"):
        _bench().parse_ids("p1-x9")
