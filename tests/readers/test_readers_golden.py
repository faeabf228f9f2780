"""Each committed fixture is read to exactly the text and page starts stored in its golden file.

Refresh after an intended change with ``SKILLRADAR_UPDATE_GOLDEN=1 pytest tests/readers``.
"""

from __future__ import annotations

import json
import os

import pytest

from skillradar.readers import read_path

from ._support import DATA, GOLDEN

FIXTURES = sorted(p.name for p in DATA.iterdir() if p.suffix != ".py" and not p.name.startswith("."))
UPDATE = os.environ.get("SKILLRADAR_UPDATE_GOLDEN") == "1"


def test_every_generated_fixture_is_committed(gen):
    assert set(gen.FIXTURES) == set(FIXTURES)


@pytest.mark.parametrize("name", FIXTURES)
def test_golden(name):
    doc = read_path(DATA / name)
    got = {
        "format": doc.format,
        "text": doc.text,
        "page_starts": list(doc.page_starts),
        "notices": [n.to_dict() for n in doc.notices],
    }
    golden = GOLDEN / f"{name}.json"
    if UPDATE or not golden.exists():
        golden.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"golden file {golden.name} was missing and has been written: check it and re-run")
    assert got == json.loads(golden.read_text(encoding="utf-8"))
