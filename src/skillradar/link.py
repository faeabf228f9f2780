"""Ranking every skill of a taxonomy for a line of text (``skillradar link``), offline.

Plain cosine of the sentence against each label is the baseline. ``link`` improves on it by
scoring each skill as a mixture of

* the sentence's cosine to the skill (label, or its best alias when the taxonomy has aliases),
* the best cosine of any candidate phrase of the sentence (``detect.phrases.candidate_phrases``):
  a sentence usually names several skills, and a phrase vector is not diluted by the others,
* a small lexical bonus for the share of the label's content words (crudely stemmed) that occur
  in the sentence.

The weights are fixed constants chosen on the two public validation splits as a whole
(bench/eval_linking.py prints the sweep), not per sentence.

Model: the ESCO-tuned MiniLM shipped with skillradar (``embed.MODELS["esco-minilm"]``, made by
``training/``); ``link(..., model="minilm")`` (``skillradar link --model minilm``) ranks with the
original all-MiniLM-L6-v2 instead. The sentence weight was chosen with the original model and kept;
the lexical bonus depends on the model (``LEXICAL_WEIGHTS``).

Speed: only the ``LINK_PHRASES`` most promising phrases of a line go through the full model. They
are picked with cheap static vectors (``embed.StaticTable``) mapped into the model's space by a
ridge regression fitted on the taxonomy's own label texts (static vector → full vector), compared
with the full label vectors: ``SkillIndex.cheap_best``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import numpy as np

from .detect.phrases import STOP_WORDS, candidate_phrases

__all__ = ["link", "skill_index", "SkillIndex", "SENTENCE_WEIGHT", "LEXICAL_WEIGHT", "LEXICAL_WEIGHTS", "LINK_MODEL",
           "LINK_MODELS"]

SENTENCE_WEIGHT = 0.5  # weight of the whole-sentence cosine; the rest goes to the best phrase
# bonus for the share of the label's content words found in the sentence: 0.10 was chosen with the
# original model; the ESCO-tuned one needs less of it (0.05 was as good or better on both validation
# splits with each of its checkpoints, bench/RESULTS.md)
MAX_ALIASES = 8  # label texts per skill beyond the label itself
CHEAP_REST = True  # phrases not re-scored still count with their cheap mapped vectors
LINK_PHRASES = 8  # phrases per line re-scored with the full model (picked by their cheap score)
RIDGE = 0.1  # regularisation of the static → full linear map
CHEAP_DIMS = 192  # principal directions of the label vectors the cheap estimate is computed in
MIN_MAP_ROWS = 768  # fewer label texts than this: compare in the static space instead of mapping
LINK_MODEL = "esco-minilm"  # the default; a parameter of link(), the Pipeline and the CLI, never a global switch
LEXICAL_WEIGHTS = {"esco-minilm": 0.05, "minilm": 0.1}
LINK_MODELS = tuple(LEXICAL_WEIGHTS)
LEXICAL_WEIGHT = LEXICAL_WEIGHTS[LINK_MODEL]


_TOKEN = re.compile(r"[a-z0-9][a-z0-9+#]*")


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    for suffix in ("ing", "ment", "ies", "es", "ed", "s", "al", "ity", "ion", "e", "y"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _content_stems(text: str) -> list[str]:
    return [_stem(w) for w in _TOKEN.findall(text.lower()) if w not in STOP_WORDS and len(w) > 1]


class SkillIndex:
    """Label (and alias) vectors of one taxonomy, with row → skill maps; built once per taxonomy."""

    def __init__(self, taxonomy, embedder=None, model: str | None = None) -> None:
        from .embed import get_embedder, label_vectors

        self.taxonomy = taxonomy
        self.embedder = embedder or get_embedder(model or LINK_MODEL)
        texts: list[str] = []
        owner: list[int] = []
        for k, skill in enumerate(taxonomy.skills):
            forms = [skill.label] + [a for a in skill.aliases if a.strip()][:MAX_ALIASES]
            for f in dict.fromkeys(forms):
                texts.append(f)
                owner.append(k)
        self.texts = texts
        self.ids = [s.id for s in taxonomy.skills]
        self.labels = [s.label for s in taxonomy.skills]
        self.owner = np.asarray(owner, dtype=np.int64)
        self.vectors = label_vectors(taxonomy, texts, f"forms{MAX_ALIASES}", self.embedder)  # (rows, 384)
        # rows of one skill are contiguous: reduce a row score to a skill score with maximum.reduceat
        self._starts = np.flatnonzero(np.r_[True, self.owner[1:] != self.owner[:-1]])
        self._single = len(texts) == len(self.ids)
        self._stems: list[frozenset[str]] | None = None
        self._stem_index: dict[str, list[int]] | None = None
        self._cheap: tuple | None = None

    # -- cheap (static) estimates ---------------------------------------------------------------
    def _cheap_model(self) -> tuple:
        """``("mapped", W, U, labels @ U)``: static → full map fitted on the label texts, and the top
        ``CHEAP_DIMS`` principal directions of the label vectors (the estimate is computed there, half
        the work, same recall); or ``("static", static label vectors, None, None)`` for small taxonomies."""
        if self._cheap is None:
            from .embed import DIM

            static = self.embedder.static_encode(self.texts)
            if len(self.texts) >= MIN_MAP_ROWS:
                x = np.c_[static, np.ones(len(static), dtype=np.float32)].astype(np.float64)
                full = self.vectors.astype(np.float64)
                w = np.linalg.solve(x.T @ x + RIDGE * np.eye(DIM + 1), x.T @ full)
                _, basis = np.linalg.eigh(full.T @ full)  # ascending eigenvalues
                u = np.ascontiguousarray(basis[:, ::-1][:, :CHEAP_DIMS], dtype=np.float32)
                self._cheap = ("mapped", w.astype(np.float32), u, np.ascontiguousarray(self.vectors @ u))
            else:
                self._cheap = ("static", static, None, None)
        return self._cheap

    def cheap_vectors(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Cheap unit vectors of ``texts`` and the label matrix they compare with (rows = label texts):
        mapped into the model's space (compare with ``vectors``) or static (compare with static labels)."""
        kind, model, _, _ = self._cheap_model()
        vecs = self.embedder.static_encode(texts)
        if kind == "static":
            return vecs, model
        empty = ~vecs.any(axis=1)
        mapped = vecs @ model[:-1] + model[-1]
        mapped /= np.clip(np.linalg.norm(mapped, axis=1, keepdims=True), 1e-12, None)
        mapped[empty] = 0.0
        return mapped, self.vectors

    def cheap_estimate(self, vecs: np.ndarray, chunk: int = 1024) -> np.ndarray:
        """Best estimated cosine to any label row for vectors from ``cheap_vectors``."""
        kind, model, basis, reduced = self._cheap_model()
        labels = model if kind == "static" else reduced
        out = np.zeros(len(vecs), dtype=np.float32)
        if not labels.shape[0]:
            return out
        for a in range(0, len(vecs), chunk):
            block = vecs[a : a + chunk] if basis is None else vecs[a : a + chunk] @ basis
            out[a : a + chunk] = (block @ labels.T).max(axis=1)
        return out

    def cheap_best(self, texts: Sequence[str]) -> np.ndarray:
        """Estimated best cosine of each text to any skill, without the full model."""
        return self.cheap_estimate(self.cheap_vectors(texts)[0])

    def skill_scores(self, vecs: np.ndarray) -> np.ndarray:
        """``(n, skills)`` cosine of each vector to each skill (best over its label and aliases)."""
        rows = vecs @ self.vectors.T
        if self._single:
            return rows
        return np.maximum.reduceat(rows, self._starts, axis=1)

    def best(self, vecs: np.ndarray) -> tuple[list[str], np.ndarray]:
        """For each vector, the id of its nearest skill and that cosine."""
        if len(vecs) == 0:
            return [], np.zeros(0, dtype=np.float32)
        rows = vecs @ self.vectors.T  # the best row's owner is the best skill: no per-skill reduce
        arg = rows.argmax(axis=1)
        return [self.ids[self.owner[i]] for i in arg], rows[np.arange(len(arg)), arg]

    def lexical(self, text: str) -> np.ndarray:
        """Share of each label's content stems that occur in ``text`` (0 for most skills)."""
        if self._stem_index is None:
            self._stems = [frozenset(_content_stems(label)) for label in self.labels]
            index: dict[str, list[int]] = {}
            for k, stems in enumerate(self._stems):
                for s in stems:
                    index.setdefault(s, []).append(k)
            self._stem_index = index
        out = np.zeros(len(self.ids), dtype=np.float32)
        found = set(_content_stems(text))
        hits: dict[int, int] = {}
        for s in found:
            for k in self._stem_index.get(s, ()):
                hits[k] = hits.get(k, 0) + 1
        for k, n in hits.items():
            out[k] = n / len(self._stems[k])
        return out


def skill_index(taxonomy, model: str | None = None) -> SkillIndex:
    """The taxonomy's SkillIndex for ``model`` (default ``LINK_MODEL``), built on first use and kept
    with the taxonomy."""
    model = model or LINK_MODEL
    return taxonomy.derived(f"skill_index:{model}", lambda: SkillIndex(taxonomy, model=model))


def score_lines(
    lines: Sequence[str],
    index: SkillIndex,
    *,
    sentence_weight: float = SENTENCE_WEIGHT,
    lexical_weight: float = LEXICAL_WEIGHT,
    max_phrases: int | None = LINK_PHRASES,
    cheap_rest: bool = CHEAP_REST,
) -> list[np.ndarray | None]:
    """Per line, the score of every skill (None for blank lines).

    ``max_phrases``: phrases per line scored with the full model, the best by their cheap estimate
    (None: all candidate phrases). ``cheap_rest``: the other phrases still count, with their cheap
    (mapped static) vectors; otherwise they are dropped.
    """

    texts = [ln.strip() for ln in lines]
    live = [i for i, t in enumerate(texts) if t]
    use_phrases = sentence_weight < 1.0
    phrase_lists: list[list[str]] = []
    for i in live:
        if not use_phrases:
            phrase_lists.append([])
            continue
        phrases = dict.fromkeys(texts[i][a:b] for a, b in candidate_phrases(texts[i]))
        phrase_lists.append([p for p in phrases if p != texts[i]])  # the whole line is scored anyway
    unique = list(dict.fromkeys(p for ps in phrase_lists for p in ps))
    cheap_vecs: dict[str, np.ndarray] = {}
    if max_phrases is not None and unique:
        vecs_c, labels_c = index.cheap_vectors(unique)
        est = index.cheap_estimate(vecs_c)
        cheap = dict(zip(unique, est))
        keep = [sorted(ps, key=lambda p: -cheap[p])[:max_phrases] for ps in phrase_lists]
        if cheap_rest and labels_c is index.vectors:  # mapped into the model's space: comparable
            cheap_vecs = dict(zip(unique, vecs_c))
        else:
            phrase_lists = keep
        full = list(dict.fromkeys(p for ps in keep for p in ps))
    else:
        full = unique
    vecs = index.embedder.encode([texts[i] for i in live] + full)
    sent_vecs = vecs[: len(live)]
    vector_of = dict(cheap_vecs)
    vector_of.update(zip(full, vecs[len(live) :]))
    out: list[np.ndarray | None] = [None] * len(texts)
    sent_scores = index.skill_scores(sent_vecs) if live else None
    counts = [len(ps) for ps in phrase_lists]
    flat = [p for ps in phrase_lists for p in ps]
    # phrase scores for many lines in one matrix product (chunks of ~2,000 rows), max per line
    phrase_best: list[np.ndarray | None] = [None] * len(live)
    j = pos = 0
    while j < len(live):
        k, rows = j, 0
        while k < len(live) and (rows == 0 or rows + counts[k] <= 2000):
            rows += counts[k]
            k += 1
        if rows:
            block = index.skill_scores(np.stack([vector_of[p] for p in flat[pos : pos + rows]]))
            bounds = np.cumsum([0] + counts[j:k])
            for m in range(j, k):
                a_, b_ = bounds[m - j], bounds[m - j + 1]
                if b_ > a_:
                    phrase_best[m] = block[a_:b_].max(axis=0)
        pos += rows
        j = k
    for j, i in enumerate(live):
        sent = sent_scores[j]
        phr = phrase_best[j]
        score = sent if phr is None else sentence_weight * sent + (1.0 - sentence_weight) * np.maximum(phr, sent)
        if lexical_weight:
            score = (score + lexical_weight * index.lexical(texts[i])) / (1.0 + lexical_weight)  # stays ≤ 1
        out[i] = score
    return out


def _shown(line: str) -> str:
    line = line.rstrip("\r\n")
    return line if line.strip() else ""


def link(lines: Sequence[str], taxonomy=None, top_k: int = 10, *, model: str = LINK_MODEL, **weights) -> list[dict]:
    """For each line ``{"text", "candidates": [{"skill_id", "label", "score"}]}``, best first.

    Blank lines give empty candidates, so answer N belongs to line N. Ties are broken by skill id.
    ``model``: ``esco-minilm`` (default, tuned on ESCO) or ``minilm`` (the original).
    """
    from .choices import check_choice
    from .taxonomy import load_taxonomy

    check_choice(model, LINK_MODELS, "model")
    weights.setdefault("lexical_weight", LEXICAL_WEIGHTS[model])
    tax = load_taxonomy(taxonomy)
    lines = list(lines)
    if not any(ln.strip() for ln in lines):
        return [{"text": _shown(ln), "candidates": []} for ln in lines]
    index = skill_index(tax, model)
    results = []
    k = max(0, int(top_k))
    for line, scores in zip(lines, score_lines(lines, index, **weights)):
        if scores is None or k == 0:
            results.append({"text": _shown(line), "candidates": []})
            continue
        kk = min(k, len(scores))
        top = np.argpartition(-scores, kk - 1)[:kk] if kk < len(scores) else np.arange(len(scores))
        order = sorted(top, key=lambda i: (-float(scores[i]), index.ids[i]))
        results.append(
            {
                "text": _shown(line),
                "candidates": [
                    {"skill_id": index.ids[i], "label": index.labels[i], "score": float(scores[i])} for i in order
                ],
            }
        )
    return results
