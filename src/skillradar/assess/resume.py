"""What a résumé shows about each skill: where it appears, how strongly and how recently.

A skill that is only *listed* (a skills section) counts less than one *shown* in work experience or
projects; a skill shown in an entry that ended long ago counts less than one shown in a current
role. Entries are found by their date ranges ("2019 – 2021", "Mar 2022 - Present", "06/2018 to
08/2020"); each mention in experience or projects belongs to the nearest entry that starts before it.
Years come from the text where it states them ("5 years of Python"), and are also estimated from the
dated entries that mention the skill.

Everything here is a pure function of the text and a reference date, so results are deterministic.
The result is the *résumé profile* (``ResumeProfile``), not to be confused with a role profile (a
target's skills, see ``targets``).
"""

from __future__ import annotations

import bisect
import datetime as _dt
from dataclasses import dataclass, field

from ..detect.context import section_at
from ..records import Document, Extraction, Mention
from .aims import aim_at
from .dates import DateRange, find_date_ranges, recency_factor, year_now
from .importance import is_model_work, is_task
from .involvement import (
    INVOLVEMENT, ROLE_FACTOR, WEAK_FACTOR, entry_title, headline_role, involvement_of, involvement_why,
    non_practitioner_role, proficiency_of,
)
from .practice import Practice, find_practice
from .tenure import listed_tenure

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
    "claimed": "not in the résumé: you said you have it (counts as a listed skill)",
}
DATED_SECTIONS = ("experience", "projects")

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
    page: int | None = None  # the PDF page it is on (None for formats without pages)

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "section": self.section,
                "line": self.line or None, "page": self.page}


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
        others = [e for e in self.evidence if e.section != "skills"]
        if best.section == "skills" and not best.aim and others:
            # "only listed" would be untrue: the other mentions exist but weigh less (old, or a role)
            ages = [e.years_ago for e in others if e.years_ago is not None]
            parts = [f"strongest in a skills section; {len(others)} other "
                     + ("mention weighs" if len(others) == 1 else "mentions weigh") + " less" + (f" (the latest about {min(ages):.0f} years ago)"
                                     if ages and all(e.recency < 1.0 for e in others) else "")]
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


def understand_resume(extraction: Extraction, doc: Document, *, today: _dt.date | None = None,
                      taxonomy=None) -> ResumeProfile:
    """Group a résumé's mentions by skill and weigh each one by section and recency.

    With the ``taxonomy``, a project described by the AI/ML skills it names is model work too (see
    ``practice``)."""
    today = today or _dt.date.today()
    text = doc.text
    ranges = find_date_ranges(text, today=today)
    entry_starts = [r.entry_start for r in ranges]
    ref = year_now(today)
    headline = headline_role(text, ranges)
    section = section_at(text, "resume")
    paragraphs = lines_are_paragraphs(doc)
    skills: dict[str, SkillEvidence] = {}
    dated: dict[str, dict[int, float]] = {}
    for m in extraction.mentions:
        if m.requirement == "negated":
            continue  # "no Kubernetes experience" is not evidence of Kubernetes
        se = skills.get(m.skill_id)
        if se is None:
            se = skills[m.skill_id] = SkillEvidence(m.skill_id, m.label, m.family)
        ev = _evidence(m, ranges, entry_starts, ref, text, headline, aim_at(text, m.start, section), paragraphs)
        se.evidence.append(ev)
        listed = listed_tenure(text, m.start, m.end)  # "Python (Less than 1 year)" speaks for Python only
        years = listed if listed is not None else m.years
        if years is not None and not ev.aim:
            se.stated_years = max(se.stated_years or 0.0, years)
        rng = _range_of(m.start, ranges, entry_starts, m.section)
        if rng is not None and m.section in DATED_SECTIONS and not ev.aim and not rng[1].single:
            dated.setdefault(m.skill_id, {})[rng[0]] = rng[1].years
    for skill_id, entries in dated.items():
        skills[skill_id].dated_years = round(sum(entries.values()), 2)
    return ResumeProfile(doc.source, text, skills, ranges, ref, notices=tuple(doc.notices),
                         practice=_practice(text, paragraphs, extraction, taxonomy))


def _practice(text: str, paragraphs: bool, extraction: Extraction, taxonomy) -> Practice | None:
    """The résumé's model-work sentences; None under a taxonomy whose tiers are no AI/ML model work
    (an ESCO taxonomy): there they would weigh nothing and tell the reader nothing."""
    if taxonomy is not None and not taxonomy.tiers.model_work:
        return None
    return find_practice(text, paragraphs=paragraphs, core=_core_mentions(extraction, taxonomy))


def _core_mentions(extraction: Extraction, taxonomy) -> tuple[tuple[int, str, bool], ...]:
    """The résumé's AI/ML core skill mentions as ``(start, skill_id, is_task)``, for ``find_practice``:
    the model-work tiers of the taxonomy (see ``importance``); a task is a modelling task (sentiment
    analysis, face recognition), not statistics: analysts run regressions for reports."""
    if taxonomy is None:
        return ()
    out = []
    for m in extraction.mentions:
        skill = taxonomy.find(m.skill_id)
        if m.requirement == "negated" or skill is None or not is_model_work(skill, taxonomy):
            continue
        out.append((m.start, skill.id, is_task(skill, taxonomy)))
    return tuple(out)


def lines_are_paragraphs(doc: Document) -> bool:
    """Whether every line of the document's text is a paragraph: HTML, DOCX, and PDF as PDFium read it
    (its wrapped lines joined); plain text and Markdown may wrap a sentence over several lines."""
    return doc.format in ("html", "docx") or (doc.format == "pdf" and not any(
        n.code == "pdf_fallback" for n in doc.notices))


def _range_of(offset: int, ranges: list[DateRange], entry_starts: list[int],
              section: str | None) -> tuple[int, DateRange] | None:
    """The dated entry an offset of ``section`` belongs to: one written in the same section, if any."""
    i = bisect.bisect_right(entry_starts, offset) - 1
    if i >= 0 and offset < ranges[i].entry_end and ranges[i].section == section:
        return i, ranges[i]
    return None


#: Sections that speak for the person as a whole, where the headline role applies.
_SELF_DESCRIBED = (None, "summary", "about")


def _evidence(m: Mention, ranges: list[DateRange], entry_starts: list[int], ref: float, text: str,
              headline: str | None = None, aim: str | None = None, paragraphs: bool = False) -> Evidence:
    if aim is not None:  # "Looking for an LLM role": the aim, not the skill; no more than a listed skill
        proficiency = proficiency_of(text, m.start, m.end)
        factor = SECTION_FACTORS["skills"]
        return Evidence(start=m.start, end=m.end, text=m.text, section=m.section, line=m.line,
                        strength=round(factor * (WEAK_FACTOR if proficiency else 1.0), 4), section_factor=factor,
                        recency=1.0, entry=None, years_ago=None, proficiency=proficiency, aim=aim, page=m.page)
    section_factor = SECTION_FACTORS.get(m.section, 0.7)
    how = involvement_of(text, m.start, m.end, paragraphs=paragraphs) if m.section != "skills" else "neutral"
    if m.section not in DATED_SECTIONS and how == "neutral":
        how = "hands-on"  # outside dated entries only talking and naming others' work lower a mention
    involvement = INVOLVEMENT[how]
    recency, entry, ago, role = 1.0, None, None, None
    if m.section in DATED_SECTIONS:
        found = _range_of(m.start, ranges, entry_starts, m.section)
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
        page=m.page,
    )
