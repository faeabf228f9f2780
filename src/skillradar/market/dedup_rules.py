"""Which near-duplicate pairs must stay apart, and which copy of a duplicate to keep.

Word 3-gram Jaccard cannot see the few words that make two postings different jobs: a Principal and a
Senior requisition of one team share 98% of their text, as do two intakes of one internship. So a pair
at or above the threshold is merged only if nothing in the titles or dates says they are distinct:

* the titles' seniority differs (intern, junior, senior, staff, principal, lead, head, director …, or a
  level such as ``II`` or ``L4``); a title with no marker differs from one with a marker;
* both are dated and the dates are more than :data:`MAX_DATE_GAP_DAYS` apart;
* the titles' intake markers differ (a year, a season, a quarter, ``cohort 3``).

A missing title says nothing, so it blocks nothing. Exact duplicates (the same id or normalised text)
are not subject to these rules: the text is the same posting.

Of two copies that are merged, the richer one is kept: a dated copy over an undated one, then the one
with more text; on a tie the one stored first.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["MAX_DATE_GAP_DAYS", "SENIORITY_WORDS", "seniority", "intake", "kept_apart", "richer"]

#: Two dated postings further apart than this are different requisitions, however alike their text.
MAX_DATE_GAP_DAYS = 30

_WORDS = re.compile(r"[a-z0-9]+")
_SENIORITY = {
    "intern": "intern", "interns": "intern", "internship": "intern", "trainee": "intern", "apprentice": "intern",
    "student": "intern",
    "junior": "junior", "jr": "junior", "entry": "junior", "graduate": "junior",
    "mid": "mid", "intermediate": "mid",
    "senior": "senior", "sr": "senior",
    "staff": "staff", "principal": "principal", "lead": "lead", "head": "head",
    "director": "director", "vp": "vp", "chief": "chief", "distinguished": "distinguished", "fellow": "fellow",
}
#: The seniority words a title can carry, most junior first (market filters offer these).
SENIORITY_WORDS = tuple(dict.fromkeys(_SENIORITY.values()))
_ROMAN = {"i": "level-1", "ii": "level-2", "iii": "level-3", "iv": "level-4", "v": "level-5"}
_LEVEL = re.compile(r"^(?:l|e|ic|p|m|t)(\d{1,2})$")
_SEASONS = {"spring": "spring", "summer": "summer", "fall": "autumn", "autumn": "autumn", "winter": "winter"}
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_QUARTER = re.compile(r"^q([1-4])$")


def _tokens(title: str) -> list[str]:
    return _WORDS.findall(title.lower())


def seniority(title: str | None) -> frozenset[str] | None:
    """The seniority markers of a title (``{"senior"}``, ``{"level-2"}`` …); None without a title."""
    if not title or not title.strip():
        return None
    out = set()
    tokens = _tokens(title)
    for i, t in enumerate(tokens):
        if _SENIORITY.get(t):
            out.add(_SENIORITY[t])
        elif t in _ROMAN and i > 0:  # "Engineer II"; a leading "I" is not a level
            out.add(_ROMAN[t])
        elif (m := _LEVEL.match(t)) and i > 0:
            out.add(f"level-{int(m.group(1))}")
        elif t in ("level", "grade") and i + 1 < len(tokens) and tokens[i + 1].isdigit():
            out.add(f"level-{int(tokens[i + 1])}")
        elif t == "president" and i > 0 and tokens[i - 1] == "vice":
            out.add("vp")
    return frozenset(out)


def intake(title: str | None) -> frozenset[str] | None:
    """The intake markers of a title: years, seasons, quarters, cohort or batch numbers; None without a title."""
    if not title or not title.strip():
        return None
    out = set()
    tokens = _tokens(title)
    for i, t in enumerate(tokens):
        if t in _SEASONS:
            out.add(_SEASONS[t])
        elif _YEAR.match(t):
            out.add(t)
        elif m := _QUARTER.match(t):
            out.add(f"q{m.group(1)}")
        elif t in ("cohort", "batch", "intake") and i + 1 < len(tokens) and tokens[i + 1].isdigit():
            out.add(f"{t}-{int(tokens[i + 1])}")
    return frozenset(out)


def _day(value) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def kept_apart(a_title, a_date, b_title, b_date, max_days: int = MAX_DATE_GAP_DAYS) -> str | None:
    """Why two near-duplicate postings must not be merged (``seniority``, ``date_gap``, ``intake``), or None."""
    sa, sb = seniority(a_title), seniority(b_title)
    if sa is not None and sb is not None and sa != sb:
        return "seniority"
    da, db = _day(a_date), _day(b_date)
    if da is not None and db is not None and abs((da - db).days) > max_days:
        return "date_gap"
    ia, ib = intake(a_title), intake(b_title)
    if ia is not None and ib is not None and ia != ib:
        return "intake"
    return None


def richer(new_date, new_chars: int, old_date, old_chars: int) -> bool:
    """Whether a newly read copy should replace the stored one: dated beats undated, then more text."""
    return (_day(new_date) is not None, new_chars) > (_day(old_date) is not None, old_chars)
