"""A résumé's file name carries its owner's name: it must not reach the store or the HTML report."""

from __future__ import annotations

import json

from skillradar.cli import main
from skillradar.privacy import store

CV = ("Experience\n2021 - Present  ML Engineer, Acme. Built RAG pipelines in Python with PyTorch and LangChain.\n"
      "Contact: jose.alvarez@example.com\n")
FILE = "José_Alvarez_CV.txt"


def _run(tmp_path, monkeypatch, *extra):
    monkeypatch.chdir(tmp_path)
    (tmp_path / FILE).write_text(CV, encoding="utf-8")
    return main(["assess", FILE, "--role", "llm-engineer", "--format", "json", "--report", "r.html", "--store",
                 "--store-db", "s.duckdb", *extra])


def test_file_name_leaves_no_trace_in_store_or_report(tmp_path, monkeypatch, capsys):
    assert _run(tmp_path, monkeypatch) == 0
    assert json.loads(capsys.readouterr().out)["resume"] == FILE  # the user's own output keeps the contract
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Alvarez" not in html and "José" not in html
    assert "<h1>resume.txt</h1>" in html and "<title>skillradar · resume.txt vs" in html
    items = store.list_items(tmp_path / "s.duckdb")
    assert {i["kind"] for i in items} == {"resume", "assessment", "report"}
    for item in items:
        full = store.get_item(tmp_path / "s.duckdb", item["id"])
        assert "Alvarez" not in json.dumps(full, ensure_ascii=False), item["kind"]
    assessment = next(i for i in items if i["kind"] == "assessment")
    assert json.loads(store.get_item(tmp_path / "s.duckdb", assessment["id"])["body"])["resume"] == "resume.txt"


def test_keep_pii_keeps_the_file_name(tmp_path, monkeypatch, capsys):
    assert _run(tmp_path, monkeypatch, "--keep-pii") == 0
    capsys.readouterr()
    assert "José_Alvarez_CV.txt" in (tmp_path / "r.html").read_text(encoding="utf-8")
