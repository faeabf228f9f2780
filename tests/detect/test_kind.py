"""Telling a résumé from a posting when the caller does not say (``--kind auto``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillradar.detect.kind import guess_kind
from skillradar.extract import extract_text

DATA = Path(__file__).resolve().parents[1] / "data"

# the shape of the real one-paragraph résumés the first guesser called postings (written here)
FLAT_RESUME = (
    "Skills: Python, SQL, Tableau, Machine Learning Education Details January 2014 to January 2017 B.E. "
    "Computer Engineering Pune University Data Analyst Skill Details Python- Exprience - 24 months SQL- "
    "Exprience - 36 months Company Details company - Acme Analytics description - Built churn models and "
    "weekly dashboards for the sales team.")
SHORT_POSTING = ("Data Analyst. You will build dashboards with our sales team. Requirements: 3+ years of SQL "
                 "and Python. Nice to have: Tableau. We offer remote work and health insurance.")


def test_a_flattened_real_style_resume_is_a_resume():
    assert guess_kind(FLAT_RESUME) == "resume"


def test_a_short_posting_is_a_posting():
    assert guess_kind(SHORT_POSTING) == "posting"


def test_a_snippet_with_no_telling_word_stays_a_posting():
    assert guess_kind("Python and SQL") == "posting"
    assert guess_kind("") == "posting"


@pytest.mark.parametrize("path", sorted((DATA / "postings").glob("*.*")), ids=lambda p: p.name)
def test_the_written_postings_are_postings(path):
    assert guess_kind(path.read_text(encoding="utf-8")) == "posting"


@pytest.mark.parametrize("path", sorted((DATA / "resumes").glob("cv-*.txt")), ids=lambda p: p.name)
def test_the_written_resumes_are_resumes(path):
    assert guess_kind(path.read_text(encoding="utf-8")) == "resume"


@given(st.emails(), st.sampled_from(["https://example.org/me", "www.someone.dev", "[NAME]", "[PHONE]"]))
def test_addresses_links_and_placeholders_do_not_move_the_guess(email, noise):
    assert guess_kind(f"{email} {noise}\n{FLAT_RESUME}") == "resume"
    assert guess_kind(f"{SHORT_POSTING}\nApply: {email} {noise}") == "posting"


def test_extract_reads_an_unlabelled_resume_as_a_resume():
    """A résumé given to ``extract`` without --kind has no requirement levels (it asks for nothing)."""
    ex = extract_text(FLAT_RESUME)
    assert ex.kind == "resume"
    assert all(m.requirement is None for m in ex.mentions)
