"""What a résumé shows about each skill: where it appears, how strongly and how recently.

A skill that is only *listed* (a skills section) counts less than one *shown* in work experience or
projects; a skill shown in an entry that ended long ago counts less than one shown in a current
role. Entries are found by their date ranges ("2019 – 2021", "Mar 2022 - Present", "06/2018 to
08/2020"); each mention in experience or projects belongs to the nearest entry that starts before it.
Years come from the text where it states them ("5 years of Python"), and are also estimated from the
dated entries that mention the skill.

Everything here is a pure function of the text and a reference date, so results are deterministic.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field

from ..detect.context import section_at
from ..records import Document, Extraction, Mention
from .aims import aim_at
from .involvement import (
    INVOLVEMENT, ROLE_FACTOR, WEAK_FACTOR, entry_title, headline_role, involvement_of, involvement_why,
    non_practitioner_role, proficiency_of,
)
from .practice import Practice, find_practice

__all__ = [
    "DateRange", "Evidence", "SkillEvidence", "ResumeProfile", "SECTION_FACTORS",
    "find_date_ranges", "recency_factor", "understand_resume",
]

#: How much one mention counts by the section it sits in (shown > certified/studied > listed).
SECTION_FACTORS: dict[str | None, float] = {
    "experience": 1.0,
    "projects": 0.95,
    "responsibilities": 0.95,
    "certifications": 0.75,
    "education": 0.7,
    "summary": 0.7,
    "about": 0.7,
    None: 0.7,
    "skills": 0.6,
    "requirements": 0.6,
    "nice_to_have": 0.6,
    "benefits": 0.5,
}
_SECTION_WHY = {
    "experience": "shown in work experience",
    "projects": "shown in a project",
    "responsibilities": "shown in described work",
    "certifications": "certified",
    "education": "studied (education)",
    "summary": "claimed in the summary",
    "about": "claimed in the profile",
    None: "mentioned outside a named section",
    "skills": "only listed in a skills section",
}
DATED_SECTIONS = ("experience", "projects")

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


@dataclass(frozen=True, slots=True)
class Evidence:
    """One mention of a skill in the résumé, weighted by section and recency."""

    start: int
    end: int
    text: str
    section: str | None
    line: int
    strength: float
    section_factor: float
    recency: float
    entry: str | None  # the date range of its entry, e.g. "Mar 2022 - Present"
    years_ago: float | None
    involvement: float = 1.0  # hands-on (1.0), neutral, talking about the skill, or naming others' work
    role: str | None = None  # the non-practitioner job title of its entry ("Product Manager"), if any
    proficiency: str | None = None  # "basic" when the résumé rates the skill so
    aim: str | None = None  # the cue when the mention states an aim ("looking for"): counted as listed

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "section": self.section}


@dataclass(slots=True)
class SkillEvidence:
    """Everything the résumé shows about one skill."""

    skill_id: str
    label: str
    family: str
    evidence: list[Evidence] = field(default_factory=list)
    stated_years: float | None = None  # years the text ties to the skill
    dated_years: float | None = None  # total length of the dated entries that mention it

    @property
    def strength(self) -> float:
        """0–1: the best single mention, plus a little for being shown in several places or for years."""
        if not self.evidence:
            return 0.0
        best = max(e.strength for e in self.evidence)
        shown = sum(1 for e in self.evidence if e.section in DATED_SECTIONS and not e.aim)
        bonus = 0.05 * min(shown - 1, 2) if shown > 1 else 0.0
        years = self.years
        if years is not None and years >= 3:
            bonus += 0.05
        return min(1.0, best + bonus)

    @property
    def years(self) -> float | None:
        return self.stated_years if self.stated_years is not None else self.dated_years

    def why(self) -> str:
        """One phrase on what the evidence is (best mention first)."""
        best = max(self.evidence, key=lambda e: (e.strength, -e.start))
        parts = [f"named as an aim (“{best.aim}”), not shown: counts as a listed skill" if best.aim
                 else _SECTION_WHY.get(best.section, f"mentioned in {best.section}")]
        if best.entry:
            parts.append(f"in the entry dated {best.entry}")
        if best.recency < 1.0:
            parts.append(f"about {best.years_ago:.0f} years ago (recency ×{best.recency:.2f})")
        if best.role:
            parts.append(f"in a role that sells, manages, advises on or reports on the work rather than doing it "
                         f"(“{best.role}”, ×{best.involvement:.2f})")
        elif best.involvement < 1.0:
            parts.append(f"{involvement_why(best.involvement)} (×{best.involvement:.2f})")
        if best.proficiency:
            parts.append(f"rated {best.proficiency} in the résumé (×{WEAK_FACTOR:g})")
        if self.stated_years is not None:
            parts.append(f"{self.stated_years:g} years stated")
        elif self.dated_years:
            parts.append(f"~{self.dated_years:.1f} years in dated entries")
        if len(self.evidence) > 1:
            parts.append(f"{len(self.evidence)} mentions")
        return ", ".join(parts)


@dataclass(slots=True)
class ResumeProfile:
    """A résumé understood: its text, its dated entries and the evidence for every skill it shows."""

    source: str
    text: str
    skills: dict[str, SkillEvidence]
    ranges: list[DateRange]
    reference_year: float
    notices: tuple = ()
    practice: "Practice | None" = None  # sentences describing model work (see ``practice``)
    _strengths: dict = field(default_factory=dict, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)  # derived figures (e.g. the AI/ML core depth)

    def strength(self, skill_id: str) -> float:
        """The skill's evidence strength (0 when the résumé does not show it); computed once."""
        if not self._strengths and self.skills:
            self._strengths.update({k: v.strength for k, v in self.skills.items()})
        return self._strengths.get(skill_id, 0.0)


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


def _year_now(today: _dt.date) -> float:
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
            b, current = _year_now(today), True
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


def understand_resume(extraction: Extraction, doc: Document, *, today: _dt.date | None = None) -> ResumeProfile:
    """Group a résumé's mentions by skill and weigh each one by section and recency."""
    today = today or _dt.date.today()
    text = doc.text
    ranges = find_date_ranges(text, today=today)
    entry_starts = [r.entry_start for r in ranges]
    ref = _year_now(today)
    headline = headline_role(text, ranges)
    section = section_at(text)
    skills: dict[str, SkillEvidence] = {}
    dated: dict[str, dict[int, float]] = {}
    for m in extraction.mentions:
        if m.requirement == "negated":
            continue  # "no Kubernetes experience" is not evidence of Kubernetes
        se = skills.get(m.skill_id)
        if se is None:
            se = skills[m.skill_id] = SkillEvidence(m.skill_id, m.label, m.family)
        ev = _evidence(m, ranges, entry_starts, ref, text, headline, aim_at(text, m.start, section))
        se.evidence.append(ev)
        if m.years is not None and not ev.aim:
            se.stated_years = max(se.stated_years or 0.0, m.years)
        rng = _range_of(m.start, ranges, entry_starts)
        if rng is not None and m.section in DATED_SECTIONS and not ev.aim:
            dated.setdefault(m.skill_id, {})[rng[0]] = rng[1].years
    for skill_id, entries in dated.items():
        skills[skill_id].dated_years = round(sum(entries.values()), 2)
    return ResumeProfile(doc.source, text, skills, ranges, ref, notices=tuple(doc.notices),
                         practice=find_practice(text))


def _range_of(offset: int, ranges: list[DateRange], entry_starts: list[int]) -> tuple[int, DateRange] | None:
    i = bisect.bisect_right(entry_starts, offset) - 1
    if i >= 0 and offset < ranges[i].entry_end:
        return i, ranges[i]
    return None


#: Sections that speak for the person as a whole, where the headline role applies.
_SELF_DESCRIBED = (None, "summary", "about")


def _evidence(m: Mention, ranges: list[DateRange], entry_starts: list[int], ref: float, text: str,
              headline: str | None = None, aim: str | None = None) -> Evidence:
    if aim is not None:  # "Looking for an LLM role": the aim, not the skill; no more than a listed skill
        proficiency = proficiency_of(text, m.start, m.end)
        factor = SECTION_FACTORS["skills"]
        return Evidence(start=m.start, end=m.end, text=m.text, section=m.section, line=m.line,
                        strength=round(factor * (WEAK_FACTOR if proficiency else 1.0), 4), section_factor=factor,
                        recency=1.0, entry=None, years_ago=None, proficiency=proficiency, aim=aim)
    section_factor = SECTION_FACTORS.get(m.section, 0.7)
    how = involvement_of(text, m.start, m.end) if m.section != "skills" else "neutral"
    if m.section not in DATED_SECTIONS and how == "neutral":
        how = "hands-on"  # outside dated entries only talking and naming others' work lower a mention
    involvement = INVOLVEMENT[how]
    recency, entry, ago, role = 1.0, None, None, None
    if m.section in DATED_SECTIONS:
        found = _range_of(m.start, ranges, entry_starts)
        if found is not None:
            rng = found[1]
            ago = 0.0 if rng.current else max(0.0, ref - rng.to_year)
            recency = recency_factor(ago)
            entry = rng.text
            title = non_practitioner_role(entry_title(text, rng))
            if title is not None and involvement > ROLE_FACTOR:
                involvement, role = ROLE_FACTOR, title
    elif m.section in _SELF_DESCRIBED and headline and involvement > ROLE_FACTOR:
        involvement, role = ROLE_FACTOR, headline  # a recruiter's summary names skills they hire for
    proficiency = proficiency_of(text, m.start, m.end)
    weak = WEAK_FACTOR if proficiency else 1.0
    return Evidence(
        start=m.start, end=m.end, text=m.text, section=m.section, line=m.line,
        strength=round(section_factor * recency * involvement * weak, 4), section_factor=section_factor,
        recency=recency, entry=entry, years_ago=ago, involvement=involvement, role=role, proficiency=proficiency,
    )
