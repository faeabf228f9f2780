"""Folding text for matching while keeping a map back to the original offsets.

Matching runs on a folded copy (lower case, every run of white space and hyphens turned into one
space, typographic dashes and quotes unified). ``fold_with_map`` returns the folded text plus, for
each folded character, the offset of the original character it came from, so a match in the folded
copy maps back to an exact span of the original.
"""

from __future__ import annotations

import re

__all__ = ["fold", "fold_with_map", "SEPARATORS"]

# Characters that separate words the same way: all white space and the hyphen family.
SEPARATORS = frozenset(" \t\n\r\f\v\u00a0\u2007\u202f\u2009\u200a\u2002\u2003-\u2010\u2011\u2012\u2013\u00ad")
_SAME = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-"}


_TABLE = {ord(c): " " for c in SEPARATORS}
_TABLE.update({ord(k): v for k, v in _SAME.items()})
_RUNS = re.compile(r" {2,}")


def fold_with_map(text: str):
    """Fold ``text`` and return ``(folded, origin)`` where ``origin[i]`` indexes ``text``.

    Fast path: translate and lower-case in C, then drop the extra spaces of each separator run;
    when lower-casing changes the length (a few rare letters), fall back to the character loop.
    """
    low = text.translate(_TABLE).lower()
    if len(low) != len(text):
        return _fold_slow(text)
    runs = [(m.start() + 1, m.end()) for m in _RUNS.finditer(low)]
    if not runs:
        return low, range(len(text) + 1)
    origin: list[int] = []
    prev = 0
    for a, b in runs:
        origin.extend(range(prev, a))
        prev = b
    origin.extend(range(prev, len(text) + 1))
    return _RUNS.sub(" ", low), origin


def _fold_slow(text: str) -> tuple[str, list[int]]:
    """Fold ``text`` and return ``(folded, origin)`` where ``origin[i]`` indexes ``text``.

    ``origin`` has one extra trailing entry equal to ``len(text)`` so that an exclusive end offset in
    the folded text maps back too. Leading and trailing separators are kept as one space each, so
    word boundaries at the edges stay visible.
    """
    out: list[str] = []
    origin: list[int] = []
    in_sep = False
    for i, ch in enumerate(text):
        if ch in SEPARATORS:
            if not in_sep:
                out.append(" ")
                origin.append(i)
                in_sep = True
            continue
        in_sep = False
        ch = _SAME.get(ch, ch)
        low = ch.lower()
        if len(low) != 1:  # e.g. 'İ'.lower() is two code points: keep one to keep the map 1:1
            low = ch
        out.append(low)
        origin.append(i)
    origin.append(len(text))
    return "".join(out), origin


def fold(text: str) -> str:
    """Folded form of a phrase, for lookups: ``fold('Retrieval-Augmented  Generation')`` →
    ``'retrieval augmented generation'``."""
    return fold_with_map(text.strip())[0].strip()
