"""Issue 13 item 4: near-duplicates never merge distinct requisitions, the richest dated copy is kept,
and every merge is recorded and listed by ``market duplicates``."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pytest

from skillradar.market.dedup_rules import MAX_DATE_GAP_DAYS, intake, kept_apart, seniority
from skillradar.market.ingest import ingest_files
from skillradar.market.merges import DUPLICATE_COLUMNS, duplicates

BODY = ("We build retrieval augmented generation systems in Python and PyTorch for customers in banking and "
        "insurance. You will design evaluation pipelines, fine tune large language models, deploy services on "
        "Kubernetes, review code, write design documents and mentor engineers across the team. Experience with "
        "vector databases, prompt engineering and SQL is required; experience with Spark is a plus. We value "
        "clear writing, careful testing and kind reviews. The team works from Berlin and remotely, meets twice "
        "a year in person and ships every week. Salary bands are public and the hiring process has three steps: "
        "a call, a take home exercise and a conversation with the team.")
EDITED = BODY.replace("review code,", "review pull requests,")  # one edit: Jaccard ≈ 0.95


def _csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["title", "company", "date_posted", "description"])
        w.writeheader()
        for title, date, text in rows:
            w.writerow({"title": title, "company": "Acme", "date_posted": date, "description": text})
    return path


def _ingest(path, db, mtax):
    s = ingest_files([path], db=db, taxonomy=mtax)
    assert s["ingested"] + s["duplicates"] + s["failed"] == s["rows_read"]
    return s


def _stored(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT id, title, CAST(date AS VARCHAR), source, row_number, length(text) "
                           "FROM postings ORDER BY row_number").fetchall()
    finally:
        con.close()


def test_markers():
    assert seniority("Senior ML Engineer") == {"senior"}
    assert seniority("Principal ML Engineer") == {"principal"}
    assert seniority("ML Engineer II") == {"level-2"} != seniority("ML Engineer III")
    assert seniority("Software Engineer, L4") == {"level-4"}
    assert seniority("Sr. Data Scientist") == seniority("Senior Data Scientist")
    assert seniority(None) is None and seniority("ML Engineer") == frozenset()
    assert intake("Data Science Intern - Summer 2024") == {"summer", "2024"}
    assert intake("Data Science Intern, Fall 2024") == {"autumn", "2024"}
    assert kept_apart("Senior ML Engineer", None, "ML Engineer", None) == "seniority"
    assert kept_apart("ML Engineer", "2024-01-01", "ML Engineer", "2024-01-01") is None
    assert kept_apart("ML Engineer", "2024-01-01", None, "2024-03-01") == "date_gap"
    assert kept_apart(None, None, "ML Engineer", None) is None


@pytest.mark.parametrize("first, second", [
    (("Senior ML Engineer", "2024-03-01"), ("Principal ML Engineer", "2024-03-01")),
    (("ML Engineer II", "2024-03-01"), ("ML Engineer III", "2024-03-02")),
    (("Data Science Intern - Summer 2024", "2024-03-01"), ("Data Science Intern - Fall 2024", "2024-03-05")),
    (("ML Engineer", "2024-01-01"), ("ML Engineer", "2024-01-01")),  # placeholder for the date case below
])
def test_distinct_requisitions_are_not_merged(first, second, tmp_path, mtax):
    if first == second:  # dates further apart than the limit
        second = ("ML Engineer", f"2024-{1 + (MAX_DATE_GAP_DAYS + 31) // 31:02d}-15")
    path = _csv(tmp_path / "p.csv", [(*first, BODY), (*second, EDITED)])
    s = _ingest(path, tmp_path / "m.duckdb", mtax)
    assert (s["ingested"], s["duplicates"], s["kept_apart"]) == (2, 0, 1)


def test_near_duplicate_within_the_date_limit_is_merged(tmp_path, mtax):
    path = _csv(tmp_path / "p.csv", [("ML Engineer", "2024-03-01", BODY), ("ML Engineer", "2024-03-20", EDITED)])
    s = _ingest(path, tmp_path / "m.duckdb", mtax)
    assert (s["ingested"], s["near_duplicates"]) == (1, 1)


def test_dated_copy_replaces_undated_across_runs(tmp_path, mtax):
    db = tmp_path / "m.duckdb"
    _ingest(_csv(tmp_path / "a.csv", [("ML Engineer", "", BODY)]), db, mtax)
    before = _stored(db)
    s = _ingest(_csv(tmp_path / "b.csv", [("ML Engineer", "2024-03-01", BODY)]), db, mtax)
    assert (s["ingested"], s["duplicates"], s["exact_duplicates"], s["replaced"]) == (0, 1, 1, 1)
    after = _stored(db)
    assert len(after) == 1 and after[0][2] == "2024-03-01" and after[0][3].endswith("b.csv")
    assert before[0][2] is None
    con = duckdb.connect(str(db), read_only=True)
    try:  # its mentions came with it, none left of the copy replaced
        assert con.execute("SELECT count(*) FROM mentions").fetchall()[0][0] > 0
        assert con.execute("SELECT count(*) FROM mentions WHERE posting_id NOT IN (SELECT id FROM postings)"
                           ).fetchall()[0][0] == 0
    finally:
        con.close()
    merged = duplicates(db)
    assert [(m["dropped_source"].endswith("a.csv"), m["dropped_row"], m["reason"]) for m in merged] == [
        (True, 1, "exact")]


def test_longer_dated_near_copy_replaces_within_a_run_and_rerun_changes_nothing(tmp_path, mtax, contents):
    db = tmp_path / "m.duckdb"
    longer = EDITED + " Visa sponsorship is available."
    path = _csv(tmp_path / "p.csv", [("ML Engineer", "", BODY), ("ML Engineer", "2024-03-01", EDITED),
                                     ("ML Engineer", "2024-03-02", longer), ("ML Engineer", "2024-03-02", BODY)])
    s = _ingest(path, db, mtax)
    assert (s["ingested"], s["duplicates"], s["replaced"]) == (1, 3, 2)
    stored = _stored(db)
    assert [(r[2], r[4]) for r in stored] == [("2024-03-02", 3)]
    merged = duplicates(db)
    assert {m["dropped_row"] for m in merged} == {1, 2, 4}
    assert {m["kept_id"] for m in merged} == {stored[0][0]}
    assert [m["similarity"] for m in merged] == sorted((m["similarity"] for m in merged), reverse=True)
    snapshot = contents(db)
    again = _ingest(path, db, mtax)
    assert (again["ingested"], again["duplicates"]) == (0, 4)
    assert contents(db) == snapshot and duplicates(db) == merged


def test_cli_duplicates(tmp_path, mtax, capsys):
    from skillradar.cli import main

    db = tmp_path / "m.duckdb"
    _ingest(_csv(tmp_path / "p.csv", [("ML Engineer", "2024-03-01", BODY), ("ML Engineer", "2024-03-01", BODY),
                                      ("ML Engineer", "2024-03-02", EDITED)]), db, mtax)
    assert main(["market", "duplicates", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    # row 3 has more text than row 1, so it replaced it, and row 2's merge follows to row 3
    assert [(r["reason"], r["dropped_row"], r["kept_row"]) for r in rows] == [("exact", 2, 3), ("near", 1, 3)]
    assert rows[0]["similarity"] == 1.0 and 0.9 <= rows[1]["similarity"] < 1.0 and list(rows[0]) == DUPLICATE_COLUMNS
    assert main(["market", "duplicates", "--db", str(db), "--format", "csv"]) == 0
    table = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["dropped_row"] for r in table] == ["2", "1"]
    assert main(["market", "duplicates", "--db", str(db)]) == 0
    assert "near" in capsys.readouterr().out
    assert main(["market", "duplicates", "--db", str(db), "--format", "xml"]) == 2
