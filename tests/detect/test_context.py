"""Requirement level, negation, years and sections on the sentences postings really use."""

from __future__ import annotations

from skillradar.extract import extract_text


def _by_text(text: str, kind: str = "posting"):
    return {m.text: m for m in extract_text(text, kind=kind).mentions}


def test_nice_to_have_is_preferred():
    assert _by_text("Nice to have: Kubernetes")["Kubernetes"].requirement == "preferred"


def test_no_prior_experience_required_is_negated():
    assert _by_text("No prior PyTorch experience required.")["PyTorch"].requirement == "negated"


def test_not_required_after_the_skill_is_negated():
    assert _by_text("Experience with TensorFlow is not required.")["TensorFlow"].requirement == "negated"


def test_years_and_required():
    m = _by_text("5+ years of Python")["Python"]
    assert (m.requirement, m.years) == ("required", 5.0)


def test_years_range_covers_every_skill_after_it():
    ms = _by_text("3-5 years with SQL and Spark")
    assert ms["SQL"].years == 3.0 and ms["Spark"].years == 3.0


def test_years_after_the_skill():
    assert _by_text("Python (4 yrs), Docker")["Python"].years == 4.0


def test_word_numbers():
    assert _by_text("At least three years of experience with PyTorch.")["PyTorch"].years == 3.0


def test_negation_does_not_leak_across_clauses():
    ms = _by_text("No visa sponsorship. Strong Python skills required.")
    assert ms["Python"].requirement == "required"


def test_negation_only_reaches_forward():
    ms = _by_text("Python is required, not Java.")
    assert ms["Python"].requirement == "required"
    assert ms["Java"].requirement == "negated"


def test_sections_from_headings():
    text = ("About the role\nYou will build LLM apps.\n\nRequirements:\n- Python\n\nNice to have\n- Kubernetes\n\n"
            "Benefits\n- Free Python books\n")
    ms = extract_text(text, kind="posting").mentions
    by = {(m.text, m.section) for m in ms}
    assert ("Python", "requirements") in by
    assert ("Kubernetes", "nice_to_have") in by
    req = {m.text: m.requirement for m in ms if m.section in ("requirements", "nice_to_have")}
    assert req == {"Python": "required", "Kubernetes": "preferred"}


def test_resume_mentions_have_no_requirement_level():
    ms = extract_text("Skills\nPython, SQL, PyTorch\n", kind="resume").mentions
    assert ms and all(m.requirement is None for m in ms)
    assert {m.section for m in ms} == {"skills"}


def test_kind_is_guessed():
    assert extract_text("Responsibilities\nYou will build models.\nRequirements\nPython").kind == "posting"
    cv = "Jane Doe\njane@example.com\nExperience\n2019 - 2023 Data Scientist, built models\nEducation\nMSc"
    assert extract_text(cv).kind == "resume"


def test_years_cover_a_list_not_every_later_skill():
    ms = _by_text("4+ years of Python and strong software engineering practice (Git, code review).")
    assert ms["Python"].years == 4.0
    assert ms["Git"].years is None
    ms = _by_text("5 years of Python, SQL or Spark and some Docker")
    assert (ms["Python"].years, ms["SQL"].years, ms["Spark"].years) == (5.0, 5.0, 5.0)


def test_is_plus_without_an_article_is_preferred():
    # seen in a real posting: "Experience of Product Owner of scrum team is plus."
    assert _by_text("Requirements:\n- Experience with Kubernetes is plus.\n")["Kubernetes"].requirement == "preferred"
