"""Context of a mention: the document section it sits in, its requirement level and its years.

All rules work on the original text and on offsets, so they never move a span. The document is cut
into sections by heading lines, and into clauses (sentence pieces) for negation, requirement cues
and years ("5+ years of Python", "3-5 years with SQL and Spark", "Python (4 yrs)").
"""

from __future__ import annotations

import bisect
import re
from typing import NamedTuple

from .sections import NON_DEMAND, SECTIONS, SectionMap

__all__ = ["Context", "SECTIONS", "NON_DEMAND", "analyse", "section_at"]


_CLAUSE_BREAK = re.compile(
    r"[.;!?](?=\s|$)|[•·]|\b(?:[Bb]ut|[Ww]hereas|[Hh]owever)\b(?!,?\s+(?:a\s+(?:big\s+|strong\s+|huge\s+)?plus|"
    r"is a plus|would be|nice|preferred|desirable|helpful|appreciated|welcome|an advantage))")
# "not required" next to a preference cue softens to a preference ("a plus, not a requirement").
_NOT_REQUIRED_BUT = re.compile(r"not (?:required|necessary|mandatory|needed|a requirement|a must|essential)|\boptional\b",
                               re.I)

_NEGATION_BEFORE = re.compile(
    r"\b(no|not|without|never|none|neither|nor|don[’']?t|doesn[’']?t|do not|does not|isn[’']?t|aren[’']?t|"
    r"won[’']?t|need not|needn[’']?t)\b(?!\s+(?:only|just|limited)\b)", re.I)
_NEGATION_AFTER = re.compile(
    r"\b(?:is|are)?\s*(not required|not necessary|not needed|not a requirement|not expected|not mandatory|optional"
    r"|not a must|not essential|unnecessary)\b", re.I)
# A level written right after the skill overrides the clause: "PyTorch (required), JAX (preferred)".
_LOCAL_LEVEL = re.compile(r"\s*[(\[]\s*(required|must|mandatory|preferred|nice to have|a plus|optional|bonus)\s*[)\]]",
                          re.I)
_LOCAL_LEVELS = {"required": "required", "must": "required", "mandatory": "required", "preferred": "preferred",
                 "nice to have": "preferred", "a plus": "preferred", "optional": "preferred", "bonus": "preferred"}
_NEGATION_REACH = 60  # characters a negation cue reaches ("no prior hands-on PyTorch experience")
# Requirement cues, checked as substrings of the lower-cased clause (much faster than regexes with
# many alternations; a leading space stands for a word start).
_PREFERRED = (
    "nice to have", "nice-to-have", "nice to haves", " preferred", " preferably", " a plus", " a big plus",
    " a huge plus", " a strong plus", " bonus", " desirable", " desired", " ideally", " would be great",
    " would be nice", " would be helpful", " an advantage", " would be beneficial", " good to have", " great to have",
    " good-to-have", " is plus", " are plus", " advantageous", " beneficial", " appreciated", " is welcome", " are welcome",
    " ramp up", " aptitude to", " willingness to learn", " willing to learn", " exposure to",
)
_REQUIRED = (
    " required", " require", " must", " mandatory", " essential", " need to have", " needs to have",
    " minimum", " at least", " strong", " proven", " solid", " expert", " proficien", " deep understanding",
    " deep knowledge", " deep experience", " deep expertise", " hands-on", " hands on", " demonstrated",
    " experience with", " experience in", " experience using", " years", " yrs", " you have", " you bring",
    " ideal candidate", " candidates are", " candidate is", " you possess",
    " you will need", " we need", " need ", " seeking", " looking for", " searching for",
)
# Continuations that turn a cue's letters into another word ("require" → "requirements").
_NOT_A_CUE = ("ment",)
_NEGATION_HINTS = ("no", "not", "without", "never", "n't", "n’t", "none", "nor", "optional", "unnecessary")


def _cue_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for kind, cues in (("pref", _PREFERRED), ("req", _REQUIRED), ("neg", _NEGATION_HINTS)):
        for cue in cues:
            key = cue.strip()
            word_start = key[0].isalnum() and not key.startswith(("n'", "n’"))  # "don't": "n't" ends a word
            word_end = cue.endswith(" ")  # " need ": not "as needed"
            old = auto.get(key, None)
            kinds = (old[3] if old else frozenset()) | {kind}
            auto.add_word(key, (len(key), word_start, word_end or bool(old and old[2]), kinds))
    auto.make_automaton()
    return auto


_CUE_AUTOMATON = _cue_automaton()


def _cue_positions(text: str) -> dict[str, list[int]] | None:
    """Start offsets of requirement, preference and negation cues in one pass over the text, or None
    when lower-casing changes the length (then clauses are checked one by one)."""
    low = text.lower().replace("\u2019", "'")
    if len(low) != len(text):
        return None
    out: dict[str, list[int]] = {"pref": [], "req": [], "neg": []}
    for end, (length, word_start, word_end, kinds) in _CUE_AUTOMATON.iter(low):
        start = end - length + 1
        if word_start and start > 0 and (low[start - 1].isalnum()):
            continue
        if word_end and end + 1 < len(low) and low[end + 1].isalnum():
            continue
        if low.startswith(_NOT_A_CUE, end + 1):  # "new requirements", "requirement gathering"
            continue
        for kind in kinds:
            out[kind].append(start)
    return out


def _any_in(positions: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


_LEVEL_ONLY = re.compile(r"\(\s*(?:required|preferred|a plus|optional|(?:nice|good|great)[ -]to[ -]have|desired|desirable|"
                         r"(?:a )?bonus|ideally)\s*\)", re.I)


def _paren_groups(clause: str, offset: int) -> list[tuple[int, int, bool]]:
    """(start, end, mentions years) of each top-level parenthesised part of a clause (text offsets)."""
    out, depth, start = [], 0, 0
    for k, ch in enumerate(clause):
        if ch == "(":
            if depth == 0:
                start = k
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                if not _LEVEL_ONLY.fullmatch(clause, start, k + 1):  # "(Preferred)" speaks for the clause
                    out.append((offset + start, offset + k + 1, bool(_YEARS.search(clause, start, k))))
    return out


def _any_outside(positions: list[int], start: int, end: int, groups: list[tuple[int, int, bool]], at: int,
                 at_end: int) -> bool:
    """A cue in ``[start, end)`` that is not inside a parenthesised part which leaves the mention
    ``[at, at_end)`` out (a part right after the mention, "Kafka (a plus)", is the mention's own), or
    that is about years ("Python (preferably 3-5 years)": the years are preferred, Python is not)."""
    i = bisect.bisect_left(positions, start)
    while i < len(positions) and positions[i] < end:
        p = positions[i]
        if not any(a <= p < b and (years_in or not a <= at < b and not 0 <= a - at_end <= 2)
                   for a, b, years_in in groups):
            return True
        i += 1
    return False


# Requirement cues that only frame a list ("experience with …"): unlike "strong" or "must" they say
# nothing about how much each item is wanted, so a preference cue after the list speaks for all of it.
_FRAMING = ("experience with", "experience in", "experience using", "Experience with", "Experience in",
            "Experience using", "you have", "You have", "knowledge of", "Knowledge of", "familiarity with",
            "Familiarity with")


def _own_item_preferred(text: str, cues: dict, c_start: int, c_end: int, s: int, e: int) -> bool | None:
    """Whether a preference cue in the mention's clause speaks for another item of it: False when a
    comma or semicolon separates the mention from every preference cue after it (the cue speaks for a
    later item), when the mention's own requirement cue stands between them ("X is required, and Y is
    a plus"), or when a requirement cue after a comma opens a new item after an earlier preference
    ("preferably A, with experience in B"); else None (no opinion)."""
    req_before = [p for p in cues["req"][bisect.bisect_left(cues["req"], c_start):] if p < s]
    pref_before = [p for p in cues["pref"][bisect.bisect_left(cues["pref"], c_start):] if p < s]
    after = [p for p in cues["pref"][bisect.bisect_left(cues["pref"], e):] if p < c_end]
    if after and not pref_before and _any_in(cues["req"], e, after[0]) and "," in text[e:after[0]]:
        return False  # "Knowledge of AWS is required, and AWS certification is a plus": its own cue is nearer
    if pref_before and not after:
        last = pref_before[-1]
        nearer = [p for p in req_before if p > last]
        if nearer and ("," in text[last:nearer[0]] or ";" in text[last:nearer[0]]):
            return False  # "preferably typed languages (Java, Scala), with experience in Python": a new item
    if not req_before or pref_before:
        return None
    if (after and all(text.startswith(_FRAMING, p + 1) or text.startswith(_FRAMING, p) for p in req_before)
            and not _any_in(cues["req"], e, after[0])):
        return None  # "Experience with Snowflake, dbt, and AWS is preferred": the frame of the whole list
    if after and all("," in text[e:p] or ";" in text[e:p] for p in after):
        return False
    return None


def _any_outside_span(positions: list[int], start: int, end: int, s: int, e: int) -> bool:
    """A cue in ``[start, end)`` that does not begin inside the mention ``[s, e)`` (or one character
    before it: cues keep the space that starts them)."""
    i = bisect.bisect_left(positions, start)
    while i < len(positions) and positions[i] < end:
        if not s - 1 <= positions[i] < e:
            return True
        i += 1
    return False


def _has_any(low: str, cues: tuple[str, ...]) -> bool:
    return any(c in low for c in cues)


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
}
_NUM = r"(\d{1,2}(?:\.\d)?|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    _NUM + r"\s*(?:\+|plus)?\s*(?:(?:-|–|to)\s*" + _NUM + r"\s*\+?\s*)?(?:\(\s*\d+\s*\)\s*)?"
    r"(?:years?|yrs?)(?:'|’)?\b", re.I)


class Context(NamedTuple):
    """Section, requirement level and years of one mention."""

    section: str | None
    requirement: str | None
    years: float | None


def section_at(text: str, kind: str = "posting"):
    """A function ``offset -> section name`` for ``text`` (headings, inline labels and boilerplate
    content, as in ``analyse``)."""
    sections = SectionMap(text, kind)
    starts = _line_starts(text)  # bisect, not rfind: a long line would make every lookup scan it

    def at(offset: int) -> str | None:
        return sections.at(offset, starts[bisect.bisect_right(starts, offset) - 1])

    return at


def _line_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n")
    while i != -1:
        starts.append(i + 1)
        i = text.find("\n", i + 1)
    return starts


_BREAK_HINTS = (".", ";", "!", "?", "•", "·", "ut", "ereas", "wever")


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each clause of ``text[start:end]`` (one line): cut at sentence ends, bullets, 'but'."""
    line = text[start:end]
    if not any(h in line for h in _BREAK_HINTS):  # most lines: one clause, no regex needed
        return [(start, end)]
    out, pos = [], start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out or [(start, end)]


def _number(token: str) -> float:
    token = token.lower()
    return float(_NUMBER_WORDS[token]) if token in _NUMBER_WORDS else float(token)


def analyse(text: str, spans: list[tuple[int, int]], *, kind: str = "posting",
            line_starts: list[int] | tuple[int, ...] | None = None) -> list[Context]:
    """Context of each ``(start, end)`` span of ``text`` (spans in text order).

    ``line_starts`` (offsets where lines begin) may be passed when the caller already has them.
    """
    if not spans:
        return []
    starts = line_starts or _line_starts(text)
    sections = SectionMap(text, kind)
    cues = _cue_positions(text)
    by_clause: dict[tuple[int, int], list[int]] = {}
    line_clauses: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}  # clauses and their ends
    line_of_span: list[int] = []
    for i, (s, _e) in enumerate(spans):
        li = bisect.bisect_right(starts, s) - 1
        line_of_span.append(starts[li])
        found = line_clauses.get(li)
        if found is None:
            end = starts[li + 1] - 1 if li + 1 < len(starts) else len(text)
            clauses = _clauses(text, starts[li], end)
            found = line_clauses[li] = (clauses, [c[1] for c in clauses])
        clauses, ends = found
        clause = clauses[min(bisect.bisect_right(ends, s), len(clauses) - 1)]  # the first clause ending after s
        by_clause.setdefault(clause, []).append(i)

    results: list[Context | None] = [None] * len(spans)
    for (c_start, c_end), members in by_clause.items():
        clause = text[c_start:c_end]
        if cues is not None:
            pref = _any_in(cues["pref"], c_start, c_end)
            req = _any_in(cues["req"], c_start, c_end)
            neg = _any_in(cues["neg"], c_start, c_end)
        else:
            low = " " + clause.lower().replace("\u2019", "'") + " "
            pref, req, neg = _has_any(low, _PREFERRED), _has_any(low, _REQUIRED), _has_any(low, _NEGATION_HINTS)
        years = (_years_for(clause, c_start, [spans[i] for i in members]) if ("year" in clause or "yr" in clause
                                                                               or "Year" in clause)
                 else [None] * len(members))
        if neg:
            neg_before = [m.end() + c_start for m in _NEGATION_BEFORE.finditer(clause)]
            neg_after = [m.start() + c_start for m in _NEGATION_AFTER.finditer(clause)]
            softened = pref and bool(_NOT_REQUIRED_BUT.search(clause))
        else:
            neg_before = neg_after = []
            softened = False
        check_negation = not softened and (neg_before or neg_after)
        groups = _paren_groups(clause, c_start) if cues is not None and pref and "(" in clause else ()
        for k, i in enumerate(members):
            s, e = spans[i]
            m_pref = pref
            if groups:  # "(preferably 3-5 years)" qualifies the years, not the skills outside it
                m_pref = _any_outside(cues["pref"], c_start, c_end, groups, s, e)
            if m_pref and cues is not None and not _any_outside_span(cues["pref"], c_start, c_end, s, e):
                m_pref = False  # "willingness to learn" is the skill asked for, not a softener of it
            if m_pref and req and cues is not None and _own_item_preferred(text, cues, c_start, c_end, s, e) is False:
                m_pref = False  # "Strong SQL, Python, PySpark, Java is a plus": only Java is the plus
            section = sections.at(s, line_of_span[i])
            negated = bool(check_negation) and (_within(neg_before, s - _NEGATION_REACH + 1, s + 1)
                                                or _within(neg_after, e, e + _NEGATION_REACH))
            local = _LOCAL_LEVEL.match(text, e, e + 30) if kind != "resume" else None
            if negated and kind != "resume":
                level = "negated"  # "Golang not needed" says so wherever it stands
            elif kind == "resume" or section in NON_DEMAND:
                level = None
            elif local:
                level = _LOCAL_LEVELS[local.group(1).lower()]
            elif m_pref or section == "nice_to_have":
                level = "preferred"
            elif req or section == "requirements":
                level = "required"
            else:
                level = None
            results[i] = Context(section, level, years[k])
    return results  # type: ignore[return-value]


def _within(positions: list[int], lo: int, hi: int) -> bool:
    """True when a sorted ``positions`` holds a value in ``[lo, hi)`` (bisect: a clause may be long)."""
    i = bisect.bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


_FORWARD = re.compile(r"\s*(?:of|with|in|using|on|working|experience|hands|professional|commercial|industry|"
                      r"relevant|programming|coding|building|developing)\b", re.I)
_YEARS_LIST_GAP = re.compile(r"[\s,/&+()]*(?:and|or|as well as|e\.g\.|such as|like|with|using|in)?[\s,/&+()]*$", re.I)
_BACKWARD_GAP = re.compile(r"[\s(:,–—-]{0,4}$")


def _years_for(clause: str, offset: int, members: list[tuple[int, int]]) -> list[float | None]:
    """Years tied to each mention of one clause.

    A phrase followed by "of/with/in/experience…" covers the mentions after it, up to the next phrase
    ("3-5 years with SQL and Spark"); a phrase right after a mention belongs to that mention
    ("Python (4 yrs)", "PyTorch: 3+ years"); a lone phrase with no mention after it takes the
    nearest mention before it.
    """
    out: list[float | None] = [None] * len(members)
    found = list(_YEARS.finditer(clause))
    m_starts, m_ends = [s for s, _e in members], [e for _s, e in members]
    # spans in text order that do not overlap (the usual case): bisect instead of scanning them all
    ordered = m_starts == sorted(m_starts) and m_ends == sorted(m_ends)
    for n, m in enumerate(found):
        f_start, f_end, value = m.start() + offset, m.end() + offset, _number(m.group(1))
        nxt = found[n + 1].start() + offset if n + 1 < len(found) else offset + len(clause)
        if ordered:
            before = range(bisect.bisect_right(m_ends, f_start))
            after = range(bisect.bisect_left(m_starts, f_end), bisect.bisect_left(m_starts, nxt))
        else:
            before = [k for k, (s, e) in enumerate(members) if e <= f_start]
            after = [k for k, (s, e) in enumerate(members) if f_end <= s < nxt]
        forward = bool(_FORWARD.match(clause, m.end()))
        gap_start = members[before[-1]][1] - offset if before else m.start()
        adjacent = before and m.start() - gap_start <= 5 and _BACKWARD_GAP.match(clause[gap_start:m.start()])
        if adjacent and not forward:
            targets = [before[-1]]
        elif after:
            # the phrase covers a list of skills ("SQL and Spark", "Python, Go"), not every later one
            targets = [after[0]]
            for k in after[1:]:
                gap = clause[members[targets[-1]][1] - offset:members[k][0] - offset]
                if not _YEARS_LIST_GAP.match(gap):
                    break
                targets.append(k)
        elif before:
            targets = [before[-1]]
        else:
            targets = []
        for k in targets:
            if out[k] is None:
                out[k] = value
    return out


