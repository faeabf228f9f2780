"""Candidate skill phrases in one posting's text, for discovering skills the taxonomy lacks.

Only text that asks for skills is read: lines in about-us, benefits, EEO, how-to-apply and title
text (``detect.sections.NON_DEMAND``) are skipped. A line is cut into runs of words between
punctuation, function words, verbs and the vocabulary every posting uses to ask for skills
("experience with", "strong knowledge of"; ``data/discovery_words.txt``); spans the taxonomy
already matched (the stored mentions) cut it too. Inside a run, every phrase of 1–4 words is a
candidate, except

* a single word, unless it looks like a name of a tool: inner capitals or digits ("LangGraph",
  "vLLM", "GPT4o"), symbols ("Node.js", "C#"), all capitals ("RLHF"), or a capital where a sentence
  does not start ("experience with Quillstream"; such words must also be rare in lower case across
  the corpus, which the caller checks with ``kind == "cap"``);
* a phrase made only of common technical words ("ml platform", "production systems");
* the company's own name, and listed stop phrases.

Keys are normalised so that spellings of one term meet: lower case, hyphens and spaces alike,
"Llama 3" = "Llama3", a final plural made singular, a trailing possessive dropped.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["Occurrence", "candidates", "normalise", "words", "MAX_WORDS"]

MAX_WORDS = 4
_TOKEN = re.compile(r"(?<![\w.+#-])(?:[A-Za-z]|\d+[A-Za-z])[A-Za-z0-9]*(?:['’.+#-][A-Za-z0-9]+)*[+#]*")
_LINK = re.compile(r"\]\([^)\s]*\)|(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+|\[(?:EMAIL|PHONE|NAME)\]")
_SENTENCE = re.compile(r"[.!?:;]\s+$")
_BULLET = re.compile(r"^[\s*•·●▪\-–—>#|`_]*(?:\d{1,2}[.)]\s+)?$")


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One candidate in a posting: its key, offsets into the text, the words as written and its kind:
    ``tool`` (a single word shaped like a name), ``cap`` (a single capitalised word) or ``phrase``."""

    key: str
    start: int
    end: int
    surface: str
    kind: str
    words: tuple[str, ...]


@functools.lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The ``break``, ``common`` and ``phrase`` lists of ``data/discovery_words.txt``."""
    out: dict[str, set[str]] = {"break": set(), "common": set(), "phrase": set(), "role": set(), "suffix": set()}
    current = None
    text = (resources.files("skillradar.market") / "data" / "discovery_words.txt").read_text(encoding="utf-8")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        if current == "phrase":
            out["phrase"].add(normalise(_TOKEN.findall(line)))
        elif current in out:
            out[current].update(w.lower().replace("’", "'") for w in line.split())
    return {k: frozenset(v) for k, v in out.items()}


_APART = re.compile(r"[-']")
_LETTER_SPACE_DIGIT = re.compile(r"(?<=[a-z]) (?=\d)")


def normalise(tokens) -> str:
    """The key of a phrase given as its words: see the module docstring."""
    return _normalise(tuple(tokens))


@functools.lru_cache(maxsize=200_000)
def _normalise(tokens: tuple[str, ...]) -> str:
    parts = []
    for t in tokens:
        w = t.lower().replace("’", "'").rstrip(".")
        if w.endswith("'s"):
            w = w[:-2]
        parts.extend(p for p in _APART.split(w) if p)
    key = " ".join(parts)
    key = _LETTER_SPACE_DIGIT.sub("", key)  # "llama 3" = "llama3"
    last = key.rsplit(" ", 1)[-1]
    if last.isalpha() and len(last) > 3:
        if last.endswith("ies") and len(last) > 4:
            key = key[:-3] + "y"
        elif last.endswith(("sses", "xes", "ches", "shes")):
            key = key[:-2]  # "processes", "boxes", "patches"
        elif last.endswith("s") and not last.endswith(("ss", "us", "is", "ics", "ous")):
            key = key[:-1]
    return key


# "100M", "3x", "24/7": a number with a unit is no name of a tool ("3D" and "5G" are kept).
_NUMBER_UNIT = re.compile(r"\d+(?:k|m|b|bn|mn|x|s|h|hr|hrs|d|th|st|nd|rd|am|pm|gb|tb|mb|kb|hz|ms|yr|yrs|w|wk|mo|y)",
                          re.I)


_NOT_ADVERBS = frozenset({"anomaly", "assembly", "supply", "family", "italy", "reply", "monopoly", "butterfly",
                          "rally", "bully"})


def _breaks(lw: str, lists) -> bool:
    """Whether a word (lower case) ends a phrase rather than joining one."""
    lw = lw.rstrip(".")
    if lw in lists["break"] or _NUMBER_UNIT.fullmatch(lw):
        return True
    if len(lw) > 5 and lw.endswith("ly") and lw not in _NOT_ADVERBS:  # "specifically", "closely"
        return True
    if "-" in lw:  # "AI-driven", "high-quality", "in-person": adjectives
        parts = [p for p in lw.split("-") if p]
        return any(lw.endswith(s) for s in lists["suffix"]) or all(
            p in lists["break"] or p in lists["common"] for p in parts)
    return False


def _tool_like(word: str) -> bool:
    core = word.rstrip("+#")
    return (any(c.isupper() for c in core[1:]) or any(c.isdigit() for c in core) or word != core
            or any(c in ".+#" for c in core))


_HEADING_LIKE = re.compile(r"^\s*(?:#+\s.*|[*_\s]*[^.!?]{1,60}:[*_\s]*|\*\*[^*]{1,80}\*\*\s*:?)$")


def _heading_like(line: str) -> bool:
    """A markdown heading, a short line ending with a colon, or a bold-only line: a heading's words
    ("Nice To Have") are capitalised for layout, not because they name tools."""
    return bool(_HEADING_LIKE.match(line))


def candidates(text: str, blocked: list[tuple[int, int]] = (), company: str | None = None,
               kind: str = "posting") -> tuple[list[Occurrence], set[str]]:
    """``(occurrences, lower_words)``: every candidate in the demand text of ``text``, and the keys of
    the single words written in lower case there (for the caller's corpus-wide check of ``cap`` words).

    ``blocked`` are spans the taxonomy matched: a candidate never overlaps one."""
    from ..detect.sections import NON_DEMAND, SectionMap

    lists = words()
    common, stop, roles = lists["common"], lists["phrase"], lists["role"]
    own = {normalise([w]) for w in _TOKEN.findall(company or "")}
    sections = SectionMap(text, kind)
    headings = set(sections.starts)
    spans = _merged(blocked)
    j = 0  # spans before j end at or before the current token
    out: list[Occurrence] = []
    lower: set[str] = set()
    pos = 0
    for line in text.split("\n"):
        start_of_line = pos
        pos += len(line) + 1
        if not line.strip() or start_of_line in headings or _heading_like(line) \
                or sections.at(start_of_line, start_of_line) in NON_DEMAND:
            continue
        masked = _LINK.sub(lambda m: " " * len(m.group()), line)
        toks = [(m.start() + start_of_line, m.end() + start_of_line, m.group()) for m in _TOKEN.finditer(masked)]
        if not toks:
            continue
        run: list[tuple[int, int, str, bool]] = []
        prev_end = start_of_line
        for s, e, w in toks:
            gap = text[prev_end:s]
            initial = prev_end == start_of_line and bool(_BULLET.match(gap)) or bool(_SENTENCE.search(gap))
            broken = prev_end != start_of_line and gap.strip() != ""
            lw = w.lower().replace("’", "'")
            if w.islower():
                lower.add(_normalise((w,)))
            while j < len(spans) and spans[j][1] <= s:
                j += 1
            breaks = (j < len(spans) and spans[j][0] < e) or _word_breaks(lw)
            if broken or breaks:
                _emit(text, run, out, common, stop, own, roles)
                run = []
            if not breaks:
                run.append((s, e, w, initial))
            prev_end = e
        _emit(text, run, out, common, stop, own, roles)
    return out, lower


def _merged(spans) -> list[tuple[int, int]]:
    """Spans sorted and overlapping ones merged, so one forward walk finds every overlap."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


@functools.lru_cache(maxsize=100_000)
def _word_breaks(lw: str) -> bool:
    return _breaks(lw, words())


def _emit(text, run, out, common, stop, own, roles) -> None:
    n = len(run)
    for i in range(n):
        for size in range(1, min(MAX_WORDS, n - i) + 1):
            part = run[i:i + size]
            ws = tuple(p[2] for p in part)
            key = normalise(ws)
            if len(key) < 2 or key in stop or set(key.split()) <= own or key.rsplit(" ", 1)[-1] in roles \
                    or ws[-1].lower() in roles:
                continue
            if size == 1:
                w = ws[0]
                if _tool_like(w) and not w.isdigit():
                    kind = "tool"
                elif w[0].isupper() and not part[0][3]:
                    kind = "cap"
                else:
                    continue
                if key in common or len(key) < 2:
                    continue
            else:
                if all(normalise([w]) in common or w.lower() in common for w in ws):
                    continue
                kind = "phrase"
            out.append(Occurrence(key, part[0][0], part[-1][1], text[part[0][0]:part[-1][1]], kind, tuple(w.lower() for w in ws)))
