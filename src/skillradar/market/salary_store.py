"""Salaries in the market database: parsed at ingest into the ``salaries`` table.

``salaries(posting_id, currency, period, min_amount, max_amount, yearly_min, yearly_max, start, "end",
text, period_stated)``: one row per pay statement of a stored posting (offsets index the stored text).
The table is created by the schema at every writable open, so older databases gain it; what fills it
for postings stored before it existed (or by an older parser, see ``PARSER_VERSION``) is
:func:`backfill`, run by ``market ingest`` and ``market reextract``. The ``meta`` key
``salary_parser`` says the table is complete for that parser version; queries on a database without
it parse the stored texts on the fly instead (read-only), and say so.
"""

from __future__ import annotations

from .salary import PARSER_VERSION, parse_salaries

__all__ = ["SALARY_TABLE", "salary_rows", "insert", "backfill", "complete", "COLUMNS"]

COLUMNS = ["posting_id", "currency", "period", "min_amount", "max_amount", "yearly_min", "yearly_max", "start", "end",
           "text", "period_stated"]
SALARY_TABLE = """CREATE TABLE IF NOT EXISTS salaries (
    posting_id VARCHAR, currency VARCHAR, period VARCHAR, min_amount DOUBLE, max_amount DOUBLE,
    yearly_min DOUBLE, yearly_max DOUBLE, start INTEGER, "end" INTEGER, text VARCHAR, period_stated BOOLEAN);"""
_META_KEY = "salary_parser"
_BATCH = 2000


def salary_rows(posting_id: str, text: str) -> list[tuple]:
    """The ``salaries`` rows of one posting's stored text."""
    return [(posting_id, s.currency, s.period, s.minimum, s.maximum, s.yearly_min, s.yearly_max, s.start, s.end,
             s.text, s.period_stated) for s in parse_salaries(text)]


def insert(con, rows: list[tuple]) -> None:
    """Insert salary rows (inside the caller's transaction)."""
    if not rows:
        return
    import pandas as pd

    frame = pd.DataFrame(rows, columns=COLUMNS).astype({"min_amount": "float64", "max_amount": "float64",
                                                        "yearly_min": "float64", "yearly_max": "float64"})
    con.register("_salaries_df", frame)
    try:
        con.execute('INSERT INTO salaries SELECT posting_id, currency, period, min_amount, max_amount, yearly_min, '
                    'yearly_max, start, "end", text, period_stated FROM _salaries_df')
    finally:
        con.unregister("_salaries_df")


def complete(con) -> bool:
    """Whether the table holds every stored posting's salaries as the current parser reads them."""
    if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'salaries'").fetchall()[0][0]:
        return False
    row = con.execute("SELECT value FROM meta WHERE key = ?", [_META_KEY]).fetchall()
    return bool(row) and row[0][0] == PARSER_VERSION


def backfill(con) -> int:
    """Parse the salaries of every stored posting when the table is missing them (a database from
    before the table, or an older parser); returns the postings parsed (0 when already complete).

    Each batch is one transaction and the completion mark is written last, so an interrupted run is
    simply redone by the next one."""
    con.execute(SALARY_TABLE)
    if complete(con):
        return 0
    con.execute("DELETE FROM salaries")
    done, last = 0, None
    while True:
        if last is None:
            batch = con.execute("SELECT id, text FROM postings ORDER BY id LIMIT ?", [_BATCH]).fetchall()
        else:
            batch = con.execute("SELECT id, text FROM postings WHERE id > ? ORDER BY id LIMIT ?", [last, _BATCH]).fetchall()
        if not batch:
            break
        rows = [r for pid, text in batch for r in salary_rows(pid, text or "")]
        con.execute("BEGIN TRANSACTION")
        try:
            insert(con, rows)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        done += len(batch)
        last = batch[-1][0]
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [_META_KEY, PARSER_VERSION])
    return done
