"""How much of one document extraction searches, and how many mentions it returns.

Extraction costs time and memory in proportion to the text (linearly), and its answer grows with
the mentions found; an absurd or hostile input (a 10 MB paste, "Python, Python, …" for pages) must
neither hold a server for minutes nor answer with hundreds of megabytes. So extraction searches at
most :data:`MAX_CHARS` characters of a document (cut at white space, so no word is split) and
returns at most :data:`MAX_MENTIONS` mentions, the first in text order. Either cut sets the
result's ``truncated`` flag and adds a ``truncated`` warning saying where it stopped. Past the
mention limit the context rules (sections, clauses, years) run only up to the end of the line of the
last mention listed, so their memory is bounded too, and the mentions listed are exactly those of an
unbounded run. Real postings and résumés are 2–50 KB with tens of mentions, far below both.
"""

from __future__ import annotations

from .records import Notice

__all__ = ["MAX_CHARS", "MAX_MENTIONS", "search_end", "line_end", "truncation_notices"]

MAX_CHARS = 500_000  # about 250 pages
MAX_MENTIONS = 5_000
_BACKTRACK = 200  # how far back from the limit a white space is looked for


def search_end(text: str, max_chars: int | None) -> int:
    """Offset where searching ``text`` stops: its end, or the last white space before ``max_chars``."""
    if max_chars is None or len(text) <= max_chars:
        return len(text)
    lo = max(0, max_chars - _BACKTRACK)
    cut = max(text.rfind(ch, lo, max_chars) for ch in (" ", "\n", "\t"))
    return cut if cut > 0 else max_chars


def line_end(text: str, offset: int) -> int:
    """End of the line holding ``offset`` (the offset of its newline, or the text's end)."""
    nl = text.find("\n", offset)
    return len(text) if nl == -1 else nl


def truncation_notices(chars: int, searched: int, found: int, kept: int) -> tuple[Notice, ...]:
    """The ``truncated`` warnings for a document of ``chars`` characters searched up to ``searched``,
    where ``kept`` of ``found`` mentions are returned."""
    out = []
    if searched < chars:
        out.append(Notice("truncated", f"the text has {chars:,} characters; only the first {searched:,} were "
                                       "searched: split the document to search the rest"))
    if kept < found:
        out.append(Notice("truncated", f"{found:,} mentions were found; only the first {kept:,} (in text order) "
                                       "are listed: split the document to see the rest"))
    return tuple(out)
