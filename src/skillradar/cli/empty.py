"""Why a market table is empty, said on stderr.

An empty table with exit 0 looked like "no demand" when the cause was a filter that matched no
posting, a database with no postings, or a family no posting asks for. Output formats stay as they
are (an empty JSON array, a CSV header), so scripts are unaffected; people reading the table get one
line saying which of these it was.
"""

from __future__ import annotations

from typing import Optional

from .output import stderr

__all__ = ["explain_empty"]


def explain_empty(db: str, *, family: Optional[str] = None, title_contains: Optional[str] = None,
                  since: Optional[str] = None, until: Optional[str] = None, requirement: str = "any",
                  skills: Optional[list[str]] = None) -> str:
    """Print (and return) the reason an empty result is empty."""
    from ..market.stats import scope_size

    kept, total = scope_size(db, title_contains=title_contains, since=since, until=until)
    filters = " and ".join(f"{flag} '{value}'" for flag, value in (("--title-contains", title_contains),
                           ("--since", since), ("--until", until)) if value)
    if total == 0:
        why = "the database holds no postings yet (add some with `skillradar market ingest`)"
    elif kept == 0:
        why = f"no postings match {filters} ({total} postings in the database)"
    else:
        these = f"these {kept} postings" + (f" (of {total}, kept by {filters})" if filters else "")
        level = "" if requirement == "any" else f" as {requirement} (--requirement {requirement})"
        if skills:
            why = f"none of {', '.join(skills)} appears{level} in {these}"
        elif family:
            why = f"no skill of family '{family}' appears{level} in {these}"
        else:
            why = f"no skill appears{level} in {these}"
    stderr.print(why, highlight=False, markup=False)
    return why
