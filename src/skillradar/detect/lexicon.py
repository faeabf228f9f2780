"""Lexical matching of taxonomy labels and aliases with Aho–Corasick, leftmost-longest, exact spans.

Matching runs over a folded copy of the text (see ``textnorm``) so "Retrieval-Augmented  Generation"
and "retrieval augmented generation" meet the same entry; every hit is mapped back to the original
offsets, so ``text[start:end]`` is always the evidence as written.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import NamedTuple

import ahocorasick

from ..taxonomy.model import Taxonomy
from ..textnorm import fold, fold_with_map
from .ambiguity import everyday_use, list_links, technical_evidence

__all__ = ["Hit", "Lexicon", "lexicon_for"]


class Hit(NamedTuple):
    """A raw lexical hit before context: offsets into the original text (a tuple: made by the
    thousand per corpus, so cheap construction matters)."""

    skill_id: str
    start: int
    end: int
    method: str  # "exact" (the label) or "alias"
    confidence: float
    ambiguous: bool
    exact_case: bool = True


@dataclass(frozen=True, slots=True)
class _Entry:
    skill_id: str
    method: str
    form: str  # the surface form as written in the taxonomy (for case-sensitive ambiguous forms)
    ambiguous: bool


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Lexicon:
    """An automaton over every label and alias of one taxonomy. Build once, reuse for many texts."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, _Entry] = {}
        for skill in taxonomy.skills:
            ambiguous = {fold(a) for a in skill.ambiguous}
            for method, form in [("exact", skill.label)] + [("alias", a) for a in skill.aliases]:
                key = fold(form)
                if not key or key in entries:
                    continue  # first claimant wins; validate reports the clash
                entries[key] = _Entry(skill.id, method, form.strip(), key in ambiguous)
        # One-character forms ("R", "C") would fire at every letter in the automaton; they are found
        # with str.find on the original text instead (case-exact when ambiguous).
        self._single: list[tuple[str, _Entry]] = []
        for key, entry in entries.items():
            if len(key) == 1:
                self._single.append((entry.form if entry.ambiguous else key, entry))
            else:
                self._automaton.add_word(key, (len(key), entry))
        self.size = len(entries)
        self._has_automaton = len(entries) > len(self._single)
        if self._has_automaton:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """All accepted hits in ``text``, leftmost-longest, non-overlapping, in text order."""
        if not self.size or not text:
            return []
        folded, origin = fold_with_map(text)
        candidates: list[tuple[int, int, _Entry]] = []
        n = len(folded)
        matches = self._automaton.iter(folded) if self._has_automaton else ()
        for end_idx, (length, entry) in matches:
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0:
                ch = folded[start - 1]
                if ch.isalnum() or ch == "_":
                    continue  # (?<!\w) semantics: "ML" is not found inside "HTML"
            if end < n:
                ch = folded[end]
                if ch.isalnum() or ch == "_":
                    continue  # (?!\w) semantics: "C++" is not found inside "C++11"
            candidates.append((start, end, entry))
        for form, entry in self._single:
            hay = text if entry.ambiguous else folded
            i = hay.find(form)
            while i != -1:
                if not ((i > 0 and _is_word(hay[i - 1])) or (i + 1 < len(hay) and _is_word(hay[i + 1]))):
                    f = i if hay is folded else _folded_index(origin, i)
                    candidates.append((f, f + 1, entry))
                i = hay.find(form, i + 1)
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        hits: list[Hit] = []
        last_end = -1
        for start, end, entry in candidates:
            if start < last_end:
                continue
            o_start, o_end = origin[start], origin[end - 1] + 1
            exact_case = True
            if entry.ambiguous:
                written = text[o_start:o_end]
                if written != entry.form:
                    # "go", "kafka": a lower-case writing of a capitalised form may still be the tool, but
                    # needs stronger evidence; all-caps forms ("R", "REST", "BERT") count only as written.
                    if entry.form.isupper() or not written.islower():
                        continue
                    exact_case = False
            last_end = end
            hits.append(Hit(entry.skill_id, o_start, o_end, entry.method, _confidence(entry, o_end - o_start),
                            entry.ambiguous, exact_case))
        return _resolve_ambiguous(text, hits)


def _folded_index(origin, offset: int) -> int:
    """Index in the folded text of the character at ``offset`` of the original text."""
    if isinstance(origin, range):
        return offset
    import bisect

    return bisect.bisect_left(origin, offset)


def _confidence(entry: _Entry, length: int) -> float:
    base = 0.99 if entry.method == "exact" else 0.95
    if length <= 2:
        base -= 0.05
    return base


def _resolve_ambiguous(text: str, hits: list[Hit]) -> list[Hit]:
    """Keep an ambiguous hit only where its context says it means the technology.

    Written as in the taxonomy ("Spark"), a form needs a listed neighbour or a cue word nearby; its
    neighbours may be plain hits or other ambiguous ones not used in an everyday sense ("Spark and
    Kafka" vouch for each other, "go to market" vouches for nothing). Written in lower case
    ("kafka"), it needs a listed neighbour that is itself accepted, found by spreading acceptance
    along lists. Only the hits listed next to each one are ever looked at (``list_links``), so the
    cost is linear in the number of hits, however long the text or its lines.
    """
    if not any(h.ambiguous for h in hits):
        return hits
    links = list_links(text, hits)
    everyday = {i for i, h in enumerate(hits) if h.ambiguous and everyday_use(text, h.start, h.end)}
    vouches = [not h.ambiguous or (h.exact_case and i not in everyday) for i, h in enumerate(hits)]
    accepted: dict[int, Hit] = {}
    for i, h in enumerate(hits):
        if not h.ambiguous:
            accepted[i] = h
        elif h.exact_case and i not in everyday:
            verdict = technical_evidence(text, h.start, h.end, [hits[j] for j in links[i] if vouches[j]])
            if verdict is not None:
                accepted[i] = h._replace(confidence=verdict)
    # An accepted ambiguous hit vouches like a plain one, so acceptance runs along a list: in "AWS,
    # Azure, Snowflake or Tableau" Azure vouches for Snowflake, and Snowflake then for Tableau.
    waiting = {i for i, h in enumerate(hits) if h.ambiguous and h.exact_case and i not in accepted
               and i not in everyday}
    _spread(accepted, waiting, links, lambda i, j: hits[i]._replace(confidence=0.85))
    # Lower-case writings ("kafka") count only next to an accepted neighbour; an ambiguous one vouches
    # only with a cue word near the lower-case form.
    pending = {i for i, h in enumerate(hits) if h.ambiguous and not h.exact_case and i not in everyday}

    def lower_case(i: int, j: int) -> Hit | None:
        verdict = technical_evidence(text, hits[i].start, hits[i].end, [accepted[j]], listed_only=True)
        return None if verdict is None else hits[i]._replace(confidence=verdict - 0.1)

    _spread(accepted, pending, links, lower_case)
    return [accepted[i] for i in sorted(accepted)]


def _spread(accepted: dict[int, Hit], candidates: set[int], links: list[list[int]], accept) -> None:
    """Accept candidates listed next to accepted hits, repeatedly (each link is followed once).

    ``accept(i, j)`` gives candidate ``i``'s hit when accepted neighbour ``j`` vouches for it, or None.
    """
    queue = list(accepted)
    while queue and candidates:
        j = queue.pop()
        for i in links[j]:
            if i in candidates:
                hit = accept(i, j)
                if hit is not None:
                    accepted[i] = hit
                    candidates.discard(i)
                    queue.append(i)


@functools.lru_cache(maxsize=8)
def lexicon_for(taxonomy: Taxonomy) -> Lexicon:
    """A lexicon per taxonomy object (hashed by identity), built once per process."""
    return Lexicon(taxonomy)
