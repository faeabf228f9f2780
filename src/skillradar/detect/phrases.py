"""Candidate phrases of a text: clauses, word runs between stop words, windows of up to four words.

Both the semantic detector (``detect.semantic``) and the linker (``link``) cut sentences into the
same phrases, so the chunker lives here, beside neither of them.
"""

from __future__ import annotations

import re

__all__ = ["candidate_phrases", "clauses", "STOP_WORDS", "MAX_WINDOW", "MAX_PHRASES_PER_TEXT"]

_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w\u00c0-\u024f]*(?:[.+#'’\-/&][\w\u00c0-\u024f]+)*[+#]*")
# Clause boundaries: sentence punctuation, brackets, bullets, slashes between spaces, line breaks.
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]{}•·*|\n\r\t]+(?=\s|$)|[;!?()\[\]{}•·*|\n\r\t]+|,|\s[/–—-]\s")

STOP_WORDS = frozenset(
    """a an the and or nor but if then else of to in on at by for from with within without into onto
    over under about across as per via vs versus than that this these those there here which who whom whose
    what when where why how is are was were be been being am do does did doing have has had having will
    would shall should can could may might must not no yes also too very more most less least such etc
    eg e.g ie i.e your you we our us they their them it its he she his her i me my mine
    able ability abilities strong good great excellent solid proven demonstrated deep basic advanced
    working knowledge understanding experience experienced familiarity familiar proficiency proficient
    skills skill skilled expertise expert plus including include includes preferred required requirement
    requirements desirable nice bonus ideally ideal must years year minimum least other others well
    using use used like similar related relevant etc. new any all some each every both either one two three
    within across our team candidate candidates role position job opportunity company looking seeking
    will help ensure""".split()
)
# Words that end a candidate phrase but may start one ("ability to" is filler, "build" is not).
_CONJ = frozenset({"and", "or", "as well as", "including", "such as", "e.g.", "i.e.", "etc", "etc.", "plus"})

MAX_WINDOW = 4
MAX_PHRASES_PER_TEXT = 5000  # the cheap prefilter keeps long documents affordable


def clauses(text: str) -> list[tuple[int, int]]:
    """Offsets of clauses: the text split at punctuation, bullets and line breaks."""
    out, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group().lower().rstrip(".")) for m in _WORD.finditer(text[start:end])]


def _runs(words: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Maximal runs of content words (stop words and conjunctions cut them)."""
    runs, cur = [], []
    for w in words:
        if w[2] in STOP_WORDS or w[2] in _CONJ:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        runs.append(cur)
    return runs


def candidate_phrases(text: str, *, max_window: int = MAX_WINDOW, with_bridges: bool = True,
                      min_words: int = 1) -> list[tuple[int, int]]:
    """Candidate skill phrases as ``(start, end)`` offsets, in text order, without duplicates.

    Every run of content words, each window of ``min_words`` to ``max_window`` words inside longer
    runs, and (``with_bridges``) two runs joined across one stop word ("design of experiments").
    """
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int]] = []

    def add(a: int, b: int) -> None:
        if (a, b) not in seen and b > a:
            seen.add((a, b))
            out.append((a, b))

    for c_start, c_end in clauses(text):
        words = _words(text, c_start, c_end)
        runs = _runs(words)
        for run in runs:
            n = len(run)
            if min_words <= n <= max_window:
                add(run[0][0], run[-1][1])
            for size in range(min_words, min(n, max_window) + 1):
                if size == n:
                    continue
                for i in range(0, n - size + 1):
                    add(run[i][0], run[i + size - 1][1])
        if with_bridges:
            index = {w[0]: i for i, w in enumerate(words)}
            for r1, r2 in zip(runs, runs[1:]):
                i1, i2 = index[r1[-1][0]], index[r2[0][0]]
                gap = words[i1 + 1 : i2]
                if len(gap) == 1 and gap[0][2] not in _CONJ:
                    left = r1[-2:] if len(r1) > 1 else r1
                    right = r2[:2]
                    add(left[0][0], right[-1][1])
                    add(r1[-1][0], r2[0][1])
    out.sort()
    return out[:MAX_PHRASES_PER_TEXT]
