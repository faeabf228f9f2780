"""Typo-tolerant matching of tool and language names ("Kubernets", "Terrafrom", "Pyhton").

Only names of tools and languages of seven letters or more take part: a one-letter slip in such a
name is almost always that name, while in everyday words ("embedding", "learning") it is not. A
word of the text matches when it is one edit away (a letter dropped, added, changed, or two
neighbours swapped, never in the first two letters) from exactly one such name, is not itself spelled like
any skill, and the lexicon did not already cover it. Lookups use
a symmetric-deletion index, so a word costs a handful of dictionary probes, not a scan of the names.
"""

from __future__ import annotations

import bisect
import re

from ..taxonomy.model import Taxonomy

__all__ = ["FuzzyIndex", "fuzzy_index", "MIN_LENGTH", "CONFIDENCE"]

MIN_LENGTH = 7
CONFIDENCE = 0.7
_TYPES = ("tool", "language")
_WORD = re.compile(r"[A-Za-z]{%d,}" % (MIN_LENGTH - 1))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one insertion, deletion, substitution or swap."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


class FuzzyIndex:
    """One-edit lookups over the taxonomy's tool and language names."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        names: dict[str, set[str]] = {}
        # every written form of every skill: a word spelled like one is the lexicon's to accept or refuse
        # (an ambiguous "Mistral" it refused must not come back as a "typo" of "Mixtral")
        self._forms = {f.lower() for s in taxonomy.skills for f in (s.label, *s.aliases)}
        for skill in taxonomy.skills:
            if skill.type not in _TYPES:
                continue
            ambiguous = {a.lower() for a in skill.ambiguous}
            for form in (skill.label, *skill.aliases):
                key = form.lower()
                if len(key) >= MIN_LENGTH and key.isalpha() and key not in ambiguous:
                    names.setdefault(key, set()).add(skill.id)
        self.names = {k: v for k, v in names.items() if len(v) == 1}
        self._prefixes = {k[:2] for k in self.names}  # a cheap first filter: most words share none
        # a word more than one letter longer than every name is no slip (and its deletions would cost
        # the square of its length: a hostile 1 MB "word" must not)
        self._max_len = max((len(k) for k in self.names), default=0) + 1
        self._by_deletion: dict[str, set[str]] = {}
        for key in self.names:
            for variant in _deletions(key) | {key}:
                self._by_deletion.setdefault(variant, set()).add(key)

    def lookup(self, word: str) -> str | None:
        """The skill id whose name is one edit from ``word``, or None (none, or more than one)."""
        w = word.lower()
        if len(w) > self._max_len or w[:2] not in self._prefixes or w in self._forms:
            return None  # spelled like a skill: the lexicon's business
        keys: set[str] = set()
        for variant in _deletions(w) | {w}:
            keys |= self._by_deletion.get(variant, set())
        # slips rarely hit the first letters; requiring the first two keeps "Studio" from being "RStudio"
        skills = {next(iter(self.names[k])) for k in keys if k[:2] == w[:2] and _one_edit(w, k)}
        return skills.pop() if len(skills) == 1 else None

    def find(self, text: str, covered: list[tuple[int, int]]) -> list[tuple[str, int, int, str, float]]:
        """``(skill_id, start, end, "fuzzy", confidence)`` for misspelt names outside ``covered``."""
        if not self.names:
            return []
        starts = [c[0] for c in covered]
        out = []
        for m in _WORD.finditer(text):
            a, b = m.span()
            i = bisect.bisect_right(starts, a) - 1
            if (i >= 0 and covered[i][1] > a) or (i + 1 < len(covered) and covered[i + 1][0] < b):
                continue
            skill_id = self.lookup(m.group(0))
            if skill_id is not None:
                out.append((skill_id, a, b, "fuzzy", CONFIDENCE))
        return out


def fuzzy_index(taxonomy: Taxonomy) -> FuzzyIndex:
    """The taxonomy's fuzzy index, built on first use and kept with the taxonomy."""
    return taxonomy.derived("fuzzy", lambda: FuzzyIndex(taxonomy))
