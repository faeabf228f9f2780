"""Case and context rules for skill names that are also ordinary words ("Go", "R", "C", "React", …).

An ambiguous form must already be written exactly as in the taxonomy (the lexicon checks case). It
is then accepted only with positive evidence that the text means the technology — another skill
listed next to it, or a technical cue word nearby — and no sign of the everyday meaning ("go to
market", "react quickly", "R&D", "C-level", "excel at").
"""

from __future__ import annotations

import re

__all__ = ["accept_ambiguous", "everyday_use", "technical_evidence"]

# Everyday uses, checked on the words right after (and before) the form, lower-cased.
_AFTER_NEGATIVE = {
    "go": re.compile(r"^[\s-]*(to\b|live\b|beyond|further|ahead|above|getter|through|back\b|into|over\b|out\b|"
                     r"on\b|for it\b|the extra|far\b|hand in hand|forward|deep|big|-?to-?market)"),
    "r": re.compile(r"^\s*(&|and d\b|\.\s*[A-Z]|\.[a-z]\.)", re.I),
    "c": re.compile(r"^\s*(-\s*(level|suite|corp|section|class)|level|suite|\.\s*[A-Z]|grade)", re.I),
    "react": re.compile(r"^\s*(to\b|quickly|fast|promptly|calmly|swiftly|appropriately|accordingly|well\b|positively)"),
    "spark": re.compile(r"^\s*(joy|curiosity|interest|conversations?|innovation|ideas?|change|creativity|growth|"
                        r"debate|discussions?|excitement|imagination)"),
    "excel": re.compile(r"^\s*(at\b|in\b|as\b|when\b|under\b|with\b)"),
    "swift": re.compile(r"^\s*(response|action|turnaround|decisions?|delivery|resolution|execution)"),
}
_BEFORE_NEGATIVE = re.compile(r"(\bto|\bwill|\byou|\bwe|\bthey|\bcan|\bcould|\bmust|\bwho|\bshould)\s*$", re.I)
_VERB_LIKE = {"react", "spark", "excel"}

# Words near a form that show the technical meaning: strong ones outweigh a name-like context.
# (a word set, not a regex alternation: the regex scanned each window in ~30 µs, the set in ~3 µs)
_STRONG_WORDS = frozenset("""
    programming language languages developer developers code coding lang framework frameworks library libraries
    stack script scripts scripting backend back-end frontend front-end apache microsoft ms swiftui ios macos cargo
    tidyverse shiny cran rstudio ggplot ggplot2 dplyr goroutine goroutines golang spreadsheet spreadsheets vba
    pivot formula formulas macros vlookup hooks redux jsx component components pyspark streaming cluster
    databricks hadoop compiled typescript javascript next.js node.js microservice microservices grpc kubernetes
    sql python java pytorch tensorflow llm llms fine-tuned fine-tuning finetuned finetuning peft qlora adapters
    hugging""".split())
_TOKEN = re.compile(r"[a-z0-9][a-z0-9.+#-]*")


def _has_strong_cue(window: str) -> bool:
    return not _STRONG_WORDS.isdisjoint(t.rstrip(".-") for t in _TOKEN.findall(window.lower()))


_WEAK_CUES = re.compile(
    r"\b(proficien\w*|experience|expertise|knowledge|skills?|engineer|engineering|apps?|applications?|native|"
    r"written|develop\w*|build\w*|services?|tools?|technologies|tech|using|advanced|fluent|fluency|speak\w*|"
    r"required|preferred|nice to have|plus|familiar\w*|know|knowing|learn|learning|used|worked with|work with|"
    r"working with)\b",
    re.I,
)
_LIST_GAP = re.compile(r"^[\s,/;|&()+·•*-]*(and|or|&)?[\s,/;|&()+·•*-]*$", re.I)


def accept_ambiguous(text: str, start: int, end: int, plain_hits) -> float | None:
    """Confidence for an ambiguous hit, or None when its context says it is an everyday word."""
    if everyday_use(text, start, end):
        return None
    return technical_evidence(text, start, end, plain_hits)


def everyday_use(text: str, start: int, end: int) -> bool:
    """True where the words around the form show its everyday meaning ("go to market", "R&D")."""
    form = text[start:end].lower()
    after = text[end:end + 30]
    before = text[max(0, start - 25):start]
    rule = _AFTER_NEGATIVE.get(form)
    if rule and rule.search(after):
        return True
    if form in _VERB_LIKE and _BEFORE_NEGATIVE.search(before):
        return True
    return form in ("r", "c") and bool(re.match(r"^\s*[-–]\s*\w", after))  # "R-squared", "C-level"


def technical_evidence(text: str, start: int, end: int, neighbours, *, listed_only: bool = False) -> float | None:
    """Confidence that the form means the technology: a listed neighbour, or (unless ``listed_only``)
    cue words nearby."""
    before = text[max(0, start - 25):start]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    window = text[max(line_start, start - 40):start] + " " + text[end:min(line_end, end + 40)]
    # A listed neighbour: another skill separated only by commas, slashes, "and"/"or". An ambiguous
    # neighbour vouches only together with a cue word ("Italian and French dishes" is food).
    for h in neighbours:
        if h.start == start:
            continue
        listed = ((line_start <= h.end <= start and _LIST_GAP.match(text[h.end:start]))
                  or (end <= h.start <= line_end and _LIST_GAP.match(text[end:h.start])))
        if listed and (not h.ambiguous or _WEAK_CUES.search(window) or _has_strong_cue(window)):
            return 0.9
    if listed_only:
        return None
    if _has_strong_cue(window):
        return 0.85
    prev = re.search(r"([A-Z][a-z]+) $", before)
    if prev and not (prev.group(1).lower() in _STRONG_WORDS or _WEAK_CUES.fullmatch(prev.group(1))):
        return None  # "Taylor Swift", "Vitamin C": part of a name
    if _WEAK_CUES.search(window):
        return 0.75
    return None
