"""Skill names and the ``broader`` relation as the market database knows them.

Queries must not need the taxonomy file used at ingest, so both come from the tables ``save_skills``
writes (``skill_broader``, ``skill_aliases``). A database written before those tables existed falls
back to the bundled taxonomy's links and aliases for the ids it holds (``market reextract --all``
stores the right ones).
"""

from __future__ import annotations

import difflib
import itertools
from contextlib import contextmanager

from ..errors import UnknownSkill, UsageError

__all__ = ["ancestors", "resolve_skill", "registered_ancestors"]


def _has_table(con, name: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = ?",
                            [name]).fetchall()[0][0])


def _bundled(kind: str) -> list[tuple[str, str]]:
    from ..taxonomy import load_taxonomy

    return [(s.id, v) for s in load_taxonomy(None).skills for v in getattr(s, kind)]


def _links(con) -> list[tuple[str, str]]:
    if _has_table(con, "skill_broader"):
        return con.execute("SELECT skill_id, broader_id FROM skill_broader").fetchall()
    return _bundled("broader")


def ancestors(con) -> dict[str, set[str]]:
    """Every skill's broader skills, transitively (Llama -> LLMs -> generative AI); cycles are cut."""
    direct: dict[str, set[str]] = {}
    for sid, broader in _links(con):
        if sid != broader:
            direct.setdefault(sid, set()).add(broader)
    out: dict[str, set[str]] = {}
    for sid in direct:
        seen, stack = set(), list(direct[sid])
        while stack:
            b = stack.pop()
            if b in seen or b == sid:
                continue
            seen.add(b)
            stack.extend(direct.get(b, ()))
        out[sid] = seen
    return out


_counter = itertools.count()


@contextmanager
def registered_ancestors(con, name: str = "_anc"):
    """The transitive ``broader`` pairs as a relation ``(skill_id, ancestor_id)`` on ``con``; yields its name.

    Computed by DuckDB (a recursive query into a temporary table, which a read-only connection may
    create) so a query needs no pandas; a database without stored links falls back to the bundled
    taxonomy's, registered as a frame."""
    name = f"{name}_{next(_counter)}"
    if _has_table(con, "skill_broader"):
        con.execute(f"""CREATE TEMP TABLE {name} AS
            WITH RECURSIVE up(skill_id, ancestor_id) AS (
                SELECT skill_id, broader_id FROM skill_broader WHERE skill_id <> broader_id
                UNION SELECT up.skill_id, b.broader_id FROM up JOIN skill_broader b ON up.ancestor_id = b.skill_id)
            SELECT DISTINCT skill_id, ancestor_id FROM up WHERE skill_id <> ancestor_id""")
        try:
            yield name
        finally:
            con.execute(f"DROP TABLE IF EXISTS {name}")
        return
    import pandas as pd

    pairs = [(s, a) for s, anc in ancestors(con).items() for a in sorted(anc)]
    con.register(name, pd.DataFrame(pairs, columns=["skill_id", "ancestor_id"], dtype=object))
    try:
        yield name
    finally:
        con.unregister(name)


def resolve_skill(con, name: str) -> str:
    """The skill id for an id, a label or an alias, case-insensitively; an unknown name is a usage
    error naming the nearest names, since analysts type "RAG" rather than "genai.rag"."""
    name = (name or "").strip()
    if not name:
        raise UsageError("skill must name a skill (an id, a label or an alias)", params=("skill",))
    ids = [r[0] for r in con.execute("SELECT skill_id FROM skills UNION SELECT DISTINCT skill_id FROM posting_skills")
           .fetchall()]
    if name in ids:
        return name
    names: dict[str, set[str]] = {}
    for sid in ids:
        names.setdefault(sid.lower(), set()).add(sid)
    for sid, label in con.execute("SELECT skill_id, label FROM skills WHERE label IS NOT NULL").fetchall():
        names.setdefault(label.lower(), set()).add(sid)
    aliases = (con.execute("SELECT skill_id, alias FROM skill_aliases").fetchall()
               if _has_table(con, "skill_aliases") else [p for p in _bundled("aliases") if p[0] in ids])
    for sid, alias in aliases:
        names.setdefault(alias.lower(), set()).add(sid)
    hits = names.get(name.lower())
    if hits and len(hits) == 1:
        return next(iter(hits))
    if hits:
        raise UsageError(f"skill '{name}' names several skills: {', '.join(sorted(hits))}; give one id",
                         params=("skill",))
    close = difflib.get_close_matches(name.lower(), list(names), n=4, cutoff=0.6)
    suggestions = sorted({sid for c in close for sid in names[c]}, key=lambda s: close.index(
        next(c for c in close if s in names[c])))
    hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
    raise UnknownSkill(f"no skill '{name}' in the market database (give an id, a label or an alias).{hint}")
