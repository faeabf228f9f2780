"""The demand index: one narrow row per posting and skill it counts for, roll-up done, so a query over
a million postings reads integers instead of joining ``posting_skills`` with ``postings`` by text id
and walking ``broader`` every time.

Table ``demand_index(seq, date, skill_id, own, via, own_b, via_b)``: ``seq`` and ``date`` are the
posting's; ``own`` is a bit for the level of the skill in ``posting_skills`` (1 required, 2 preferred,
4 mentioned, 8 negated), ``via`` the OR of ``own`` over the narrower skills the posting names (so the
posting reaches this skill by roll-up at those levels); ``own_b``/``via_b`` the same with
boilerplate mentions counted (each skill's strongest level over its demand and boilerplate mentions,
as ``counting.skill_levels(True)``). A query for levels ``L`` (a mask) counts a posting for a skill
when ``(own | via) & L`` (roll-up) or ``own & L`` (no roll-up); it is ``direct`` when ``own & L``.
That is exactly the relation ``stats._demand`` builds from the tables, so the counts are the same.

Kept by whoever writes: ``ingest`` adds each batch's rows (and removes replaced postings') in the
batch's transaction, ``reextract`` replaces a batch's rows; ``refresh`` rebuilds from the tables when
the index is missing or the ``broader`` links changed. ``meta['demand_index']`` stamps what the index
reflects (postings, highest seq, ``posting_skills`` rows, links); a query uses the index only when the
stamp matches the database, else it counts from the tables as before (older databases, a database
written by other means).
"""

from __future__ import annotations

import json

__all__ = ["TABLE", "LEVEL_BITS", "mask", "usable", "refresh", "add_batch", "remove_seqs", "stamp"]

TABLE = "demand_index"
#: Sections whose mentions are stored but not demand (``counting`` re-exports it; defined here, below it)
BOILERPLATE = ("about", "benefits", "eeo", "apply")
_META = "demand_index"
LEVEL_BITS = {"required": 1, "preferred": 2, "mentioned": 4, "negated": 8}
_CREATE = f"""CREATE TABLE IF NOT EXISTS {TABLE} (seq BIGINT, date DATE, skill_id VARCHAR, own UTINYINT, via UTINYINT,
                                                   own_b UTINYINT, via_b UTINYINT)"""


def mask(levels) -> int:
    """The bit mask of requirement levels (``counting.levels``)."""
    out = 0
    for lv in levels:
        out |= LEVEL_BITS[lv]
    return out


def _has_table(con, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]).fetchall()[0][0])


def _links_hash(con) -> str | None:
    if not _has_table(con, "skill_broader"):
        return None
    return con.execute("SELECT md5(coalesce(string_agg(skill_id || '>' || broader_id, ',' ORDER BY skill_id, "
                       "broader_id), '')) FROM skill_broader").fetchall()[0][0]


def _state(con) -> dict:
    n, top = con.execute("SELECT count(*), max(seq) FROM postings").fetchall()[0]
    ps = con.execute("SELECT count(*) FROM posting_skills").fetchall()[0][0]
    return {"postings": int(n), "max_seq": None if top is None else int(top), "posting_skills": int(ps),
            "links": _links_hash(con)}


def _stamp_read(con) -> dict | None:
    rows = con.execute("SELECT value FROM meta WHERE key = ?", [_META]).fetchall() if _has_table(con, "meta") else []
    return json.loads(rows[0][0]) if rows else None


def usable(con) -> bool:
    """Whether the index reflects this database exactly (else queries count from the tables)."""
    stamp = _stamp_read(con)
    return stamp is not None and _has_table(con, TABLE) and stamp == _state(con)


def stamp(con) -> None:
    """Record that the index now reflects the database (inside the writer's transaction)."""
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [_META, json.dumps(_state(con))])


def _rows_sql(postings: str, skills: str, mentions: str, anc: str) -> str:
    """SELECT of index rows for the postings in relation ``postings(id, seq, date)`` from their
    ``skills(posting_id, skill_id, level)`` and ``mentions(posting_id, skill_id, requirement, section)``."""
    sections = ", ".join(f"'{s}'" for s in BOILERPLATE)
    rank_level = "CASE level WHEN 'required' THEN 0 WHEN 'preferred' THEN 1 WHEN 'mentioned' THEN 2 ELSE 3 END"
    rank_req = "CASE requirement WHEN 'required' THEN 0 WHEN 'preferred' THEN 1 WHEN 'negated' THEN 3 ELSE 2 END"
    return f"""
        WITH own AS (SELECT posting_id, skill_id, CAST(1 << ({rank_level}) AS UTINYINT) AS own FROM {skills}),
             withb AS (SELECT posting_id, skill_id, CAST(1 << min(r) AS UTINYINT) AS own_b FROM (
                           SELECT posting_id, skill_id, {rank_level} AS r FROM {skills}
                           UNION ALL SELECT posting_id, skill_id, {rank_req} FROM {mentions}
                           WHERE section IN ({sections}) AND posting_id IN (SELECT id FROM {postings}))
                       GROUP BY posting_id, skill_id),
             d AS (SELECT posting_id, skill_id, coalesce(own.own, 0) AS own, withb.own_b
                   FROM withb LEFT JOIN own USING (posting_id, skill_id)),
             r AS (SELECT posting_id, skill_id, own, CAST(0 AS UTINYINT) AS via, own_b, CAST(0 AS UTINYINT) AS via_b FROM d
                   UNION ALL SELECT d.posting_id, a.ancestor_id, 0, d.own, 0, d.own_b FROM d JOIN {anc} a USING (skill_id))
        SELECT p.seq, p.date, r.skill_id, bit_or(r.own), bit_or(r.via), bit_or(r.own_b), bit_or(r.via_b)
        FROM r JOIN {postings} p ON p.id = r.posting_id
        GROUP BY p.seq, p.date, r.skill_id"""


def _insert(con, postings: str, skills: str, mentions: str) -> None:
    from .skillnames import registered_ancestors

    with registered_ancestors(con) as anc:
        con.execute(f"INSERT INTO {TABLE} {_rows_sql(postings, skills, mentions, anc)}")


def refresh(con, *, force: bool = False) -> bool:
    """Rebuild the index from the tables unless it already reflects them (or ``force``); returns
    whether it rebuilt. A database without stored ``broader`` links gets no index."""
    if not _has_table(con, "skill_broader"):
        return False
    con.execute(_CREATE)
    if not force and usable(con):
        return False
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {TABLE}")
        _insert(con, "(SELECT id, seq, date FROM postings)", "posting_skills", "mentions")
        stamp(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return True


def maintained(con) -> bool:
    """Whether writers should keep the index up to date: it exists and is stamped (a writer calls this
    before its own change, when the stamp still matches)."""
    return usable(con)


def remove_seqs(con, seqs_sql: str, params=()) -> None:
    """Delete the index rows of the postings whose seq the subquery ``seqs_sql`` yields."""
    con.execute(f"DELETE FROM {TABLE} WHERE seq IN ({seqs_sql})", list(params))


def add_batch(con, postings: str, skills: str, mentions: str) -> None:
    """Insert the rows of a batch: ``postings(id, seq, date)``, ``skills(posting_id, skill_id, level)``,
    ``mentions(posting_id, skill_id, requirement, section)`` are relations (registered frames) holding
    that batch only."""
    _insert(con, postings, skills, mentions)
