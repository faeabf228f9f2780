"""Dated entries of a résumé: the date ranges written in it ("2019 – 2021", "Mar 2022 - Present",
"06/2018 to 08/2020") and the span of text each one governs, and how recency lowers old evidence.

An entry carries its own date: a project titled "Support-ticket assistant (2024)" or "RAG demo |
Jan 2024" is dated by that single date, not by the job above it. An entry never reaches into another
section (the projects after a 2018–2021 job are not that job's), and in a projects section an
undated title between bullet lists starts an undated entry of its own.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..detect.context import section_at

__all__ = ["DateRange", "find_date_ranges", "recency_factor", "year_now"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_POINT = rf"(?:(?P<{{p}}m>{_MONTH})\s+|(?P<{{p}}n>0?[1-9]|1[0-2])\s*[/.-]\s*)?(?P<{{p}}y>(?:19|20)\d\d)"
_NOW = r"present|current|now|today|ongoing|(?:till |to )?date"
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
    section: str | None = None  # the section the date is written in (an entry stays inside it)
    single: bool = False  # one date ("(2024)", "Jan 2024"): it dates the entry but measures no duration

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

    An entry begins at the title line just above its range, blank lines skipped (when that line is not
    itself a bullet or another dated line), and runs to the start of the next entry, or of an undated project title.
    """
    today = today or _dt.date.today()
    section = section_at(text, "resume")
    found: list[tuple[int, int, str, float, float, bool, bool]] = []
    for m in _RANGE.finditer(text):
        a = _point(m, "a", end=False)
        if m.group("now"):
            b, current = year_now(today), True
        else:
            b, current = _point(m, "b", end=True), False
        if a is None or b is None or b < a or b - a > 50:
            continue
        found.append((m.start(), m.end(), m.group(0), a, b, current, False))
    found = sorted(found + _single_dates(text, found, section, year_now(today)))
    dated_lines = {text.rfind("\n", 0, f[0]) + 1 for f in found}
    heads = []
    for start, *_ in found:
        line_start = text.rfind("\n", 0, start) + 1
        head = line_start
        prev_end = line_start - 1
        while prev_end > 0 and text[prev_end - 1] == "\n":
            prev_end -= 1  # the title may sit above a blank line (HTML puts one between paragraphs)
        if prev_end > 0:
            prev_start = text.rfind("\n", 0, prev_end) + 1
            prev = text[prev_start:prev_end].strip()
            if prev and not _BULLET.match(prev) and prev_start not in dated_lines and len(prev) < 120:
                head = prev_start
        heads.append(head)
    undated = _undated_titles(text, section, dated_lines)
    out = []
    for i, (start, end, raw, a, b, current, single) in enumerate(found):
        entry_start = min(heads[i], start)
        if i > 0:
            entry_start = max(entry_start, found[i - 1][1])
        entry_end = heads[i + 1] if i + 1 < len(found) else len(text)
        entry_end = min([entry_end] + [u for u in undated if u > end])
        entry_end = max(entry_end, end)
        out.append(DateRange(start, end, raw, a, b, current, entry_start, entry_end, section(start), single))
    return out


_DATED_SECTIONS = ("experience", "projects")
_BULLET = re.compile(r"\s*(?:[-*•·–]|\d+[.)])\s")
# One date on a title line: at its end ("Churn model — 2023", "RAG demo | Jan 2024"), in brackets
# ("Support-ticket assistant (2024)") or first, before a separator ("2024 · Kaggle").
_SINGLE = re.compile(
    r"(?<![\w/.-])" + _POINT.format(p="a") + r"(?![\w/])(?=[\s)\]*_]*$|[^()\n]{0,25}\)|\s*[|·•:,—–-]\s*\S)", re.I | re.M)


def _single_dates(text: str, ranges: list[tuple], section, now: float) -> list[tuple]:
    """Single dates on the title lines of experience and project entries, as zero-length ranges of
    that month or year (``single``)."""
    taken = [(r[0], r[1]) for r in ranges]
    out = []
    for m in _SINGLE.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or section(m.start()) not in _DATED_SECTIONS:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line = text[line_start:len(text) if line_end == -1 else line_end]
        if not _title_line(line) or (m.start() > line_start + 3 and not _after_title(line, m, line_start)):
            continue
        a, b = _point(m, "a", end=False), _point(m, "a", end=True)
        if a is None or b is None or a > now + 1:
            continue
        out.append((m.start(), m.end(), m.group(0), a, b, False, True))
    return out


def _title_line(line: str) -> bool:
    """A line that can head an entry: not a bullet, not a bullet's wrapped (indented) continuation, not a
    sentence ("… the story of 2024.")."""
    return not (_BULLET.match(line) or line[:1].isspace() or len(line) > 120
                or (line.rstrip().endswith(".") and len(line.split()) > 6))


def _after_title(line: str, m: re.Match, line_start: int) -> bool:
    """A date after words is an entry's date when words of a title come before it ("Churn model (2023)"),
    and a date in brackets comes within a few words ("(2024)", "(Northmoor, 2026)"), not in a long aside."""
    before = line[:m.start() - line_start]
    opened = before.rfind("(")
    if opened > before.rfind(")") and len(before[opened + 1:].split()) > 3:
        return False  # "(shipped to the plant team since 2024 …)": a remark, not the entry's date
    return bool(re.search(r"[^\W\d_]{3,}", before))


def _undated_titles(text: str, section, dated_lines: set[int]) -> list[int]:
    """Starts of undated project titles: a short line, not a bullet, between two bullet lists."""
    out = []
    lines = [(i, ln) for i, ln in _lines(text) if ln.strip()]
    for k in range(1, len(lines) - 1):
        start, line = lines[k]
        if (start in dated_lines or _BULLET.match(line) or len(line) > 90 or line.rstrip().endswith((".", ",", ";", ":"))
                or section(start) != "projects"):
            continue
        if _BULLET.match(lines[k - 1][1]) and _BULLET.match(lines[k + 1][1]):
            out.append(start)
    return out


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


#: Recency: work within ``RECENT_YEARS`` counts fully, falling linearly to ``OLD_FACTOR`` at ``OLD_YEARS``
#: or more years ago (skills fade, tools change).
RECENT_YEARS = 2
OLD_YEARS = 10
OLD_FACTOR = 0.5


def recency_factor(years_ago: float) -> float:
    """1.0 for work within the last two years, falling linearly to 0.5 for work ten or more years ago."""
    if years_ago <= RECENT_YEARS:
        return 1.0
    return max(OLD_FACTOR, 1.0 - (1.0 - OLD_FACTOR) / (OLD_YEARS - RECENT_YEARS) * (years_ago - RECENT_YEARS))
