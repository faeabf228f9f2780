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

Tests:
- ``trends``: per skill, a two-sided pooled two-proportion z-test of the share before vs. after the
  split date; where any expected cell count of the 2×2 table is below 5, Fisher's exact test
  (two-sided) instead. The ``test`` column says which. q-values: Benjamini–Hochberg over all skills.
- ``cooccur`` (in ``cooccurrence.py``): lift, one-sided Fisher exact p and BH q over the pairs with
  minimum support.
"""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path

from ..choices import check_choice
from ..errors import UsageError

__all__ = ["top", "trends", "monthly", "cooccur", "wilson", "scope_size", "REQUIREMENTS",
           "TOP_COLUMNS", "TREND_COLUMNS", "MONTHLY_COLUMNS", "COOCCUR_COLUMNS", "MIN_POSTINGS"]

REQUIREMENTS = {"any": ("required", "preferred", "mentioned"), "required": ("required",), "preferred": ("preferred",)}
TOP_COLUMNS = ["skill_id", "label", "family", "postings", "total", "share", "ci_low", "ci_high", "via_narrower"]
TREND_COLUMNS = ["skill_id", "label", "share_before", "share_after", "diff", "p_value", "q_value", "test",
                 "postings_before", "postings_after", "total_before", "total_after"]
MONTHLY_COLUMNS = ["month", "skill_id", "label", "postings", "total", "share", "ci_low", "ci_high", "thin"]
# A month (or a side of a split) with fewer postings than this is "thin": one posting gives share 1.0,
# and its interval spans most of [0, 1]. Rows keep their n; the CLI says which rule it applied.
MIN_POSTINGS = 20


@contextmanager
def _connection(db):
    """Use a given DuckDB connection, or open the database at a path read-only.

    DuckDB errors inside the block (a damaged file is often noticed only when a query reads the bad
    block) become coded errors: ``database_corrupt``, ``database_locked``, ``no_database``.
    """
    from ..dbfile import translated

    if db is not None and not isinstance(db, (str, Path)):
        with translated():
            yield db
        return
    from .store import connect

    con = connect(db, read_only=True)
    try:
        with translated():
            yield con
    finally:
        con.close()


def _iso(value, option: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise UsageError(f"{option} must be a date like 2024-06-30 (got '{value}')", params=(option,)) from None


def _levels(requirement: str) -> tuple[str, ...]:
    return REQUIREMENTS[check_choice(requirement, REQUIREMENTS, "requirement")]


def _family(family: str | None) -> str | None:
    """A misspelt family used to match no skill and give an empty table; now it is an error."""
    from ..records import FAMILIES

    return None if family is None else check_choice(family, FAMILIES, "family")


def _scope(title_contains=None, since=None, until=None, dated=False) -> tuple[str, list]:
    clauses, params = [], []
    if title_contains:
        clauses.append("title ILIKE ?")
        params.append("%" + title_contains.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        clauses[-1] += " ESCAPE '\\'"
    if since:
        clauses.append("date >= CAST(? AS DATE)")
        params.append(_iso(since, "since"))
    if until:
        clauses.append("date <= CAST(? AS DATE)")
        params.append(_iso(until, "until"))
    if dated:
        clauses.append("date IS NOT NULL")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params



def scope_size(db=None, *, title_contains: str | None = None, since=None, until=None) -> tuple[int, int]:
    """(postings the filters keep, postings in the database): lets an empty result say whether the
    filters matched nothing or the postings in scope simply lack the skills asked about."""
    where, params = _scope(title_contains, since, until)
    with _connection(db) as con:
        kept, total = con.execute(f"SELECT (SELECT count(*) FROM postings {where}), (SELECT count(*) FROM postings)",
                                  params).fetchone()
    return int(kept), int(total)

@contextmanager
def _demand(con, levels, rollup: bool):
    """CTE text defining ``dem(posting_id, skill_id, direct)`` over a ``scope(id, …)`` CTE, and its
    parameters: one row per posting and skill it counts for, ``direct`` false when reached only
    through a narrower skill."""
    lv = ",".join("?" * len(levels))
    base = f"""direct AS (SELECT DISTINCT ps.posting_id, ps.skill_id FROM posting_skills ps
                          JOIN scope ON ps.posting_id = scope.id WHERE ps.level IN ({lv}))"""
    if not rollup:
        yield base + ", dem AS (SELECT posting_id, skill_id, TRUE AS direct FROM direct)", list(levels)
        return
    from .skillnames import registered_ancestors

    with registered_ancestors(con) as anc:
        yield base + f""", dem AS (
            SELECT posting_id, skill_id, bool_or(d) AS direct FROM (
                SELECT posting_id, skill_id, TRUE AS d FROM direct
                UNION ALL SELECT direct.posting_id, {anc}.ancestor_id, FALSE FROM direct JOIN {anc} USING (skill_id))
            GROUP BY posting_id, skill_id)""", list(levels)


def wilson(count, nobs, alpha: float = 0.05):
    """95% Wilson score interval(s) (statsmodels), as numpy arrays; nobs 0 gives (0, 1)."""
    import numpy as np
    from statsmodels.stats.proportion import proportion_confint

    count = np.asarray(count, dtype=float)
    nobs = np.asarray(nobs, dtype=float)
    safe = np.where(nobs > 0, nobs, 1.0)
    low, high = proportion_confint(count, safe, alpha=alpha, method="wilson")
    low = np.where(nobs > 0, np.clip(low, 0.0, 1.0), 0.0)
    high = np.where(nobs > 0, np.clip(high, 0.0, 1.0), 1.0)
    return low, high


def top(db=None, *, family: str | None = None, title_contains: str | None = None, since=None, until=None,
        limit: int | None = None, requirement: str = "any", rollup: bool = True) -> list[dict]:
    """Skills by the number of postings in scope that ask for them, with share and Wilson interval;
    ``via_narrower`` = postings counted only through a narrower skill (0 without roll-up).

    Ordered by ``postings`` descending, ties by ``skill_id``."""
    levels = _levels(requirement)
    family = _family(family)
    if limit is not None and limit < 1:
        raise UsageError("limit must be at least 1", params=("limit",))
    where, params = _scope(title_contains, since, until)
    fam_sql = "AND s.family = ?" if family else ""
    with _connection(db) as con, _demand(con, levels, rollup) as (dem, dem_params):
        rows = con.execute(f"""
            WITH scope AS (SELECT id FROM postings {where}),
                 n AS (SELECT count(*) AS total FROM scope), {dem}
            SELECT dem.skill_id, coalesce(s.label, dem.skill_id) AS label, s.family, count(*) AS postings,
                   (SELECT total FROM n) AS total, count(*) FILTER (WHERE NOT dem.direct)
            FROM dem LEFT JOIN skills s USING (skill_id)
            WHERE TRUE {fam_sql}
            GROUP BY dem.skill_id, s.label, s.family
            ORDER BY postings DESC, dem.skill_id
            {"LIMIT " + str(int(limit)) if limit else ""}""",
                           params + dem_params + ([family] if family else [])).fetchall()
    if not rows:
        return []
    low, high = wilson([r[3] for r in rows], [r[4] for r in rows])
    return [dict(skill_id=r[0], label=r[1], family=r[2], postings=int(r[3]), total=int(r[4]), share=r[3] / r[4],
                 ci_low=float(lo), ci_high=float(hi), via_narrower=int(r[5])) for r, lo, hi in zip(rows, low, high)]


def _two_proportion_p(x1, n1, x2, n2):
    """Two-sided p-values per skill: pooled z-test, or Fisher exact where an expected count < 5."""
    import numpy as np
    from scipy.stats import fisher_exact, norm

    x1, x2 = np.asarray(x1, float), np.asarray(x2, float)
    pooled = (x1 + x2) / (n1 + n2)
    se = np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, (x2 / n2 - x1 / n1) / np.where(se > 0, se, 1), 0.0)
    p = np.clip(2 * norm.sf(np.abs(z)), 0.0, 1.0)
    expected = np.minimum.reduce([pooled * n1, (1 - pooled) * n1, pooled * n2, (1 - pooled) * n2])
    small = expected < 5
    tests = np.where(small, "fisher", "z")
    for i in np.nonzero(small)[0]:
        table = [[int(x1[i]), int(n1 - x1[i])], [int(x2[i]), int(n2 - x2[i])]]
        p[i] = min(1.0, max(0.0, fisher_exact(table, alternative="two-sided")[1]))
    return p, tests


def trends(db=None, *, split, family: str | None = None, title_contains: str | None = None,
           requirement: str = "any", rollup: bool = True) -> list[dict]:
    """Share of each skill before vs. on/after ``split``, with a two-sided test and BH q-values.

    Only dated postings count; rows for skills with at least one posting in either period, ordered by
    ``q_value`` ascending, then ``p_value``, then ``skill_id``."""
    import numpy as np
    from statsmodels.stats.multitest import multipletests

    split = _iso(split, "split")
    if split is None:
        raise UsageError("split (a date) is required", params=("split",))
    levels = _levels(requirement)
    family = _family(family)
    where, params = _scope(title_contains, dated=True)
    fam_sql = "AND s.family = ?" if family else ""
    with _connection(db) as con, _demand(con, levels, rollup) as (dem, dem_params):
        n1, n2 = con.execute(f"""SELECT count(*) FILTER (WHERE date < CAST(? AS DATE)),
                                        count(*) FILTER (WHERE date >= CAST(? AS DATE)) FROM postings {where}""",
                             [split, split] + params).fetchall()[0]
        if not n1 or not n2:
            raise UsageError(f"split {split} leaves no dated postings {'before' if not n1 else 'on or after'} it "
                             f"({n1} before, {n2} on or after)", params=("split",))
        rows = con.execute(f"""
            WITH scope AS (SELECT id, date FROM postings {where}), {dem}
            SELECT dem.skill_id, coalesce(s.label, dem.skill_id),
                   count(*) FILTER (WHERE scope.date < CAST(? AS DATE)),
                   count(*) FILTER (WHERE scope.date >= CAST(? AS DATE))
            FROM dem JOIN scope ON dem.posting_id = scope.id LEFT JOIN skills s USING (skill_id)
            WHERE TRUE {fam_sql}
            GROUP BY dem.skill_id, s.label ORDER BY dem.skill_id""",
                           params + dem_params + [split, split] + ([family] if family else [])).fetchall()
    if not rows:
        return []
    x1 = np.array([r[2] for r in rows], float)
    x2 = np.array([r[3] for r in rows], float)
    p, tests = _two_proportion_p(x1, n1, x2, n2)
    q = np.clip(multipletests(p, method="fdr_bh")[1], 0.0, 1.0)
    out = [dict(skill_id=r[0], label=r[1], share_before=r[2] / n1, share_after=r[3] / n2,
                diff=r[3] / n2 - r[2] / n1, p_value=float(pi), q_value=float(qi), test=str(t),
                postings_before=int(r[2]), postings_after=int(r[3]), total_before=int(n1), total_after=int(n2))
           for r, pi, qi, t in zip(rows, p, q, tests)]
    out.sort(key=lambda d: (d["q_value"], d["p_value"], d["skill_id"]))
    return out


def monthly(db=None, *, skills: list[str] | None = None, top_n: int = 8, family: str | None = None,
            title_contains: str | None = None, since=None, until=None, requirement: str = "any",
            rollup: bool = True, min_postings: int = MIN_POSTINGS) -> list[dict]:
    """Per-month share of each skill (the given ones, else the ``top_n`` most frequent) with Wilson
    intervals; every month with dated postings appears for every skill (zero when absent), ``thin``
    when the month has fewer than ``min_postings`` postings. Ordered by ``month`` then ``skill_id``."""
    levels = _levels(requirement)
    family = _family(family)
    if min_postings < 1:
        raise UsageError(f"min_postings must be at least 1 (got {min_postings})", params=("min_postings",))
    where, params = _scope(title_contains, since, until, dated=True)
    if not skills:
        skills = [r["skill_id"] for r in top(db, family=family, title_contains=title_contains, since=since,
                                               until=until, limit=top_n, requirement=requirement, rollup=rollup)]
    if not skills:
        return []
    with _connection(db) as con, _demand(con, levels, rollup) as (dem, dem_params):
        totals = con.execute(f"SELECT strftime(date, '%Y-%m') AS m, count(*) FROM postings {where} GROUP BY m ORDER BY m",
                             params).fetchall()
        counts = con.execute(f"""
            WITH scope AS (SELECT id, date FROM postings {where}), {dem}
            SELECT strftime(scope.date, '%Y-%m') AS m, dem.skill_id, count(*)
            FROM dem JOIN scope ON dem.posting_id = scope.id
            WHERE dem.skill_id IN ({",".join("?" * len(skills))})
            GROUP BY m, dem.skill_id""", params + dem_params + list(skills)).fetchall()
        labels = dict(con.execute(f"SELECT skill_id, label FROM skills WHERE skill_id IN ({','.join('?' * len(skills))})",
                                  list(skills)).fetchall())
    found = {(m, s): c for m, s, c in counts}
    rows = []
    for month, total in totals:
        for sid in sorted(skills):
            rows.append(dict(month=month, skill_id=sid, label=labels.get(sid, sid), postings=int(found.get((month, sid), 0)),
                             total=int(total)))
    low, high = wilson([r["postings"] for r in rows], [r["total"] for r in rows])
    for r, lo, hi in zip(rows, low, high):
        r["share"] = r["postings"] / r["total"]
        r["ci_low"], r["ci_high"] = float(lo), float(hi)
        r["thin"] = r["total"] < min_postings
    return rows


from .cooccurrence import COOCCUR_COLUMNS, cooccur  # noqa: E402  (re-exported: its home is cooccurrence.py)
