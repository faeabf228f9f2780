"""Compare two corpora: two databases, or two filters on one, skill by skill with the statistics of
trends (two-sided pooled z-test, Fisher's exact test where an expected count is below 5, BH q-values
over all skills), each share with its Wilson interval and the difference with Newcombe's interval.

Side ``a`` is the reference: ``diff = share_b - share_a``. The test assumes the two sides are
independent samples; postings that both filters keep are counted on both sides and reported in
``meta["overlap"]`` (the CLI warns). Two databases extracted with different taxonomies are compared
all the same, with ``meta["taxonomies_differ"]`` set: a skill one taxonomy lacks shows as absent there.
"""

from __future__ import annotations

from .filters import FILTER_NAMES, Filters, make_filters
from .rows import Rows

__all__ = ["compare", "COMPARE_COLUMNS", "COMPARE_TABLE_COLUMNS"]

COMPARE_COLUMNS = ["skill_id", "label", "share_a", "share_b", "diff", "diff_ci_low", "diff_ci_high", "p_value",
                   "q_value", "test", "postings_a", "postings_b", "total_a", "total_b", "ci_low_a", "ci_high_a",
                   "ci_low_b", "ci_high_b"]
COMPARE_TABLE_COLUMNS = ["skill_id", "label", "share_a", "share_b", "diff", "diff_ci_low", "diff_ci_high", "p_value",
                         "q_value", "postings_a", "postings_b"]


def _side(common: Filters, side, name: str) -> Filters:
    side = make_filters(side) if not isinstance(side, Filters) else side
    clash = sorted(set(common.given()) & set(side.given()))
    if clash:
        from ..errors import UsageError

        raise UsageError(f"{', '.join(clash)} given both for both sides and for side {name} alone: give each "
                         "filter once, for both sides or for one", params=tuple(clash))
    return make_filters({**common.given(), **side.given()})


def _count(con, filters: Filters, levels, rollup: bool, count_boilerplate: bool, family: str | None):
    """(postings in scope, {skill_id: postings}, {skill_id: label}, taxonomy hashes) on one connection."""
    from .counting import demand as _demand
    from .counting import where as _where

    where, params = _where(con, filters)
    fam_sql = "AND s.family = ?" if family else ""
    with _demand(con, filters, levels, rollup=rollup, count_boilerplate=count_boilerplate) as (dem, dem_params):
        n = con.execute(f"SELECT count(*) FROM postings {where}", params).fetchone()[0]
        rows = con.execute(f"""
            WITH {dem}, c AS (SELECT skill_id, count(*) AS n FROM dem GROUP BY skill_id)
            SELECT c.skill_id, coalesce(s.label, c.skill_id), c.n
            FROM c LEFT JOIN skills s USING (skill_id) WHERE TRUE {fam_sql}""", dem_params + ([family] if family else [])).fetchall()
    hashes = {h for (h,) in con.execute(f"SELECT DISTINCT taxonomy_hash FROM postings {where}", params).fetchall()}
    return int(n), {r[0]: int(r[2]) for r in rows}, {r[0]: r[1] for r in rows}, hashes


def _same_file(one, other) -> bool:
    from pathlib import Path

    if isinstance(one, (str, Path)) and isinstance(other, (str, Path)):
        return str(one) == str(other) or Path(one).resolve() == Path(other).resolve()
    return one is other


def compare(db=None, *, a: Filters | dict | None = None, b: Filters | dict | None = None, db_b=None,
            family: str | None = None, requirement: str = "any", rollup: bool = True,
            count_boilerplate: bool = False, filters: Filters | None = None, **kw) -> Rows:
    """Each skill's share in corpus ``a`` vs. corpus ``b``, tested like trends.

    ``a`` and ``b`` are filters for each side (dicts of filter keywords, e.g. ``{"location": "Berlin"}``);
    filter keywords given directly (or ``filters=``) apply to both. ``db_b``: side b's database (default
    ``db``). Rows for skills with a posting on either side, ordered by q, then p, then skill_id;
    ``meta`` holds each side's n and filters, ``overlap`` (postings on both sides, one database only)
    and ``taxonomies_differ``.
    """
    from ..errors import UsageError
    from .proportions import bh, newcombe, two_proportion, wilson
    from .counting import levels as _levels
    from .stats import _family
    from .store import reading as _connection

    levels = _levels(requirement)
    family = _family(family)
    common = make_filters(filters, **{k: v for k, v in kw.items() if k in FILTER_NAMES})
    unknown = sorted(set(kw) - set(FILTER_NAMES))
    if unknown:
        raise TypeError(f"compare() got unexpected keyword(s) {', '.join(unknown)}")
    fa, fb = _side(common, a or {}, "a"), _side(common, b or {}, "b")
    same_db = db_b is None or _same_file(db, db_b)
    if same_db and fa == fb:
        raise UsageError("the two sides are the same postings: give db_b (a second database) or different filters "
                         "for each side", params=("db_b",))
    with _connection(db) as con:
        na, ca, la, ha = _count(con, fa, levels, rollup, count_boilerplate, family)
        overlap = None
        if same_db:
            nb, cb, lb, hb = _count(con, fb, levels, rollup, count_boilerplate, family)
            from .filters import scope_sql

            wa, pa = scope_sql(fa)
            wb, pb = scope_sql(fb)
            overlap = con.execute(f"SELECT count(*) FROM (SELECT id FROM postings {wa} INTERSECT "
                                  f"SELECT id FROM postings {wb})", pa + pb).fetchone()[0]
    if not same_db:
        with _connection(db_b) as con_b:
            nb, cb, lb, hb = _count(con_b, fb, levels, rollup, count_boilerplate, family)
    meta = {"a": {"filters": fa.given(), "postings": na}, "b": {"filters": fb.given(), "postings": nb},
            "overlap": overlap, "taxonomies_differ": bool(ha and hb and ha != hb), "same_database": same_db}
    if not na or not nb:
        return Rows([], COMPARE_COLUMNS, meta)
    skills = sorted(set(ca) | set(cb))
    if not skills:
        return Rows([], COMPARE_COLUMNS, meta)
    xa = [ca.get(s, 0) for s in skills]
    xb = [cb.get(s, 0) for s in skills]
    p, tests = two_proportion(xa, na, xb, nb)
    q = bh(p)
    la_lo, la_hi = wilson(xa, [na] * len(xa))
    lb_lo, lb_hi = wilson(xb, [nb] * len(xb))
    d_lo, d_hi = newcombe(xa, [na] * len(xa), xb, [nb] * len(xb))
    out = []
    for i, sid in enumerate(skills):
        out.append(dict(skill_id=sid, label=la.get(sid) or lb.get(sid) or sid, share_a=xa[i] / na, share_b=xb[i] / nb,
                        diff=xb[i] / nb - xa[i] / na, diff_ci_low=d_lo[i], diff_ci_high=d_hi[i], p_value=p[i],
                        q_value=q[i], test=tests[i], postings_a=xa[i], postings_b=xb[i], total_a=na, total_b=nb,
                        ci_low_a=la_lo[i], ci_high_a=la_hi[i], ci_low_b=lb_lo[i], ci_high_b=lb_hi[i]))
    out.sort(key=lambda d: (d["q_value"], d["p_value"], d["skill_id"]))
    return Rows(out, COMPARE_COLUMNS, meta)
