"""The one contract every detector keeps, so the pipeline can run any list of them in order.

A detector is built once per taxonomy and then asked, document after document, for the skills it
sees outside the spans earlier detectors already took::

    detector.find(doc, covered) -> list[Hit]

``doc`` is a :class:`Scan` (the text to search and whether it is a posting or a résumé); ``covered``
holds ``(start, end)`` spans already claimed, which a detector must not overlap. Hits carry offsets
into ``doc.text``, so ``doc.text[start:end]`` is the evidence as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple, Protocol, runtime_checkable

__all__ = ["Hit", "Scan", "Detector", "outside"]


class Hit(NamedTuple):
    """A raw hit before context (a tuple: made by the thousand per corpus, so cheap construction matters).

    ``method`` says how it was found (``exact``, ``alias``, ``fuzzy``, ``semantic``); ``ambiguous``
    and ``exact_case`` are the lexicon's notes on names that are also ordinary words."""

    skill_id: str
    start: int
    end: int
    method: str
    confidence: float
    ambiguous: bool = False
    exact_case: bool = True


class Scan(NamedTuple):
    """What a detector reads: the searched text and its kind (``posting`` or ``resume``)."""

    text: str
    kind: str


@runtime_checkable
class Detector(Protocol):
    """Finds skills in a document; ``kinds`` lists the document kinds it runs on by default
    (an empty tuple: every kind)."""

    name: str
    kinds: tuple[str, ...]

    def find(self, doc: Scan, covered: Sequence[tuple[int, int]]) -> list[Hit]: ...


def outside(hits: Sequence[Hit], covered: Sequence[tuple[int, int]]) -> list[Hit]:
    """The hits that overlap no covered span."""
    if not covered:
        return list(hits)
    return [h for h in hits if not any(s < h.end and h.start < e for s, e in covered)]
