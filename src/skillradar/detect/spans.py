"""Phrased skills: chunker candidates decided by a small learned model over encoder and context cues.

The lexicon finds skills written as their names; postings also phrase them ("automate processes",
"Agile environment", "cloud adoption and migration"). This stage:

1. cuts the text into candidate phrases (``detect.phrases.candidate_phrases``: runs of content words
   and windows of up to four words, exact offsets) outside the spans earlier detectors took, leaving
   out phrases written exactly like a label or alias (the lexicon already decided on those);
2. scores each with the ESCO-tuned encoder (``esco-minilm``), cheaply: the phrase's static word-piece
   vector mapped into the model's space and compared with every taxonomy label (the same estimate the
   semantic stage and ``link`` use to pick phrases; no transformer pass per phrase);
3. combines that similarity with a few cues of the phrase and of the sentence it sits in (``FEATURES``)
   in a logistic model, whose output is the probability that the phrase overlaps a skill or knowledge
   span as annotators mark them. The weights are data (``data/phrase_spans.json``) fitted by
   ``training/fit_phrase_spans.py`` on the first half of SkillSpan dev (TECH and HOUSE); its second
   half is the honest check (figures in bench/RESULTS.md);
4. keeps, best first and without overlaps, the phrases whose probability reaches ``threshold``
   (default: the file's, chosen on the fit half). The hit's skill is the nearest taxonomy skill and
   its confidence that probability.

Similarity alone separates skill phrases poorly (AUC ≈ 0.66 on SkillSpan TECH dev); the sentence
cues (other skills nearby, requirement words, sentence length) carry as much again (≈ 0.76).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import numpy as np

from .phrases import candidate_phrases

__all__ = ["FEATURES", "SPAN_MODEL", "Candidate", "candidates", "phrase_span_hits", "load_weights", "sentence_bounds"]

SPAN_MODEL = "esco-minilm"  # the encoder whose cheap estimate the weights were fitted on
FEATURES = (
    "similarity",  # cheap cosine of the phrase to its nearest taxonomy label (esco-minilm space)
    "words",  # words in the phrase, capped at 4
    "capitalised",  # the phrase starts with a capital letter
    "symbols",  # the phrase holds a digit or one of + # . /
    "skills_nearby",  # spans earlier detectors took in the same sentence, capped at 3
    "cue_in_sentence",  # a requirement word in the sentence (experience, knowledge, skills …)
    "cue_before",  # such a word in the 40 characters before the phrase
    "sentence_length",  # words in the sentence / 40, capped at 1
)
_CUE = re.compile(
    r"\b(?:experience[ds]?|knowledge|skills?|ability|able to|familiar\w*|proficien\w*|understanding|expertise|"
    r"background in|degree|fluent|strong|solid|working with|hands-on)\b", re.I)
_SYMBOLS = re.compile(r"[0-9+#./]")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
CUE_REACH = 40


class Candidate(NamedTuple):
    """A phrase with its nearest skill and its feature row (``FEATURES`` order)."""

    start: int
    end: int
    skill_id: str
    features: tuple[float, ...]


@lru_cache(maxsize=1)
def load_weights() -> dict:
    """The fitted model: ``{"features", "coef", "intercept", "threshold", ...}`` from the package data."""
    raw = (resources.files("skillradar.detect") / "data" / "phrase_spans.json").read_text(encoding="utf-8")
    weights = json.loads(raw)
    if tuple(weights["features"]) != FEATURES:
        raise ValueError("detect/data/phrase_spans.json was fitted on other features; rerun training/fit_phrase_spans.py")
    return weights


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """Sentences (or lines) as ``(start, end)`` offsets covering the text."""
    out, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < len(text) or not out:
        out.append((pos, len(text)))
    return out


def candidates(text: str, taxonomy, covered: Iterable[tuple[int, int]] = (), *, min_words: int = 1) -> list[Candidate]:
    """Candidate phrases of at least ``min_words`` words outside ``covered``, with their nearest skill
    (cheap estimate) and features (``FEATURES`` order)."""
    from ..embed import small_blas
    from ..link import skill_index
    from .semantic import _cheap_nearest, _outside, unclaimed_phrases

    covered = sorted(covered)
    spans = candidate_phrases(text, min_words=min_words)
    if covered:
        spans = _outside(spans, covered)
    if not spans:
        return []
    kept, keyed = unclaimed_phrases(text, taxonomy, spans)
    keys = [k for k, s in keyed.items() if s is not None]
    if not keys:
        return []
    index = skill_index(taxonomy, SPAN_MODEL)
    with small_blas():
        arg, best = _cheap_nearest(index, text, [keyed[k] for k in keys])  # type: ignore[misc]
    nearest = {k: (float(sc), index.ids[index.owner[r]]) for k, r, sc in zip(keys, arg.tolist(), best.tolist())}
    sentences = sentence_bounds(text)
    starts = [s for s, _ in sentences]
    cov_starts = np.asarray([s for s, _ in covered], dtype=np.int64)
    sent_info: dict[int, tuple[float, float, float]] = {}
    out = []
    for a, b, k in kept:
        j = int(np.searchsorted(starts, a, side="right")) - 1
        if j not in sent_info:
            s0, s1 = sentences[j]
            inside = int(np.count_nonzero((cov_starts >= s0) & (cov_starts < s1))) if len(cov_starts) else 0
            sent = text[s0:s1]
            sent_info[j] = (float(min(inside, 3)), float(bool(_CUE.search(sent))), min(len(sent.split()), 40) / 40)
        nearby, cue_sent, length = sent_info[j]
        phrase = text[a:b]
        similarity, sid = nearest[k]
        feats = (similarity, float(min(len(phrase.split()), 4)), float(phrase[:1].isupper()),
                 float(bool(_SYMBOLS.search(phrase))), nearby, cue_sent,
                 float(bool(_CUE.search(text[max(sentences[j][0], a - CUE_REACH):a]))), length)
        out.append(Candidate(a, b, sid, feats))
    return out


def probability(features: Sequence[float], weights: dict | None = None) -> float:
    """The fitted model's probability that a phrase with these features overlaps an annotated span."""
    w = weights or load_weights()
    z = float(w["intercept"]) + sum(c * x for c, x in zip(w["coef"], features))
    return 1.0 / (1.0 + math.exp(-z))


def phrase_span_hits(
    text: str,
    taxonomy,
    covered: Iterable[tuple[int, int]] = (),
    *,
    threshold: float | None = None,
) -> list[tuple[str, int, int, str, float]]:
    """``(skill_id, start, end, "semantic", probability)`` for phrased skills outside ``covered``, in text
    order, none overlapping another; ``text[start:end]`` is the phrase as written. The method is
    ``semantic`` (found through the encoder), one of the contract's four."""
    weights = load_weights()
    thr = float(weights["threshold"]) if threshold is None else threshold
    scored = []
    for c in candidates(text, taxonomy, covered, min_words=int(weights.get("min_words", 1))):
        p = probability(c.features, weights)
        if p >= thr:
            scored.append((p, c.start, c.end, c.skill_id))
    scored.sort(key=lambda s: (-s[0], s[1]))
    taken: list[tuple[int, int]] = []
    hits = []
    for p, a, b, sid in scored:
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        taken.append((a, b))
        hits.append((sid, a, b, "semantic", round(p, 4)))
    if hits:
        hits = _relinked(text, taxonomy, hits)
    hits.sort(key=lambda h: h[1])
    return hits


def _relinked(text: str, taxonomy, hits: list[tuple[str, int, int, str, float]]) -> list[tuple[str, int, int, str, float]]:
    """The kept phrases' skills chosen again with the full encoder: a handful per document, and the
    cheap estimate that picked the candidates names the right skill less often than the model does."""
    from ..embed import small_blas
    from ..link import skill_index

    index = skill_index(taxonomy, SPAN_MODEL)
    with small_blas():
        ids, _ = index.best(index.embedder.encode([text[a:b] for _, a, b, _, _ in hits]))
    return [(sid, a, b, m, p) for sid, (_, a, b, m, p) in zip(ids, hits)]
