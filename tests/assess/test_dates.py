"""Every entry is dated by its own dates: a 2024 project is not part of the 2018–2021 job above it."""

from __future__ import annotations

import pytest

from skillradar.assess.dates import find_date_ranges
from skillradar.assess.resume import understand_resume
from skillradar.extract import extract_document
from skillradar.records import Document

from .conftest import TODAY

JOB = "Experience\nData Analyst, RetailCo — 2018 – 2021\n- Built Tableau dashboards and SQL reports.\n\n"


def _evidence(taxonomy, text: str, skill_id: str):
    doc = Document(source="r.txt", text=text, kind="resume")
    profile = understand_resume(extract_document(doc, taxonomy=taxonomy, kind="resume"), doc, today=TODAY)
    return profile.skills[skill_id]


@pytest.mark.parametrize("title, entry", [
    ("Support-ticket assistant (2024)", "2024"),
    ("Support-ticket assistant | Jan 2024", "Jan 2024"),
    ("Support-ticket assistant — 2024", "2024"),
    ("Support-ticket assistant (March 2024, personal)", "March 2024"),
    ("2024 · Support-ticket assistant", "2024"),
])
def test_a_dated_project_is_dated_by_its_own_date(taxonomy, title, entry):
    text = JOB + f"Projects\n{title}\n- Built a RAG chatbot with LangChain over ChromaDB.\n"
    ev = _evidence(taxonomy, text, "fw.langchain").evidence[0]
    assert ev.entry == entry and ev.years_ago < 3  # the job above ended 4.4 years before TODAY


def test_an_undated_project_does_not_inherit_the_job_above(taxonomy):
    text = JOB + "Projects\nImage classifier\n- Trained a CNN in PyTorch on product photos.\n"
    ev = _evidence(taxonomy, text, "fw.pytorch").evidence[0]
    assert ev.entry is None and ev.recency == 1.0


def test_an_undated_project_title_between_bullets_starts_its_own_entry(taxonomy):
    text = (JOB + "Projects\nChurn model (2017)\n- Fitted gradient boosting in XGBoost.\n"
            "Image classifier\n- Trained a CNN in PyTorch on product photos.\n")
    assert _evidence(taxonomy, text, "fw.xgboost").evidence[0].entry == "2017"
    assert _evidence(taxonomy, text, "fw.pytorch").evidence[0].entry is None


def test_a_single_date_dates_but_measures_no_years(taxonomy):
    text = JOB + "Projects\nSupport-ticket assistant (2024)\n- Built a RAG chatbot with LangChain.\n"
    assert _evidence(taxonomy, text, "fw.langchain").dated_years is None
    assert _evidence(taxonomy, text, "data.sql").dated_years == 4.0


def test_years_inside_bullets_and_sentences_are_not_entry_dates():
    text = ("Experience\nData Engineer, Acme — 2019 – Present\n- Migrated the warehouse in 2021 to Snowflake.\n"
            "Projects\nI have built side projects since 2020 with many tools.\n")
    assert [r.text for r in find_date_ranges(text, today=TODAY)] == ["2019 – Present"]


def test_a_title_above_a_blank_line_heads_its_entry():
    """HTML puts a blank line between paragraphs: "Title", "", "2024 – Present" is one entry."""
    from skillradar.assess.involvement import entry_title

    text = "Experience\n\nGenerative AI Engineer, Brightdesk\n\n2024 – Present\n\nServed open models with vLLM.\n"
    rng = find_date_ranges(text, today=TODAY)[0]
    assert entry_title(text, rng) == "Generative AI Engineer, Brightdesk"
