"""The REST API in-process: every endpoint, the one error shape, upload limits, headers."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
READERS = ROOT / "tests" / "data" / "readers"
POSTING = "We need 5+ years of Python and experience with RAG. Nice to have: PyTorch. No Kubernetes needed."


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message"}, body
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert body["error"]["code"] and body["error"]["code"] == body["error"]["code"].lower()
    if code is not None:
        assert body["error"]["code"] == code, body
    return body["error"]


def check_spans(extraction: dict, text: str) -> None:
    for m in extraction["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]


# --------------------------------------------------------------------------------------- page and headers


def test_index_page_and_security_headers(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "skillradar" in r.text and "/static/app.js" in r.text
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert "<script>" not in r.text  # no inline scripts: CSP would block them
    for asset in ("/static/app.js", "/static/charts.js", "/static/app.css", "/static/favicon.svg"):
        a = client.get(asset)
        assert a.status_code == 200, asset
        assert a.headers["x-content-type-options"] == "nosniff"


def test_no_cors_by_default(client):
    r = client.get("/api/taxonomy", headers={"Origin": "https://evil.example"})
    assert r.status_code == 200
    assert not any(h.lower().startswith("access-control-") for h in r.headers)
    pre = client.options("/api/extract", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in pre.headers


def test_cors_only_when_configured():
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    with TestClient(create_app(cors_origins=("https://ok.example",))) as c:
        ok = c.get("/api/roles", headers={"Origin": "https://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "https://ok.example"
        other = c.get("/api/roles", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_api_responses_are_not_cached(client):
    r = client.post("/api/extract", json={"text": POSTING})
    assert r.headers["cache-control"] == "no-store"
    assert r.headers["content-security-policy"]


def test_openapi_lists_every_endpoint(client):
    r = client.get("/openapi.json")
    assert r.status_code == 200
    paths = r.json()["paths"]
    for p in ("/api/extract", "/api/link", "/api/assess", "/api/rank", "/api/taxonomy", "/api/taxonomy/{skill_id}",
              "/api/roles", "/api/posting/check", "/api/redact", "/api/market/top", "/api/market/trends",
              "/api/market/cooccur", "/api/market/monthly"):
        assert p in paths, p
    body = paths["/api/extract"]["post"]["requestBody"]["content"]
    assert "application/json" in body and "multipart/form-data" in body


# --------------------------------------------------------------------------------------- extract


def test_extract_json_matches_library(client):
    from skillradar import extract_text

    r = client.post("/api/extract", json={"text": POSTING, "kind": "posting"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body == extract_text(POSTING, kind="posting").to_dict()
    assert body["kind"] == "posting" and body["chars"] == len(POSTING)
    ids = {m["skill_id"]: m for m in body["mentions"]}
    assert ids["lang.python"]["years"] == 5.0 and ids["lang.python"]["requirement"] == "required"
    check_spans(body, POSTING)


def test_extract_kind_auto_and_null(client):
    for kind in (None, "auto"):
        r = client.post("/api/extract", json={"text": POSTING, "kind": kind})
        assert r.status_code == 200
        assert r.json()["kind"] in ("posting", "resume")


def test_extract_file_matches_cli_jsonl(client, posting_bytes, run_cli):
    r = client.post("/api/extract", files={"file": ("posting.md", posting_bytes, "text/markdown")})
    assert r.status_code == 200, r.text
    cli = run_cli("extract", str(ROOT / "examples" / "posting.md"), "--format", "jsonl")
    assert cli.returncode == 0, cli.stderr
    expected = json.loads(cli.stdout.splitlines()[0])
    got = r.json()
    assert got["source"] == "posting.md"
    expected.pop("source"), got.pop("source")
    assert got == expected


@pytest.mark.parametrize("fixture,name", [("multi_page.pdf", "upload.txt"), ("resume.docx", "cv.pdf"),
                                          ("posting.html", "posting")])
def test_extract_sniffs_content_not_name(client, fixture, name):
    from skillradar.readers import read_path

    data = (READERS / fixture).read_bytes()
    r = client.post("/api/extract", files={"file": (name, data, "application/octet-stream")},
                    data={"kind": "auto"})
    assert r.status_code == 200, r.text
    text = read_path(READERS / fixture).text
    assert r.json()["chars"] == len(text)
    check_spans(r.json(), text)


def test_extract_file_name_is_cleaned(client):
    for name in ("../../etc/cv.txt", "C:\\Users\\me\\cv.txt"):
        r = client.post("/api/extract", files={"file": (name, b"Python and PyTorch", "text/plain")})
        assert r.status_code == 200
        assert r.json()["source"] == "cv.txt"


def test_extract_unsupported_upload_is_415(client):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(64)
    err = assert_error(client.post("/api/extract", files={"file": ("cv.pdf", png, "application/pdf")}), 415,
                       "unsupported_format")
    assert "PNG" in err["message"]


@pytest.mark.parametrize("payload,code", [
    ({"text": ""}, "empty_text"),
    ({"text": "   \n\t "}, "empty_text"),
    ({"text": POSTING, "kind": "memo"}, "invalid_request"),
    ({"kind": "posting"}, "invalid_request"),
    ({"text": 42}, "invalid_request"),
    ([1, 2, 3], "invalid_request"),
])
def test_extract_invalid_json_is_422(client, payload, code):
    assert_error(client.post("/api/extract", json=payload), 422, code)


def test_extract_garbage_bodies(client):
    assert_error(client.post("/api/extract", content=b"{not json", headers={"content-type": "application/json"}),
                 422, "invalid_json")
    assert_error(client.post("/api/extract", content=b"", headers={"content-type": "application/json"}),
                 422, "empty_body")
    assert_error(client.post("/api/extract", content=b"\xff\xfe\x00garbage", headers={"content-type": "application/json"}),
                 422, "invalid_json")
    # binary noise uploaded as a file: unreadable, not a server fault
    noise = bytes(range(256)) * 8
    assert_error(client.post("/api/extract", files={"file": ("cv.txt", noise, "text/plain")}), 422, "decode_error")
    # an empty file
    assert_error(client.post("/api/extract", files={"file": ("cv.txt", b"", "text/plain")}), 422, "empty_text")
    # a truncated PDF
    pdf = (READERS / "multi_page.pdf").read_bytes()[:400]
    err = assert_error(client.post("/api/extract", files={"file": ("cv.pdf", pdf, "application/pdf")}), 422)
    assert err["code"] in ("corrupt_file", "decode_error")
    # multipart without the file field
    assert_error(client.post("/api/extract", files={"other": ("x.txt", b"Python", "text/plain")}), 422, "missing_field")
    # malformed multipart
    assert_error(client.post("/api/extract", content=b"--zz\r\nnonsense",
                             headers={"content-type": "multipart/form-data; boundary=zz"}), 422)
    assert_error(client.post("/api/extract", content=b"x", headers={"content-type": "multipart/form-data"}),
                 422, "invalid_form")


def test_extract_wrong_content_type_is_415(client):
    assert_error(client.post("/api/extract", content=POSTING.encode(), headers={"content-type": "text/plain"}),
                 415, "unsupported_media_type")
    assert_error(client.post("/api/extract", content=POSTING.encode()), 415, "unsupported_media_type")


def test_extract_non_english_warns(client):
    text = ("Nous recherchons un ingénieur expérimenté pour notre équipe. Vous travaillerez avec les données et "
            "les modèles de langage. Le poste est basé à Paris et nous offrons un salaire compétitif. ") * 2
    r = client.post("/api/extract", json={"text": text})
    assert r.status_code == 200
    assert any(w["code"] == "unsupported_language" for w in r.json().get("warnings", []))


# --------------------------------------------------------------------------------------- size limits


@pytest.fixture(scope="module")
def small_app():
    from skillradar.web.app import create_app

    return create_app(max_upload_bytes=4096)


def test_oversized_upload_by_content_length_is_413(small_app):
    from fastapi.testclient import TestClient

    with TestClient(small_app) as c:
        big = b"Python " * 2000
        err = assert_error(c.post("/api/extract", files={"file": ("big.txt", big, "text/plain")}), 413, "too_large")
        assert "4 KB" in err["message"]
        assert_error(c.post("/api/extract", json={"text": "Python " * 1000}), 413, "too_large")
        # just under the limit still works, and the server keeps serving
        assert c.post("/api/extract", files={"file": ("ok.txt", b"Python and PyTorch", "text/plain")}).status_code == 200


_PART_HEAD = b'--xyz\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\nContent-Type: text/plain\r\n\r\n'


async def _drive(app, headers, chunks, chunk_size):
    """Call the ASGI app with a body of ``chunks`` chunks (no Content-Length); count what it pulled.

    A multipart body starts with a valid file part header, so only its size is wrong."""
    pulled = 0
    sent = []
    multipart = any(k == b"content-type" and v.startswith(b"multipart/") for k, v in headers)

    async def receive():
        nonlocal pulled
        if pulled < chunks:
            pulled += 1
            body = b"P" * chunk_size
            if pulled == 1 and multipart:
                body = _PART_HEAD + body[len(_PART_HEAD):]
            return {"type": "http.request", "body": body, "more_body": pulled < chunks}
        await asyncio.sleep(3600)  # the app must not wait for more
        return {"type": "http.disconnect"}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
             "path": "/api/extract", "raw_path": b"/api/extract", "query_string": b"", "root_path": "",
             "headers": headers, "client": ("127.0.0.1", 1234), "server": ("127.0.0.1", 8000), "state": {}}
    await asyncio.wait_for(app(scope, receive, send), timeout=30)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body), pulled


@pytest.mark.parametrize("content_type", [b"multipart/form-data; boundary=xyz", b"application/json"])
def test_streamed_upload_is_cut_off_at_the_limit(small_app, content_type):
    """A chunked body without Content-Length: refused as soon as it passes the limit, the rest never read."""
    chunk = 1024
    status, body, pulled = asyncio.run(_drive(small_app, [(b"content-type", content_type)], 10_000, chunk))
    assert status == 413
    assert body["error"]["code"] == "too_large"
    assert pulled <= 4096 // chunk + 1  # stopped right after passing 4 KB of a 10 MB body


def test_lying_content_length_is_refused_early(small_app):
    status, body, pulled = asyncio.run(_drive(small_app, [(b"content-type", b"application/json"),
                                                          (b"content-length", b"10")], 10_000, 1024))
    assert status == 413 and pulled <= 5


def test_declared_content_length_over_limit_reads_nothing(small_app):
    status, body, pulled = asyncio.run(_drive(small_app, [(b"content-type", b"application/json"),
                                                          (b"content-length", b"99999999")], 10_000, 1024))
    assert status == 413 and body["error"]["code"] == "too_large"
    assert pulled == 0


def test_bad_content_length_is_400(small_app):
    status, body, _ = asyncio.run(_drive(small_app, [(b"content-type", b"application/json"),
                                                     (b"content-length", b"lots")], 1, 10))
    assert status == 400 and body["error"]["code"] == "bad_request"


def test_server_keeps_serving_after_bad_requests(client, posting_bytes):
    bad = [
        lambda: client.post("/api/extract", content=b"\x00" * 1000, headers={"content-type": "application/json"}),
        lambda: client.post("/api/extract", files={"file": ("a.png", b"\x89PNG\r\n\x1a\n" + bytes(50), "image/png")}),
        lambda: client.post("/api/assess", data={"resume_text": ""}),
        lambda: client.get("/api/taxonomy/not.a.skill"),
        lambda: client.put("/api/extract"),
        lambda: client.post("/api/link", json={"lines": "nope"}),
    ]
    for send in bad * 3:
        r = send()
        assert 400 <= r.status_code < 500, (r.status_code, r.text)
        assert "error" in r.json()
    ok = client.post("/api/extract", files={"file": ("posting.md", posting_bytes, "text/markdown")})
    assert ok.status_code == 200 and ok.json()["mentions"]


# --------------------------------------------------------------------------------------- errors


def test_unknown_route_and_method(client):
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.get("/no/such/page"), 404, "not_found")
    assert_error(client.get("/api/extract"), 405, "method_not_allowed")
    assert_error(client.delete("/api/assess"), 405, "method_not_allowed")
    assert_error(client.get("/static/../../pyproject.toml"), 404)


def test_server_fault_is_500_without_details(caplog):
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    app = create_app()

    def explode():
        raise RuntimeError("secret résumé content: Priya Raman, +49 30 1234 5678")

    app.add_api_route("/api/explode", explode, methods=["GET"])
    caplog.set_level(logging.INFO)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/explode")
        err = assert_error(r, 500, "internal_error")
        assert "secret" not in r.text and "Traceback" not in r.text and "RuntimeError" not in r.text
        assert c.get("/api/roles").status_code == 200  # still serving
    logged = "\n".join(rec.getMessage() for rec in caplog.records)
    assert "RuntimeError" in logged
    assert "Priya" not in logged and "1234" not in logged and "secret" not in logged
    assert err["message"]


def test_logs_hold_no_personal_data(client, caplog):
    caplog.set_level(logging.DEBUG, logger="skillradar.web")
    text = "Quokka Zyxwvut, quokka@example.com. Senior engineer with Python and PyTorch."
    client.post("/api/extract", json={"text": text})
    client.post("/api/extract", files={"file": ("Quokka-Zyxwvut-CV.txt", text.encode(), "text/plain")})
    client.post("/api/extract", files={"file": ("Quokka-Zyxwvut.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "image/png")})
    logged = "\n".join(rec.getMessage() for rec in caplog.records)
    assert "/api/extract" in logged and "200" in logged
    assert "Quokka" not in logged and "quokka" not in logged and "example.com" not in logged


# --------------------------------------------------------------------------------------- link


def test_link(client):
    r = client.post("/api/link", json={"lines": ["we build retrieval augmented generation pipelines", "", "  "],
                                       "top_k": 3})
    assert r.status_code == 200, r.text
    res = r.json()["results"]
    assert len(res) == 3
    assert res[1] == {"text": "", "candidates": []} and res[2]["candidates"] == []
    cands = res[0]["candidates"]
    assert 1 <= len(cands) <= 3 and cands[0]["skill_id"] == "genai.rag"
    assert all(set(c) == {"skill_id", "label", "score"} for c in cands)


@pytest.mark.parametrize("payload", [{"lines": "text"}, {"lines": ["a"], "top_k": -1}, {}, {"lines": ["a"] * 1001}])
def test_link_invalid(client, payload):
    assert_error(client.post("/api/link", json=payload), 422, "invalid_request")


# --------------------------------------------------------------------------------------- assess and rank


def test_assess_files_same_as_library(client, resume_bytes, posting_bytes, tmp_path):
    from skillradar.assess import assess

    r = client.post("/api/assess", files={"resume": ("cv.md", resume_bytes, "text/markdown"),
                                          "posting": ("job.md", posting_bytes, "text/markdown")})
    assert r.status_code == 200, r.text
    got = r.json()
    for key in ("resume", "target", "overall", "families", "matched", "gaps", "plan"):
        assert key in got
    assert got["resume"] == "cv.md" and got["target"] == {**got["target"], "kind": "posting", "source": "job.md"}
    assert 0 <= got["overall"] <= 100
    assert set(got["families"]) == {"technical", "data", "thinking", "soft", "domain"}
    assert "resume_text" not in got
    (tmp_path / "cv.md").write_bytes(resume_bytes)
    (tmp_path / "job.md").write_bytes(posting_bytes)
    lib = assess(tmp_path / "cv.md", posting=tmp_path / "job.md").to_dict()
    assert got["overall"] == lib["overall"] and got["families"] == lib["families"]
    assert [g["skill_id"] for g in got["gaps"]] == [g["skill_id"] for g in lib["gaps"]]


def test_assess_text_and_role_with_resume_text(client, resume_bytes):
    text = resume_bytes.decode("utf-8")
    r = client.post("/api/assess", data={"resume_text": text, "role": "llm-engineer", "include_text": "1"})
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["target"]["kind"] == "role" and got["target"]["name"] == "llm-engineer"
    assert got["resume_text"] == text
    for m in got["matched"]:
        for e in m["evidence"]:
            assert text[e["start"]:e["end"]] == e["text"]
    r2 = client.post("/api/assess", data={"resume_text": text, "posting_text": POSTING})
    assert r2.status_code == 200 and r2.json()["target"]["kind"] == "posting"


def test_assess_pdf_resume(client, posting_bytes):
    pdf = (READERS / "resume_two_column.pdf").read_bytes()
    r = client.post("/api/assess", files={"resume": ("cv", pdf, "application/octet-stream")},
                    data={"posting_text": posting_bytes.decode()})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("data,files,status,code", [
    ({"role": "llm-engineer"}, None, 422, "missing_field"),
    ({"resume_text": "Python, PyTorch, RAG"}, None, 422, "missing_field"),
    ({"resume_text": "Python, PyTorch, RAG", "role": "llm-engineer", "posting_text": POSTING}, None, 422, "invalid_request"),
    ({"resume_text": "   ", "role": "llm-engineer"}, None, 422, "empty_text"),
    ({"resume_text": "Python, PyTorch, RAG", "role": "astronaut"}, None, 404, "unknown_role"),
    ({"resume_text": "Python", "posting_text": "We like friendly people who enjoy lunch."}, None, 422, "no_target_skills"),
    ({"role": "llm-engineer"}, {"resume": ("cv.png", b"\x89PNG\r\n\x1a\n" + bytes(40), "image/png")}, 415,
     "unsupported_format"),
])
def test_assess_errors(client, data, files, status, code):
    assert_error(client.post("/api/assess", data=data, files=files), status, code)


def test_assess_needs_a_form(client):
    assert_error(client.post("/api/assess", json={"resume_text": "x", "role": "llm-engineer"}), 415,
                 "unsupported_media_type")


def test_rank_with_audit(client, resume_bytes, posting_bytes):
    weak = b"# Sam\n\n## Experience\nBarista 2015-2020. Customer service and latte art.\n"
    mid = b"# Alex\n\n## Experience\n2021 - Present: data analyst, Python, SQL and Pandas.\n"
    files = [("resumes", ("a.md", resume_bytes, "text/markdown")), ("resumes", ("b.md", weak, "text/markdown")),
             ("resumes", ("c.md", mid, "text/markdown")), ("resumes", ("d.png", b"\x89PNG\r\n\x1a\n" + bytes(9), "image/png")),
             ("posting", ("job.md", posting_bytes, "text/markdown")),
             ("groups", ("groups.csv", b"resume,group\na.md,x\nb.md,y\nc.md,y\n", "text/csv"))]
    r = client.post("/api/rank", files=files)
    assert r.status_code == 200, r.text
    body = r.json()
    ranked = [row for row in body["ranking"] if "rank" in row]
    assert [row["resume"] for row in ranked][0] == "a.md"
    assert [row["rank"] for row in ranked] == [1, 2, 3]
    failed = [row for row in body["ranking"] if "error" in row]
    assert failed == [{"resume": "d.png", "error": failed[0]["error"]}] and failed[0]["error"]["code"] == "unsupported_format"
    audit = body["audit"]
    assert set(audit["groups"]) == {"x", "y"} and "impact_ratio" in audit


def test_rank_without_resumes(client):
    assert_error(client.post("/api/rank", data={"role": "llm-engineer"}), 422, "missing_field")


# --------------------------------------------------------------------------------------- taxonomy and roles


def test_taxonomy(client):
    r = client.get("/api/taxonomy")
    assert r.status_code == 200
    body = r.json()
    assert body["name"] == "genai" and len(body["skills"]) > 50
    assert set(body["families"]) >= {"technical", "data", "thinking", "soft", "domain"}
    soft = client.get("/api/taxonomy", params={"family": "soft"}).json()["skills"]
    assert soft and all(s["family"] == "soft" for s in soft)
    assert_error(client.get("/api/taxonomy", params={"family": "magic"}), 400, "bad_usage")


def test_taxonomy_skill(client):
    r = client.get("/api/taxonomy/genai.rag")
    assert r.status_code == 200
    body = r.json()
    assert body["id"] == "genai.rag" and "aliases" in body and "resources" in body
    assert_error(client.get("/api/taxonomy/genai.nothing"), 404, "unknown_skill")


def test_roles(client):
    roles = client.get("/api/roles").json()["roles"]
    assert any(r["name"] == "llm-engineer" and r["source"] == "curated" for r in roles)


# --------------------------------------------------------------------------------------- privacy and fairness


def test_redact(client):
    r = client.post("/api/redact", json={"text": "Mail priya@example.com or call +49 30 1234 5678. I use PyTorch."})
    assert r.status_code == 200, r.text
    body = r.json()
    assert "priya@example.com" not in body["text"] and "[EMAIL]" in body["text"] and "PyTorch" in body["text"]
    assert_error(client.post("/api/redact", json={"text": ""}), 422, "empty_text")


def test_posting_check(client):
    text = "We want a rockstar ninja. Must be a digital native. Python required."
    r = client.post("/api/posting/check", json={"text": text})
    assert r.status_code == 200, r.text
    findings = r.json()["findings"]
    assert findings and all(text[f["start"]:f["end"]] == f["term"] for f in findings)
    up = client.post("/api/posting/check", files={"posting": ("job.txt", text.encode(), "text/plain")})
    assert up.status_code == 200 and up.json()["findings"] == findings


# --------------------------------------------------------------------------------------- market


def test_market_without_db_is_503(client):
    for url in ("/api/market/top", "/api/market/trends?split=2024-01-01", "/api/market/cooccur?skill=genai.rag"):
        err = assert_error(client.get(url), 503, "no_database")
        assert "--db" in err["message"]


def test_market_missing_db_file_is_503(tmp_path):
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    with TestClient(create_app(db=tmp_path / "none.duckdb")) as c:
        assert_error(c.get("/api/market/top"), 503, "no_database")
    assert not (tmp_path / "none.duckdb").exists()  # never created by a query


def test_market_top(market_client, market_db):
    from skillradar.market import stats

    r = market_client.get("/api/market/top", params={"limit": 10})
    assert r.status_code == 200, r.text
    rows = r.json()["rows"]
    assert rows == stats.top(market_db, limit=10)
    assert rows and all(0 <= x["ci_low"] <= x["share"] <= x["ci_high"] <= 1 for x in rows)
    fam = market_client.get("/api/market/top", params={"family": "data"}).json()["rows"]
    assert all(x["family"] == "data" for x in fam)


def test_market_trends_monthly_cooccur(market_client):
    trends = market_client.get("/api/market/trends", params={"split": "2024-01-01"})
    assert trends.status_code == 200, trends.text
    rows = trends.json()["rows"]
    assert rows and all(0 <= x["p_value"] <= 1 and 0 <= x["q_value"] <= 1 for x in rows)
    monthly = market_client.get("/api/market/monthly", params={"top_n": 2}).json()["rows"]
    assert monthly and len({m["skill_id"] for m in monthly}) == 2
    skill = market_client.get("/api/market/top", params={"limit": 1}).json()["rows"][0]["skill_id"]
    co = market_client.get("/api/market/cooccur", params={"skill": skill})
    assert co.status_code == 200 and all(x["both"] >= 1 for x in co.json()["rows"])


def test_market_bad_parameters(market_client):
    assert_error(market_client.get("/api/market/trends"), 422, "invalid_request")
    assert_error(market_client.get("/api/market/trends", params={"split": "yesterday"}), 400, "bad_usage")
    assert_error(market_client.get("/api/market/top", params={"limit": 0}), 422, "invalid_request")
    assert_error(market_client.get("/api/market/top", params={"since": "soon"}), 400, "bad_usage")
    assert_error(market_client.get("/api/market/cooccur", params={"skill": "genai.nothing"}), 404, "unknown_skill")


def test_market_roles_with_db(market_client):
    roles = market_client.get("/api/roles")
    assert roles.status_code == 200
    assert any(r["source"] == "curated" for r in roles.json()["roles"])


def test_head_on_the_page_answers_for_health_checks(client):
    r = client.head("/")
    assert r.status_code == 200 and "default-src 'self'" in r.headers["content-security-policy"]
