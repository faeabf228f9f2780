"""The offline semantic stage: paraphrases of taxonomy skills in text the lexicon did not cover.

1. A cheap chunker cuts the text into candidate phrases with exact offsets: clauses split on
   punctuation, bullets and conjunctions; inside a clause, maximal runs of content words (stop words
   and filler cut them) plus short word windows over them, trimmed of stop words at both ends.
2. Phrases are deduplicated and scored cheaply (static word-piece vectors distilled from the model,
   mapped into its space, ``embed.Embedder.static_spans`` + ``SkillIndex``'s fitted map): the whole
   text is tokenized once and all its phrases are compared with every label in one matrix product.
   By default (``RESCORE`` False) this cheap estimate decides alone. With re-scoring on
   (``rescore=True``; ``Pipeline(semantic=True, detector_options={"semantic": {"rescore": True}})``)
   the phrases whose estimate reaches ``PREFILTER``, at most ``rescore_budget(n)`` per text, are
   embedded with the full model (``skillradar.embed``) and their full cosine decides.
3. A phrase whose best skill clears the threshold of its scale (``THRESHOLD_CHEAP`` or ``THRESHOLD``)
   becomes a ``semantic`` hit; the confidence is the precision measured at that score on a labelled
   dev set, one table per scale (``CALIBRATION_CHEAP``, ``CALIBRATION``).
   Overlapping candidates are resolved best-first, and nothing overlaps a lexical span.

The stage embeds with the original all-MiniLM-L6-v2 (``embed.DEFAULT_MODEL``), which its thresholds
and calibration tables were measured on; ``link`` ranks with the ESCO-tuned model. With the tuned
model and these thresholds SkillSpan TECH dev recall fell (0.694 → 0.674, precision 0.631 → 0.635):
its cosine scale differs, so switching would need the tables measured again.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

import numpy as np

from .phrases import STOP_WORDS, candidate_phrases, clauses  # chunking shared with link; re-exported

__all__ = ["semantic_hits", "scored_candidates", "unclaimed_phrases", "resolve", "candidate_phrases", "clauses", "STOP_WORDS", "CALIBRATION", "THRESHOLD",
           "CALIBRATION_CHEAP", "THRESHOLD_CHEAP", "RESCORE", "calibrate", "threshold"]

# Cheap-estimate floor for the full model: on SkillSpan TECH dev it keeps ~28% of the candidates and
# 99.4% of those whose full cosine reaches THRESHOLD (bench/eval_spans.py --no-prefilter prints the kept share).
PREFILTER = 0.63
RESCORE_MIN = 8  # phrases per text re-scored with the full model: at least this many …
RESCORE_PER = 20  # … plus one per this many candidate phrases


# False (default): the cheap (mapped static) estimate decides alone, no full-model pass at all; its
# scores have their own threshold and calibration table (THRESHOLD_CHEAP, CALIBRATION_CHEAP). True:
# the prefiltered phrases are re-scored with MiniLM (THRESHOLD, CALIBRATION); ~4× slower on postings,
# SkillSpan TECH recall/precision about the same (bench/RESULTS.md). A default, not a switch: callers
# pass ``rescore=`` to scored_candidates / semantic_hits (the pipeline's semantic detector option).
RESCORE = False


def rescore_budget(n_candidates: int) -> int:
    """How many phrases of a text with ``n_candidates`` unique candidates get the full model."""
    return RESCORE_MIN + n_candidates // RESCORE_PER

# Cosine → precision of a semantic hit, read from SkillSpan TECH dev (bench/eval_spans.py --calibrate):
# a hit counts as right when it overlaps any gold SKILL or KNOWLEDGE span, as in score.py. Measured
# bins (2,156 sentences): 0.70–0.75 → 0.39, 0.75–0.80 → 0.44, 0.80–0.85 → 0.43,
# 0.85–0.90 → 0.51, 0.90–0.95 → 0.51, ≥ 0.95 → 0.73; smoothed to a monotone piecewise-linear map.
# SkillSpan leaves domain words (payment, dashboard) unannotated, so this under-states precision on
# the taxonomy's own terms: it is a conservative confidence.
CALIBRATION = ((0.70, 0.39), (0.75, 0.42), (0.80, 0.45), (0.85, 0.50), (0.90, 0.55), (0.95, 0.70), (1.00, 0.75))
THRESHOLD = 0.85  # SkillSpan TECH dev: best recall with precision ≥ 0.60 (see bench/RESULTS.md)

# The same for the cheap estimate's scale: cosine of the mapped static phrase vector with the label
# vectors, both in the labels' top CHEAP_DECISION_DIMS (128) principal directions, the phrase normalised
# in the full space (so lower than a full cosine for the same pair). Candidates are phrases of two words
# or more (see scored_candidates). Measured on SkillSpan TECH dev (bench/eval_spans.py --split tech
# --calibrate, cheap mode, 2,156 sentences, share of candidates overlapping a gold span per bin):
# 0.55–0.60 → 0.35 (n = 1,312), 0.60–0.65 → 0.44, 0.65–0.70 → 0.47, 0.70–0.75 → 0.54 (n = 246),
# 0.75–0.80 → 0.59 (n = 61), 0.80–0.85 → 0.40 (n = 40), 0.85–0.90 → 0.80 (n = 5); made monotone by
# pooling 0.70–0.85 (0.53), the last bin capped at 0.60 for its size, placed at the bin centres. HOUSE
# measures lower from 0.65 up (0.41–0.55): TECH-specific, as CALIBRATION is.
CALIBRATION_CHEAP = ((0.575, 0.35), (0.625, 0.44), (0.675, 0.47), (0.725, 0.53), (0.775, 0.53),
                     (0.825, 0.53), (0.875, 0.60), (1.00, 0.60))
# SkillSpan TECH dev sweep (same command; lexical alone 0.605 / 0.658): 0.70 → recall 0.666 / precision
# 0.624, 0.71 → 0.663 / 0.631, 0.72 → 0.650 / 0.638, 0.74 → 0.632 / 0.645, 0.80 → 0.610 / 0.649.
# 0.72: the recall plateau's end with a margin above precision 0.60 (HOUSE there: 0.341 / 0.522,
# lexical alone 0.286 / 0.526).
THRESHOLD_CHEAP = 0.72
SEMANTIC_MODEL = "minilm"  # the model the thresholds and calibration tables were measured with




def _overlaps(span: tuple[int, int], covered_starts: list[int], covered: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(covered_starts, span[1])
    for j in range(max(0, i - 8), i):
        a, b = covered[j]
        if a < span[1] and span[0] < b:
            return True
    return False


def _outside(spans: list[tuple[int, int]], covered: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans overlapping none of ``covered`` (vectorised: prefix maximum of covered ends)."""
    cov = np.asarray(sorted(covered), dtype=np.int64).reshape(-1, 2)
    if not len(cov) or not spans:
        return spans
    sp = np.asarray(spans, dtype=np.int64)
    reach = np.maximum.accumulate(cov[:, 1])  # furthest end among covered spans starting at or before i
    i = np.searchsorted(cov[:, 0], sp[:, 1], side="left")  # covered spans starting before the span ends
    hit = (i > 0) & (reach[np.maximum(i - 1, 0)] > sp[:, 0])
    return [s for s, h in zip(spans, hit.tolist()) if not h]


def _cheap_nearest(index, text: str, spans: list[tuple[int, int]], dims: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Nearest label row and its cheap cosine for each span of ``text``: one tokenization of the
    text, one (spans × 384) map into the model's space, one product with the labels (in their top
    principal directions when the taxonomy is large enough to have a fitted map): ``dims`` of them,
    default ``CHEAP_DECISION_DIMS``; the re-scoring prefilter uses all the index has (as measured)."""
    kind, model, basis, labels = _cheap_parts(index, CHEAP_DECISION_DIMS if dims is None else dims)
    vecs = index.embedder.static_spans(text, spans)
    if kind == "mapped":
        empty = ~vecs.any(axis=1)
        vecs = vecs @ model[:-1] + model[-1]
        vecs /= np.clip(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12, None)
        vecs[empty] = 0.0
        vecs = vecs @ basis
    rows = vecs @ labels.T
    arg = rows.argmax(axis=1)
    return arg, rows[np.arange(len(arg)), arg]



# Leading principal directions of the label vectors the cheap decision is computed in (SkillIndex
# fits CHEAP_DIMS = 192 for the prefilter; the first 128 of them make the label product a third
# cheaper, and on SkillSpan TECH dev give the same recall at precision ≥ 0.60: bench/RESULTS.md).
CHEAP_DECISION_DIMS = 128
_PARTS: dict[tuple[int, int], tuple] = {}


def _cheap_parts(index, dims: int) -> tuple:
    """``(kind, model, basis, labels)`` for cheap scores: the index's mapped model cut to ``dims``
    directions (contiguous copies, once per index and width), or its static labels."""
    hit = _PARTS.get((id(index), dims))
    if hit is None or hit[0] is not index:
        kind, model, basis, reduced = index._cheap_model()
        if kind == "mapped":
            d = min(dims, basis.shape[1])
            parts = (kind, model, np.ascontiguousarray(basis[:, :d]), np.ascontiguousarray(reduced[:, :d]))
        else:
            parts = (kind, model, None, model)
        hit = (index, parts)
        _PARTS[(id(index), dims)] = hit
    return hit[1]


def _rescoring(rescore: bool | None) -> bool:
    return RESCORE if rescore is None else bool(rescore)


def threshold(rescore: bool | None = None) -> float:
    """The default decision threshold on the scale in use (full cosine or cheap estimate)."""
    return THRESHOLD if _rescoring(rescore) else THRESHOLD_CHEAP


def calibrate(cosine: float, rescore: bool | None = None) -> float:
    """Precision expected at this score (piecewise-linear over ``CALIBRATION`` for full-model
    cosines, ``CALIBRATION_CHEAP`` for cheap estimates; ``rescore`` None: the current ``RESCORE``)."""
    xs, ys = zip(*(CALIBRATION if _rescoring(rescore) else CALIBRATION_CHEAP))
    return float(np.interp(cosine, xs, ys))


def _lexical_forms(taxonomy) -> tuple[frozenset[str], frozenset[str]]:
    """Folded labels and aliases (the lexicon already decided on these, the semantic stage keeps
    out), and their signatures (``_signature``): a phrase whose signature is not among them cannot
    fold to a form, so ``fold`` runs only for the few that match."""
    def build():
        from ..textnorm import fold

        keys = {fold(f) for skill in taxonomy.skills for f in (skill.label, *skill.aliases, *skill.ambiguous)}
        return frozenset(keys), frozenset(_signature(k) for k in keys)

    return taxonomy.derived("semantic.lexical_forms", build)


def _signature_table() -> dict[int, None]:
    from ..textnorm import SEPARATORS

    return {ord(c): None for c in (*SEPARATORS, "\u2019", "\u2018", "\u201c", "\u201d", "'", '"')}


_SIG_DELETE = _signature_table()


def _signature(lowered: str) -> str:
    """A lower-cased text without separators and quotes. ``fold`` only lower-cases, turns separator
    runs into one space, unifies quotes and strips, so ``fold(x) == f`` implies
    ``_signature(x.lower()) == _signature(f)`` (for texts whose lower-casing keeps their length)."""
    return lowered.translate(_SIG_DELETE)


def unclaimed_phrases(text: str, taxonomy, spans: list[tuple[int, int]]):
    """The spans not written exactly like a label or alias (the lexicon, with its ambiguity rules,
    decided on those), as ``(start, end, lower-cased phrase)``, and each distinct lower-cased phrase
    → its first span (None when left to the lexicon). The model is uncased: one vector per key."""
    from ..textnorm import fold

    forms, signatures = _lexical_forms(taxonomy)
    keyed: dict[str, tuple[int, int] | None] = {}
    kept = []
    for a, b in spans:
        k = text[a:b].lower()
        if k not in keyed:
            maybe = len(k) != b - a or _signature(k) in signatures
            keyed[k] = None if maybe and fold(text[a:b]) in forms else (a, b)
        if keyed[k] is not None:
            kept.append((a, b, k))
    return kept, keyed


def scored_candidates(
    text: str,
    taxonomy,
    covered: Iterable[tuple[int, int]] = (),
    *,
    floor: float = 0.5,
    prefilter: float | None = PREFILTER,
    budget: int | None = None,
    rescore: bool | None = None,
):
    """Candidate phrases outside ``covered`` with their nearest skill: ``(cosine, start, end, skill_id)``.

    Phrases written exactly like a label or alias are left out: the lexicon (with its ambiguity
    rules, e.g. "go", "rest") has already accepted or rejected them. Only phrases whose cheap
    estimate reaches ``prefilter`` (None: all), the best ``budget`` of them (default
    ``rescore_budget``), are embedded with the full model; ``floor`` applies to the full cosine.
    ``rescore=False`` (default: ``RESCORE``, normally False): no full model, the cheap estimate
    decides alone and ``floor`` applies to it (its scale: ``THRESHOLD_CHEAP``, ``CALIBRATION_CHEAP``).
    """
    from ..embed import small_blas
    from ..link import skill_index

    # Paraphrases are phrases: a single word either is in the lexicon or is too generic to name a skill
    # (measured on 100 postings: 766 one-word hits such as "pipelines" → CI/CD, "models" → Model design,
    # against 86 phrases; on SkillSpan TECH dropping them costs 0.05 recall and gains 0.03 precision).
    spans = candidate_phrases(text, min_words=2)
    if covered:
        spans = _outside(spans, covered)
    if not spans:
        return []
    kept, keyed = unclaimed_phrases(text, taxonomy, spans)
    first = {k: text[s_[0]:s_[1]] for k, s_ in keyed.items() if s_ is not None}
    if not first:
        return []
    index = skill_index(taxonomy, SEMANTIC_MODEL)
    keys = list(first)
    if not _rescoring(rescore):
        with small_blas():
            arg, best = _cheap_nearest(index, text, [keyed[k] for k in keys])
        nearest = {k: (float(sc), index.ids[index.owner[r]]) for k, r, sc in zip(keys, arg.tolist(), best.tolist()) if sc >= floor}
        return [(nearest[k][0], a, b, nearest[k][1]) for a, b, k in kept if k in nearest]
    with small_blas():
        if prefilter is not None:
            est = _cheap_nearest(index, text, [keyed[k] for k in keys], dims=1 << 30)[1]
            order = [i for i in np.argsort(-est, kind="stable") if est[i] >= prefilter]
            keys = [keys[i] for i in order[: rescore_budget(len(keys)) if budget is None else budget]]
        if not keys:
            return []
        vecs = index.embedder.encode([first[k] for k in keys])
        best_ids, best_scores = index.best(vecs)
    nearest = {k: (float(sc), sid) for k, sid, sc in zip(keys, best_ids, best_scores) if sc >= floor}
    out = []
    for a, b, k in kept:
        hit = nearest.get(k)
        if hit is not None:
            out.append((hit[0], a, b, hit[1]))
    return out


def resolve(cands, threshold: float, *, rescore: bool | None = None) -> list[tuple[str, int, int, str, float]]:
    """Candidates at or above ``threshold``, best first without overlaps, as hits in text order.

    ``rescore`` names the scale the scores are on (None: the current ``RESCORE``), for the confidence."""
    table = CALIBRATION if _rescoring(rescore) else CALIBRATION_CHEAP
    xs, ys = zip(*table)
    cands = sorted((c for c in cands if c[0] >= threshold), key=lambda c: (-c[0], c[1]))
    taken: list[tuple[int, int]] = []
    hits = []
    for score, a, b, sid in cands:
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        taken.append((a, b))
        hits.append((sid, a, b, "semantic", round(float(np.interp(score, xs, ys)), 4)))
    hits.sort(key=lambda h: h[1])
    return hits


def semantic_hits(
    text: str,
    taxonomy,
    covered: Iterable[tuple[int, int]] = (),
    *,
    threshold: float | None = None,
    rescore: bool | None = None,
) -> list[tuple[str, int, int, str, float]]:
    """``(skill_id, start, end, "semantic", confidence)`` for paraphrased skills outside ``covered``.

    ``text[start:end]`` is the phrase as written. Needs the ``semantic`` extra (raises MissingExtra).
    ``rescore`` (None: ``RESCORE``) picks full-model re-scoring or the cheap estimate alone; the
    default ``threshold`` and the confidence table follow it.
    """
    mode = _rescoring(rescore)
    thr = (THRESHOLD if mode else THRESHOLD_CHEAP) if threshold is None else threshold
    return resolve(scored_candidates(text, taxonomy, covered, floor=thr, rescore=mode), thr, rescore=mode)
