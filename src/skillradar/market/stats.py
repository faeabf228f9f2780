"""Statistics over the market database: demand shares with Wilson intervals, trends with tests and
Benjamini–Hochberg q-values, monthly series and co-occurrence with an enrichment test.

Counting rule everywhere: a posting counts for a skill when it mentions the skill at least once not
negated (its level in ``posting_skills`` is required, preferred or mentioned); ``requirement``
narrows that to postings where the skill is required (or preferred) at its strongest mention.

Roll-up (``rollup=True``, the default of ``top``, ``trends`` and ``monthly``): a posting that asks for
a narrower skill also counts, once, for each of its broader skills through the taxonomy's ``broader``
relation (Llama -> LLMs -> generative AI), since an analyst asking "how many postings want LLMs"
means those too. ``via_narrower`` counts the postings that reach a skill only that way.
Co-occurrence never rolls up: a skill would trivially co-occur with its own broader skills.

Boilerplate (``count_boilerplate=True``, off by default): also count skills named only in about-us,
benefits, EEO or how-to-apply text, which ingest stores but does not count as demand.

Filters (every query): ``title_contains``, ``location``, ``company``, ``sector``, ``seniority``,
``contract_type``, ``since``, ``until`` as keywords, or a ``filters=Filters(...)``; see ``filters.py``.
Every query returns :class:`.rows.Rows` (a list of dicts with ``.to_pandas()`` and ``.to_arrow()``).

Tests (formulas in ``proportions.py``):
- ``trends``: per skill, a two-sided pooled two-proportion z-test of the share before vs. after the
  split date; where any expected cell count of the 2×2 table is below 5, Fisher's exact test
  (two-sided) instead. The ``test`` column says which. q-values: Benjamini–Hochberg over all skills.
- ``compare`` (in ``comparison.py``): the same test between two corpora.
- ``cooccur`` (in ``cooccurrence.py``): lift, one-sided Fisher exact p and BH q over the pairs with
  minimum support.
"""

from __future__ import annotations

import datetime as dt

from ..choices import check_choice
from ..errors import EmptySplit, UsageError
from .counting import BOILERPLATE, REQUIREMENTS
from .counting import demand as _demand
from .counting import levels as _levels
from .counting import where as _where
from .filters import Filters, make_filters, scope_sql
from .rows import Rows
from .store import reading as _connection

__all__ = ["top", "trends", "monthly", "cooccur", "wilson", "scope_size", "REQUIREMENTS",
           "TOP_COLUMNS", "TREND_COLUMNS", "MONTHLY_COLUMNS", "COOCCUR_COLUMNS", "MIN_POSTINGS", "BOILERPLATE"]

TOP_COLUMNS = ["skill_id", "label", "family", "postings", "total", "share", "ci_low", "ci_high", "via_narrower"]
TREND_COLUMNS = ["skill_id", "label", "share_before", "share_after", "diff", "p_value", "q_value", "test",
                 "postings_before", "postings_after", "total_before", "total_after"]
MONTHLY_COLUMNS = ["month", "skill_id", "label", "postings", "total", "share", "ci_low", "ci_high", "thin"]
# A month (or a side of a split) with fewer postings than this is "thin": one posting gives share 1.0,
# and its interval spans most of [0, 1]. Rows keep their n; the CLI says which rule it applied.
MIN_POSTINGS = 20


def _iso(value, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise UsageError(f"{option} must be a date like 2024-06-30 (got '{value}')", params=(option,)) from None


def _family(family: str | None) -> str | None:
    """A misspelt family used to match no skill and give an empty table; now it is an error."""
    from ..records import FAMILIES

    return None if family is None else check_choice(family, FAMILIES, "family")


def _scope(title_contains=None, since=None, until=None, dated=False, **filters) -> tuple[str, list]:
    """``WHERE …`` over postings for these filters (kept for callers of the older signature)."""
    return scope_sql(make_filters(title_contains=title_contains, since=since, until=until, **filters), dated=dated)


def scope_size(db=None, *, filters: Filters | None = None, **kw) -> tuple[int, int]:
    """(postings the filters keep, postings in the database): lets an empty result say whether the
    filters matched nothing or the postings in scope simply lack the skills asked about."""
    from .filters import scope_size as size

    return size(db, filters, **kw)


def wilson(count, nobs, alpha: float = 0.05):
    """95% Wilson score interval(s) ``(lows, highs)`` as lists; nobs 0 gives (0, 1)."""
    from .proportions import wilson as interval

    if abs(alpha - 0.05) > 1e-12:
        raise ValueError("only 95% intervals are computed (alpha=0.05)")
    return interval(count, nobs)


def top(db=None, *, family: str | None = None, limit: int | None = None, requirement: str = "any",
        rollup: bool = True, count_boilerplate: bool = False, filters: Filters | None = None, **kw) -> Rows:
    """Skills by the number of postings in scope that ask for them, with share and Wilson interval;
    ``via_narrower`` = postings counted only through a narrower skill (0 without roll-up).

    Filter keywords (``location="Berlin"``, ``seniority="senior"`` …) or ``filters=`` choose the
    postings. Ordered by ``postings`` descending, ties by ``skill_id``."""
    levels = _levels(requirement)
    family = _family(family)
    filters = make_filters(filters, **kw)
    if limit is not None and limit < 1:
        raise UsageError("limit must be at least 1", params=("limit",))
    fam_sql = "AND s.family = ?" if family else ""
    with _connection(db) as con:
        where, params = _where(con, filters)
        total = con.execute(f"SELECT count(*) FROM postings {where}", params).fetchone()[0]
        with _demand(con, filters, levels, rollup=rollup, count_boilerplate=count_boilerplate) as (dem, dem_params):
            rows = con.execute(f"""
                WITH {dem},
                     c AS (SELECT skill_id, count(*) AS postings, count(*) FILTER (WHERE NOT direct) AS via
                           FROM dem GROUP BY skill_id)
                SELECT c.skill_id, coalesce(s.label, c.skill_id) AS label, s.family, c.postings,
                       CAST(? AS BIGINT) AS total, c.via
                FROM c LEFT JOIN skills s USING (skill_id)
                WHERE TRUE {fam_sql}
                ORDER BY c.postings DESC, c.skill_id
                {"LIMIT " + str(int(limit)) if limit else ""}""",
                               dem_params + [total] + ([family] if family else [])).fetchall()
    meta = {"filters": filters.given()}
    if not rows:
        return Rows([], TOP_COLUMNS, meta)
    low, high = wilson([r[3] for r in rows], [r[4] for r in rows])
    return Rows([dict(skill_id=r[0], label=r[1], family=r[2], postings=int(r[3]), total=int(r[4]), share=r[3] / r[4],
                      ci_low=float(lo), ci_high=float(hi), via_narrower=int(r[5]))
                 for r, lo, hi in zip(rows, low, high)], TOP_COLUMNS, meta)


def _two_proportion_p(x1, n1, x2, n2):
    """Two-sided p-values per skill: pooled z-test, or Fisher exact where an expected count < 5."""
    from .proportions import two_proportion

    return two_proportion(x1, int(n1), x2, int(n2))


def _bh(p) -> list[float]:
    from .proportions import bh

    return bh(p)


def trends(db=None, *, split, family: str | None = None, requirement: str = "any", rollup: bool = True,
           count_boilerplate: bool = False, filters: Filters | None = None, **kw) -> Rows:
    """Share of each skill before vs. on/after ``split``, with a two-sided test and BH q-values.

    Only dated postings count; rows for skills with at least one posting in either period, ordered by
    ``q_value`` ascending, then ``p_value``, then ``skill_id``."""
    split = _iso(split, "split")
    if split is None:
        raise UsageError("split (a date) is required", params=("split",))
    levels = _levels(requirement)
    family = _family(family)
    filters = make_filters(filters, **kw)
    fam_sql = "AND s.family = ?" if family else ""
    with _connection(db) as con:
        where, params = _where(con, filters, dated=True)
        n1, n2 = con.execute(f"""SELECT count(*) FILTER (WHERE date < CAST(? AS DATE)),
                                        count(*) FILTER (WHERE date >= CAST(? AS DATE)) FROM postings {where}""",
                             [split, split] + params).fetchall()[0]
        if not n1 or not n2:
            raise EmptySplit(f"split {split} leaves no dated postings {'before' if not n1 else 'on or after'} it "
                             f"({n1} before, {n2} on or after"
                             + (f", with {filters.describe(flags=False)}" if filters else "") + ")",
                             params=("split", *filters.given()))
        with _demand(con, filters, levels, rollup=rollup, count_boilerplate=count_boilerplate,
                     dated=True) as (dem, dem_params):
            rows = con.execute(f"""
                WITH {dem},
                     c AS (SELECT skill_id, count(*) FILTER (WHERE date < CAST(? AS DATE)) AS before,
                                  count(*) FILTER (WHERE date >= CAST(? AS DATE)) AS after FROM dem GROUP BY skill_id)
                SELECT c.skill_id, coalesce(s.label, c.skill_id), c.before, c.after
                FROM c LEFT JOIN skills s USING (skill_id)
                WHERE TRUE {fam_sql}
                ORDER BY c.skill_id""",
                               dem_params + [split, split] + ([family] if family else [])).fetchall()
    meta = {"filters": filters.given(), "total_before": int(n1), "total_after": int(n2), "split": split}
    if not rows:
        return Rows([], TREND_COLUMNS, meta)
    x1 = [r[2] for r in rows]
    x2 = [r[3] for r in rows]
    p, tests = _two_proportion_p(x1, n1, x2, n2)
    q = _bh(p)
    out = [dict(skill_id=r[0], label=r[1], share_before=r[2] / n1, share_after=r[3] / n2,
                diff=r[3] / n2 - r[2] / n1, p_value=float(pi), q_value=float(qi), test=str(t),
                postings_before=int(r[2]), postings_after=int(r[3]), total_before=int(n1), total_after=int(n2))
           for r, pi, qi, t in zip(rows, p, q, tests)]
    out.sort(key=lambda d: (d["q_value"], d["p_value"], d["skill_id"]))
    return Rows(out, TREND_COLUMNS, meta)


def monthly(db=None, *, skills: list[str] | None = None, top_n: int = 8, family: str | None = None,
            requirement: str = "any", rollup: bool = True, count_boilerplate: bool = False,
            min_postings: int = MIN_POSTINGS, filters: Filters | None = None, **kw) -> Rows:
    """Per-month share of each skill (the given ones, else the ``top_n`` most frequent) with Wilson
    intervals; every month with dated postings appears for every skill (zero when absent), ``thin``
    when the month has fewer than ``min_postings`` postings. Ordered by ``month`` then ``skill_id``."""
    levels = _levels(requirement)
    family = _family(family)
    filters = make_filters(filters, **kw)
    if min_postings < 1:
        raise UsageError(f"min_postings must be at least 1 (got {min_postings})", params=("min_postings",))
    meta = {"filters": filters.given(), "min_postings": min_postings}
    if not skills:
        skills = [r["skill_id"] for r in top(db, family=family, limit=top_n, requirement=requirement, rollup=rollup,
                                               count_boilerplate=count_boilerplate, filters=filters)]
    if not skills:
        return Rows([], MONTHLY_COLUMNS, meta)
    with _connection(db) as con:
        where, params = _where(con, filters, dated=True)
        with _demand(con, filters, levels, rollup=rollup, count_boilerplate=count_boilerplate,
                     dated=True) as (dem, dem_params):
            totals = con.execute(f"SELECT strftime(date, '%Y-%m') AS m, count(*) FROM postings {where} "
                                 "GROUP BY m ORDER BY m", params).fetchall()
            counts = con.execute(f"""
                WITH {dem}
                SELECT strftime(d, '%Y-%m') AS m, skill_id, sum(n)
                FROM (SELECT date AS d, skill_id, count(*) AS n FROM dem
                      WHERE skill_id IN ({",".join("?" * len(skills))}) GROUP BY date, skill_id)
                GROUP BY m, skill_id""", dem_params + list(skills)).fetchall()
            labels = dict(con.execute(f"SELECT skill_id, label FROM skills WHERE skill_id IN "
                                      f"({','.join('?' * len(skills))})", list(skills)).fetchall())
    found = {(m, s): c for m, s, c in counts}
    rows = []
    for month, total in totals:
        for sid in sorted(skills):
            rows.append(dict(month=month, skill_id=sid, label=labels.get(sid, sid),
                             postings=int(found.get((month, sid), 0)), total=int(total)))
    low, high = wilson([r["postings"] for r in rows], [r["total"] for r in rows])
    for r, lo, hi in zip(rows, low, high):
        r["share"] = r["postings"] / r["total"]
        r["ci_low"], r["ci_high"] = float(lo), float(hi)
        r["thin"] = r["total"] < min_postings
    return Rows(rows, MONTHLY_COLUMNS, meta)


from .cooccurrence import COOCCUR_COLUMNS, cooccur  # noqa: E402  (re-exported: its home is cooccurrence.py)
