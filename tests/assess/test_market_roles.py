"""With --db, roles measured from the stored postings are listed and used (source: market)."""

from __future__ import annotations

import csv
import json

import pytest

from .conftest import EXAMPLES, POSTINGS

import duckdb  # noqa: F401,E402  (an installed extra: fail loudly if missing)

TITLES = {"llm-engineer.txt": "Senior LLM Engineer", "ml-engineer.md": "Machine Learning Engineer",
          "data-scientist.md": "Data Scientist"}


@pytest.fixture()
def db(tmp_path, cli):
    src = tmp_path / "postings.csv"
    with open(src, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "date", "text"])
        for i, (name, title) in enumerate(TITLES.items()):
            w.writerow([i, title, "2025-01-01", (POSTINGS / name).read_text(encoding="utf-8")])
    path = tmp_path / "m.duckdb"
    code, _out, err = cli("market", "ingest", str(src), "--db", str(path), "--format", "json")
    assert code == 0, err
    return str(path)


def test_roles_lists_measured(cli, db):
    code, out, err = cli("roles", "--db", db, "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    market = [r for r in rows if r["source"] == "market"]
    assert {"LLM engineer", "ML engineer", "data scientist"} <= {r["name"] for r in market}
    assert all(r["postings"] >= 1 for r in market)


def test_assess_measured_role(cli, db):
    code, out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "llm-engineer", "--db", db, "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    assert d["target"]["profile_source"] == "market" and d["target"]["postings"] == 1
    assert all(s["demand"] is not None for s in d["target_skills"])


def test_unknown_measured_role_falls_back_to_curated(cli, db):
    code, out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "prompt-engineer", "--db", db,
                         "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    assert d["target"]["profile_source"] == "curated" and "used the curated profile" in d["target"]["note"]
