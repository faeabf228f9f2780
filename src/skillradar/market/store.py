"""The DuckDB store: schema, connection and small helpers shared by ingest and statistics.

Tables::

    meta(key, value)                     schema version
    postings(id, seq, exact_key, text, title, company, location, date, source, row_number,
             extra, taxonomy_version, taxonomy_hash, run_id)
                                         one row per distinct posting, text with contacts redacted
    lsh(band_key, posting_id)            MinHash band keys of every stored posting (near-duplicates)
    mentions(posting_id, skill_id, start, "end", text, requirement, years, section, method,
             confidence, taxonomy_version, taxonomy_hash)
                                         offsets index the stored (redacted) text
    posting_skills(posting_id, skill_id, level)
                                         one row per posting and skill: required > preferred >
                                         mentioned > negated (the strongest level of its mentions)
    skills(skill_id, label, family, grp) labels of the taxonomy last used
    runs(run_id, started, finished, command, engine, files, taxonomy_version, taxonomy_hash,
         summary, status)

Every batch of an ingest is written in one transaction, so a killed run leaves whole batches only.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from ..dbfile import open_duckdb, translated

__all__ = ["connect", "DEFAULT_DB", "SCHEMA_VERSION", "start_run", "finish_run", "stale_count", "save_skills"]

DEFAULT_DB = "skillradar.duckdb"
SCHEMA_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS postings (
    id VARCHAR PRIMARY KEY, seq BIGINT, exact_key VARCHAR, text VARCHAR, title VARCHAR,
    company VARCHAR, location VARCHAR, date DATE, source VARCHAR, row_number BIGINT, extra VARCHAR,
    taxonomy_version VARCHAR, taxonomy_hash VARCHAR, run_id VARCHAR);
CREATE TABLE IF NOT EXISTS lsh (band_key BIGINT, posting_id VARCHAR);
CREATE TABLE IF NOT EXISTS mentions (
    posting_id VARCHAR, skill_id VARCHAR, start INTEGER, "end" INTEGER, text VARCHAR,
    requirement VARCHAR, years DOUBLE, section VARCHAR, method VARCHAR, confidence DOUBLE,
    taxonomy_version VARCHAR, taxonomy_hash VARCHAR);
CREATE TABLE IF NOT EXISTS posting_skills (posting_id VARCHAR, skill_id VARCHAR, level VARCHAR);
CREATE TABLE IF NOT EXISTS skills (skill_id VARCHAR PRIMARY KEY, label VARCHAR, family VARCHAR, grp VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, command VARCHAR, engine VARCHAR,
    files VARCHAR, taxonomy_version VARCHAR, taxonomy_hash VARCHAR, summary VARCHAR, status VARCHAR);
"""


def connect(db: str | Path | None = None, *, read_only: bool = False):
    """Open (and create or migrate) the market database; ``read_only`` for queries of an existing one.

    Failures are coded (``no_database``, ``database_corrupt``, ``database_locked`` …) and name "the
    market database", never its path.
    """
    con = open_duckdb(db or DEFAULT_DB, read_only=read_only)
    if not read_only:
        try:
            with translated():
                con.execute(_SCHEMA)
                con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        except BaseException:
            con.close()
            raise
    return con


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def start_run(con, run_id: str, *, command: str, engine: str, files, taxonomy) -> None:
    con.execute("INSERT INTO runs VALUES (?, ?, NULL, ?, ?, ?, ?, ?, NULL, 'running')",
                [run_id, _now(), command, engine, json.dumps([str(f) for f in files]), taxonomy.version,
                 taxonomy.content_hash])


def finish_run(con, run_id: str, summary: dict, status: str = "done") -> None:
    con.execute("UPDATE runs SET finished = ?, summary = ?, status = ? WHERE run_id = ?",
                [_now(), json.dumps(summary, default=str), status, run_id])


def stale_count(con, taxonomy) -> int:
    """Stored postings whose mentions came from another taxonomy version or content."""
    return con.execute("SELECT count(*) FROM postings WHERE taxonomy_hash IS DISTINCT FROM ?",
                       [taxonomy.content_hash]).fetchall()[0][0]


def save_skills(con, taxonomy) -> None:
    """Replace the stored skill labels by those of ``taxonomy`` (new ids added, old ones kept)."""
    import pandas as pd

    frame = pd.DataFrame([(s.id, s.label, s.family, s.group) for s in taxonomy.skills],
                         columns=["skill_id", "label", "family", "grp"])
    con.register("_skills_df", frame)
    try:
        con.execute("INSERT OR REPLACE INTO skills SELECT * FROM _skills_df")
    finally:
        con.unregister("_skills_df")
