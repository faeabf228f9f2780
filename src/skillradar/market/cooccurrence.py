"""Co-occurrence: which skills postings ask for together with one skill, and which of those pairs
are more than chance.

Lift alone ranks pairs seen once at the top (a skill in one posting has the maximal lift with
anything in it), so pairs need ``min_both`` postings to be tested at all, and rows are ranked by
significance: p one-sided for enrichment, P(X >= both) with X ~ Hypergeom(N, n_A, n_B) (the same as
a one-sided Fisher exact test), q = Benjamini–Hochberg over the pairs tested. ``sort="lift"`` gives
the old order. Co-occurrence counts the skills postings name, without roll-up through ``broader``:
a skill would trivially co-occur with its own broader skills.
"""

from __future__ import annotations

from ..choices import check_choice
from ..errors import UsageError

__all__ = ["cooccur", "COOCCUR_COLUMNS", "COOCCUR_TABLE_COLUMNS", "SORTS", "MIN_BOTH"]

COOCCUR_COLUMNS = ["skill_id", "other_id", "other_label", "both", "lift", "p_value", "postings_skill",
                   "postings_other", "total", "q_value"]
COOCCUR_TABLE_COLUMNS = ["other_id", "other_label", "both", "postings_other", "total", "lift", "p_value", "q_value"]
SORTS = ("q", "lift")
MIN_BOTH = 3

_KEYS = {"q": lambda d: (d["q_value"], d["p_value"], -d["lift"], d["other_id"]),
         "lift": lambda d: (-d["lift"], d["other_id"])}


def cooccur(db=None, *, skill: str, requirement: str = "any", min_both: int = MIN_BOTH, sort: str = "q",
            count_boilerplate: bool = False, filters=None, **kw):
    """Skills in at least ``min_both`` postings together with ``skill`` (an id, label or alias):
    lift, one-sided Fisher p and BH q. Ordered by q, then p (``sort="q"``), or by lift descending.
    Filter keywords (``location=``, ``seniority=`` …) or ``filters=`` choose the postings."""
    from .filters import make_filters
    from .proportions import bh, hypergeom_sf
    from .rows import Rows
    from .skillnames import resolve_skill
    from .counting import demand as _demand
    from .counting import levels as _levels
    from .counting import where as _where
    from .store import reading as _connection

    check_choice(sort, SORTS, "sort")
    if min_both < 1:
        raise UsageError(f"min_both must be at least 1 (got {min_both})", params=("min_both",))
    levels = _levels(requirement)
    filters = make_filters(filters, **kw)
    with _connection(db) as con:
        skill = resolve_skill(con, skill)
        where, params = _where(con, filters)
        total = con.execute(f"SELECT count(*) FROM postings {where}", params).fetchone()[0]
        with _demand(con, filters, levels, rollup=False, count_boilerplate=count_boilerplate) as (dem, dem_params):
            rows = con.execute(f"""
                WITH {dem},
                     ps AS (SELECT posting AS posting_id, skill_id FROM dem),
                     a AS (SELECT posting_id FROM ps WHERE skill_id = ?),
                     nb AS (SELECT skill_id, count(*) AS n FROM ps GROUP BY skill_id),
                     both_n AS (SELECT ps.skill_id, count(*) AS n FROM ps JOIN a USING (posting_id)
                                WHERE ps.skill_id <> ? GROUP BY ps.skill_id HAVING count(*) >= ?)
                SELECT both_n.skill_id, coalesce(s.label, both_n.skill_id), both_n.n, nb.n,
                       (SELECT count(*) FROM a), CAST(? AS BIGINT)
                FROM both_n JOIN nb USING (skill_id) LEFT JOIN skills s USING (skill_id)""",
                               dem_params + [skill, skill, int(min_both), total]).fetchall()
    meta = {"filters": filters.given(), "skill_id": skill}
    if not rows:
        return Rows([], COOCCUR_COLUMNS, meta)
    p = [hypergeom_sf(r[2], r[5], r[4], r[3]) for r in rows]
    q = bh(p)
    out = [dict(skill_id=skill, other_id=r[0], other_label=r[1], both=int(r[2]), lift=r[2] * r[5] / (r[4] * r[3]),
                p_value=float(pi), postings_skill=int(r[4]), postings_other=int(r[3]), total=int(r[5]),
                q_value=float(qi)) for r, pi, qi in zip(rows, p, q)]
    out.sort(key=_KEYS[sort])
    return Rows(out, COOCCUR_COLUMNS, meta)
