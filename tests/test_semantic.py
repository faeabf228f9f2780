"""The semantic stage: candidate phrases with exact offsets; hits reproduce the text; lexical spans win."""

from __future__ import annotations

import os

import numpy as np
import pytest

from skillradar.detect.semantic import calibrate, candidate_phrases, clauses, semantic_hits
from skillradar.taxonomy import Skill, Taxonomy

TAX = Taxonomy(
    "mini",
    "1",
    (
        Skill("g.ft", "Fine-tuning language models", aliases=("fine-tuning",)),
        Skill("g.vdb", "Vector databases"),
        Skill("s.comm", "Communication skills"),
        Skill("s.go", "Go", ambiguous=("go",)),
    ),
)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLRADAR_CACHE", str(tmp_path))


def test_phrases_are_exact_offsets():
    text = "• Ability to adapt large language models; experience with vector stores (Pinecone) and teamwork."
    spans = candidate_phrases(text)
    assert spans and all(text[a:b] == text[a:b].strip() and a < b for a, b in spans)
    phrases = {text[a:b] for a, b in spans}
    assert "large language models" in phrases and "vector stores" in phrases and "Pinecone" in phrases
    assert "Ability" not in phrases and "and" not in phrases
    assert all(text[a:b] for a, b in clauses(text))


def test_semantic_hits_reproduce_text_and_skip_covered():
    text = "You will adapt language models by further training them, and store embeddings in a vector store."
    covered = [(text.index("store embeddings"), text.index("store embeddings") + 5)]
    hits = semantic_hits(text, TAX, covered=covered, threshold=0.5)
    assert hits, "expected at least one paraphrase above 0.5"
    for skill_id, start, end, method, conf in hits:
        assert method == "semantic" and skill_id in TAX and 0.0 < conf <= 1.0
        assert text[start:end].strip() == text[start:end] and text[start:end]
        assert not (start < covered[0][1] and covered[0][0] < end)
    spans = sorted((h[1], h[2]) for h in hits)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))  # no overlaps


def test_lexicon_decides_its_own_forms():
    # "go" is an ambiguous alias: the lexicon rejected it here, the semantic stage must not bring it back
    hits = semantic_hits("we go to the office", TAX, threshold=0.3)
    assert all("go" != "we go to the office"[a:b].lower() for _, a, b, _, _ in hits)


def test_calibration_monotone():
    xs = [0.6, 0.7, 0.8, 0.9, 1.0]
    for rescore in (True, False):
        ys = [calibrate(x, rescore) for x in xs]
        assert ys == sorted(ys) and 0 < ys[0] and ys[-1] <= 1


def test_cheap_calibration_table_is_monotone_and_used(monkeypatch):
    from skillradar.detect import semantic

    table = semantic.CALIBRATION_CHEAP
    xs, ys = zip(*table)
    assert list(xs) == sorted(set(xs)) and list(ys) == sorted(ys) and 0 < ys[0] and ys[-1] <= 1
    assert table != semantic.CALIBRATION and semantic.THRESHOLD_CHEAP != semantic.THRESHOLD
    # the cheap scale is the default …
    assert semantic.threshold() == semantic.THRESHOLD_CHEAP
    assert calibrate(0.85) == pytest.approx(float(np.interp(0.85, xs, ys)))
    # … and resolve() gives hits the cheap table's confidence, the full table's when re-scoring
    cands = [(0.86, 0, 5, "g.vdb"), (0.74, 10, 20, "g.ft")]
    cheap = semantic.resolve(cands, 0.70)
    assert [h[4] for h in cheap] == [round(float(np.interp(c[0], xs, ys)), 4) for c in cands]
    full = semantic.resolve(cands, 0.70, rescore=True)
    assert [h[4] for h in full] == [round(calibrate(c[0], True), 4) for c in cands] != [h[4] for h in cheap]
    # semantic_hits in the default mode uses the cheap threshold and table end to end
    text = "You will adapt language models by further training them, and keep embeddings in a vector store."
    hits = semantic.semantic_hits(text, TAX, threshold=0.3)
    assert hits and all(h[4] == round(float(np.interp(s, xs, ys)), 4) for h, s in
                        zip(hits, _scores(text, hits)))


def _scores(text, hits):
    from skillradar.detect.semantic import scored_candidates

    by_span = {(a, b): sc for sc, a, b, _ in scored_candidates(text, TAX, floor=0.0, rescore=False)}
    return [by_span[(h[1], h[2])] for h in hits]


def test_rescore_is_an_option_of_the_semantic_detector_not_a_global_switch():
    from skillradar import Pipeline
    from skillradar.detect import semantic

    assert semantic.RESCORE is False and semantic.threshold() == semantic.THRESHOLD_CHEAP
    assert semantic.threshold(rescore=True) == semantic.THRESHOLD > semantic.THRESHOLD_CHEAP
    default = Pipeline(TAX, semantic=True)._detectors[-1]
    rescoring = Pipeline(TAX, semantic=True, detector_options={"semantic": {"rescore": True}})._detectors[-1]
    assert default.name == rescoring.name == "semantic" and not default.rescore and rescoring.rescore


def test_extract_with_semantic_keeps_invariant():
    from skillradar.extract import extract_text

    text = "Requirements:\n- adapting large language models through further training\n- Kubernetes\n"
    ex = extract_text(text, taxonomy=TAX, semantic=True)
    for m in ex.mentions:
        assert text[m.start:m.end] == m.text


def test_prefilter_spans_reproduce_text():
    from skillradar.detect.semantic import scored_candidates

    text = ("We adapt Language Models by further training. You know vector stores; "
            "VECTOR STORES and vector stores again, plus C++/CUDA kernels and naïve Bayes.")
    spans = set(candidate_phrases(text))
    everything = {(a, b): (score, sid) for score, a, b, sid in scored_candidates(text, TAX, floor=0.0, prefilter=None, rescore=True)}
    for budget in (1, 3, None):
        kept = scored_candidates(text, TAX, floor=0.0, prefilter=0.0, budget=budget, rescore=True)
        assert kept
        for score, a, b, sid in kept:
            assert (a, b) in spans and text[a:b] == text[a:b].strip() and text[a:b]
            ref_score, ref_sid = everything[(a, b)]  # same full-model score as without the prefilter
            assert sid == ref_sid and abs(score - ref_score) < 1e-4
    # one vector per lower-cased phrase, but every occurrence keeps its own offsets
    kept = scored_candidates(text, TAX, floor=0.0, prefilter=0.0, budget=None, rescore=True)
    occurrences = [(a, b) for _, a, b, _ in kept if text[a:b].lower() == "vector stores"]
    assert len(occurrences) == 3 and len({text[a:b] for a, b in occurrences}) == 2


def test_prefilter_budget_limits_full_model():
    from skillradar.detect.semantic import rescore_budget, scored_candidates
    from skillradar.embed import get_embedder

    text = "Design experiments; review code; write documentation; mentor juniors; present results to clients."
    emb = get_embedder()
    emb._cache.clear()
    before = emb.stats["encoded"]
    scored_candidates(text, TAX, floor=0.0, prefilter=0.0, budget=2, rescore=True)
    assert emb.stats["encoded"] - before == 2
    assert rescore_budget(0) >= 1 and rescore_budget(600) > rescore_budget(10)


def test_cheap_only_never_runs_the_model():
    from skillradar.detect.semantic import scored_candidates
    from skillradar.embed import get_embedder

    text = "You will adapt language models by further training them, and keep embeddings in a vector store."
    spans = set(candidate_phrases(text))
    scored_candidates(text, TAX, floor=0.0)  # builds the index (label vectors) outside the count
    emb = get_embedder()
    before = emb.stats["encoded"]
    cands = scored_candidates(text, TAX, floor=0.0, rescore=False)
    assert emb.stats["encoded"] == before and cands
    for score, a, b, sid in cands:
        assert (a, b) in spans and text[a:b] == text[a:b].strip() and sid in TAX and -1.0 <= score <= 1.0 + 1e-6


def test_static_spans_match_phrase_encoding():
    from skillradar.embed import get_embedder

    emb = get_embedder()
    text = ("• Fine-tuning LLMs (LoRA/QLoRA) on C++/CUDA; naïve Bayes, k-NN & vector stores.\n"
            "Design of experiments, A/B testing")
    spans = candidate_phrases(text)
    got = emb.static_spans(text, spans)
    expect = emb.static_encode([text[a:b] for a, b in spans])
    assert got.shape == (len(spans), 384) and np.allclose(got, expect, atol=1e-5)
    assert not emb.static_spans(text, [(1, 2)]).any()  # only a space: no word-piece, zero vector
