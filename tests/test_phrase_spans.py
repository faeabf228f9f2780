"""The phrased-skill detector (detect.spans): spans reproduce the text, stay outside covered spans and
each other, the fitted model file matches the code's features, and its output on the example
posting is pinned by a golden file (SKILLRADAR_UPDATE_GOLDEN=1 refreshes it; review the diff)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillradar import Pipeline
from skillradar.detect.registry import build_detector
from skillradar.detect.spans import FEATURES, candidates, load_weights, phrase_span_hits, probability, sentence_bounds
from skillradar.taxonomy import Skill, Taxonomy

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "data" / "golden" / "phrases"

TAX = Taxonomy(
    "mini",
    "1",
    (
        Skill("s.stake", "Stakeholder management", aliases=("managing stakeholders",)),
        Skill("se.auto", "Process automation"),
        Skill("se.agile", "Agile", ambiguous=("agile",)),
        Skill("cloud.mig", "Cloud migration"),
    ),
)
WORDS = ["automate", "processes", "and", "cloud", "adoption", "migration", "Agile", "agile", "environment",
         "with", "the", "of", "stakeholders", "manage", "expectations", "C++", "Node.js", "e.g.", "5+", "years",
         "experience", "knowledge", "•", "-", ",", ".", ";", "(", ")", "\n", "é", "naïve", "’s", "  "]


@pytest.fixture(scope="module", autouse=True)
def _cache(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("SKILLRADAR_CACHE", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


def test_weights_file_matches_features():
    w = load_weights()
    assert tuple(w["features"]) == FEATURES and len(w["coef"]) == len(FEATURES)
    assert 0.0 < float(w["threshold"]) < 1.0
    # more similar to a skill label, other things equal: more likely a skill
    base = [0.5, 2, 0, 0, 1, 1, 0, 0.3]
    assert probability([0.9, *base[1:]], w) > probability(base, w)


def test_sentence_bounds_cover_the_text():
    text = "One sentence. Another one!\nA line without end"
    bounds = sentence_bounds(text)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(b1 == a2 for (_, b1), (a2, _) in zip(bounds, bounds[1:]))


def test_candidates_carry_one_value_per_feature():
    text = "Experience with cloud adoption and migration; able to automate processes."
    cands = candidates(text, TAX)
    assert cands and all(len(c.features) == len(FEATURES) and c.skill_id in TAX for c in cands)
    assert all(text[c.start:c.end] == text[c.start:c.end].strip() for c in cands)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=30),
       cut=st.lists(st.tuples(st.integers(0, 200), st.integers(1, 12)), max_size=3))
def test_hits_reproduce_the_text_and_keep_out_of_covered(words, cut):
    text = " ".join(words)
    covered = sorted((a, min(a + n, len(text))) for a, n in cut if a < len(text))
    hits = phrase_span_hits(text, TAX, covered, threshold=0.0)  # every candidate competes: the most spans
    for skill_id, start, end, method, conf in hits:
        assert 0 <= start < end <= len(text)
        span = text[start:end]
        assert span and span == span.strip()
        assert method == "semantic" and skill_id in TAX and 0.0 < conf <= 1.0
        assert not any(a < end and start < b for a, b in covered)
    spans = sorted((h[1], h[2]) for h in hits)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


def test_detector_is_registered_and_runs_in_the_pipeline():
    det = build_detector("phrases", TAX, threshold=0.0)
    assert det.name == "phrases"
    nlp = Pipeline(TAX, phrases=True)
    assert nlp.detectors[-1] == "phrases"
    text = "You will automate processes and drive cloud adoption."
    ex = nlp.extract_text(text, kind="posting")
    for m in ex.mentions:
        assert text[m.start:m.end] == m.text


def test_phrases_are_off_by_default():
    assert "phrases" not in Pipeline().detectors


def test_example_posting_matches_golden():
    path = ROOT / "examples" / "posting.md"
    from skillradar.extract import extract_path

    ex = extract_path(path, phrases=True)
    got = [{"skill_id": m.skill_id, "start": m.start, "end": m.end, "text": m.text, "confidence": m.confidence}
           for m in ex.mentions if m.method == "semantic"]
    assert got, "the example posting has phrased skills the lexicon does not name"
    golden = GOLDEN / "posting.md.json"
    if os.environ.get("SKILLRADAR_UPDATE_GOLDEN") == "1" or not golden.exists():
        GOLDEN.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        if os.environ.get("SKILLRADAR_UPDATE_GOLDEN") != "1":
            pytest.fail(f"golden file {golden.name} was missing and has been written: review and commit it")
    assert got == json.loads(golden.read_text(encoding="utf-8")), "refresh with SKILLRADAR_UPDATE_GOLDEN=1 if deliberate"
