"""Dated entries of a résumé: the date ranges written in it ("2019 – 2021", "Mar 2022 - Present",
"06/2018 to 08/2020") and the span of text each one governs, and how recency lowers old evidence.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

__all__ = ["DateRange", "find_date_ranges", "recency_factor", "year_now"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_POINT = rf"(?:(?P<{{p}}m>{_MONTH})\s+|(?P<{{p}}n>0?[1-9]|1[0-2])\s*[/.-]\s*)?(?P<{{p}}y>(?:19|20)\d\d)"
_NOW = r"present|current|now|today|ongoing|date"
_RANGE = re.compile(
    r"(?<![\w/])" + _POINT.format(p="a") + r"\s*(?:-|–|—|to|until|till)\s*(?:"
    + _POINT.format(p="b") + r"|(?P<now>" + _NOW + r"))(?![\w/])",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DateRange:
    """A dated entry: where its date range is written and the span of text it governs."""

    start: int  # offset of the range text
    end: int
    text: str
    from_year: float  # fractional years (2021.5 = July 2021)
    to_year: float
    current: bool
    entry_start: int  # offsets of the entry the range heads (up to the next range or section end)
    entry_end: int

    @property
    def years(self) -> float:
        return max(0.0, self.to_year - self.from_year)


def _point(m: re.Match, p: str, *, end: bool) -> float | None:
    year = m.group(f"{p}y")
    if not year:
        return None
    month = None
    if m.group(f"{p}m"):
        month = _MONTHS.get(m.group(f"{p}m").lower().rstrip(".")[:3])
    elif m.group(f"{p}n"):
        month = int(m.group(f"{p}n"))
    if month is None:
        month = 12 if end else 1
        # a bare end year means "during that year": count it to the year's end
        return int(year) + (month / 12.0 if end else 0.0)
    return int(year) + ((month if end else month - 1) / 12.0)


def year_now(today: _dt.date) -> float:
    return today.year + today.month / 12.0


def find_date_ranges(text: str, *, today: _dt.date | None = None) -> list[DateRange]:
    """Date ranges in ``text`` with the entry each one heads, in text order.

    An entry begins at the title line just above its range (when that line is not itself a bullet or
    another range) and runs to the start of the next entry.
    """
    today = today or _dt.date.today()
    found: list[tuple[int, int, str, float, float, bool]] = []
    for m in _RANGE.finditer(text):
        a = _point(m, "a", end=False)
        if m.group("now"):
            b, current = year_now(today), True
        else:
            b, current = _point(m, "b", end=True), False
        if a is None or b is None or b < a or b - a > 50:
            continue
        found.append((m.start(), m.end(), m.group(0), a, b, current))
    heads = []
    for start, *_ in found:
        line_start = text.rfind("\n", 0, start) + 1
        head = line_start
        prev_end = line_start - 1
        if prev_end > 0:
            prev_start = text.rfind("\n", 0, prev_end) + 1
            prev = text[prev_start:prev_end].strip()
            if prev and not re.match(r"^[-*•·]", prev) and not _RANGE.search(prev) and len(prev) < 120:
                head = prev_start
        heads.append(head)
    out = []
    for i, (start, end, raw, a, b, current) in enumerate(found):
        entry_start = min(heads[i], start)
        if i > 0:
            entry_start = max(entry_start, found[i - 1][1])
        entry_end = heads[i + 1] if i + 1 < len(found) else len(text)
        entry_end = max(entry_end, end)
        out.append(DateRange(start, end, raw, a, b, current, entry_start, entry_end))
    return out


def recency_factor(years_ago: float) -> float:
    """1.0 for work within the last two years, falling linearly to 0.5 for work ten or more years ago."""
    if years_ago <= 2:
        return 1.0
    return max(0.5, 1.0 - 0.0625 * (years_ago - 2))
