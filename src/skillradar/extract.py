"""The extraction pipeline: document → lexical (and optionally semantic) detection → context → mentions.

This is the one place that turns text into ``Mention`` records; the CLI, the market ingest, the
assessment and the web API all call it, so their counts agree.
"""

from __future__ import annotations

from pathlib import Path

from . import bounds
from .detect import context as ctx
from .detect.entity import is_role_name
from .detect.lexicon import lexicon_for
from .detect.sections import title_block_end
from .detect.senses import refine_senses
from .detect.verbs import verb_object_hits
from .records import Document, Extraction, Mention
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["extract_document", "extract_text", "extract_path", "KINDS"]

KINDS = ("auto", "posting", "resume")
# Families that, in these parts of a posting, describe the employer rather than name a skill: culture
# words in about-us text ("driving innovation", "empathetic AI"), benefits ("life insurance",
# "private healthcare", "mentoring opportunities") and legal text ("employment decisions").
_CULTURE_SECTIONS = {
    "title": ("soft", "thinking"),
    "about": ("soft", "thinking"),
    "benefits": ("soft", "thinking", "domain"),
    "eeo": ("soft", "thinking", "domain"),
    "apply": ("soft", "thinking", "domain"),
}


def _resolve_taxonomy(taxonomy: Taxonomy | str | Path | None) -> Taxonomy:
    return taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)


def extract_document(
    doc: Document,
    *,
    taxonomy: Taxonomy | str | Path | None = None,
    kind: str | None = None,
    semantic: bool = False,
    fuzzy: bool | None = None,
    max_chars: int | None = bounds.MAX_CHARS,
    max_mentions: int | None = bounds.MAX_MENTIONS,
) -> Extraction:
    """Mentions of taxonomy skills in ``doc``, in text order, each with evidence span and context.

    Args:
        doc: the document (its ``text`` is what offsets index).
        taxonomy: a Taxonomy, a bundled name or a file; default ``genai``.
        kind: ``posting``, ``resume`` or ``auto``/None (from the document, else guessed from cues).
        semantic: also run the offline semantic linker over what the lexicon did not cover
            (needs the ``semantic`` extra).
        fuzzy: also accept one-letter slips in tool and language names ("Kubernets"); None means
            for résumés only, where people type their own (postings are edited, and at corpus scale
            the extra ~0.8 ms per 2.5 KB posting would double the cost for a rare find).
        max_chars, max_mentions: search at most this much text and return at most this many mentions
            (None: no limit); a cut sets ``truncated`` and adds a warning (see ``skillradar.bounds``).
    """
    tax = _resolve_taxonomy(taxonomy)
    full = doc.text
    searched = bounds.search_end(full, max_chars)
    text = full[:searched] if searched < len(full) else full
    if kind in (None, "auto"):
        kind = doc.kind if doc.kind in ("posting", "resume") else ctx.guess_kind(text)
    hits = [(h.skill_id, h.start, h.end, h.method, h.confidence) for h in lexicon_for(tax).find(text)]
    found = len(hits)
    if max_mentions is not None and found > max_mentions:  # stop at the line of the last mention listed
        searched = bounds.line_end(text, hits[max_mentions - 1][2])
        text = full[:searched]
        hits = [h for h in hits if h[2] <= searched]
    # Verb–object phrases ("deploying … models") name what a posting asks for; in a résumé the same
    # words often describe other people's models ("the fleet that serves the ranking models"), which
    # the assessment reads from its own practice sentences instead.
    actions = verb_object_hits(text, tax, [(h[1], h[2]) for h in hits]) if kind == "posting" else []
    if actions:
        hits = sorted(hits + actions, key=lambda h: h[1])
    if fuzzy or (fuzzy is None and kind == "resume"):
        from .detect.fuzzy import fuzzy_index

        slips = fuzzy_index(tax).find(text, [(h[1], h[2]) for h in hits])
        if slips:
            hits = sorted(hits + slips, key=lambda h: h[1])
    if semantic:
        from .detect.semantic import semantic_hits  # optional extra, imported only when asked

        hits = sorted(hits + semantic_hits(text, tax, covered=[(h[1], h[2]) for h in hits]), key=lambda h: h[1])
    if kind == "posting":  # "ML Engineers", "the data science team": roles and teams, not asks
        title_end = title_block_end(text)  # except in the title, whose role says what the job is
        hits = [h for h in hits if h[1] < title_end
                or not is_role_name(text, h[1], h[2], concrete=tax.get(h[0]).type in ("language", "tool"))]
    hits = refine_senses(text, hits, tax)
    contexts = ctx.analyse(text, [(h[1], h[2]) for h in hits], kind=kind)
    kept = len(hits) if max_mentions is None else min(len(hits), max_mentions)
    mentions = []
    for (skill_id, start, end, method, confidence), c in zip(hits[:kept], contexts):
        skill = tax.get(skill_id)
        if c.section in _CULTURE_SECTIONS and skill.family in _CULTURE_SECTIONS[c.section]:
            continue  # "we value innovation", "dental insurance": the employer describing itself
        mentions.append(
            Mention(
                skill_id=skill_id,
                label=skill.label,
                family=skill.family,
                group=skill.group,
                start=start,
                end=end,
                text=text[start:end],
                line=doc.line_of(start),
                page=doc.page_of(start),
                confidence=confidence,
                method=method,
                requirement=c.requirement,
                years=c.years,
                section=c.section,
                demand=c.section not in ctx.NON_DEMAND,
            )
        )
    cut = bounds.truncation_notices(len(full), searched, max(found, len(hits)), kept)
    return Extraction(source=doc.source, kind=kind, chars=len(full), mentions=tuple(mentions),
                      notices=doc.notices + cut, truncated=bool(cut))


def extract_text(
    text: str,
    *,
    source: str = "-",
    kind: str | None = None,
    taxonomy: Taxonomy | str | Path | None = None,
    semantic: bool = False,
    fuzzy: bool | None = None,
) -> Extraction:
    """Mentions in a plain string (what stdin, pasted text and posting corpora give)."""
    from .readers import read_text

    return extract_document(read_text(text, source, kind=kind or "unknown"), taxonomy=taxonomy, kind=kind,
                            semantic=semantic, fuzzy=fuzzy)


def extract_path(
    path: str | Path,
    *,
    kind: str | None = None,
    taxonomy: Taxonomy | str | Path | None = None,
    semantic: bool = False,
    fuzzy: bool | None = None,
) -> Extraction:
    """Mentions in one file (txt, md, html, pdf, docx); raises an InputError subclass when unreadable."""
    from .readers import read_path

    return extract_document(read_path(path, kind=kind or "unknown"), taxonomy=taxonomy, kind=kind,
                            semantic=semantic, fuzzy=fuzzy)
