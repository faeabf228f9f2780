"""Opening DuckDB files and turning DuckDB's failures into coded, path-free errors.

Why: DuckDB reports a cut-off file, a foreign file, a held write lock and a checksum mismatch with
the same few exception classes and messages that quote the absolute path, the PID and the
interpreter holding the lock. Users (and API callers) need a stable code, a message that names the
database by its role, and a hint; the original exception stays attached as the cause.

DuckDB has no error numbers, so the kind is read from its message: the phrases below are the ones
DuckDB 1.x and 2.x use (``tests/market/test_database_errors.py`` makes the common ones happen with
real files: cut off, not DuckDB, a damaged block, a held lock). Anything else stays a generic
``store_error`` whose message keeps DuckDB's words without paths or PIDs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import (DatabaseCorrupt, DatabaseLocked, DatabaseProblem, DatabaseReadOnly, MissingExtra, NoDatabase,
                     SkillradarError, StoreError)

__all__ = ["duckdb_module", "open_duckdb", "translate", "translated"]

_LOCKED = ("could not set lock", "conflicting lock")
_READ_ONLY = ("permission denied", "read-only file system", "read only file system", "read-only mode")
_CORRUPT = (
    ("not a valid duckdb database file", "it is not a DuckDB database file"),
    ("could not read enough bytes", "the file ends early (it was cut off or is still being copied)"),
    ("corrupt database file", "a block of the file is damaged (checksum mismatch)"),
    ("checksum", "a block of the file is damaged (checksum mismatch)"),
    ("version number", "it was written by another version of DuckDB"),
    ("serialization error", "its contents cannot be decoded"),
    ("database has been invalidated", "an earlier read found it damaged"),
)
_PATHISH = re.compile(r"\"[^\"]*\"|'[^']*'|(?:[A-Za-z]:)?[\\/][^\s,;:]+|\(PID \d+\)|PID \d+")


def duckdb_module():
    """The ``duckdb`` module, or MissingExtra naming the ``market`` extra."""
    try:
        import duckdb
    except ModuleNotFoundError as exc:  # pragma: no cover - depends on the installed extras
        raise MissingExtra("the database", "market", "duckdb") from exc
    return duckdb


def _scrub(message: str) -> str:
    """DuckDB's message without quoted names, paths and PIDs, on one short line."""
    first = message.strip().splitlines()[0] if message.strip() else "unknown error"
    return _PATHISH.sub("…", first)[:160]


def translate(exc: BaseException, subject: str | None = None) -> SkillradarError:
    """The coded skillradar error for a DuckDB exception raised while opening or reading a database."""
    if isinstance(exc, SkillradarError):
        return exc
    text = str(exc).lower()
    if any(p in text for p in _LOCKED):
        return DatabaseLocked(subject)
    if any(p in text for p in _READ_ONLY):
        return DatabaseReadOnly(subject)
    for phrase, what in _CORRUPT:
        if phrase in text:
            return DatabaseCorrupt(subject, what)
    if "catalog error" in text and "does not exist" in text:
        return NoDatabase(subject, "holds no market data yet (no postings table)")
    return StoreError(f"{subject or DatabaseProblem.default_subject} failed: {_scrub(str(exc))}")


@contextmanager
def translated(subject: str | None = None) -> Iterator[None]:
    """Re-raise DuckDB errors inside the block as coded skillradar errors."""
    duckdb = duckdb_module()
    try:
        yield
    except duckdb.Error as exc:
        raise translate(exc, subject) from exc


def open_duckdb(path: str | Path, *, read_only: bool, subject: str | None = None, must_exist: bool = True):
    """A DuckDB connection to ``path``; read-only opens never create or change the file.

    Raises NoDatabase when a read-only open finds no file (and ``must_exist``), DatabaseLocked,
    DatabaseCorrupt or DatabaseReadOnly as DuckDB reports them.
    """
    duckdb = duckdb_module()
    path = str(path)
    existed = path != ":memory:" and Path(path).is_file()
    if read_only and must_exist and path != ":memory:" and not existed:
        raise NoDatabase(subject)
    with translated(subject):
        con = duckdb.connect(path, read_only=read_only)
    if existed:
        try:
            _check_complete(con, path, subject)
        except BaseException:
            con.close()
            raise
    return con


_HEADERS = 3 * 4096  # DuckDB's file starts with a main header and two database headers


def _check_complete(con, path: str, subject: str | None) -> None:
    """DatabaseCorrupt when the file is shorter than the blocks its header counts (a cut-off copy).

    DuckDB opens such a file and fails only when a query reaches a missing block, so a listing that
    reads the catalog alone would report an empty database instead of a broken one. Skipped while a
    write-ahead log is beside the file: its replay counts blocks that are not on disk yet.
    """
    if Path(path + ".wal").exists():
        return
    with translated(subject):
        row = con.execute("SELECT block_size, used_blocks FROM pragma_database_size() "
                          "WHERE database_name = current_database()").fetchone()
    # Free blocks at the end may be trimmed from the file, used ones never: more used blocks than
    # the file can hold means blocks are missing.
    if row and int(row[0]) > 0 and (Path(path).stat().st_size - _HEADERS) // int(row[0]) < int(row[1]):
        raise DatabaseCorrupt(subject, "the file ends early (it was cut off or is still being copied)")
