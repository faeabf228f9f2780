"""Case and context rules for skill names that are also ordinary words ("Go", "R", "C", "React", …).

An ambiguous form must already be written exactly as in the taxonomy (the lexicon checks case). It
is then accepted only with positive evidence that the text means the technology — another skill
listed next to it, or a technical cue word nearby — and no sign of the everyday meaning ("go to
market", "react quickly", "R&D", "C-level", "excel at").
"""

from __future__ import annotations

import re

__all__ = ["accept_ambiguous", "everyday_use", "technical_evidence", "list_links", "listed"]

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
# What may separate two listed skills: commas, slashes, "and"/"or" … but no line break. Possessive
# quantifiers keep a long run of separators from backtracking.
_SEP = r"(?:[^\S\n]|[,/;|&()+·•*-])"
_LIST_GAP = re.compile(rf"{_SEP}*+(?:and|or|&|such as|e\.g\.|eg\.|i\.e\.|including|incl\.|for example)?{_SEP}*+", re.I)
# A short item of a vertical list: "  * Snowflake", "- Tecton - feature store" (bullet, at most five words).
_SHORT_ITEM = re.compile(r"[ \t]*(?:[-*•●▪◦·]|\d{1,2}[.)])[ \t]+\S+(?:[ \t]+\S+){0,4}[ \t]*")
_WINDOW = 40  # characters each side where cue words count


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


def listed(text: str, a_end: int, b_start: int) -> bool:
    """True when ``text[a_end:b_start]`` only separates two list items on one line (", ", " and ")."""
    return a_end <= b_start and _LIST_GAP.fullmatch(text, a_end, b_start) is not None


def list_links(text: str, hits, *, reach: int = 4) -> list[list[int]]:
    """For each hit (in text order, not overlapping), the indexes of the hits listed next to it: on
    one line ("Spark, Kafka", "databases such as Snowflake") or as neighbouring short items of a
    vertical list.

    Walks outwards from each hit while the gaps stay list separators, so the cost is linear in the
    number of hits (an item is listed with a farther one only through the nearer one; ``reach`` caps
    the walk for taxonomies whose forms are themselves separators, such as "and").
    """
    links: list[list[int]] = [[] for _ in hits]
    for i in range(1, len(hits)):
        j = i - 1
        while j >= 0 and i - j <= reach and listed(text, hits[j].end, hits[i].start):
            links[i].append(j)
            links[j].append(i)
            j -= 1
        if (j == i - 1 and text.count("\n", hits[j].end, hits[i].start) == 1
                and _short_item(text, hits[j].start) and _short_item(text, hits[i].start)):
            links[i].append(j)  # items of one vertical list: "  * Python Flask\n  * Snowflake"
            links[j].append(i)
    return links


def _short_item(text: str, offset: int) -> bool:
    """Whether ``offset`` lies on a line that is a short list item."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    return end - start <= 80 and _SHORT_ITEM.fullmatch(text, start, end) is not None


def _window(text: str, start: int, end: int) -> str:
    """Up to 40 characters each side of the form, within its line."""
    lo = max(0, start - _WINDOW)
    nl = text.rfind("\n", lo, start)
    lo = nl + 1 if nl != -1 else lo
    hi = min(len(text), end + _WINDOW)
    nl = text.find("\n", end, hi)
    hi = nl if nl != -1 else hi
    return text[lo:start] + " " + text[end:hi]


def technical_evidence(text: str, start: int, end: int, neighbours, *, listed_only: bool = False) -> float | None:
    """Confidence that the form means the technology: a listed neighbour, or (unless ``listed_only``)
    cue words nearby.

    Every neighbour passed is checked, so callers pass only the few near the form (see
    :func:`list_links`); the work per call is then bounded by the 40-character window.
    """
    before = text[max(0, start - 25):start]
    window = _window(text, start, end)
    # A listed neighbour: another skill separated only by commas, slashes, "and"/"or". An ambiguous
    # neighbour vouches only together with a cue word ("Italian and French dishes" is food).
    for h in neighbours:
        if h.start == start:
            continue
        if ((listed(text, h.end, start) or listed(text, end, h.start))
                and (not h.ambiguous or _WEAK_CUES.search(window) or _has_strong_cue(window))):
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
