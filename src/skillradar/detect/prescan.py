"""``finditer`` for rule regexes that only tries the offsets where a match can start.

Python's ``re`` finds no literal prefix in a case-insensitive pattern, so ``finditer`` runs the whole
pattern at every offset of a 5 KB posting, once per rule. Most rule patterns can only start with one
of a few literal words ("work", "partner", "deploy"): :func:`heads` reads those from the parsed
pattern, ``str.find`` (C speed) lists the offsets where one occurs, and the pattern is matched at
those offsets alone. The matches are the ones ``finditer`` gives, in the same order:

- a match can only start where one of its heads occurs, so no offset that could match is skipped,
  and trying the offsets in order from the end of the last match is what ``finditer`` does;
- ``pattern.match(text, pos)`` sees the text before ``pos``, so look-behinds and ``\\b`` behave alike;
- case-insensitive heads are looked for in ``text.lower()``, which agrees with ``re.IGNORECASE`` on
  ASCII letters for every character but 'İ', 'ı' and 'ſ' (checked over all of Unicode); a text
  holding one of those, or a pattern with no literal head, falls back to ``finditer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

__all__ = ["heads", "finditer", "Prescan"]

_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f")  # İ ı ſ: re.IGNORECASE and str.lower() disagree


def _heads(items) -> set[str]:
    """Literal strings one of which every match of ``items`` starts with ({""}: none known)."""
    prefix = ""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL and av < 128:
            prefix += chr(av)
            continue
        if op is _c.SUBPATTERN and not av[1] and not av[2]:
            inner = _heads(av[3])
        elif op is _c.BRANCH:
            inner = set()
            for branch in av[1]:
                inner |= _heads(branch)
        else:
            inner = {""}
        if "" in inner:
            return {prefix}
        return {prefix + h for h in inner}
    return {prefix}


def heads(pattern: re.Pattern) -> tuple[str, ...] | None:
    """The literal words a match of ``pattern`` must start with (lower case when the pattern ignores
    case), shortest first with those another one starts dropped; None when some match could start
    with anything."""
    found = _heads(_parser.parse(pattern.pattern, pattern.flags))
    if "" in found:
        return None
    if pattern.flags & re.IGNORECASE:
        found = {h.lower() for h in found}
    kept: list[str] = []
    for h in sorted(found, key=len):
        if not any(h.startswith(k) for k in kept):
            kept.append(h)
    return tuple(kept)


class Prescan:
    """A compiled pattern with its heads; :meth:`finditer` is ``pattern.finditer(text)``, faster."""

    __slots__ = ("pattern", "heads", "folded")

    def __init__(self, pattern: re.Pattern) -> None:
        self.pattern = pattern
        self.heads = heads(pattern)
        self.folded = bool(pattern.flags & re.IGNORECASE)

    def finditer(self, text: str, low: str | None = None) -> Iterator[re.Match]:
        """The matches ``self.pattern.finditer(text)`` gives; ``low``: ``text.lower()`` if at hand."""
        if self.heads is None:
            return self.pattern.finditer(text)
        hay = text
        if self.folded:
            hay = text.lower() if low is None else low
            if len(hay) != len(text) or (not text.isascii() and any(c in text for c in _ODD_FOLDS)):
                return self.pattern.finditer(text)
        return _at_offsets(self.pattern, text, _offsets(hay, self.heads))


def _offsets(hay: str, words: tuple[str, ...]) -> list[int]:
    out: list[int] = []
    for w in words:
        i = hay.find(w)
        while i != -1:
            out.append(i)
            i = hay.find(w, i + 1)
    if len(words) > 1:
        out.sort()
    return out


def _at_offsets(pattern: re.Pattern, text: str, offsets: list[int]) -> Iterator[re.Match]:
    last = 0
    for pos in offsets:
        if pos < last:
            continue
        m = pattern.match(text, pos)
        if m is not None:
            last = m.end()
            yield m


def finditer(pattern: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` through a one-off :class:`Prescan` (build one to reuse it)."""
    return Prescan(pattern).finditer(text)
