"""The résumé store and the `redact` / `data list|erase` commands."""

from __future__ import annotations

import json

import pytest

import duckdb  # noqa: E402  (an installed extra: fail loudly if missing)

from skillradar.cli import main  # noqa: E402
from skillradar.privacy import store  # noqa: E402

CV = "Jane Doe\njane.doe@example.com | +44 7700 900123\nSkills: PyTorch, RAG\n"


def test_store_keeps_only_redacted_text(tmp_path):
    db = tmp_path / "s.duckdb"
    rid = store.store_resume(db, CV, "jane_doe_cv.pdf")  # forgot to redact: the store does it
    item = store.get_item(db, rid)
    assert "Jane" not in item["body"] and "jane.doe" not in item["body"] and "7700" not in item["body"]
    assert "PyTorch" in item["body"] and "RAG" in item["body"]
    assert item["source"] == "resume.pdf"  # the file name may carry the person's name
    assert store.get_item(db, store.store_resume(db, CV, "x.txt", keep_pii=True))["body"] == CV


def test_list_and_erase_with_derived(tmp_path):
    db = tmp_path / "s.duckdb"
    a = store.store_resume(db, CV, "a.txt")
    b = store.store_resume(db, "Bob Stone\nGo, Spark", "b.txt")
    rep = store.store_derived(db, a, "report", "<p>report</p>")
    sub = store.store_derived(db, rep, "chart", "svg")
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE resume_mentions (stored_item_id VARCHAR, skill_id VARCHAR)")
    con.execute("INSERT INTO resume_mentions VALUES (?, 'x'), (?, 'y'), (?, 'z')", [a, rep, b])
    con.close()
    rows = store.list_items(db)
    assert {r["id"] for r in rows} == {a, b, rep, sub}
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["kind"] for r in rows} == {"resume", "report", "chart"}
    assert all(set(r) >= {"id", "kind", "date", "size"} for r in rows)
    res = store.erase(db, [a, "nope"])
    assert res.erased == [a] and set(res.derived) == {rep, sub} and res.rows_elsewhere == 2
    assert [e.code for e in res.errors] == ["unknown_id"] and res.errors[0].source == "nope"
    assert [r["id"] for r in store.list_items(db)] == [b]
    con = duckdb.connect(str(db))
    assert con.execute("SELECT stored_item_id FROM resume_mentions").fetchall() == [(b,)]
    con.close()


def test_list_without_database(tmp_path):
    assert store.list_items(tmp_path / "none.duckdb") == []


def test_derived_of_unknown_parent(tmp_path):
    with pytest.raises(store.UnknownItem):
        store.store_derived(tmp_path / "s.duckdb", "res_missing", "report", "x")


def test_cli_data_list_and_erase(tmp_path, capsys):
    db = str(tmp_path / "s.duckdb")
    a = store.store_resume(db, CV, "a.txt")
    b = store.store_resume(db, CV, "b.txt")
    assert main(["data", "list", "--db", db, "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] and {r["id"] for r in rows} == {a, b}
    assert main(["data", "erase", a, "bogus", "--db", db, "--format", "json"]) == 1
    captured = capsys.readouterr()
    out = json.loads(captured.out)
    assert out["erased"] == [a]
    assert out["errors"] == [{"source": "bogus", "error": {"code": "unknown_id", "message": out["errors"][0]["error"]["message"]}}]
    assert "unknown_id" in captured.err
    assert main(["data", "list", "--db", db, "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "id,kind,date,size,source,parent"
    assert main(["data", "erase", b, "--db", db]) == 0
    assert f"erased {b}" in capsys.readouterr().out


def test_cli_redact_text_and_json(tmp_path, capsys):
    p = tmp_path / "cv.txt"
    p.write_text(CV, encoding="utf-8")
    assert main(["redact", str(p)]) == 0
    assert capsys.readouterr().out == "[NAME]\n[EMAIL] | [PHONE]\nSkills: PyTorch, RAG\n"
    assert main(["redact", str(p), "--format", "json"]) == 0
    (obj,) = json.loads(capsys.readouterr().out)
    assert obj["source"] == str(p)
    assert [i["type"] for i in obj["items"]] == ["NAME", "EMAIL", "PHONE"]
    assert all(CV[i["start"]:i["end"]] for i in obj["items"]) and "original" not in obj["items"][0]


def test_cli_redact_batch_with_failure(tmp_path, capsys):
    good = tmp_path / "a.txt"
    good.write_text("Jane Doe\n", encoding="utf-8")
    missing = tmp_path / "missing.txt"
    assert main(["redact", str(good), str(missing), "--format", "json"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out[0]["text"] == "[NAME]\n" and out[1]["error"]["code"] == "file_not_found"


def test_cli_redact_bad_format(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("x", encoding="utf-8")
    assert main(["redact", str(p), "--format", "xml"]) == 2
