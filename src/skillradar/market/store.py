"""The DuckDB store: schema, connection and small helpers shared by ingest and statistics.

Tables::

    meta(key, value)                     schema version
    postings(id, seq, exact_key, text, title, company, location, date, source, row_number,
             extra, taxonomy_version, taxonomy_hash, run_id, seniority, contract_type, sector, synthetic)
                                         one row per distinct posting, text with contacts redacted; the
                                         last four are its facets for filters (see ``facets.py``)
    lsh(band_key, posting_id)            MinHash band keys of every stored posting (near-duplicates)
    mentions(posting_id, skill_id, start, "end", text, requirement, years, section, method,
             confidence, taxonomy_version, taxonomy_hash)
                                         offsets index the stored (redacted) text
    merges(dropped_source, dropped_row, dropped_id, kept_id, similarity, reason, run_id)
                                         one row per input row not stored because it duplicates the
                                         posting kept (reason exact or near), or replaced by a richer
                                         copy; kept_id follows later replacements
    posting_skills(posting_id, skill_id, level)
                                         one row per posting and skill: required > preferred >
                                         mentioned > negated (the strongest level of its mentions)
    skills(skill_id, label, family, grp) labels of the taxonomy last used
    skill_broader(skill_id, broader_id)  the taxonomy's direct ``broader`` links (Llama -> LLMs), for
                                         roll-up of demand counts
    skill_aliases(skill_id, alias)       aliases, so queries accept a skill by any of its names
    salaries(posting_id, currency, period, min_amount, max_amount, yearly_min, yearly_max, start, "end",
             text, period_stated)
                                         pay statements parsed from the stored text (``salary_store``)
    runs(run_id, started, finished, command, engine, files, taxonomy_version, taxonomy_hash,
         summary, status, pid, host)
                                         status: running, done, failed or interrupted (a run killed
                                         before it could say so, marked when the next run starts)

Every batch of an ingest is written in one transaction, so a killed run leaves whole batches only.
"""

from __future__ import annotations

import json
import os
import socket
from datetime import datetime, timedelta, timezone
from contextlib import contextmanager
from pathlib import Path

from ..dbfile import duckdb_module, open_duckdb, translated
from .salary_store import SALARY_TABLE

__all__ = ["connect", "reading", "DEFAULT_DB", "SCHEMA_VERSION", "start_run", "finish_run", "end_run_on_error", "mark_interrupted", "stale_count",
           "save_skills", "RUN_TIME_LIMIT"]

# A run still "running" after this long is taken as dead even when its PID cannot be checked (another
# host, or this very process): no ingest of a posting corpus takes a day.
RUN_TIME_LIMIT = timedelta(hours=24)

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
CREATE TABLE IF NOT EXISTS merges (
    dropped_source VARCHAR, dropped_row BIGINT, dropped_id VARCHAR, kept_id VARCHAR, similarity DOUBLE,
    reason VARCHAR, run_id VARCHAR, PRIMARY KEY (dropped_source, dropped_row));
CREATE TABLE IF NOT EXISTS posting_skills (posting_id VARCHAR, skill_id VARCHAR, level VARCHAR);
CREATE TABLE IF NOT EXISTS skills (skill_id VARCHAR PRIMARY KEY, label VARCHAR, family VARCHAR, grp VARCHAR);
CREATE TABLE IF NOT EXISTS skill_broader (skill_id VARCHAR, broader_id VARCHAR);
CREATE TABLE IF NOT EXISTS skill_aliases (skill_id VARCHAR, alias VARCHAR);
CREATE TABLE IF NOT EXISTS runs (
    run_id VARCHAR PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, command VARCHAR, engine VARCHAR,
    files VARCHAR, taxonomy_version VARCHAR, taxonomy_hash VARCHAR, summary VARCHAR, status VARCHAR);
ALTER TABLE runs ADD COLUMN IF NOT EXISTS pid BIGINT;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS host VARCHAR;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS seniority VARCHAR;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS contract_type VARCHAR;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS sector VARCHAR;
ALTER TABLE postings ADD COLUMN IF NOT EXISTS synthetic BOOLEAN;
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
                con.execute(SALARY_TABLE)
                con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
        except BaseException:
            con.close()
            raise
    return con


@contextmanager
def reading(db):
    """Use a given DuckDB connection, or open the database at a path read-only (every query's way in).

    DuckDB errors inside the block (a damaged file is often noticed only when a query reads the bad
    block) become coded errors: ``database_corrupt``, ``database_locked``, ``no_database``.
    """
    if db is not None and not isinstance(db, (str, Path)):
        with translated():
            yield db
        return
    con = connect(db, read_only=True)
    try:
        with translated():
            yield con
    finally:
        con.close()


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def start_run(con, run_id: str, *, command: str, engine: str, files, taxonomy) -> None:
    """Record a run as running (with this process's PID and host), after marking dead ones interrupted."""
    mark_interrupted(con)
    con.execute("INSERT INTO runs (run_id, started, finished, command, engine, files, taxonomy_version, "
                "taxonomy_hash, summary, status, pid, host) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, NULL, 'running', ?, ?)",
                [run_id, _now(), command, engine, json.dumps([str(f) for f in files]), taxonomy.version,
                 taxonomy.content_hash, os.getpid(), socket.gethostname()])


def end_run_on_error(con, run_id: str, exc: BaseException) -> None:
    """Mark a run stopped by ``exc``: ``interrupted`` (Ctrl-C) or ``failed``, if the database still answers."""
    status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
    try:
        finish_run(con, run_id, {"error": getattr(exc, "code", type(exc).__name__)}, status)
    except duckdb_module().Error:
        return  # the database itself failed: the next run marks this one by its PID (mark_interrupted)


def _pid_alive(pid: int) -> bool | None:
    """Whether process ``pid`` exists on this host; None where that cannot be asked safely."""
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


def mark_interrupted(con, *, now: datetime | None = None) -> list[str]:
    """Mark "running" runs that cannot be running any more as "interrupted"; returns their ids.

    A run is dead when its process is gone (same host), when it has no PID (written before PIDs
    were kept: the caller holds the write lock, so no older process can still be writing), or when
    it started more than RUN_TIME_LIMIT ago. A SIGKILL or a power cut leaves no other trace.
    """
    now = now or _now()
    host, me = socket.gethostname(), os.getpid()
    dead = []
    for run_id, started, pid, run_host in con.execute(
            "SELECT run_id, started, pid, host FROM runs WHERE status = 'running'").fetchall():
        if started is not None and now - started > RUN_TIME_LIMIT:
            dead.append((run_id, "older than the time limit"))
        elif pid is None:
            dead.append((run_id, "no process recorded"))
        elif run_host == host and pid != me and _pid_alive(int(pid)) is False:
            dead.append((run_id, f"process {pid} is gone"))
    for run_id, why in dead:
        con.execute("UPDATE runs SET status = 'interrupted', summary = ? WHERE run_id = ?",
                    [json.dumps({"interrupted": why}), run_id])
    return [run_id for run_id, _ in dead]


def finish_run(con, run_id: str, summary: dict, status: str = "done") -> None:
    con.execute("UPDATE runs SET finished = ?, summary = ?, status = ? WHERE run_id = ?",
                [_now(), json.dumps(summary, default=str), status, run_id])


def stale_count(con, taxonomy) -> int:
    """Stored postings whose mentions came from another taxonomy version or content."""
    return con.execute("SELECT count(*) FROM postings WHERE taxonomy_hash IS DISTINCT FROM ?",
                       [taxonomy.content_hash]).fetchall()[0][0]


def save_skills(con, taxonomy) -> None:
    """Replace the stored skill labels, broader links and aliases by those of ``taxonomy`` (new ids
    added, old ones kept): queries then need no taxonomy file to roll up or resolve names."""
    import pandas as pd

    frames = {
        "skills": pd.DataFrame([(s.id, s.label, s.family, s.group) for s in taxonomy.skills],
                               columns=["skill_id", "label", "family", "grp"]),
        "skill_broader": pd.DataFrame([(s.id, b) for s in taxonomy.skills for b in s.broader],
                                      columns=["skill_id", "broader_id"], dtype=object),
        "skill_aliases": pd.DataFrame([(s.id, a) for s in taxonomy.skills for a in s.aliases],
                                      columns=["skill_id", "alias"], dtype=object),
    }
    ids = frames["skills"][["skill_id"]]
    con.register("_ids_df", ids)
    try:
        for table, frame in frames.items():
            con.register("_skills_df", frame)
            try:
                if table == "skills":
                    con.execute("INSERT OR REPLACE INTO skills SELECT * FROM _skills_df")
                else:
                    con.execute(f"DELETE FROM {table} WHERE skill_id IN (SELECT skill_id FROM _ids_df)")
                    con.execute(f"INSERT INTO {table} SELECT * FROM _skills_df")
            finally:
                con.unregister("_skills_df")
    finally:
        con.unregister("_ids_df")
