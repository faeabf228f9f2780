"""Why a market table is empty, said on stderr.

An empty table with exit 0 looked like "no demand" when the cause was a filter that matched no
posting, a database with no postings, or a family no posting asks for. Output formats stay as they
are (an empty JSON array, a CSV header), so scripts are unaffected; people reading the table get one
line saying which of these it was (worded by :func:`skillradar.market.filters.why_empty`, which names
the filter that keeps no posting).
"""

from __future__ import annotations

from typing import Optional

from .output import stderr

__all__ = ["explain_empty"]


def explain_empty(db: str, *, family: Optional[str] = None, filters=None, title_contains: Optional[str] = None,
                  since: Optional[str] = None, until: Optional[str] = None, requirement: str = "any",
                  skills: Optional[list[str]] = None, dated: bool = False) -> str:
    """Print (and return) the reason an empty result is empty."""
    from ..market.filters import make_filters, why_empty

    filters = make_filters(filters, title_contains=title_contains, since=since, until=until)
    why = why_empty(db, filters, family=family, requirement=requirement, skills=skills, flags=True, dated=dated)
    stderr.print(why, highlight=False, markup=False)
    return why
