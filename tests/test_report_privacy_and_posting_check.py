"""Reports are files people share: the résumé text in them is redacted unless --keep-pii. The posting
language check is for employers: it is not in the job seeker's report but in its own
(``check-posting --report``), and ``check-posting`` works on its own."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CV = """Jane Doe
jane.doe@example.com · +44 7700 900123 · 12 Baker Street, London NW1 6XE

Experience
2021 - Present  ML Engineer, Acme. Built RAG pipelines in Python with PyTorch and LangChain.
"""
POSTING = """Senior ML Engineer
We want a young and dynamic rockstar. Native English speaker.
Requirements: 5+ years of Python, PyTorch and RAG.
"""


def test_report_redacts_personal_data_by_default_and_keeps_evidence(tmp_path, run_cli):
    cv, posting = tmp_path / "cv.md", tmp_path / "job.txt"
    cv.write_text(CV, encoding="utf-8")
    posting.write_text(POSTING, encoding="utf-8")
    report = tmp_path / "r.html"
    r = run_cli("assess", str(cv), "--posting", str(posting), "--report", str(report), "--format", "json")
    assert r.returncode == 0, r.stderr
    html = report.read_text(encoding="utf-8")
    for secret in ("Jane", "jane.doe@example.com", "7700 900123", "Baker Street"):
        assert secret not in html
    assert "[EMAIL]" in html and "[PHONE]" in html
    assert ">PyTorch</mark>" in html and '">RAG' in html
    # the employer's check is not the job seeker's business: only a pointer to the separate report
    assert "young and dynamic" not in html and "<h2>Posting language check" not in html
    assert "check-posting POSTING --report" in html
    # the JSON answer keeps its contract: evidence spans index the résumé as read
    out = json.loads(r.stdout)
    for m in out["matched"]:
        for ev in m["evidence"]:
            assert CV[ev["start"]:ev["end"]] == ev["text"]


def test_keep_pii_keeps_the_text(tmp_path, run_cli):
    cv = tmp_path / "cv.md"
    cv.write_text(CV, encoding="utf-8")
    report = tmp_path / "r.html"
    r = run_cli("assess", str(cv), "--role", "llm-engineer", "--report", str(report), "--keep-pii")
    assert r.returncode == 0, r.stderr
    assert "jane.doe@example.com" in report.read_text(encoding="utf-8")


def test_check_posting_command(tmp_path, run_cli):
    posting = tmp_path / "job.txt"
    posting.write_text(POSTING, encoding="utf-8")
    r = run_cli("check-posting", str(posting), str(tmp_path / "missing.txt"), "--format", "jsonl")
    assert r.returncode == 1
    first, second = (json.loads(l) for l in r.stdout.splitlines())
    terms = {f["term"] for f in first["findings"]}
    assert {"young and dynamic", "rockstar", "Native English speaker"} <= terms
    for f in first["findings"]:
        assert POSTING[f["start"]:f["end"]] == f["term"]
    assert second["error"]["code"] == "file_not_found"


def test_check_posting_report_is_the_employers_page(tmp_path, run_cli):
    posting, other = tmp_path / "job.txt", tmp_path / "clean.txt"
    posting.write_text(POSTING, encoding="utf-8")
    other.write_text("We need Python and SQL, or equivalent experience.\n", encoding="utf-8")
    report = tmp_path / "check.html"
    r = run_cli("check-posting", str(posting), str(other), "--report", str(report), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)[0]["findings"]  # stdout keeps its JSON
    html = report.read_text(encoding="utf-8")
    assert "<h1>Posting language check</h1>" in html and "job.txt" in html and "clean.txt" in html
    assert ">young and dynamic</mark>" in html and ">rockstar</mark>" in html  # the text, highlighted
    assert "<td>2</td>" in html  # the line of the findings on line 2
    assert "No gender-coded or exclusionary wording" in html  # the clean posting says so
    assert "<script" not in html and "http" not in html.split("</style>")[1].split("Gaucher")[0]


def test_assess_store_keeps_only_redacted_data_and_erase_removes_everything(tmp_path, run_cli):
    cv = tmp_path / "jane_doe_cv.md"
    cv.write_text(CV, encoding="utf-8")
    db = tmp_path / "store.duckdb"
    r = run_cli("assess", str(cv), "--role", "llm-engineer", "--report", str(tmp_path / "r.html"), "--store",
            "--store-db", str(db), "--format", "json")
    assert r.returncode == 0, r.stderr
    items = json.loads(run_cli("data", "list", "--db", str(db), "--format", "json").stdout)
    assert sorted(i["kind"] for i in items) == ["assessment", "report", "resume"]
    from skillradar.privacy.store import get_item

    for item in items:
        body = get_item(str(db), item["id"])["body"]
        for secret in ("Jane", "jane.doe@example.com", "7700 900123", "Baker Street"):
            assert secret not in body, (item["kind"], secret)
    assert all("jane" not in (i["source"] or "").lower() for i in items)  # file names carry names too
    resume_id = next(i["id"] for i in items if i["kind"] == "resume")
    assert run_cli("data", "erase", resume_id, "--db", str(db)).returncode == 0
    assert json.loads(run_cli("data", "list", "--db", str(db), "--format", "json").stdout) == []
