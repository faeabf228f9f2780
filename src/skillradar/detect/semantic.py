"""The offline semantic stage: paraphrases of taxonomy skills in text the lexicon did not cover.

1. A cheap chunker cuts the text into candidate phrases with exact offsets: clauses split on
   punctuation, bullets and conjunctions; inside a clause, maximal runs of content words (stop words
   and filler cut them) plus short word windows over them, trimmed of stop words at both ends.
2. Phrases are deduplicated and scored cheaply first (static word-piece vectors distilled from the
   model, ``SkillIndex.cheap_best``); only those whose estimate reaches ``PREFILTER``, at most
   ``rescore_budget(n)`` of them per text, are embedded with the full model (``skillradar.embed``)
   and compared with every skill's label and aliases.
3. A phrase whose best skill clears a calibrated cosine threshold becomes a ``semantic`` hit; the
   confidence is the precision measured at that cosine on a labelled dev set (see ``CALIBRATION``).
   Overlapping candidates are resolved best-first, and nothing overlaps a lexical span.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

import numpy as np

__all__ = ["semantic_hits", "scored_candidates", "resolve", "candidate_phrases", "clauses", "STOP_WORDS", "CALIBRATION", "THRESHOLD"]

_WORD = re.compile(r"[A-Za-z0-9\u00c0-\u024f][\w\u00c0-\u024f]*(?:[.+#'’\-/&][\w\u00c0-\u024f]+)*[+#]*")
# Clause boundaries: sentence punctuation, brackets, bullets, slashes between spaces, line breaks.
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]{}•·*|\n\r\t]+(?=\s|$)|[;!?()\[\]{}•·*|\n\r\t]+|,|\s[/–—-]\s")

STOP_WORDS = frozenset(
    """a an the and or nor but if then else of to in on at by for from with within without into onto
    over under about across as per via vs versus than that this these those there here which who whom whose
    what when where why how is are was were be been being am do does did doing have has had having will
    would shall should can could may might must not no yes also too very more most less least such etc
    eg e.g ie i.e your you we our us they their them it its he she his her i me my mine
    able ability abilities strong good great excellent solid proven demonstrated deep basic advanced
    working knowledge understanding experience experienced familiarity familiar proficiency proficient
    skills skill skilled expertise expert plus including include includes preferred required requirement
    requirements desirable nice bonus ideally ideal must years year minimum least other others well
    using use used like similar related relevant etc. new any all some each every both either one two three
    within across our team candidate candidates role position job opportunity company looking seeking
    will help ensure""".split()
)
# Words that end a candidate phrase but may start one ("ability to" is filler, "build" is not).
_CONJ = frozenset({"and", "or", "as well as", "including", "such as", "e.g.", "i.e.", "etc", "etc.", "plus"})

MAX_WINDOW = 4
MAX_PHRASES_PER_TEXT = 5000  # the cheap prefilter keeps long documents affordable
# Cheap-estimate floor for the full model: on SkillSpan TECH dev it keeps ~28% of the candidates and
# 99.4% of those whose full cosine reaches THRESHOLD (bench/eval_spans.py --no-prefilter prints the kept share).
PREFILTER = 0.63
RESCORE_MIN = 8  # phrases per text re-scored with the full model: at least this many …
RESCORE_PER = 20  # … plus one per this many candidate phrases


# False: decide on the cheap (mapped static) estimate alone, no full-model pass at all. Measured
# ~3× faster on postings with SkillSpan TECH recall/precision about the same (bench/RESULTS.md), but
# CALIBRATION was read from full-model cosines, so the confidences are less grounded. Default: re-score.
RESCORE = True


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


def clauses(text: str) -> list[tuple[int, int]]:
    """Offsets of clauses: the text split at punctuation, bullets and line breaks."""
    out, pos = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


def _words(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(start + m.start(), start + m.end(), m.group().lower().rstrip(".")) for m in _WORD.finditer(text[start:end])]


def _runs(words: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    """Maximal runs of content words (stop words and conjunctions cut them)."""
    runs, cur = [], []
    for w in words:
        if w[2] in STOP_WORDS or w[2] in _CONJ:
            if cur:
                runs.append(cur)
            cur = []
        else:
            cur.append(w)
    if cur:
        runs.append(cur)
    return runs


def candidate_phrases(text: str, *, max_window: int = MAX_WINDOW, with_bridges: bool = True) -> list[tuple[int, int]]:
    """Candidate skill phrases as ``(start, end)`` offsets, in text order, without duplicates.

    Every run of content words, each window of up to ``max_window`` words inside longer runs, and
    (``with_bridges``) two runs joined across one stop word ("design of experiments", "work in teams").
    """
    seen: set[tuple[int, int]] = set()
    out: list[tuple[int, int]] = []

    def add(a: int, b: int) -> None:
        if (a, b) not in seen and b > a:
            seen.add((a, b))
            out.append((a, b))

    for c_start, c_end in clauses(text):
        words = _words(text, c_start, c_end)
        runs = _runs(words)
        for run in runs:
            n = len(run)
            if n <= max_window:
                add(run[0][0], run[-1][1])
            for size in range(1, min(n, max_window) + 1):
                if size == n:
                    continue
                for i in range(0, n - size + 1):
                    add(run[i][0], run[i + size - 1][1])
        if with_bridges:
            index = {w[0]: i for i, w in enumerate(words)}
            for r1, r2 in zip(runs, runs[1:]):
                i1, i2 = index[r1[-1][0]], index[r2[0][0]]
                gap = words[i1 + 1 : i2]
                if len(gap) == 1 and gap[0][2] not in _CONJ:
                    left = r1[-2:] if len(r1) > 1 else r1
                    right = r2[:2]
                    add(left[0][0], right[-1][1])
                    add(r1[-1][0], r2[0][1])
    out.sort()
    return out[:MAX_PHRASES_PER_TEXT]


def _overlaps(span: tuple[int, int], covered_starts: list[int], covered: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_left(covered_starts, span[1])
    for j in range(max(0, i - 8), i):
        a, b = covered[j]
        if a < span[1] and span[0] < b:
            return True
    return False


def calibrate(cosine: float) -> float:
    """Precision expected at this cosine (piecewise-linear over ``CALIBRATION``)."""
    xs, ys = zip(*CALIBRATION)
    return float(np.interp(cosine, xs, ys))


def _lexical_forms(taxonomy) -> frozenset[str]:
    """Folded labels and aliases: the lexicon already decided on these, the semantic stage keeps out."""
    forms = _FORMS.get(id(taxonomy))
    if forms is None or forms[0] is not taxonomy:
        from ..textnorm import fold

        keys = set()
        for skill in taxonomy.skills:
            for f in (skill.label, *skill.aliases, *skill.ambiguous):
                keys.add(fold(f))
        forms = (taxonomy, frozenset(keys))
        _FORMS[id(taxonomy)] = forms
    return forms[1]


_FORMS: dict[int, tuple] = {}


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
    ``rescore=False`` (default ``RESCORE``): no full model, the cheap estimate decides alone.
    """
    from ..embed import small_blas
    from ..link import skill_index
    from ..textnorm import fold

    covered = sorted(covered)
    starts = [c[0] for c in covered]
    forms = _lexical_forms(taxonomy)
    spans = [s for s in candidate_phrases(text) if not _overlaps(s, starts, covered) and fold(text[s[0]:s[1]]) not in forms]
    if not spans:
        return []
    index = skill_index(taxonomy)
    # the model is uncased: one vector per lower-cased phrase
    first: dict[str, str] = {}
    for a, b in spans:
        first.setdefault(text[a:b].lower(), text[a:b])
    keys = list(first)
    if not (RESCORE if rescore is None else rescore):
        with small_blas():
            vecs, labels = index.cheap_vectors([first[k] for k in keys])
            rows = vecs @ labels.T
        arg = rows.argmax(axis=1)
        best = rows[np.arange(len(arg)), arg]
        nearest = {k: (float(sc), index.ids[index.owner[r]]) for k, r, sc in zip(keys, arg, best) if sc >= floor}
        return [(nearest[k][0], a, b, nearest[k][1]) for a, b in spans if (k := text[a:b].lower()) in nearest]
    with small_blas():
        if prefilter is not None:
            est = index.cheap_best([first[k] for k in keys])
            order = [i for i in np.argsort(-est, kind="stable") if est[i] >= prefilter]
            keys = [keys[i] for i in order[: rescore_budget(len(keys)) if budget is None else budget]]
        if not keys:
            return []
        vecs = index.embedder.encode([first[k] for k in keys])
        best_ids, best_scores = index.best(vecs)
    nearest = {k: (float(sc), sid) for k, sid, sc in zip(keys, best_ids, best_scores) if sc >= floor}
    out = []
    for a, b in spans:
        hit = nearest.get(text[a:b].lower())
        if hit is not None:
            out.append((hit[0], a, b, hit[1]))
    return out


def resolve(cands, threshold: float) -> list[tuple[str, int, int, str, float]]:
    """Candidates at or above ``threshold``, best first without overlaps, as hits in text order."""
    cands = sorted((c for c in cands if c[0] >= threshold), key=lambda c: (-c[0], c[1]))
    taken: list[tuple[int, int]] = []
    hits = []
    for score, a, b, sid in cands:
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        taken.append((a, b))
        hits.append((sid, a, b, "semantic", round(calibrate(score), 4)))
    hits.sort(key=lambda h: h[1])
    return hits


def semantic_hits(
    text: str,
    taxonomy,
    covered: Iterable[tuple[int, int]] = (),
    *,
    threshold: float | None = None,
) -> list[tuple[str, int, int, str, float]]:
    """``(skill_id, start, end, "semantic", confidence)`` for paraphrased skills outside ``covered``.

    ``text[start:end]`` is the phrase as written. Needs the ``semantic`` extra (raises MissingExtra).
    """
    thr = THRESHOLD if threshold is None else threshold
    return resolve(scored_candidates(text, taxonomy, covered, floor=thr), thr)
