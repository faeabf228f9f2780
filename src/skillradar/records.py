"""Typed records that flow between the stages (frozen dataclasses, no behaviour beyond lookups)."""

from __future__ import annotations

import bisect
from array import array
from dataclasses import dataclass, field

__all__ = ["Notice", "Document", "Mention", "Extraction", "REQUIREMENTS", "METHODS", "FAMILIES"]

#: The five families of the bundled taxonomy (``taxonomy/data/genai/taxonomy.yaml`` declares them; a test
#: checks that they agree). Code that has a taxonomy in hand reads its families from it
#: (``Taxonomy.family_ids``); this fixed list is for what comes before any taxonomy is loaded: CLI
#: option choices, the market database's filters, and the assessment of a taxonomy that declares none.
FAMILIES = ("technical", "data", "thinking", "soft", "domain")
METHODS = ("exact", "alias", "fuzzy", "semantic")
REQUIREMENTS = ("required", "preferred", "negated")


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning attached to a result (``unsupported_language``, ``ocr_needed`` …)."""

    code: str
    message: str

    def to_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True, slots=True)
class Document:
    """Text read from one input, with what is needed to map an offset back to page and line.

    ``text`` is exactly what ``skillradar text`` prints; every offset in the project indexes it.
    ``page_starts`` holds the offset where each page begins (PDF only, else empty). Line starts are
    found on the first ``line_of`` call and kept as a compact array (a text of a million short lines
    would otherwise hold a million Python ints).
    """

    source: str
    text: str
    format: str = "txt"
    kind: str = "unknown"
    page_starts: tuple[int, ...] = ()
    notices: tuple[Notice, ...] = ()
    _line_starts: tuple[int, ...] | array = field(default=(), repr=False, compare=False)

    def line_of(self, offset: int) -> int:
        """1-based line number of ``offset`` (lines split on ``\\n``)."""
        if not self._line_starts:
            starts = array("q", [0])
            text = self.text
            i = text.find("\n")
            while i != -1:
                starts.append(i + 1)
                i = text.find("\n", i + 1)
            object.__setattr__(self, "_line_starts", starts)
        return bisect.bisect_right(self._line_starts, offset)

    def page_of(self, offset: int) -> int | None:
        """1-based page number of ``offset``, or None for formats without pages."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, offset)


@dataclass(frozen=True, slots=True)
class Mention:
    """One skill found in a text, with its exact evidence span and its context."""

    skill_id: str
    label: str
    family: str
    group: str
    start: int
    end: int
    text: str
    line: int
    page: int | None
    confidence: float
    method: str
    requirement: str | None = None
    years: float | None = None
    section: str | None = None
    demand: bool = True  # False in a posting's about-us, benefits, EEO or how-to-apply text

    def to_dict(self) -> dict:
        # Written out: dataclasses.asdict deep-copies every field and was most of the CLI's time.
        return {
            "skill_id": self.skill_id, "label": self.label, "family": self.family, "group": self.group,
            "start": self.start, "end": self.end, "text": self.text, "line": self.line, "page": self.page,
            "confidence": self.confidence, "method": self.method, "requirement": self.requirement,
            "years": self.years, "section": self.section, "demand": self.demand,
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """What ``extract`` returns for one input: the document's size, its mentions and notices."""

    source: str
    kind: str
    chars: int
    mentions: tuple[Mention, ...]
    notices: tuple[Notice, ...] = ()
    truncated: bool = False  # the text was searched only in part, or the mentions were cut (see notices)

    def to_dict(self) -> dict:
        out = {
            "source": self.source,
            "kind": self.kind,
            "chars": self.chars,
            "mentions": [m.to_dict() for m in self.mentions],
        }
        if self.truncated:
            out["truncated"] = True
        if self.notices:
            out["warnings"] = [n.to_dict() for n in self.notices]
        return out
