"""Detectors by name: the built-in ones and any a user registers.

``Pipeline(detectors=[...])`` names the detectors to run, in order; each is built once from the
taxonomy by the factory registered under its name. A name nobody registered is an error that lists
the valid ones, so a typo never silently runs fewer detectors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..choices import unknown_choice
from ..errors import UnknownDetector
from ..taxonomy.model import Taxonomy
from .base import Detector, Hit, Scan, outside
from .fuzzy import fuzzy_index
from .lexicon import lexicon_for
from .verbs import verb_object_hits

__all__ = ["register_detector", "detector_names", "build_detector", "DEFAULT_DETECTORS"]

Factory = Callable[..., Detector]  # factory(taxonomy, **options)
_FACTORIES: dict[str, Factory] = {}
# What runs when nobody names detectors: the lexicon, verb–object phrases (postings) and one-letter
# slips in tool names (résumés). ``semantic`` is opt-in: it needs the extra and is slower.
DEFAULT_DETECTORS = ("lexicon", "verbs", "fuzzy")


def register_detector(name: str, factory: Factory, *, replace: bool = False) -> None:
    """Make ``factory(taxonomy, **options) -> Detector`` available as ``name``; ``replace`` to override one."""
    if name in _FACTORIES and not replace:
        raise ValueError(f"a detector named '{name}' is already registered (pass replace=True to override it)")
    _FACTORIES[name] = factory


def detector_names() -> tuple[str, ...]:
    return tuple(_FACTORIES)


def build_detector(name: str, taxonomy: Taxonomy, **options) -> Detector:
    """The detector registered as ``name``, built for ``taxonomy`` with its ``options``;
    UnknownDetector lists the valid names."""
    factory = _FACTORIES.get(name)
    if factory is None:
        raise UnknownDetector(unknown_choice("detector", name, _FACTORIES), params=("detector",))
    return factory(taxonomy, **options)


class LexiconDetector:
    """Taxonomy labels and aliases as written (see ``lexicon``)."""

    name = "lexicon"
    kinds: tuple[str, ...] = ()

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.lexicon = lexicon_for(taxonomy)

    def find(self, doc: Scan, covered: Sequence[tuple[int, int]]) -> list[Hit]:
        return outside(self.lexicon.find(doc.text), covered)


class VerbObjectDetector:
    """Actions on objects with words between ("deploying … models"). Postings only: in a résumé the
    same words often describe other people's systems, which the assessment reads from its own
    practice sentences instead."""

    name = "verbs"
    kinds: tuple[str, ...] = ("posting",)

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    def find(self, doc: Scan, covered: Sequence[tuple[int, int]]) -> list[Hit]:
        return [Hit(*h) for h in verb_object_hits(doc.text, self.taxonomy, list(covered))]


class FuzzyDetector:
    """One-letter slips in tool and language names ("Kubernets"). Résumés by default: people type
    their own, while postings are edited and the extra cost per posting buys a rare find."""

    name = "fuzzy"
    kinds: tuple[str, ...] = ("resume",)

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.index = fuzzy_index(taxonomy)

    def find(self, doc: Scan, covered: Sequence[tuple[int, int]]) -> list[Hit]:
        return [Hit(*h) for h in self.index.find(doc.text, list(covered))]


class SemanticDetector:
    """Paraphrased skills by sentence embeddings (the ``semantic`` extra; MissingExtra without it).
    ``rescore``: re-score the prefiltered phrases with the full model (slower; see ``semantic``)."""

    name = "semantic"
    kinds: tuple[str, ...] = ()

    def __init__(self, taxonomy: Taxonomy, *, rescore: bool = False) -> None:
        from .semantic import semantic_hits  # the optional extra loads only when this detector is built

        self.taxonomy = taxonomy
        self.rescore = rescore
        self._hits = semantic_hits

    def find(self, doc: Scan, covered: Sequence[tuple[int, int]]) -> list[Hit]:
        return [Hit(*h) for h in self._hits(doc.text, self.taxonomy, covered=list(covered), rescore=self.rescore)]


class PhraseSpanDetector:
    """Phrased skills ("automate processes", "Agile environment"): chunker candidates kept by a small
    learned model over the ESCO-tuned encoder's similarity and sentence cues (see ``spans``; the
    ``semantic`` extra). ``threshold``: the probability a phrase needs (default: the fitted file's)."""

    name = "phrases"
    kinds: tuple[str, ...] = ()

    def __init__(self, taxonomy: Taxonomy, *, threshold: float | None = None) -> None:
        from .spans import load_weights, phrase_span_hits  # the optional extra loads only when this detector is built

        load_weights()  # a missing or stale weights file fails here, not on the first document
        self.taxonomy = taxonomy
        self.threshold = threshold
        self._hits = phrase_span_hits

    def find(self, doc: Scan, covered: Sequence[tuple[int, int]]) -> list[Hit]:
        return [Hit(*h) for h in self._hits(doc.text, self.taxonomy, covered, threshold=self.threshold)]


register_detector(LexiconDetector.name, LexiconDetector)
register_detector(VerbObjectDetector.name, VerbObjectDetector)
register_detector(FuzzyDetector.name, FuzzyDetector)
register_detector(SemanticDetector.name, SemanticDetector)
register_detector(PhraseSpanDetector.name, PhraseSpanDetector)
