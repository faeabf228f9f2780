"""Context of a mention: the document section it sits in, its requirement level and its years.

All rules work on the original text and on offsets, so they never move a span. The document is cut
into sections by heading lines, and into clauses (sentence pieces) for negation, requirement cues
and years ("5+ years of Python", "3-5 years with SQL and Spark", "Python (4 yrs)").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

__all__ = ["Context", "SECTIONS", "analyse", "guess_kind"]

SECTIONS = (
    "requirements", "nice_to_have", "responsibilities", "skills", "experience", "projects",
    "education", "certifications", "summary", "about", "benefits",
)

_HEADINGS: list[tuple[str, re.Pattern]] = [
    ("nice_to_have", re.compile(r"nice[\s-]to[\s-]haves?|preferred( qualifications| skills| experience)?|bonus( points)?|"
                                r"desirable|good[\s-]to[\s-]have|pluses|extra credit|plus points|would be a plus", re.I)),
    ("requirements", re.compile(r"requirements?|qualifications?|must[\s-]haves?|what you(?:'|’)?ll (?:bring|need)|"
                                r"what you bring|what we(?:'|’)?re looking for|what we look for|who you are|you have|"
                                r"about you|your profile|required skills|minimum qualifications|basic qualifications|"
                                r"skills (?:&|and) experience|candidate profile|essential", re.I)),
    ("responsibilities", re.compile(r"responsibilities|what you(?:'|’)?ll do|what you will do|the role|your role|"
                                    r"duties|your mission|your impact|key tasks|day[\s-]to[\s-]day|about the (?:role|job)", re.I)),
    ("skills", re.compile(r"(technical |core |key )?skills|competenc(?:ies|e)|tech(nology)? stack|technologies|"
                          r"tools|expertise|toolbox|languages", re.I)),
    ("experience", re.compile(r"(work |professional |relevant )?experience|employment( history)?|work history|career history", re.I)),
    ("projects", re.compile(r"(selected |personal |side )?projects|portfolio|publications", re.I)),
    ("education", re.compile(r"education|academic( background)?|degrees?|training", re.I)),
    ("certifications", re.compile(r"certifications?|certificates?|licen[cs]es", re.I)),
    ("summary", re.compile(r"(professional )?summary|profile|objective|about me", re.I)),
    ("about", re.compile(r"about (?:us|the company|the team)|who we are|our company|company overview", re.I)),
    ("benefits", re.compile(r"benefits|perks|what we offer|compensation|salary", re.I)),
]

_HEADING_LINE = re.compile(r"^\s{0,3}(?:#{1,6}\s*)?(?:\*\*|__)?\s*([A-Za-z][A-Za-z &'’/()-]{1,48}?)\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$")
_INLINE_LABEL = re.compile(r"^\s*(?:[-*•·]\s*)?(?:\*\*|__)?([A-Za-z][A-Za-z &'’/-]{1,40}?)(?:\*\*|__)?\s*[:–—]\s+\S")

_CLAUSE_BREAK = re.compile(r"[.;!?](?=\s|$)|\n|[•·]|\bbut\b|\bwhereas\b|\bhowever\b", re.I)

_NEGATION_BEFORE = re.compile(
    r"\b(no|not|without|never|none|neither|nor|don[’']?t|doesn[’']?t|do not|does not|isn[’']?t|aren[’']?t|"
    r"won[’']?t|need not|needn[’']?t)\b(?!\s+(?:only|just|limited)\b)", re.I)
_NEGATION_AFTER = re.compile(
    r"\b(?:is|are)?\s*(not required|not necessary|not needed|not a requirement|not expected|not mandatory|optional"
    r"|unnecessary)\b", re.I)
_NEGATION_REACH = 60  # characters a negation cue reaches ("no prior hands-on PyTorch experience")
_PREFERRED = re.compile(
    r"nice[\s-]to[\s-]have|\bpreferred\b|\bpreferably\b|\ba (?:big |huge |strong )?plus\b|\bis a plus\b|\bbonus\b|"
    r"\bdesirable\b|\bdesired\b|\bideally\b|\bwould be (?:great|nice|helpful|an advantage|beneficial)\b|"
    r"\bgood[\s-]to[\s-]have\b|\badvantageous\b|\ban advantage\b|\bbeneficial\b|\bnot required but\b|\bappreciated\b",
    re.I)
_REQUIRED = re.compile(
    r"\brequired\b|\brequires?\b|\bmust\b|\bmandatory\b|\bessential\b|\bneed(?:s|ed)? to have\b|\bminimum\b|"
    r"\bat least\b|\bstrong\b|\bproven\b|\bsolid\b|\bexpert(?:ise)?\b|\bproficien(?:t|cy)\b|\bdeep\b|"
    r"\bhands[\s-]on\b|\bdemonstrated\b|\bexperience (?:with|in|using)\b|\d\s*\+?\s*(?:years|yrs)\b",
    re.I)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    _NUM + r"\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*" + _NUM + r"\s*\+?\s*)?(?:\(\s*\d+\s*\)\s*)?"
    r"(?:years?|yrs?)(?:'|’)?\b", re.I)


@dataclass(frozen=True, slots=True)
class Context:
    section: str | None
    requirement: str | None
    years: float | None


def _heading_section(line: str) -> str | None:
    m = _HEADING_LINE.match(line)
    if not m:
        return None
    words = m.group(1).strip()
    if len(words.split()) > 6:
        return None
    # A heading is short and either ends with ':', is marked up, is Title/UPPER case, or is a known name.
    for section, pattern in _HEADINGS:
        if pattern.fullmatch(words.strip(" -")) or pattern.fullmatch(words.lower().strip(" -")):
            return section
    for section, pattern in _HEADINGS:
        if pattern.search(words) and len(words) <= 40 and (line.rstrip().endswith(":") or line.lstrip().startswith("#")
                                                          or words.isupper() or words.istitle()):
            return section
    return None


class _Sections:
    """Section of every offset, from heading lines and inline labels ("Nice to have: Kubernetes")."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.names: list[str | None] = []
        self.inline: dict[int, str] = {}  # line start -> section named by an inline label
        pos = 0
        for line in text.split("\n"):
            sec = _heading_section(line)
            if sec:
                self.starts.append(pos)
                self.names.append(sec)
            else:
                m = _INLINE_LABEL.match(line)
                if m:
                    inline = _heading_section(m.group(1) + ":")
                    if inline:
                        self.inline[pos] = inline
            pos += len(line) + 1
        self.line_starts = _line_starts(text)

    def at(self, offset: int) -> str | None:
        line_start = self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]
        if line_start in self.inline:
            return self.inline[line_start]
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.names[i] if i >= 0 else None


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause: cut at sentence ends, line breaks, bullets and 'but'."""
    out, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _number(token: str) -> float:
    token = token.lower()
    return float(_NUMBER_WORDS[token]) if token in _NUMBER_WORDS else float(token)


def analyse(text: str, spans: list[tuple[int, int]], *, kind: str = "posting") -> list[Context]:
    """Context of each ``(start, end)`` span of ``text`` (spans in text order)."""
    if not spans:
        return []
    sections = _Sections(text)
    clauses = _clauses(text)
    clause_starts = [c[0] for c in clauses]
    by_clause: dict[int, list[int]] = {}
    for i, (s, _e) in enumerate(spans):
        ci = max(0, bisect.bisect_right(clause_starts, s) - 1)
        by_clause.setdefault(ci, []).append(i)

    results: list[Context | None] = [None] * len(spans)
    for ci, members in by_clause.items():
        c_start, c_end = clauses[ci]
        clause = text[c_start:c_end]
        years = _years_for(clause, c_start, [spans[i] for i in members])
        pref = bool(_PREFERRED.search(clause))
        req = bool(_REQUIRED.search(clause))
        neg_before = [m.end() + c_start for m in _NEGATION_BEFORE.finditer(clause)]
        neg_after = [m.start() + c_start for m in _NEGATION_AFTER.finditer(clause)]
        for k, i in enumerate(members):
            s, e = spans[i]
            section = sections.at(s)
            negated = any(n <= s < n + _NEGATION_REACH for n in neg_before) or any(e <= n < e + _NEGATION_REACH for n in neg_after)
            if negated and pref and re.search(r"not required but|optional", clause, re.I):
                negated = False  # "not required, but a plus" is a preference, not a negation
            if negated:
                level = "negated"
            elif kind == "resume":
                level = None
            elif pref or section == "nice_to_have":
                level = "preferred"
            elif req or section == "requirements":
                level = "required"
            else:
                level = None
            results[i] = Context(section, level, years[k])
    return results  # type: ignore[return-value]


def _years_for(clause: str, offset: int, members: list[tuple[int, int]]) -> list[float | None]:
    """Years tied to each mention of one clause: a years phrase covers the mentions after it (up to the
    next years phrase); a mention before a phrase with no mention after it takes that phrase."""
    found = [(m.start() + offset, m.end() + offset, _number(m.group(1))) for m in _YEARS.finditer(clause)]
    out: list[float | None] = [None] * len(members)
    if not found:
        return out
    for k, (s, _e) in enumerate(members):
        before = [f for f in found if f[1] <= s]
        if before:
            out[k] = before[-1][2]
    for f_start, _f_end, value in found:
        if not any(s >= f_start for s, _e in members):  # nothing after this phrase: tie to the mention before
            prev = [k for k, (s, e) in enumerate(members) if e <= f_start]
            if prev and out[prev[-1]] is None:
                out[prev[-1]] = value
    return out


_RESUME_CUES = re.compile(
    r"^\s*(?:#+\s*)?(work experience|professional experience|education|employment history|curriculum vitae|résumé|resume|"
    r"skills|projects|certifications|summary|profile)\s*:?\s*$|\b(19|20)\d\d\s*[-–]\s*((19|20)\d\d|present|current|now)\b|"
    r"@\w+\.\w+|\b(led|built|developed|designed|implemented|managed|delivered)\b", re.I | re.M)
_POSTING_CUES = re.compile(
    r"\b(responsibilities|requirements|qualifications|we are looking|we(?:'|’)re looking|you will|you(?:'|’)ll|"
    r"the ideal candidate|apply|join our|join us|nice to have|what we offer|benefits|about the role|"
    r"equal opportunity|salary|must have|preferred)\b", re.I)


def guess_kind(text: str) -> str:
    """``posting`` or ``resume`` from cue counts in the first part of the text (ties go to posting)."""
    head = text[:6000]
    resume = len(_RESUME_CUES.findall(head))
    posting = len(_POSTING_CUES.findall(head))
    return "resume" if resume > posting * 1.5 else "posting"
