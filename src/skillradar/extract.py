"""Extraction as functions: thin wrappers over :class:`~skillradar.pipeline.Pipeline`.

The CLI, the market ingest, the assessment and the web API all extract through a Pipeline, so their
counts agree. These functions build one for the taxonomy they are given; that is cheap because the
indexes a pipeline needs stay with the taxonomy once built. Build a Pipeline yourself to choose
detectors or to extract many documents with fixed options.
"""

from __future__ import annotations

from pathlib import Path

from . import bounds
from .pipeline import KINDS, Pipeline
from .records import Document, Extraction
from .taxonomy import Taxonomy

__all__ = ["extract_document", "extract_text", "extract_path", "KINDS"]


def extract_document(
    doc: Document,
    *,
    taxonomy: Taxonomy | str | Path | None = None,
    kind: str | None = None,
    semantic: bool = False,
    phrases: bool = False,
    fuzzy: bool | None = None,
    max_chars: int | None = bounds.MAX_CHARS,
    max_mentions: int | None = bounds.MAX_MENTIONS,
) -> Extraction:
    """Mentions of taxonomy skills in ``doc``, in text order, each with evidence span and context.

    Args:
        doc: the document (its ``text`` is what offsets index).
        taxonomy: a Taxonomy, a bundled name or a file; default ``genai``.
        kind: ``posting``, ``resume`` or ``auto``/None (from the document, else guessed from its words: detect/kind.py).
        semantic: also run the offline semantic detector over what the lexicon did not cover
            (needs the ``semantic`` extra).
        phrases: also find phrased skills ("automate processes") with the learned span model
            (``detect.spans``; needs the ``semantic`` extra).
        fuzzy: also accept one-letter slips in tool and language names ("Kubernets"); None means
            for résumés only, where people type their own (postings are edited, and at corpus scale
            the extra ~0.8 ms per 2.5 KB posting would double the cost for a rare find).
        max_chars, max_mentions: search at most this much text and return at most this many mentions
            (None: no limit); a cut sets ``truncated`` and adds a warning (see ``skillradar.bounds``).
    """
    return Pipeline(taxonomy, semantic=semantic, phrases=phrases, fuzzy=fuzzy, max_chars=max_chars,
                    max_mentions=max_mentions).extract(doc, kind=kind)


def extract_text(
    text: str,
    *,
    source: str = "-",
    kind: str | None = None,
    taxonomy: Taxonomy | str | Path | None = None,
    semantic: bool = False,
    phrases: bool = False,
    fuzzy: bool | None = None,
    language_check: bool = True,
) -> Extraction:
    """Mentions in a plain string (what stdin, pasted text and posting corpora give).

    ``language_check=False``: no not-English notice (for callers that read only the mentions)."""
    return Pipeline(taxonomy, semantic=semantic, phrases=phrases, fuzzy=fuzzy).extract_text(
        text, source=source, kind=kind, language_check=language_check)


def extract_path(
    path: str | Path,
    *,
    kind: str | None = None,
    taxonomy: Taxonomy | str | Path | None = None,
    semantic: bool = False,
    phrases: bool = False,
    fuzzy: bool | None = None,
) -> Extraction:
    """Mentions in one file (txt, md, html, pdf, docx); raises an InputError subclass when unreadable."""
    return Pipeline(taxonomy, semantic=semantic, phrases=phrases, fuzzy=fuzzy).extract_path(path, kind=kind)
