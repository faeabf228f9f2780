"""Which rows were merged into which: the bookkeeping of one ingest batch, and the stored record.

Deduplication used to leave no trace, so nobody could check a merge or undo a wrong one. Every row
that is not stored because it duplicates another (or that is replaced by a richer copy) is recorded in
the ``merges`` table with the id of the posting kept, its similarity and whether the match was exact
or near. The record is keyed by the dropped row (file and row number), so ingesting the same file
again records nothing twice.
"""

from __future__ import annotations

from pathlib import Path

from . import dedup

__all__ = ["Merger", "duplicates", "DUPLICATE_COLUMNS"]

DUPLICATE_COLUMNS = ["similarity", "reason", "kept_id", "kept_title", "kept_source", "kept_row", "dropped_id",
                     "dropped_source", "dropped_row"]


class Merger:
    """Duplicate decisions within one batch: the rows to store, the stored postings they replace and
    the merges to record. Rows and stored postings are dicts with ``id, key, date, chars, title,
    source, row``; a stored one also has ``in_db=True``."""

    def __init__(self, by_id: dict[str, dict], by_key: dict[str, dict]) -> None:
        self.by_id, self.by_key = by_id, by_key
        self.pending: dict[str, dict] = {}  # id -> row to store, in order
        self.bands: dict[int, list[str]] = {}  # LSH band key -> ids of rows to store
        self.gone: dict[str, str] = {}  # stored id -> id of the row replacing it
        self.merges: list[dict] = []

    @property
    def kept(self) -> list[dict]:
        return list(self.pending.values())

    def exact(self, r: dict) -> dict | None:
        """The posting with ``r``'s id or normalised text, stored or to be stored, if any."""
        return self.by_id.get(r["id"]) or self.by_key.get(r["key"])

    def add(self, r: dict) -> None:
        """Store ``r`` as a distinct posting (so far)."""
        if "bands" not in r:  # an exact duplicate replacing its stored copy was not hashed
            r["shingles"] = dedup.shingles(r["words"])
            r["bands"] = dedup.band_keys(dedup.minhash(r["shingles"]))
        self.pending[r["id"]] = r
        self.by_id[r["id"]] = r
        self.by_key[r["key"]] = r
        for k in r["bands"]:
            self.bands.setdefault(k, []).append(r["id"])

    def drop(self, r: dict, holder: dict, similarity: float, reason: str) -> None:
        """``r`` duplicates ``holder``, which stays; rereading the kept row itself records nothing."""
        if (holder["source"], holder["row"]) != (r["source"], r["row"]):
            self.merges.append(_merge(holder["id"], r, similarity, reason))

    def replace(self, holder: dict, r: dict, similarity: float, reason: str) -> None:
        """``r`` is the richer copy: it takes ``holder``'s place, and merges into ``holder`` follow it."""
        if holder.get("in_db"):
            r["replaces"] = holder["id"]
            self.gone[holder["id"]] = r["id"]
        else:
            r["replaces"] = holder["replaces"]
            del self.pending[holder["id"]]
            for ids in self.bands.values():
                if holder["id"] in ids:
                    ids.remove(holder["id"])
            for old, new in self.gone.items():
                if new == holder["id"]:
                    self.gone[old] = r["id"]
        for mg in self.merges:
            if mg["kept_id"] == holder["id"]:
                mg["kept_id"] = r["id"]
        self.merges.append(_merge(r["id"], holder, similarity, reason))
        for index in (self.by_id, self.by_key):
            for k, v in index.items():
                if v is holder:
                    index[k] = r
        self.add(r)


def _merge(kept_id: str, dropped: dict, similarity: float, reason: str) -> dict:
    return dict(kept_id=kept_id, dropped_id=dropped["id"], dropped_source=dropped["source"],
                dropped_row=dropped["row"], similarity=float(similarity), reason=reason)


def duplicates(db: str | Path | None = None) -> list[dict]:
    """Every recorded merge with the posting kept, most similar first (then by dropped file and row)."""
    from ..dbfile import translated
    from .store import connect

    con = connect(db, read_only=True)
    try:
        with translated():
            if not con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'merges'"
                               ).fetchall()[0][0]:
                return []  # a database written before merges were recorded
            rows = con.execute(
                "SELECT m.similarity, m.reason, m.kept_id, p.title, p.source, p.row_number, m.dropped_id, "
                "m.dropped_source, m.dropped_row FROM merges m LEFT JOIN postings p ON p.id = m.kept_id "
                "ORDER BY m.similarity DESC, m.dropped_source, m.dropped_row").fetchall()
    finally:
        con.close()
    return [dict(zip(DUPLICATE_COLUMNS, r)) for r in rows]
