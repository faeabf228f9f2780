"""What a market query counts: requirement levels, the posting-skill relation (with or without
boilerplate sections) and the postings the filters keep.

Shared by ``stats``, ``cooccurrence``, ``comparison``, ``emerging`` and ``salaries``, so it sits
below all of them: the counting rule lives in one place and no query module imports another.
"""

from __future__ import annotations

from contextlib import contextmanager

from ..choices import check_choice
from .filters import Filters, check_stored, scope_sql

__all__ = ["REQUIREMENTS", "BOILERPLATE", "levels", "skill_levels", "where", "demand"]

REQUIREMENTS = {"any": ("required", "preferred", "mentioned"), "required": ("required",), "preferred": ("preferred",)}
#: Sections whose mentions are stored but not demand, unless ``count_boilerplate`` (the title is not
#: boilerplate: a skill named only in the title stays uncounted either way).
from .demand_index import BOILERPLATE  # noqa: E402  (defined below this module, used by the index too)


def levels(requirement: str) -> tuple[str, ...]:
    """The ``posting_skills`` levels a ``requirement`` (any, required, preferred) counts."""
    return REQUIREMENTS[check_choice(requirement, REQUIREMENTS, "requirement")]


def where(con, filters: Filters, dated: bool = False) -> tuple[str, list]:
    """``WHERE …`` over postings for ``filters`` and its parameters, after checking the database
    stores the facets the filters need."""
    check_stored(con, filters)
    return scope_sql(filters, dated=dated)


def skill_levels(count_boilerplate: bool) -> str:
    """The relation ``(posting_id, skill_id, level)`` queries count from: ``posting_skills``, or with
    boilerplate counted, each skill's strongest level over its demand and boilerplate mentions."""
    if not count_boilerplate:
        return "posting_skills"
    sections = ", ".join(f"'{s}'" for s in BOILERPLATE)
    return f"""(SELECT posting_id, skill_id,
                       CASE min(r) WHEN 0 THEN 'required' WHEN 1 THEN 'preferred' WHEN 2 THEN 'mentioned'
                                   ELSE 'negated' END AS level
                FROM (SELECT posting_id, skill_id, CASE level WHEN 'required' THEN 0 WHEN 'preferred' THEN 1
                             WHEN 'mentioned' THEN 2 ELSE 3 END AS r FROM posting_skills
                      UNION ALL
                      SELECT posting_id, skill_id, CASE requirement WHEN 'required' THEN 0 WHEN 'preferred' THEN 1
                             WHEN 'negated' THEN 3 ELSE 2 END FROM mentions WHERE section IN ({sections}))
                GROUP BY posting_id, skill_id)"""


@contextmanager
def demand(con, filters: Filters, levels, *, rollup: bool, count_boilerplate: bool = False, dated: bool = False):
    """CTE text defining ``dem(posting, skill_id, direct, date)`` and its parameters: one row per
    posting the filters keep and skill it counts for at ``levels``, ``direct`` false when reached only
    through a narrower skill (``rollup``), with the posting's date.

    Read from the demand index when it reflects the database (``demand_index.py``), else built from
    ``posting_skills`` and the ``broader`` links; both give the same rows (``posting`` is the seq in
    the first, the id in the second: a key to join on, never shown)."""
    from . import demand_index

    clause, params = where(con, filters, dated=dated)
    if demand_index.usable(con):
        m = demand_index.mask(levels)
        own, via = ("own_b", "via_b") if count_boilerplate else ("own", "via")
        cond = f"(({own} | {via}) & {m}) <> 0" if rollup else f"({own} & {m}) <> 0"
        if set(filters.given()) <= {"since", "until"}:  # dates only: the index has them, no join needed
            scope, scope_params = scope_sql(filters, dated=dated, alias="i")
            scope = scope.replace("WHERE", "AND", 1)
        else:
            scope, scope_params = f"AND i.seq IN (SELECT seq FROM postings {clause})", params
        yield (f"dem AS (SELECT i.seq AS posting, i.skill_id, ({own} & {m}) <> 0 AS direct, i.date "
               f"FROM {demand_index.TABLE} i WHERE {cond} {scope})"), list(scope_params)
        return
    lv = ",".join("?" * len(levels))
    base = f"""scope AS (SELECT id, date FROM postings {clause}),
               direct AS (SELECT DISTINCT ps.posting_id, ps.skill_id FROM {skill_levels(count_boilerplate)} ps
                          JOIN scope ON ps.posting_id = scope.id WHERE ps.level IN ({lv}))"""
    joined = ("SELECT d.posting_id AS posting, d.skill_id, d.direct, scope.date FROM {rel} d "
              "JOIN scope ON d.posting_id = scope.id")
    if not rollup:
        yield (base + ", dem AS (" + joined.format(rel="(SELECT posting_id, skill_id, TRUE AS direct FROM direct)")
               + ")"), params + list(levels)
        return
    from .skillnames import registered_ancestors

    with registered_ancestors(con) as anc:
        rolled = f"""(SELECT posting_id, skill_id, bool_or(d) AS direct FROM (
                        SELECT posting_id, skill_id, TRUE AS d FROM direct
                        UNION ALL SELECT direct.posting_id, {anc}.ancestor_id, FALSE FROM direct JOIN {anc} USING (skill_id))
                      GROUP BY posting_id, skill_id)"""
        yield base + ", dem AS (" + joined.format(rel=rolled) + ")", params + list(levels)
