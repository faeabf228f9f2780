"""Hostile uploads through the API (issue 12, items 1–3): coded 4xx answers, never 500, good résumés
of a ranking kept, bounded responses, and a coded 503 when heavy work is saturated."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from .test_api import assert_error

ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
ROT13 = b'<html><head><meta charset="rot13"></head><body><p>We need Python and SQL.</p></body></html>'
BAD_SJIS = b'<html><head><meta charset="shift_jis"></head><body><p>\x81\xff</p></body></html>'


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("mkfix", ROOT / "tests" / "data" / "readers" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def future_docx(gen) -> bytes:
    return gen.make_future_zip_docx()


@pytest.mark.parametrize("charset", ["rot13", "hex", "base64", "zlib", "uu", "punycode", "undefined"])
def test_extract_a_page_declaring_a_codec_that_is_no_text_encoding(client, charset):
    page = ROT13.replace(b"rot13", charset.encode())
    r = client.post("/api/extract", files={"file": ("job.html", page, "text/html")})
    assert r.status_code == 200, r.text
    body = r.json()
    assert [m["text"] for m in body["mentions"]] == ["Python", "SQL"]
    assert body["warnings"][0]["code"] == "charset_ignored"


@pytest.mark.parametrize("name,data,status,code", [
    ("future.docx", None, 422, "corrupt_file"),
    ("sjis.html", BAD_SJIS, 422, "decode_error"),
])
def test_extract_and_redact_answer_coded_errors(client, future_docx, name, data, status, code):
    data = data if data is not None else future_docx
    for endpoint in ("/api/extract", "/api/redact"):
        r = client.post(endpoint, files={"file": (name, data, "application/octet-stream")})
        assert_error(r, status, code)


def test_assess_with_a_hostile_resume_or_posting(client, future_docx, resume_bytes):
    r = client.post("/api/assess", files={"resume": ("cv.docx", future_docx)}, data={"role": "llm-engineer"})
    assert_error(r, 422, "corrupt_file")
    r = client.post("/api/assess", files={"resume": ("cv.md", resume_bytes), "posting": ("job.html", ROT13)})
    assert r.status_code == 200, r.text


def test_rank_keeps_the_good_resumes(client, future_docx, resume_bytes, posting_bytes):
    files = [("resumes", ("good.md", resume_bytes)), ("resumes", ("future.docx", future_docx)),
             ("resumes", ("page.html", ROT13)), ("resumes", ("sjis.html", BAD_SJIS)),
             ("posting", ("job.md", posting_bytes))]
    r = client.post("/api/rank", files=files)
    assert r.status_code == 200, r.text
    ranking = r.json()["ranking"]
    assert {row["resume"] for row in ranking if "rank" in row} == {"good.md", "page.html"}
    assert {row["resume"]: row["error"]["code"] for row in ranking if "error" in row} == {
        "future.docx": "corrupt_file", "sjis.html": "decode_error"}


def test_a_small_docx_holding_a_huge_document_is_refused(gen):
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    data = gen.make_large_docx(3 * MB)  # ~100 KB upload, 3 MB of markup
    with TestClient(create_app(max_upload_bytes=2 * MB), raise_server_exceptions=False) as small:
        r = small.post("/api/extract", files={"file": ("cv.docx", data)})
    error = assert_error(r, 413, "too_large")
    assert "document markup" in error["message"]


def test_a_huge_text_gets_a_bounded_answer(client):
    r = client.post("/api/extract", json={"text": "Python, " * 6000, "kind": "posting"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["truncated"] is True and len(body["mentions"]) == 5000
    assert any(w["code"] == "truncated" for w in body["warnings"])
    assert len(r.content) < 3 * MB


def test_saturated_heavy_work_answers_503_busy_with_retry_after():
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    app = create_app(max_concurrent=1)
    with TestClient(app, raise_server_exceptions=False) as c:
        slots = app.state.heavy
        assert slots._free.acquire(blocking=False)  # a long job holds the only slot
        try:
            r = c.post("/api/extract", json={"text": "We need Python."})
            error = assert_error(r, 503, "busy")
            assert r.headers["retry-after"] == "2" and "try again" in error["message"]
        finally:
            slots._free.release()
        r = c.post("/api/extract", json={"text": "We need Python."})
        assert r.status_code == 200 and r.json()["mentions"][0]["text"] == "Python"
        assert "retry-after" not in r.headers


def test_serve_offers_max_concurrent():
    from typer.testing import CliRunner

    from skillradar.cli import app

    from skillradar.errors import UsageError

    r = CliRunner().invoke(app, ["serve", "--max-concurrent", "0"])
    assert isinstance(r.exception, UsageError) and "--max-concurrent must be at least 1" in str(r.exception)
