"""The store of résumés and reports the user chose to keep, holding redacted text only.

One DuckDB table in the project database (default ``./skillradar.duckdb``, the same file as the
market store)::

    stored_items(id, kind, source_name, parent_id, created_at, size, redacted, body)

- ``store_resume(db, text, source_name)`` keeps a résumé (redacted again on the way in, so nothing
  with personal data lands here unless the caller says ``keep_pii=True``) and returns its id;
- ``store_derived(db, parent_id, kind, body)`` keeps something made from a stored item (a report, an
  assessment as JSON) linked to it;
- ``list_items(db)`` lists id, kind, date, size;
- ``erase(db, ids)`` removes each item, everything derived from it (recursively), and the rows of
  any other table in the database that has a ``stored_item_id`` column pointing at it — the
  convention other modules follow for data they derive from a stored item.

Erasing an unknown id is reported for that id (code ``unknown_id``) while the others are erased.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SkillradarError, UnknownItem
from .source_names import safe_source_name

__all__ = ["DEFAULT_DB", "UnknownItem", "EraseResult", "connect", "store_resume", "store_derived", "list_items",
           "get_item", "erase", "DERIVED_COLUMN"]

DEFAULT_DB = "skillradar.duckdb"
DERIVED_COLUMN = "stored_item_id"
_TABLE = "stored_items"


@dataclass
class EraseResult:
    erased: list[str] = field(default_factory=list)  # the ids asked for that were erased
    derived: list[str] = field(default_factory=list)  # stored items erased with them
    rows_elsewhere: int = 0  # rows of other tables (stored_item_id) removed
    errors: list[UnknownItem] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"erased": self.erased, "derived": self.derived, "rows_elsewhere": self.rows_elsewhere,
                "errors": [{"source": e.source, "error": e.to_dict()} for e in self.errors]}


_CREATE = f"""CREATE TABLE IF NOT EXISTS {_TABLE} (
    id VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, source_name VARCHAR, parent_id VARCHAR,
    created_at TIMESTAMP NOT NULL, size BIGINT NOT NULL, redacted BOOLEAN NOT NULL, body VARCHAR NOT NULL)"""
_SUBJECT = "the database of stored résumés"


def connect(db: str | Path | None = None, *, read_only: bool = False):
    """A DuckDB connection to ``db`` with the table created (read-write), or as it is (``read_only``).

    Raises MissingExtra without duckdb, and coded errors (``no_database``, ``database_corrupt``,
    ``database_locked``, ``database_read_only``) that never quote the path.
    """
    from ..dbfile import open_duckdb, translated

    con = open_duckdb(db or DEFAULT_DB, read_only=read_only, subject=_SUBJECT)
    if not read_only:
        try:
            with translated(_SUBJECT):
                con.execute(_CREATE)
        except BaseException:
            con.close()
            raise
    return con


def _conn(db):
    """Accept a path or an open connection; return (connection, whether we opened it)."""
    if db is not None and hasattr(db, "execute") and not isinstance(db, (str, Path)):
        db.execute(_CREATE)
        return db, False
    return connect(db), True


def _new_id(kind: str) -> str:
    prefix = {"resume": "res", "report": "rep"}.get(kind, kind[:3] or "itm")
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def _safe_name(source_name: str | None, keep_pii: bool, kind: str) -> str | None:
    """Only the file type is kept: file names often carry the person's name ('jane_doe_cv.pdf')."""
    return safe_source_name(source_name, keep_pii=keep_pii, kind=kind)


def _insert(db, *, kind: str, body: str, source_name: str | None, parent_id: str | None, redacted: bool) -> str:
    con, own = _conn(db)
    try:
        item_id = _new_id(kind)
        con.execute(
            f"INSERT INTO {_TABLE} VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [item_id, kind, source_name, parent_id, _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None),
             len(body.encode("utf-8")), redacted, body],
        )
        return item_id
    except Exception as exc:
        if isinstance(exc, SkillradarError):
            raise
        from ..dbfile import translate

        raise translate(exc, _SUBJECT) from exc
    finally:
        if own:
            con.close()


def store_resume(db, redacted_text: str, source_name: str | None = None, *, kind: str = "resume",
                 keep_pii: bool = False, taxonomy=None) -> str:
    """Keep a résumé (or a report, with ``kind``) and return its id.

    The text is redacted again before it is written (idempotent on redacted text), so a caller
    that forgot cannot store personal data; ``keep_pii=True`` (the user's explicit ``--keep-pii``)
    stores it as given.
    """
    from .redact import redact

    body = redacted_text if keep_pii else redact(redacted_text, taxonomy=taxonomy).text
    return _insert(db, kind=kind, body=body, source_name=_safe_name(source_name, keep_pii, kind), parent_id=None,
                   redacted=not keep_pii)


def store_derived(db, parent_id: str, kind: str, body: str, *, keep_pii: bool = False) -> str:
    """Keep something derived from stored item ``parent_id`` (a report, JSON of an assessment …)."""
    from .redact import redact

    con, own = _conn(db)
    try:
        if not con.execute(f"SELECT 1 FROM {_TABLE} WHERE id = ?", [parent_id]).fetchone():
            raise UnknownItem(f"no stored item with id '{parent_id}'", source=parent_id)
        text = body if keep_pii else redact(body).text
        return _insert(con, kind=kind, body=text, source_name=None, parent_id=parent_id, redacted=not keep_pii)
    finally:
        if own:
            con.close()


def list_items(db=None) -> list[dict]:
    """Rows ``id, kind, date, size, source, parent`` ordered by date, then id."""
    from ..dbfile import translated

    own = db is None or isinstance(db, (str, Path))
    if own:
        path = str(db or DEFAULT_DB)
        if path != ":memory:" and not Path(path).exists():
            return []
        con = connect(path, read_only=True)  # listing never creates or changes the file
    else:
        con = db
    try:
        with translated(_SUBJECT):
            if not con.execute("SELECT 1 FROM information_schema.tables WHERE table_name = ? AND table_schema = 'main'",
                               [_TABLE]).fetchone():
                return []  # a market database where nothing was stored yet
            rows = con.execute(
                f"SELECT id, kind, created_at, size, source_name, parent_id FROM {_TABLE} ORDER BY created_at, id"
            ).fetchall()
    finally:
        if own:
            con.close()
    return [{"id": r[0], "kind": r[1], "date": r[2].isoformat(timespec="seconds") + "Z", "size": r[3],
             "source": r[4], "parent": r[5]} for r in rows]


def get_item(db, item_id: str) -> dict:
    """One stored item with its body; UnknownItem when absent."""
    con, own = _conn(db)
    try:
        row = con.execute(f"SELECT id, kind, created_at, size, source_name, parent_id, body FROM {_TABLE} WHERE id = ?",
                          [item_id]).fetchone()
    finally:
        if own:
            con.close()
    if not row:
        raise UnknownItem(f"no stored item with id '{item_id}'", source=item_id)
    return {"id": row[0], "kind": row[1], "date": row[2].isoformat(timespec="seconds") + "Z", "size": row[3],
            "source": row[4], "parent": row[5], "body": row[6]}


def _derived_tables(con) -> list[str]:
    rows = con.execute(
        "SELECT table_name FROM information_schema.columns WHERE column_name = ? AND table_schema = 'main'",
        [DERIVED_COLUMN],
    ).fetchall()
    return sorted({r[0] for r in rows if r[0] != _TABLE})


def erase(db, ids: list[str]) -> EraseResult:
    """Erase each id with everything derived from it; unknown ids become errors, the rest still go."""
    result = EraseResult()
    con, own = _conn(db)
    try:
        con.execute("BEGIN TRANSACTION")
        try:
            for item_id in dict.fromkeys(ids):
                if not con.execute(f"SELECT 1 FROM {_TABLE} WHERE id = ?", [item_id]).fetchone():
                    result.errors.append(UnknownItem(f"no stored item with id '{item_id}' (see `skillradar data list`)",
                                                     source=item_id))
                    continue
                family = [item_id]
                frontier = [item_id]
                while frontier:
                    marks = ",".join("?" * len(frontier))
                    children = [r[0] for r in con.execute(
                        f"SELECT id FROM {_TABLE} WHERE parent_id IN ({marks})", frontier).fetchall()]
                    children = [c for c in children if c not in family]
                    family += children
                    frontier = children
                marks = ",".join("?" * len(family))
                for table in _derived_tables(con):
                    n = con.execute(f'SELECT count(*) FROM "{table}" WHERE {DERIVED_COLUMN} IN ({marks})', family).fetchone()[0]
                    con.execute(f'DELETE FROM "{table}" WHERE {DERIVED_COLUMN} IN ({marks})', family)
                    result.rows_elsewhere += n
                con.execute(f"DELETE FROM {_TABLE} WHERE id IN ({marks})", family)
                result.erased.append(item_id)
                result.derived += [f for f in family[1:] if f not in result.derived]
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            if isinstance(exc, SkillradarError):
                raise
            from ..dbfile import translate

            err = translate(exc, _SUBJECT)
            err.message += " (nothing was erased)"
            raise err from exc
        if own:
            try:
                con.execute("CHECKPOINT")  # erased text leaves the WAL and free blocks are reused
            except Exception:  # pragma: no cover
                pass
    finally:
        if own:
            con.close()
    return result
