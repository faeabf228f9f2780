"""``/api/market/…``: demand shares, trends, monthly series and co-occurrence from the server's DB.

The database is the one given to ``create_app(db=…)`` (``skillradar serve --db PATH``), opened
read-only per request. Without one, these endpoints answer 503 ``no_database`` saying how to set it;
a damaged one 503 ``database_corrupt``, one busy with an ingest 503 ``database_locked`` (Retry-After).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from ..errors import NoDatabase
from .api import ERROR_RESPONSES, NOT_FOUND, UNAVAILABLE

__all__ = ["router"]

router = APIRouter(prefix="/api/market", tags=["market"], responses={**ERROR_RESPONSES, **UNAVAILABLE})

Requirement = Literal["any", "required", "preferred"]


def _db(request: Request) -> str:
    db = request.app.state.db
    if db is None:
        raise NoDatabase("no market database", state="is configured on this server",
                         hint="start the server with `skillradar serve --db PATH` "
                              "(build one with `skillradar market ingest FILE --db PATH`)")
    if db != ":memory:" and not Path(db).exists():
        raise NoDatabase()  # names no path: callers must not learn where the server keeps its files
    return db


def _finite(rows: list[dict]) -> dict:
    """``{"rows": …}`` with non-finite floats as null (JSON has no NaN)."""
    for row in rows:
        for k, v in row.items():
            if isinstance(v, float) and not math.isfinite(v):
                row[k] = None
    return {"rows": rows}


def _stats():
    from ..market import stats

    return stats


@router.get("/top", summary="Skills by share of postings, with 95% Wilson intervals")
async def top(request: Request,
              family: str | None = Query(default=None),
              title_contains: str | None = Query(default=None, max_length=200),
              since: str | None = Query(default=None, description="ISO date"),
              until: str | None = Query(default=None, description="ISO date"),
              limit: int = Query(default=30, ge=1, le=1000),
              requirement: Requirement = Query(default="any"),
              rollup: bool = Query(default=True, description="count narrower skills toward broader ones")) -> dict:
    """Rows ``skill_id, label, family, postings, total, share, ci_low, ci_high, via_narrower``, by
    postings descending."""
    db = _db(request)
    rows = await run_in_threadpool(lambda: _stats().top(db, family=family, title_contains=title_contains,
                                                        since=since, until=until, limit=limit,
                                                        requirement=requirement, rollup=rollup))
    return _finite(rows)


@router.get("/trends", summary="Share before vs. on/after a split date, with tests and BH q-values")
async def trends(request: Request,
                 split: str = Query(description="ISO date"),
                 family: str | None = Query(default=None),
                 title_contains: str | None = Query(default=None, max_length=200),
                 requirement: Requirement = Query(default="any")) -> dict:
    """Rows ``skill_id, label, share_before, share_after, diff, p_value, q_value`` by q-value ascending."""
    db = _db(request)
    rows = await run_in_threadpool(lambda: _stats().trends(db, split=split, family=family,
                                                           title_contains=title_contains, requirement=requirement))
    return _finite(rows)


@router.get("/monthly", summary="Per-month share of skills (the most frequent ones by default)")
async def monthly(request: Request,
                  skills: str | None = Query(default=None, description="comma-separated skill ids"),
                  top_n: int = Query(default=6, ge=1, le=30),
                  family: str | None = Query(default=None),
                  title_contains: str | None = Query(default=None, max_length=200),
                  min_postings: int = Query(default=20, ge=1, le=1_000_000,
                                            description="months with fewer postings are flagged thin")) -> dict:
    """Rows ``month, skill_id, label, postings, total, share, ci_low, ci_high, thin``."""
    db = _db(request)
    ids = [s.strip() for s in skills.split(",") if s.strip()] if skills else None
    rows = await run_in_threadpool(lambda: _stats().monthly(db, skills=ids, top_n=top_n, family=family,
                                                            title_contains=title_contains, min_postings=min_postings))
    return _finite(rows)


@router.get("/cooccur", summary="Skills appearing together with one skill: Fisher p, BH q-values, lift",
            responses=NOT_FOUND)
async def cooccur(request: Request,
                  skill: str = Query(description="a skill id, label or alias (case-insensitive)", max_length=200),
                  title_contains: str | None = Query(default=None, max_length=200),
                  since: str | None = Query(default=None),
                  until: str | None = Query(default=None),
                  requirement: Requirement = Query(default="any"),
                  min_both: int = Query(default=3, ge=1, le=1_000_000, description="minimum postings together"),
                  sort: Literal["q", "lift"] = Query(default="q")) -> dict:
    """Rows ``skill_id, other_id, other_label, both, lift, p_value, …, q_value`` for skills seen with
    it in at least ``min_both`` postings, by q-value then p (``sort=lift``: lift descending)."""
    db = _db(request)
    rows = await run_in_threadpool(lambda: _stats().cooccur(db, skill=skill, title_contains=title_contains,
                                                            since=since, until=until, requirement=requirement,
                                                            min_both=min_both, sort=sort))
    return _finite(rows)
