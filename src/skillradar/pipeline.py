"""The pipeline: one object built from a taxonomy that turns documents into mentions, links phrases,
assesses résumés and ranks them.

Like spaCy's ``nlp``, it is built once and then applied many times::

    >>> from skillradar import Pipeline
    >>> nlp = Pipeline()                      # the bundled taxonomy, the default detectors
    >>> [m.label for m in nlp.extract_text("Experience with Pytorch and SQL", kind="posting").mentions]
    ['PyTorch', 'SQL']
    >>> nlp.detectors
    ('lexicon', 'verbs', 'fuzzy')

It holds the taxonomy and, built from it once, the detectors (a named, ordered list: see
``detect.registry``); the taxonomy keeps the indexes they share (lexicon, fuzzy index, skill
index). The module-level functions (``extract_text``, ``assess`` …) are thin wrappers that build a
pipeline for the taxonomy they are given, which costs little because those indexes stay with it.
Options are fixed at construction: there are no process-wide switches.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from pathlib import Path

from . import bounds
from .detect import context as ctx
from .detect.base import Detector, Hit, Scan
from .detect.entity import is_role_name, people_list_spans
from .detect.kind import guess_kind
from .detect.registry import DEFAULT_DETECTORS, build_detector
from .detect.sections import title_block_end
from .detect.senses import refine_senses
from .records import Document, Extraction, Mention
from .taxonomy import Taxonomy, load_taxonomy

__all__ = ["Pipeline", "KINDS"]

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


def _inside(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies inside one of ``spans`` (sorted by start; ``starts`` their starts)."""
    i = bisect.bisect_right(starts, start) - 1
    while i >= 0 and start - spans[i][0] <= 200:  # a list is at most 140 characters long
        if end <= spans[i][1]:
            return True
        i -= 1
    return False


class Pipeline:
    """Extraction, linking, assessment and ranking over one taxonomy.

    Args:
        taxonomy: a Taxonomy, a bundled name or a file; default ``genai``.
        detectors: detector names, run in this order (default ``lexicon, verbs, fuzzy``, plus
            ``semantic`` when ``semantic=True``); an unknown name raises UnknownDetector listing the
            valid ones. Each detector runs on the document kinds it declares.
        detector_options: keyword options per detector name, given to its factory
            (``{"semantic": {"rescore": True}}``).
        semantic: add the offline semantic detector (needs the ``semantic`` extra).
        phrases: add the phrased-skill detector (``detect.spans``; needs the ``semantic`` extra),
            run before the semantic one.
        fuzzy: one-letter slips in tool names: None runs them on résumés only, True on every
            document, False never.
        max_chars, max_mentions: search at most this much text and return at most this many
            mentions (None: no limit); a cut sets ``truncated`` and adds a notice (see ``bounds``).
    """

    def __init__(
        self,
        taxonomy: Taxonomy | str | Path | None = None,
        *,
        detectors: Sequence[str] | None = None,
        detector_options: dict[str, dict] | None = None,
        semantic: bool = False,
        phrases: bool = False,
        fuzzy: bool | None = None,
        max_chars: int | None = bounds.MAX_CHARS,
        max_mentions: int | None = bounds.MAX_MENTIONS,
    ) -> None:
        self.taxonomy = load_taxonomy(taxonomy)
        names = list(DEFAULT_DETECTORS if detectors is None else detectors)
        if phrases and "phrases" not in names:
            names.append("phrases")
        if semantic and "semantic" not in names:
            names.append("semantic")
        if fuzzy is False and "fuzzy" in names:
            names.remove("fuzzy")
        options = detector_options or {}
        self._detectors: list[Detector] = [build_detector(n, self.taxonomy, **options.get(n, {})) for n in names]
        self._all_kinds = {"fuzzy"} if fuzzy else set()  # fuzzy=True: slips in postings too
        self.max_chars = max_chars
        self.max_mentions = max_mentions

    @property
    def detectors(self) -> tuple[str, ...]:
        """The names of the detectors this pipeline runs, in order."""
        return tuple(d.name for d in self._detectors)

    def __repr__(self) -> str:
        return f"Pipeline(taxonomy={self.taxonomy.name!r}, detectors={list(self.detectors)})"

    # ------------------------------------------------------------------------------ extraction

    def _runs_on(self, detector: Detector, kind: str) -> bool:
        return not detector.kinds or kind in detector.kinds or detector.name in self._all_kinds

    def extract(self, doc: Document, *, kind: str | None = None) -> Extraction:
        """Mentions of taxonomy skills in ``doc``, in text order, each with evidence span and context.

        ``kind``: ``posting``, ``resume`` or ``auto``/None (from the document, else guessed from its words: detect/kind.py).
        """
        tax = self.taxonomy
        full = doc.text
        searched = bounds.search_end(full, self.max_chars)
        text = full[:searched] if searched < len(full) else full
        if kind in (None, "auto"):
            kind = doc.kind if doc.kind in ("posting", "resume") else guess_kind(text)
        hits: list[Hit] = []
        found = 0
        for i, detector in enumerate(self._detectors):
            if not self._runs_on(detector, kind):
                continue
            new = detector.find(Scan(text, kind), [(h.start, h.end) for h in hits])
            if i == 0:
                found = len(new)
                if self.max_mentions is not None and found > self.max_mentions:
                    # stop at the line of the last mention listed
                    searched = bounds.line_end(text, new[self.max_mentions - 1].end)
                    text = full[:searched]
                    new = [h for h in new if h.end <= searched]
            if new:
                hits = sorted(hits + new, key=lambda h: h.start) if hits else list(new)
        if kind == "posting":  # "ML Engineers", "the data science team": roles and teams, not asks
            title_end = title_block_end(text)  # except in the title, whose role says what the job is
            hits = [h for h in hits if h.start < title_end
                    or not is_role_name(text, h.start, h.end, concrete=tax.get(h.skill_id).type in ("language", "tool"))]
            # "work closely with Marketing, Sales and Product": the people worked with, not asks
            people = people_list_spans(text)
            if people:
                starts = [s for s, _e in people]
                hits = [h for h in hits if not _inside(people, starts, h.start, h.end)
                        or tax.get(h.skill_id).type in ("language", "tool", "soft")]
        hits = refine_senses(text, hits, tax)
        contexts = ctx.analyse(text, [(h.start, h.end) for h in hits], kind=kind)
        kept = len(hits) if self.max_mentions is None else min(len(hits), self.max_mentions)
        mentions = []
        for hit, c in zip(hits[:kept], contexts):
            skill = tax.get(hit.skill_id)
            if c.section in _CULTURE_SECTIONS and skill.family in _CULTURE_SECTIONS[c.section]:
                continue  # "we value innovation", "dental insurance": the employer describing itself
            mentions.append(Mention(
                skill_id=hit.skill_id, label=skill.label, family=skill.family, group=skill.group,
                start=hit.start, end=hit.end, text=text[hit.start:hit.end], line=doc.line_of(hit.start),
                page=doc.page_of(hit.start), confidence=hit.confidence, method=hit.method,
                requirement=c.requirement, years=c.years, section=c.section,
                demand=c.section not in ctx.NON_DEMAND,
            ))
        # mentions found: the first detector's count only when it hit the cap (the filters above drop
        # role names and other senses, which is no truncation)
        capped = self.max_mentions is not None and found > self.max_mentions
        cut = bounds.truncation_notices(len(full), searched, max(found, len(hits)) if capped else len(hits), kept)
        return Extraction(source=doc.source, kind=kind, chars=len(full), mentions=tuple(mentions),
                          notices=doc.notices + cut, truncated=bool(cut))

    def extract_text(self, text: str, *, source: str = "-", kind: str | None = None,
                     language_check: bool = True) -> Extraction:
        """Mentions in a plain string (what stdin, pasted text and posting corpora give);
        ``language_check=False`` leaves out the not-English notice."""
        from .readers import read_text

        return self.extract(read_text(text, source, kind=kind or "unknown", language_check=language_check), kind=kind)

    def extract_path(self, path: str | Path, *, kind: str | None = None) -> Extraction:
        """Mentions in one file (txt, md, html, pdf, docx); raises an InputError subclass when unreadable."""
        from .readers import read_path

        return self.extract(read_path(path, kind=kind or "unknown"), kind=kind)

    # ------------------------------------------------------------------- linking, assessment, ranking

    def link(self, phrases: Sequence[str], *, top_k: int = 10, model: str | None = None, **weights) -> list[dict]:
        """ESCO-style linking: the ``top_k`` taxonomy skills closest to each phrase (see ``link``);
        ``model`` (default: the ESCO-tuned encoder shipped in the package) or ``minilm``."""
        from .link import LINK_MODEL, link  # embeddings load only when linking is asked for

        return link(phrases, taxonomy=self.taxonomy, top_k=top_k, model=model or LINK_MODEL, **weights)

    def assess(self, resume, *, posting=None, role: str | None = None, **options):
        """Assess a résumé (path or Document) against a posting or a role.

        Options: ``db`` (a market database: measured roles and demand for gap order), ``target`` (a
        prebuilt Target), ``today`` (reference date for recency), ``plan`` (build the learning plan).
        Returns an :class:`~skillradar.assess.Assessment`.
        """
        from .assess import api  # assessment loads only when asked: extraction does not need it

        return api.assess(resume, pipeline=self, posting=posting, role=role, **options)

    def rank(self, resumes: Iterable, *, posting=None, role: str | None = None, **options):
        """Rank résumés for one posting or role, best first: a :class:`~skillradar.assess.Ranking` of
        the ranked rows, the résumés that could not be read (with their errors) and, with ``groups=``,
        the fairness audit; ``to_dict()`` is what ``skillradar rank --format json`` prints. Options:
        ``db``, ``top``, ``today``, ``on_error``, ``must`` (skills a résumé must show), ``groups``,
        ``min_group``, ``select_top``, ``select_share`` (see ``skillradar.assess.ranking.rank``)."""
        from .assess import ranking

        return ranking.rank(resumes, pipeline=self, posting=posting, role=role, **options)

    def target(self, *, posting=None, role: str | None = None, **options):
        """The target skills of a posting (path or Document) or a role (curated, or measured with
        ``db=``); ``count_boilerplate=True`` also takes skills named only in about-us or benefits text."""
        from .assess import api

        return api.build_target(pipeline=self, posting=posting, role=role, **options)
