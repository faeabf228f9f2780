"""Lexical matching: exact spans, folding, word boundaries, leftmost-longest, ambiguity rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.extract import extract_document, extract_text
from skillradar.records import Document

from .._examples import examples

DATA = Path(__file__).resolve().parents[1] / "data"


def _mentions(text: str, kind: str = "posting"):
    return extract_text(text, kind=kind).mentions


def _ids(text: str) -> set[str]:
    return {m.skill_id for m in _mentions(text)}


def test_span_reproduces_text_with_odd_whitespace_and_hyphens():
    text = "Ünïcödé intro — we build Retrieval-Augmented  Generation\u00a0pipelines with PyTorch."
    ms = _mentions(text)
    assert {m.text for m in ms} >= {"Retrieval-Augmented  Generation", "PyTorch"}
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_leftmost_longest_prefers_the_longer_phrase():
    ms = _mentions("We use Apache Spark daily.")
    assert [m.text for m in ms] == ["Apache Spark"]


def test_word_boundaries_follow_lookaround_semantics(tmp_path):
    tax = tmp_path / "t.csv"
    tax.write_text("id,label,aliases\ncpp,C++,cpp\npy,Python,\nnet,.NET,dotnet\n", encoding="utf-8")

    def found(text):
        return [m.text for m in extract_text(text, taxonomy=str(tax), kind="posting").mentions]
    assert found("Modern C++11 and C++ code.") == ["C++"]
    assert found("PythonAnywhere hosts our sandbox.") == []
    assert found("Python.") == ["Python"]
    assert found("ASP.NET and .NET 8") == [".NET"]


def test_line_numbers_are_one_based():
    ms = _mentions("Intro\n\nWe need Python.\n")
    assert [(m.text, m.line) for m in ms] == [("Python", 3)]


def _load(name):
    return [json.loads(l) for l in (DATA / "ambiguity" / name).read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.mark.parametrize("case", _load("false_positives.jsonl"), ids=lambda c: c["text"][:40])
def test_ambiguity_traps_give_no_false_positive(case):
    texts = {m.text for m in _mentions(case["text"])}
    assert case["trap"] not in texts, f"'{case['trap']}' wrongly taken as a skill in: {case['text']}"


@pytest.mark.parametrize("case", _load("true_positives.jsonl"), ids=lambda c: c["text"][:40])
def test_ambiguous_names_found_where_they_mean_the_technology(case):
    texts = {m.text for m in _mentions(case["text"])}
    assert any(case["expect"] in t.split() or case["expect"] == t for t in texts), \
        f"'{case['expect']}' missed in: {case['text']} (found {texts})"


_PIECES = st.sampled_from([
    "Python", "PyTorch", "RAG", "retrieval-augmented generation", "LLMs", "SQL", "Go", "Spark", " ", "  ", "\n",
    "\t", "-", "—", ", ", "é", "日本", "naïve", "C++", "C++11", "(", ")", "5+ years of ", "no ", "nice to have: ",
    "İstanbul", "ß", "ﬁ", "\u00a0", "\u200b",
])


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40))
def test_every_span_reproduces_its_text(pieces):
    text = "".join(pieces)
    for m in extract_document(Document("-", text), kind="posting").mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.line == text.count("\n", 0, m.start) + 1


@pytest.mark.parametrize("text, skill_id, evidence", [
    ("2+ years building recommendation/feed systems.", "ml.recommender-systems", "recommendation"),
    ("Design recommendation and ranking systems.", "ml.recommender-systems", "recommendation"),
])
def test_first_word_of_a_pair_shares_the_head_after_the_second(text, skill_id, evidence):
    """"recommendation/feed systems": "feed systems" is no taxonomy form, yet "recommendation" still
    takes "systems" and names recommender systems, on the word itself."""
    found = {(m.skill_id, m.text) for m in _mentions(text)}
    assert (skill_id, evidence) in found


def test_a_pair_does_not_lend_its_head_to_a_word_that_is_a_skill_of_its_own():
    """"Python and data pipelines": Python names itself; the pair gives it nothing more."""
    ms = [m for m in _mentions("Experience with Python and data pipelines.") if m.text == "Python"]
    assert [m.skill_id for m in ms] == ["lang.python"]


@pytest.mark.parametrize("text, skill_id", [
    ("Courses on world conflict and its resolution.", "soft.conflict-resolution"),  # a pronoun is no modifier
    ("A/R, A/P including monthly reconciliation.", "lang.r"),  # accounts receivable, not the language
    ("Project-II: Go Ayur System", "lang.go"),  # a project's name before "System"
])
def test_everyday_text_on_real_resumes_stays_out(text, skill_id):
    assert skill_id not in _ids(text)


def test_ai_is_the_field_where_asked_and_not_inside_names():
    # the field asked for, in prose and in lists
    for text in ("Strong passion for AI and a self-driven attitude.", "Experience applying AI models and tools.",
                 "Knowledge of core AI techniques.", "Using AI to change how work gets done."):
        assert "ml.artificial-intelligence" in _ids(text), text
    # part of a company, team, product or programme name, or a word of another language
    for text in ("At Netomi AI, we are on a mission.", "Qualcomm AI Research is hiring.",
                 "Our team is part of Strategic AI Initiatives.", "Reporting to the Director of Data & AI, you",
                 "the AI & Cloud Engineering (ACE) Division", "tools such as Google AI Platform.",
                 "i ngā ara hoki e whai hiko ai a Aotearoa", "see coda.io/ai for examples"):
        assert "ml.artificial-intelligence" not in _ids(text), text
    # a title-case heading noun after it is no name
    assert "ml.machine-learning" in _ids("5+ years ML Experience")
