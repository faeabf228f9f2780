"""``/api/market/…``: demand shares, trends, monthly series, co-occurrence, comparisons and what the
corpus is, from the server's DB.

Every query takes the same filters as the CLI (``title_contains``, ``location``, ``company``,
``sector``, ``seniority``, ``contract_type``, ``since``, ``until``; text filters repeatable, any of
them) and ``count_boilerplate``. An empty ``rows`` comes with ``empty_reason`` saying why (a filter
that keeps no posting, or postings without the skills asked about).

The database is the one given to ``create_app(db=…)`` (``skillradar serve --db PATH``), opened
read-only per request. Without one, these endpoints answer 503 ``no_database`` saying how to set it;
a damaged one 503 ``database_corrupt``, one busy with an ingest 503 ``database_locked`` (Retry-After);
one written before filters existed 409 ``outdated_database`` (saying to run `market reextract`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from ..errors import EmptySplit, InvalidRequest, NoDatabase
from ..market.facets import CONTRACT_TYPES, SENIORITY_VALUES
from .api import ERROR_RESPONSES, NOT_FOUND, UNAVAILABLE, ErrorBody

__all__ = ["router"]

OUTDATED = {409: {"model": ErrorBody, "description": "the database was written before seniority, contract type "
                                                     "and sector were stored: run `skillradar market reextract` "
                                                     "(outdated_database)"}}
router = APIRouter(prefix="/api/market", tags=["market"], responses={**ERROR_RESPONSES, **UNAVAILABLE, **OUTDATED})

Requirement = Literal["any", "required", "preferred"]
Seniority = Literal[SENIORITY_VALUES]  # type: ignore[valid-type]
ContractType = Literal[CONTRACT_TYPES]  # type: ignore[valid-type]
_TEXT = dict(max_length=200)


@dataclass
class FilterParams:
    """The filters of a market query, as query parameters (each text one repeatable: any of them)."""

    title_contains: list[str] | None = Query(default=None, description="title contains (any of)")
    location: list[str] | None = Query(default=None, description="location has these whole words, ignoring case "
                                                                 "(any of)")
    company: list[str] | None = Query(default=None, description="company name has these whole words (any of)")
    sector: list[str] | None = Query(default=None, description="sector or industry has these whole words (any of)")
    seniority: list[Seniority] | None = Query(default=None, description="seniority word in the title (any of); "
                                                                       "unspecified = none")
    contract_type: list[ContractType] | None = Query(default=None, description="contract type (any of)")
    since: str | None = Query(default=None, description="ISO date, inclusive")
    until: str | None = Query(default=None, description="ISO date, inclusive")

    def make(self):
        from ..market.filters import make_filters

        for name in ("title_contains", "location", "company", "sector"):
            for v in getattr(self, name) or ():
                if len(v) > _TEXT["max_length"]:
                    raise InvalidRequest(f"{name}: at most {_TEXT['max_length']} characters per value")
        return make_filters(title_contains=self.title_contains, location=self.location, company=self.company,
                            sector=self.sector, seniority=self.seniority, contract_type=self.contract_type,
                            since=self.since, until=self.until)


def _db(request: Request) -> str:
    db = request.app.state.db
    if db is None:
        raise NoDatabase("no market database", state="is configured on this server",
                         hint="start the server with `skillradar serve --db PATH` "
                              "(build one with `skillradar market ingest FILE --db PATH`)")
    if db != ":memory:" and not Path(db).exists():
        raise NoDatabase()  # names no path: callers must not learn where the server keeps its files
    return db


def _finite(rows: list[dict], **extra) -> dict:
    """``{"rows": …}`` with non-finite floats as null (JSON has no NaN), plus ``extra`` keys."""
    for row in rows:
        for k, v in row.items():
            if isinstance(v, float) and not math.isfinite(v):
                row[k] = None
    return {"rows": list(rows), **extra}


def _answer(db: str, rows, filters, **why) -> dict:
    """The rows, with ``empty_reason`` when there are none."""
    if rows:
        return _finite(rows)
    from ..market.filters import why_empty

    return _finite(rows, empty_reason=why_empty(db, filters, flags=False, **why))


def _stats():
    from ..market import stats

    return stats


@router.get("/top", summary="Skills by share of postings, with 95% Wilson intervals")
async def top(request: Request,
              f: FilterParams = Depends(),
              family: str | None = Query(default=None),
              limit: int = Query(default=30, ge=1, le=1000),
              requirement: Requirement = Query(default="any"),
              rollup: bool = Query(default=True, description="count narrower skills toward broader ones"),
              count_boilerplate: bool = Query(default=False, description="also count skills named only in "
                                              "about-us, benefits, EEO or how-to-apply text")) -> dict:
    """Rows ``skill_id, label, family, postings, total, share, ci_low, ci_high, via_narrower``, by
    postings descending."""
    db = _db(request)
    filters = f.make()

    def work():
        rows = _stats().top(db, family=family, filters=filters, limit=limit, requirement=requirement, rollup=rollup,
                            count_boilerplate=count_boilerplate)
        return _answer(db, rows, filters, family=family, requirement=requirement)

    return await run_in_threadpool(work)


@router.get("/trends", summary="Share before vs. on/after a split date, with tests and BH q-values")
async def trends(request: Request,
                 split: str = Query(description="ISO date"),
                 f: FilterParams = Depends(),
                 family: str | None = Query(default=None),
                 requirement: Requirement = Query(default="any"),
                 rollup: bool = Query(default=True),
                 count_boilerplate: bool = Query(default=False)) -> dict:
    """Rows ``skill_id, label, share_before, share_after, diff, p_value, q_value`` by q-value ascending."""
    db = _db(request)
    filters = f.make()

    def work():
        try:
            rows = _stats().trends(db, split=split, family=family, filters=filters, requirement=requirement,
                                   rollup=rollup, count_boilerplate=count_boilerplate)
        except EmptySplit as err:  # nothing to compare in this scope: an empty answer that says why
            return _finite([], empty_reason=err.message)
        return _answer(db, rows, filters, family=family, requirement=requirement)

    return await run_in_threadpool(work)


@router.get("/monthly", summary="Per-month share of skills (the most frequent ones by default)")
async def monthly(request: Request,
                  f: FilterParams = Depends(),
                  skills: str | None = Query(default=None, description="comma-separated skill ids"),
                  top_n: int = Query(default=6, ge=1, le=30),
                  family: str | None = Query(default=None),
                  requirement: Requirement = Query(default="any"),
                  rollup: bool = Query(default=True),
                  count_boilerplate: bool = Query(default=False),
                  min_postings: int = Query(default=20, ge=1, le=1_000_000,
                                            description="months with fewer postings are flagged thin")) -> dict:
    """Rows ``month, skill_id, label, postings, total, share, ci_low, ci_high, thin``."""
    db = _db(request)
    filters = f.make()
    ids = [s.strip() for s in skills.split(",") if s.strip()] if skills else None

    def work():
        rows = _stats().monthly(db, skills=ids, top_n=top_n, family=family, filters=filters, requirement=requirement,
                                rollup=rollup, count_boilerplate=count_boilerplate, min_postings=min_postings)
        return _answer(db, rows, filters, family=family, requirement=requirement, skills=ids, dated=True)

    return await run_in_threadpool(work)


@router.get("/cooccur", summary="Skills appearing together with one skill: Fisher p, BH q-values, lift",
            responses=NOT_FOUND)
async def cooccur(request: Request,
                  skill: str = Query(description="a skill id, label or alias (case-insensitive)", max_length=200),
                  f: FilterParams = Depends(),
                  requirement: Requirement = Query(default="any"),
                  count_boilerplate: bool = Query(default=False),
                  min_both: int = Query(default=3, ge=1, le=1_000_000, description="minimum postings together"),
                  sort: Literal["q", "lift"] = Query(default="q")) -> dict:
    """Rows ``skill_id, other_id, other_label, both, lift, p_value, …, q_value`` for skills seen with
    it in at least ``min_both`` postings, by q-value then p (``sort=lift``: lift descending)."""
    db = _db(request)
    filters = f.make()

    def work():
        rows = _stats().cooccur(db, skill=skill, filters=filters, requirement=requirement, min_both=min_both,
                                sort=sort, count_boilerplate=count_boilerplate)
        if rows:
            return _finite(rows)
        from ..market.filters import scope_size

        kept = scope_size(db, filters)[0]
        if kept == 0:
            return _answer(db, rows, filters)
        return _finite(rows, empty_reason=f"no skill appears with {skill} in at least {min_both} postings "
                                          f"(min_both) among these {kept} postings")

    return await run_in_threadpool(work)


@router.get("/compare", summary="Two sets of postings skill by skill: shares, Newcombe intervals, tests, BH q")
async def compare(request: Request,
                  a: list[str] | None = Query(default=None, description="side a's filters as KEY=VALUE (repeatable), "
                                              "e.g. location=Berlin; keys as the filter parameters"),
                  b: list[str] | None = Query(default=None, description="side b's filters as KEY=VALUE (repeatable)"),
                  f: FilterParams = Depends(),
                  family: str | None = Query(default=None),
                  requirement: Requirement = Query(default="any"),
                  rollup: bool = Query(default=True),
                  count_boilerplate: bool = Query(default=False)) -> dict:
    """Rows ``skill_id, label, share_a, share_b, diff (b - a), diff_ci_low, diff_ci_high, p_value, q_value,
    test, postings_a, postings_b, total_a, total_b, ci_low_a, …``, by q-value; ``a`` and ``b`` give each
    side's n and filters, ``overlap`` the postings on both sides, ``note`` a sentence when nothing
    differs at q < 0.05. The other filter parameters apply to both sides."""
    from ..market.filters import make_filters, parse_side

    db = _db(request)
    common = f.make()
    side_a = make_filters(parse_side(a, "a"))
    side_b = make_filters(parse_side(b, "b"))

    def work():
        from ..market.comparison import compare as run

        rows = run(db, a=side_a, b=side_b, filters=common, family=family, requirement=requirement, rollup=rollup,
                   count_boilerplate=count_boilerplate)
        meta = rows.meta
        significant = sum(1 for r in rows if r["q_value"] < 0.05)
        note = None
        if rows and not significant:
            note = (f"nothing significant: no skill's share differs between a and b at q < 0.05 "
                    f"(Benjamini–Hochberg over {len(rows)} tests)")
        sides = {s: {"postings": meta[s]["postings"], "filters": {k: (list(v) if isinstance(v, tuple) else v)
                                                                  for k, v in meta[s]["filters"].items()}}
                 for s in "ab"}
        return _finite(rows, a=sides["a"], b=sides["b"], overlap=meta["overlap"], significant=significant,
                       note=note)

    return await run_in_threadpool(work)


@router.get("/corpus", summary="What the postings in scope are: n, sources, dates, synthetic")
async def corpus(request: Request, f: FilterParams = Depends(),
                 dated: bool = Query(default=False, description="only dated postings (as trends use)")) -> dict:
    """``postings, dated, first_date, last_date, sources [{source, postings}] (file names only),
    synthetic`` (postings marked synthetic) and ``caption``, the one line charts show under them."""
    db = _db(request)
    filters = f.make()

    def work():
        from ..market.corpus import caption, describe

        info = describe(db, filters, dated=dated)
        return {**info, "caption": caption(info, what="dated postings" if dated else "postings")}

    return await run_in_threadpool(work)


@router.get("/facets", summary="The filters' values, and how many postings in scope have each")
async def facets(request: Request, f: FilterParams = Depends()) -> dict:
    """``postings``, ``seniority`` and ``contract_type`` as ``{value: postings}`` over every valid value
    (``unspecified`` included), for menus."""
    db = _db(request)
    filters = f.make()

    def work():
        from ..market.corpus import facet_counts

        return facet_counts(db, filters)

    return await run_in_threadpool(work)
