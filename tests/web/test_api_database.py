"""The API over a broken or busy market database: 503 with a code (and Retry-After when busy), no
paths or PIDs in the answer, and curated roles that keep working without the database."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from skillradar.web.app import create_app

MARKET = ["/api/market/top", "/api/market/trends?split=2024-01-01", "/api/market/monthly",
          "/api/market/cooccur?skill=lang.python"]


def _client(db: Path) -> TestClient:
    return TestClient(create_app(db=db), raise_server_exceptions=False)


def _no_leak(text: str, db: Path) -> None:
    assert str(db.parent) not in text and db.name not in text, text
    assert "PID" not in text and "python" not in text.lower() and "Traceback" not in text, text


@pytest.fixture()
def broken(market_db, tmp_path) -> Path:
    data = market_db.read_bytes()
    db = tmp_path / "broken.duckdb"
    db.write_bytes(data[: len(data) // 2])
    return db


@pytest.fixture()
def busy(market_db, tmp_path):
    db = tmp_path / "busy.duckdb"
    shutil.copy(market_db, db)
    code = ("import sys, duckdb; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
            "sys.stdin.read(); con.close()")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "locked"
    yield db
    proc.stdin.close()
    proc.wait(timeout=30)


@pytest.mark.parametrize("url", MARKET)
def test_market_on_a_cut_off_database_is_503(broken, url):
    with _client(broken) as c:
        r = c.get(url)
    assert r.status_code == 503, r.text
    assert r.json()["error"]["code"] == "database_corrupt"
    assert "the market database cannot be read" in r.json()["error"]["message"]
    _no_leak(r.text, broken)


@pytest.mark.parametrize("url", MARKET[:2])
def test_market_during_an_ingest_is_503_with_retry_after(busy, url):
    with _client(busy) as c:
        r = c.get(url)
    assert r.status_code == 503, r.text
    assert r.json()["error"]["code"] == "database_locked"
    assert int(r.headers["retry-after"]) > 0
    _no_leak(r.text, busy)


@pytest.mark.parametrize("which", ["broken", "busy"])
def test_roles_list_curated_roles_with_a_warning(request, which):
    db = request.getfixturevalue(which)
    with _client(db) as c:
        r = c.get("/api/roles")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["roles"] and {row["source"] for row in body["roles"]} == {"curated"}
    assert [w["code"] for w in body["warnings"]] == ["database_corrupt" if which == "broken" else "database_locked"]
    _no_leak(r.text, db)


def test_assess_against_a_curated_role_works_without_the_database(broken, resume_bytes):
    with _client(broken) as c:
        r = c.post("/api/assess", files={"resume": ("cv.md", resume_bytes, "text/markdown")},
                   data={"role": "llm-engineer"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["target"]["profile_source"] == "curated" and body["overall"] > 0
    assert body["warnings"][0]["code"] == "database_corrupt"
    _no_leak(str(body["warnings"]) + str(body["target"]), broken)


def test_assess_against_a_posting_works_without_the_database(busy, resume_bytes, posting_bytes):
    with _client(busy) as c:
        r = c.post("/api/assess", files={"resume": ("cv.md", resume_bytes, "text/markdown"),
                                         "posting": ("job.md", posting_bytes, "text/markdown")})
    assert r.status_code == 200, r.text
    assert r.json()["warnings"][0]["code"] == "database_locked"


def test_measured_target_note_holds_no_path(market_client, market_db, resume_bytes):
    r = market_client.post("/api/assess", files={"resume": ("cv.md", resume_bytes, "text/markdown")},
                           data={"role": "ML engineer"})
    assert r.status_code == 200, r.text
    assert str(market_db) not in r.text and market_db.name not in r.text


def test_missing_database_file_message_names_no_path(tmp_path):
    db = tmp_path / "none.duckdb"
    with _client(db) as c:
        r = c.get("/api/market/top")
    assert r.status_code == 503 and r.json()["error"]["code"] == "no_database"
    _no_leak(r.text, db)
