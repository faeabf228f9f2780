"""A sentence that states an aim ("Looking for an LLM engineering role") is neither practice nor shown skill."""

from __future__ import annotations

import pytest

from skillradar.assess import assess
from skillradar.assess.practice import find_practice
from skillradar.records import Document

from .conftest import TODAY

AIMS = [
    "Looking for an LLM / GenAI engineering role building and deploying models.",
    "Seeking a role where I can fine-tune LLMs and build RAG systems.",
    "Aspiring ML engineer, eager to train deep learning models.",
    "Interested in fine-tuning LLMs and building RAG systems.",
    "I want to build LLM agents and evaluate models.",
    "Hoping to deploy transformer models in production.",
]


@pytest.mark.parametrize("sentence", AIMS)
def test_an_aim_is_not_practice(sentence):
    assert find_practice("Summary\nData analyst with six years of SQL. " + sentence + "\n").count == 0


def test_an_objective_section_is_not_practice():
    assert find_practice("Career objective\nBuild and deploy LLM models in production.\n").count == 0


def test_work_described_is_still_practice():
    text = "Experience\nAnalyst, Acme — 2022 – Present\n- Built a tool looking for fraud patterns; trained XGBoost models.\n"
    assert find_practice(text).count == 1


@pytest.mark.parametrize("sentence", AIMS[:2])
def test_a_skill_named_as_an_aim_counts_as_listed_not_shown(taxonomy, sentence):
    posting = Document(source="p.txt", kind="posting", text="Requirements\n- Large language models.\n")
    aim = Document(source="a.txt", kind="resume", text="Summary\nData analyst. " + sentence + "\n")
    # the same AI/ML skills listed (one alone would count half: see LONE_CORE_FACTOR)
    listed = Document(source="b.txt", kind="resume", text="Skills\nLLMs, generative AI, fine-tuning, RAG, SQL\n")
    a = assess(aim, posting=posting, taxonomy=taxonomy, today=TODAY)
    b = assess(listed, posting=posting, taxonomy=taxonomy, today=TODAY)
    row = next(m for m in a.to_dict()["matched"] if m["skill_id"] == "genai.llm")
    assert a.overall <= b.overall
    assert "named as an aim" in row["why"]
