"""How a résumé mention relates to the person: did they do the work, or talk about it, sell it,
manage it, or name somebody else who did it?

Four readings, each a factor on the mention's strength (``resume``) and a phrase in its explanation:

* the verb nearest before the mention — doing ("built", "trained") or talking ("advised on", "sold");
* other people's work — the skill named as a team or a job ("the ML team", "hired ML engineers");
* the job title of the entry, or the headline under the name — a role that sells, manages, advises
  on, reports on or recruits for the work ("Product Manager", "Counsel", "Solutions Engineer");
* a self-rated proficiency beside the skill ("SQL (basic)", "familiar with Docker").

All are word patterns on the text: deterministic, English-only, cheap.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dates import DateRange

__all__ = [
    "INVOLVEMENT", "ROLE_FACTOR", "WEAK_FACTOR", "involvement_of", "involvement_why", "non_practitioner_role",
    "proficiency_of", "entry_title", "headline_role", "short_line_breaks",
]

# Verbs of doing the work versus verbs of talking about it: "built a RAG assistant" shows the skill;
# "advised clients on RAG" or "sold RAG products" shows less of it. Past and present forms both occur
# ("Train models" in a current role), so the verbs are matched by stem.
_HANDS_ON = re.compile(
    r"\b(buil(?:d|ds|t|ding)|develop(?:s|ed|ing)?|implement(?:s|ed|ing)?|train(?:s|ed|ing)?|fine-?tun(?:e|es|ed|ing)|"
    r"deploy(?:s|ed|ing)?|design(?:s|ed|ing)?|engineered|wr(?:ote|ite|ites|iting)|cod(?:e|es|ed|ing)|programm(?:ed|ing)|"
    r"ship(?:s|ped|ping)?|optimi[sz](?:e|es|ed|ing)|creat(?:e|es|ed|ing)|automat(?:e|es|ed|ing)|migrat(?:e|es|ed|ing)|"
    r"architect(?:s|ed|ing)?|prototyp(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|refactor(?:s|ed|ing)?|benchmark(?:s|ed|ing)?|"
    r"tun(?:e|es|ed|ing)|scal(?:e|es|ed|ing)|productioni[sz](?:e|es|ed|ing)|analy[sz](?:e|es|ed|ing)|model(?:s|l?ed|l?ing)|"
    r"ran|run(?:s|ning)?|us(?:e|es|ed|ing)|appl(?:y|ies|ied|ying)|research(?:es|ed|ing)|publish(?:es|ed|ing)|"
    r"evaluat(?:e|es|ed|ing)|forecast(?:s|ed|ing)?|predict(?:s|ed|ing)?|estimat(?:e|es|ed|ing)|fit(?:s|ted|ting)?|"
    r"led the development|worked (?:as|on))\b", re.I)
_TALKING = re.compile(
    r"\b(advis(?:e|es|ed|ing)|sell(?:s|ing)?|sold|cover(?:s|ed|ing)|report(?:s|ed|ing)? on|wr(?:ote|ite|ites|iting) about|"
    r"articles? (?:on|about)|market(?:s|ed)|marketing|promot(?:e|es|ed|ing)|pitch(?:es|ed|ing)?|explain(?:s|ed|ing)?|"
    r"brief(?:s|ed|ing)|negotiat(?:e|es|ed|ing)|draft(?:s|ed|ing)?|review(?:s|ed|ing)? contracts|interview(?:s|ed|ing)?|"
    r"recruit(?:s|ed|ing)?|hir(?:e|es|ed|ing)|sourc(?:e|es|ed|ing)|evangeli[sz](?:e|es|ed|ing)|consult(?:s|ed|ing)? on|"
    r"lectur(?:e|es|ed|ing) on|comment(?:s|ed|ing)? on|communicat(?:e|es|ed|ing)|spo?ke (?:at|on|about)|"
    r"speak(?:s|ing)? (?:at|on|about)|teach(?:es|ing)?|taught|invest(?:s|ed|ing)? in|document(?:s|ed|ing)|"
    r"customers? (?:about|on)|clients? (?:about|on)|(?:due )?diligence (?:on|calls?|of)|deals? in|thesis on|"
    r"market map|landscape of|(?:tracks?|sessions?|talks?|panels?|keynotes?|workshops? on|courses?|modules?|"
    r"webinars?|episodes?|stories|pieces|posts|newsletters?|guides?|tutorials?|documentation|docs|curriculum) "
    r"(?:on|about|covering|for))\b", re.I)
# A skill named as other people's job or team ("the ML team", "hired 30 machine learning engineers",
# "a forecasting feature built by the data science team") says who the person worked with, not what
# they can do.
_OTHERS = re.compile(
    r"(?:[ \t]+[\w-]+)?[ \t]+(?:teams?|engineers|scientists|researchers|developers|specialists|experts|"
    r"practitioners|colleagues|department|org|organi[sz]ation|leads|hires|candidates|"
    r"roles|vendors|startups|companies|firms|founders)\b", re.I)
INVOLVEMENT = {"hands-on": 1.0, "neutral": 0.85, "talking": 0.6, "others": 0.4}
_INVOLVEMENT_WHY = {
    "neutral": "no verb of doing",
    "talking": "talked about rather than used",
    "others": "names other people's work (a team or job title), not the person's own",
}


# A line break ends a sentence only when the next line starts a new item (a bullet, a number, a
# blank line), the line ends in punctuation, or the line is short (a title or a date: see
# ``short_line_breaks``); otherwise it is a bullet wrapped onto the next line.
_BREAK = re.compile(r"[.;!?:]\s*\n|\n\s*(?:\n|[-*•·–]\s|\d+[.)]\s)|\.\s|;\s")
#: A line shorter than this share of the document's long lines (its 90th percentile) is not wrapped.
SHORT_LINE = 0.6


@functools.lru_cache(maxsize=16)
def _breaks(text: str, paragraphs: bool = False) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Starts and ends of every sentence break in ``text``, found once per text (a résumé has many mentions).

    With ``paragraphs`` every line is a paragraph (what the HTML, DOCX and PDF readers give), so every
    line break ends a sentence.
    """
    found = {(m.start(), m.end()) for m in _BREAK.finditer(text)} | set(short_line_breaks(text))
    if paragraphs:
        found |= {(m.start(), m.end()) for m in re.finditer("\n", text)}
    found = sorted(found)
    return tuple(a for a, _ in found), tuple(b for _, b in found)


def short_line_breaks(text: str) -> list[tuple[int, int]]:
    """The line breaks after short lines: a job title or a date line ends there, whether the next line
    follows directly (DOCX, PDF) or after a blank line (HTML). A line wrapped by hand or by a layout
    engine is nearly as long as the longest lines, so it goes on."""
    lines = text.split("\n")
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    if not lengths:
        return []
    cut = SHORT_LINE * lengths[int(0.9 * (len(lengths) - 1))]
    out, pos = [], 0
    for line in lines[:-1]:
        pos += len(line)
        if line.strip() and len(line.strip()) < cut:
            out.append((pos, pos + 1))
        pos += 1
    return out


def _sentence(text: str, start: int, end: int, paragraphs: bool = False) -> tuple[int, int]:
    """The offsets of the sentence (or bullet, across wrapped lines) around ``start:end``, at most 600
    characters either side."""
    starts, ends = _breaks(text, paragraphs)
    i = bisect.bisect_right(ends, start) - 1  # the last break that ends at or before the mention
    left = max(ends[i] if i >= 0 else 0, start - 600, 0)
    j = bisect.bisect_left(starts, end)  # the first break that starts at or after its end
    limit = min(len(text), end + 600)
    right = starts[j] if j < len(starts) and starts[j] < limit else limit
    return left, right


def involvement_of(text: str, start: int, end: int, *, paragraphs: bool = False) -> str:
    """``hands-on``, ``talking``, ``others`` or ``neutral``: how the text around a mention relates to the skill.

    The verb nearest before the mention decides ("Built the agenda (tracks on computer vision)" talks
    about computer vision; "Advised on RAG, then built a RAG pilot" builds the second one); with none
    before it, any verb in the sentence does. ``paragraphs``: every line of ``text`` is a paragraph.
    """
    if _OTHERS.match(text, end, min(len(text), end + 40)):
        return "others"
    left, right = _sentence(text, start, end, paragraphs)
    cues = [(m.start(), 1, "talking") for m in _TALKING.finditer(text, left, start)]
    cues += [(m.start(), 0, "hands-on") for m in _HANDS_ON.finditer(text, left, start)]
    if cues:
        return max(cues)[2]  # nearest before; on a tie ("wrote about") talking wins
    after = text[end:right]
    if _TALKING.search(after):
        return "talking"
    return "hands-on" if _HANDS_ON.search(after) else "neutral"


# Job titles of roles that sell, manage, advise on, teach, report on or recruit for technical work
# rather than do it. Skills named inside such an entry count as talked about, whatever the verbs:
# a product manager "launched" an AI feature that engineers built. A title line also names the
# employer ("AI Engineer at Lexica Legal Tech"), so it is read segment by segment and the first
# segment that names a role decides; a practitioner noun (engineer, scientist, analyst...) wins over
# a field word ("Marketing Analyst" analyses), except in the pre-sales titles that contain one.
_TITLE_SEGMENTS = re.compile(r"\s+(?:at|@)\s+|[,|·(){}\[\]*#/—–]|\s-\s")
_PRESALES_TITLE = re.compile(
    r"\b(?:(?:sales|pre-?sales|solutions?) (?:engineer|consultant|specialist)|(?:investment|policy) "
    r"(?:analyst|associate)|technical (?:writer|recruiter))s?\b", re.I)
_PRACTITIONER_TITLE = re.compile(
    r"\b(?:engineer|scientist|developer|analyst|researcher|statistician|programmer|architect|modell?er|quant|"
    r"phd|postdoc|student)s?\b", re.I)
_NON_PRACTITIONER_TITLE = re.compile(
    r"\b(?:product (?:manager|owner|lead|director)|program(?:me)? manager|project manager|delivery manager|"
    r"account (?:manager|executive|director)|sales|business development|customer success|marketing|marketer|"
    r"growth manager|recruiter|recruitment|talent acquisition|sourcer|counsel|lawyer|attorney|solicitor|barrister|"
    r"paralegal|journalist|reporter|editor|writer|columnist|correspondent|podcaster|teacher|"
    r"policy (?:officer|advis[eo]r|lead)|compliance officer|venture (?:partner|capital)|investor|"
    r"ux designer|ui designer|product designer|event (?:manager|planner|producer|coordinator)|annotat(?:or|ion)|"
    r"quality reviewer|(?:podcast )?host|investment (?:associate|partner|principal|manager)|trainee)\b", re.I)


def non_practitioner_role(title: str) -> str | None:
    """The role words when a job title names a role that does not do the technical work, else ``None``."""
    for segment in _TITLE_SEGMENTS.split(title):
        presales = _PRESALES_TITLE.search(segment)
        if presales:
            return presales.group(0)
        if _PRACTITIONER_TITLE.search(segment):
            return None
        other = _NON_PRACTITIONER_TITLE.search(segment)
        if other:
            return other.group(0)
    return None


#: Factor for mentions inside an entry whose job title is a non-practitioner role.
ROLE_FACTOR = 0.4

# Self-rated proficiency written beside a skill: "SQL (basic)", "familiar with Docker".
_WEAK_AFTER = re.compile(r"\s*\((?:basic|beginner|elementary|novice|familiar|learning|some|limited|exposure)\b[^)]*\)", re.I)
_WEAK_BEFORE = re.compile(
    r"\b(?:basic(?: knowledge of| understanding of)?|beginner(?: in| at)?|familiar(?:ity)? with|exposure to|"
    r"some (?:knowledge of|experience with|familiarity with))\s[^.;:\n()]*\Z|"
    r"\b(?:familiar with|exposure to|basic)\s*:[^.;\n()]*\Z", re.I)
#: Factor for a skill the person rates as basic or only familiar.
WEAK_FACTOR = 0.5


def proficiency_of(text: str, start: int, end: int) -> str | None:
    """``"basic"`` when the text rates the skill as basic or only familiar, else ``None``."""
    if _WEAK_AFTER.match(text, end, min(len(text), end + 40)):
        return "basic"
    line_start = text.rfind("\n", 0, start) + 1
    if _WEAK_BEFORE.search(text, max(line_start, start - 80), start):
        return "basic"
    return None


def entry_title(text: str, rng: "DateRange") -> str:
    """The job title of a dated entry: its date line when that names more than the date, else the line above."""
    line_start = text.rfind("\n", 0, rng.start) + 1
    line_end = text.find("\n", rng.end)
    line = text[line_start:line_end if line_end != -1 else len(text)]
    if re.search(r"[^\W\d_]{3,}", line.replace(rng.text, " ")):
        return line.strip()
    return text[rng.entry_start:line_start].strip()


def headline_role(text: str, ranges: "list[DateRange]") -> str | None:
    """The person's own role when it does not do the technical work: from the lines above the first
    dated entry ("Senior Technical Recruiter — AI & Machine Learning"), else the current entry's title.

    Names and contact details are blanked first, so a surname ("Maria Sales") or an address never
    reads as a job title: a name must not move a score.
    """
    head_end = ranges[0].entry_start if ranges else min(len(text), 400)
    head = text[:head_end]
    lines = [ln for ln in head.splitlines() if ln.strip()][:3]
    if any(non_practitioner_role(ln) for ln in lines):
        from ..privacy import redact

        masked = list(head)
        for item in redact(head).items:
            masked[item.start:item.end] = " " * (item.end - item.start)
        for line in [ln for ln in "".join(masked).splitlines() if ln.strip()][:3]:
            role = non_practitioner_role(line)
            if role:
                return role
    current = [r for r in ranges if r.current]
    return non_practitioner_role(entry_title(text, current[0])) if current else None




def involvement_why(factor: float) -> str:
    """The phrase for an involvement factor other than hands-on ("no verb of doing", ...)."""
    how = next(k for k, v in INVOLVEMENT.items() if v == factor)
    return _INVOLVEMENT_WHY[how]
