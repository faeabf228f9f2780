"""What a market query counts: requirement levels, the posting-skill relation (with or without
boilerplate sections) and the postings the filters keep.

Shared by ``stats``, ``cooccurrence``, ``comparison``, ``emerging`` and ``salaries``, so it sits
below all of them: the counting rule lives in one place and no query module imports another.
"""

from __future__ import annotations

from ..choices import check_choice
from .filters import Filters, check_stored, scope_sql

__all__ = ["REQUIREMENTS", "BOILERPLATE", "levels", "skill_levels", "where"]

REQUIREMENTS = {"any": ("required", "preferred", "mentioned"), "required": ("required",), "preferred": ("preferred",)}
#: Sections whose mentions are stored but not demand, unless ``count_boilerplate`` (the title is not
#: boilerplate: a skill named only in the title stays uncounted either way).
BOILERPLATE = ("about", "benefits", "eeo", "apply")


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
