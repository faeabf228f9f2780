"""With --db, roles measured from the stored postings are listed and used (source: measured), and every
output says which profile a role's assessment used: one word for the source in `roles`, `market roles`,
`assess` and the API."""

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
    market = [r for r in rows if r["source"] == "measured"]
    assert {"LLM engineer", "ML engineer", "data scientist"} <= {r["name"] for r in market}
    assert all(r["postings"] >= 1 for r in market)


def test_assess_measured_role(cli, db):
    code, out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "llm-engineer", "--db", db, "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    assert d["target"]["profile_source"] == "measured" and d["target"]["postings"] == 1
    assert all(s["demand"] is not None for s in d["target_skills"])
    # the switch from the curated profile is said, with how to get the curated one back
    assert "shares of the 1 postings" in d["target"]["note"] and "--role-source curated" in d["target"]["note"]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_every_assess_output_states_the_role_source(cli, db, fmt):
    code, out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "llm-engineer", "--db", db, "--format", fmt)
    assert code == 0, err
    assert "measured from 1 postings in the market database" in " ".join(out.split())
    code, out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "llm-engineer", "--format", fmt)
    assert code == 0, err
    assert "curated role profile" in " ".join(out.split()) and "measured" not in out


def test_one_word_for_the_source_everywhere(cli, db):
    """`roles`, `market roles` and the API name a measured role's source alike."""
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    code, out, _ = cli("market", "roles", "--db", db, "--format", "json")
    assert code == 0 and {r["source"] for r in json.loads(out)} == {"measured"}
    code, out, _ = cli("roles", "--db", db, "--format", "json")
    assert {r["source"] for r in json.loads(out)} == {"curated", "measured"}
    with TestClient(create_app(db=db)) as client:
        assert {r["source"] for r in client.get("/api/roles").json()["roles"]} == {"curated", "measured"}


def test_unknown_measured_role_falls_back_to_curated(cli, db):
    code, out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "prompt-engineer", "--db", db,
                         "--format", "json")
    assert code == 0, err
    d = json.loads(out)
    assert d["target"]["profile_source"] == "curated" and "used the curated profile" in d["target"]["note"]


def test_role_source_picks_the_profile(cli, db):
    code, out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "llm-engineer", "--db", db,
                         "--role-source", "curated", "--format", "json")
    assert code == 0, err
    assert json.loads(out)["target"]["profile_source"] == "curated"
    code, out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "llm-engineer", "--db", db,
                         "--role-source", "measured", "--format", "json")
    assert code == 0 and json.loads(out)["target"]["profile_source"] == "measured"
    # a measured profile needs a database, and one the database has
    code, _out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "llm-engineer", "--role-source", "measured")
    assert code == 2 and "--db" in err
    code, _out, err = cli("assess", str(EXAMPLES / "resume.md"), "--role", "prompt-engineer", "--db", db,
                          "--role-source", "measured")
    assert code == 2 and "no measured profile for role 'prompt-engineer'" in err and "LLM engineer" in err


def test_the_web_page_gets_the_profile_it_chose(db, tmp_path):
    """/api/roles lists curated and measured profiles apart; asking for the curated one gets it."""
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    cv = (EXAMPLES / "resume.md").read_bytes()
    with TestClient(create_app(db=db)) as client:
        for source in ("curated", "measured"):
            r = client.post("/api/assess", files={"resume": ("cv.md", cv, "text/markdown")},
                            data={"role": "llm-engineer", "role_source": source})
            assert r.status_code == 200, r.text
            assert r.json()["target"]["profile_source"] == source
        bad = client.post("/api/assess", files={"resume": ("cv.md", cv, "text/markdown")},
                          data={"role": "llm-engineer", "role_source": "market"})
        assert bad.status_code == 422 and "auto, curated, measured" in bad.json()["error"]["message"]


def test_rank_for_a_measured_role(cli, db):
    cvs = [str(EXAMPLES / "resume.md"), str(POSTINGS.parent / "resumes" / "cv-014.txt")]
    code, out, err = cli("rank", "--role", "llm-engineer", "--db", db, *cvs)
    assert code == 0, err
    assert "Ranking for the role LLM engineer, measured from 1 postings in the market database" in " ".join(out.split())
    code, out, err = cli("rank", "--role", "llm-engineer", "--db", db, "--role-source", "curated", *cvs,
                         "--format", "json")
    assert code == 0, err
    assert [r["rank"] for r in json.loads(out)["ranking"]] == [1, 2]
