"""Salaries in the market database: stored at ingest, filled in for older databases, summarised per
currency with n (never mixing currencies), and the CLI."""

from __future__ import annotations

import json

import duckdb
import pandas as pd
import pytest

from skillradar.market.ingest import ingest_files
from skillradar.market.salaries import LIST_COLUMNS, SUMMARY_COLUMNS, salaries_stored, salary_list, salary_summary

POSTINGS = [
    ("a1", "ML Engineer", "2024-01-10", "Requirements:\n- Python\n\nSalary range: $100,000 - $140,000 per year."),
    ("a2", "Data Scientist", "2024-02-10", "Requirements:\n- SQL\n\nThe base pay is $120,000 to $160,000.\n"
                                          "We raised $50M Series B."),
    ("a3", "LLM Engineer", "2024-03-10", "Requirements:\n- PyTorch\n\nCompensation: $60 - $80 per hour."),
    ("a4", "AI Engineer", "2024-04-10", "Requirements:\n- Docker\n\nGehalt: 60.000 - 80.000 EUR pro Jahr.\n"
                                       "Salary: €70K."),
    ("a5", "Analyst", "2024-05-10", "Requirements:\n- Excel\n\nWe offer a one time $2,000 incentive and 401(k)."),
    ("a6", "Zoned Engineer", "2024-06-10", "Base compensation varies by zone:\n\nZone A: $150,000 - $200,000\n"
                                          "Zone B: $130,000 - $180,000\n"),
]


def _csv(tmp_path, rows=POSTINGS, name="p.csv"):
    path = tmp_path / name
    pd.DataFrame(rows, columns=["id", "title", "date", "description"]).to_csv(path, index=False)
    return path


@pytest.fixture
def pay_db(tmp_path, mtax):
    db = tmp_path / "pay.duckdb"
    ingest_files([_csv(tmp_path)], db=db, taxonomy=mtax)
    return db


def test_ingest_stores_each_statement_with_its_evidence(pay_db):
    con = duckdb.connect(str(pay_db), read_only=True)
    rows = con.execute('SELECT s.posting_id, s.currency, s.period, s.min_amount, s.max_amount, s.text, '
                       'substr(p.text, s.start + 1, s."end" - s.start) FROM salaries s JOIN postings p '
                       "ON p.id = s.posting_id ORDER BY p.seq, s.start").fetchall()
    con.close()
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        ("a1", "USD", "year", 100000, 140000), ("a2", "USD", "year", 120000, 160000),
        ("a3", "USD", "hour", 60, 80), ("a4", "EUR", "year", 60000, 80000), ("a4", "EUR", "year", 70000, 70000),
        ("a6", "USD", "year", 150000, 200000), ("a6", "USD", "year", 130000, 180000)]
    assert all(r[5] == r[6] for r in rows)  # offsets index the stored text
    assert salaries_stored(pay_db)


def test_summary_per_currency_with_n_and_yearly_scaling(pay_db):
    rows = salary_summary(pay_db)
    assert [list(r) for r in rows] == [SUMMARY_COLUMNS] * len(rows)
    by = {r["currency"]: r for r in rows}
    assert set(by) == {"USD", "EUR"}  # never mixed
    usd = by["USD"]
    assert usd["postings"] == 4 and usd["total"] == 6 and usd["thin"]  # a1, a2, a3 (hourly), a6
    # a3: 60-80 an hour is 124,800-166,400 a year; a6 pools its zones into 130,000-200,000
    lows = sorted([100000, 120000, 60 * 2080, 130000])
    assert usd["low_median"] == pytest.approx((lows[1] + lows[2]) / 2)
    assert usd["high_max"] == 200000 and usd["low_min"] == 100000
    assert usd["periods"] == "year 3, hour 1"
    assert by["EUR"]["postings"] == 1 and by["EUR"]["low_min"] == 60000 and by["EUR"]["high_max"] == 80000
    per_period = {(r["currency"], r["basis"]): r for r in salary_summary(pay_db, normalise=False)}
    assert per_period[("USD", "hour")]["low_min"] == 60 and per_period[("USD", "year")]["postings"] == 3
    assert [r["currency"] for r in salary_summary(pay_db, currency="eur")] == ["EUR"]
    assert not salary_summary(pay_db, min_postings=1)[0]["thin"]


def test_filters_and_list(pay_db):
    listed = salary_list(pay_db, title_contains="engineer")
    assert {r["posting_id"] for r in listed} == {"a1", "a3", "a4", "a6"}
    assert list(listed[0]) == LIST_COLUMNS and listed[0]["date"] == "2024-01-10"
    assert {r["posting_id"] for r in salary_list(pay_db, since="2024-03-01", until="2024-04-30")} == {"a3", "a4"}


def test_a_replaced_posting_takes_its_salaries_along_and_reingest_adds_nothing(tmp_path, mtax, pay_db):
    ingest_files([_csv(tmp_path)], db=pay_db, taxonomy=mtax)
    assert len(salary_list(pay_db)) == 7
    richer = [("a1b", "ML Engineer", "2024-01-12", POSTINGS[0][3] + " Apply now.")]
    ingest_files([_csv(tmp_path, richer, "richer.csv")], db=pay_db, taxonomy=mtax, near_dup_threshold=0.7)
    ids = [r["posting_id"] for r in salary_list(pay_db)]
    assert "a1" not in ids and ids.count("a1b") == 1 and len(ids) == 7


def test_an_older_database_is_read_on_the_fly_then_filled_by_the_next_ingest(tmp_path, mtax, pay_db, capsys):
    from skillradar.cli import main

    con = duckdb.connect(str(pay_db))
    con.execute("DROP TABLE salaries")
    con.execute("DELETE FROM meta WHERE key = 'salary_parser'")
    con.close()
    assert not salaries_stored(pay_db)
    assert len(salary_list(pay_db)) == 7  # parsed from the stored texts, read-only
    assert main(["market", "salaries", "--db", str(pay_db), "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)[0]["currency"] == "USD" and "salaries_not_stored" in captured.err
    con = duckdb.connect(str(pay_db), read_only=True)
    assert not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'salaries'").fetchone()[0]
    con.close()
    ingest_files([_csv(tmp_path, [("z9", "New", "2024-07-01", "Salary: £50,000 - £60,000")], "new.csv")],
                 db=pay_db, taxonomy=mtax)
    assert salaries_stored(pay_db)
    assert sorted({r["posting_id"] for r in salary_list(pay_db)}) == ["a1", "a2", "a3", "a4", "a6", "z9"]


def test_cli_summary_list_and_bad_currency(pay_db, capsys):
    from skillradar.cli import main

    assert main(["market", "salaries", "--db", str(pay_db)]) == 0
    out = capsys.readouterr()
    assert "USD" in out.out and "EUR" in out.out and "postings stating pay" in out.err and "thin" in out.err
    assert main(["market", "salaries", "--db", str(pay_db), "--list", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == ",".join(LIST_COLUMNS) and len(lines) == 8
    assert main(["market", "salaries", "--db", str(pay_db), "--currency", "dollars"]) == 2
    assert "three-letter code" in capsys.readouterr().err
    assert main(["market", "salaries", "--db", str(pay_db), "--currency", "JPY"]) == 0
    assert "no posting in scope states pay" in capsys.readouterr().err
