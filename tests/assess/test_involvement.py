"""How a résumé mention relates to the person: doing the work, talking about it, naming others who
do it, or doing it inside a job whose title says the person sells, manages or reports on it."""

from __future__ import annotations

import pytest

from skillradar.assess import assess
from skillradar.assess.involvement import headline_role, involvement_of, non_practitioner_role, proficiency_of
from skillradar.assess.resume import find_date_ranges
from skillradar.records import Document

from .conftest import TODAY


def _inv(text: str, word: str) -> str:
    i = text.index(word)
    return involvement_of(text, i, i + len(word))


@pytest.mark.parametrize("text, word, expected", [
    ("- Train and deploy ranking models in PyTorch.", "PyTorch", "hands-on"),  # present tense
    ("- Advise on the EU AI Act and on generative AI contracts.", "generative AI", "talking"),
    ("- Negotiate licences for machine learning models.", "machine learning", "talking"),
    ("- Hired 31 machine learning engineers for an LLM startup.", "machine learning", "others"),
    ("- Defined success metrics with the ML team.", "ML", "others"),
    ("- Shipped a feature built by the data science team.", "data science", "others"),
    ("- Worked as a machine learning engineer on search.", "machine learning", "hands-on"),
    # the cue nearest before the mention decides
    ("- Builds the agenda (tracks on LLM applications and computer vision).", "computer vision", "talking"),
    ("- Advised banks on RAG, then built a RAG pilot in LangChain.", "LangChain", "hands-on"),
])
def test_involvement(text, word, expected):
    assert _inv(text, word) == expected


def test_a_wrapped_bullet_is_one_sentence():
    text = ("  - Builds the agenda with the committee (tracks on LLM applications, MLOps,\n"
            "    computer vision and responsible AI).\n  - Built dashboards in Tableau.\n")
    assert _inv(text, "computer vision") == "talking"
    assert _inv(text, "Tableau") == "hands-on"  # a new bullet is a new sentence


@pytest.mark.parametrize("title, role", [
    ("Senior Product Manager, AI Assistant — Chatwell   2022 - present", "Product Manager"),
    ("**Senior Solutions Engineer, DataForge (MLOps platform vendor)** — 2021 – present", "Solutions Engineer"),
    ("The Daily Ledger | Editor | November 2022 — Present", "Editor"),
    ("### Investment Associate — Foghorn Ventures | Aug 2023 – Present", "Investment Associate"),
    ("Senior Technical Recruiter, Quillion AI   Jan 2023 - Present", "Technical Recruiter"),
    # the employer's name does not count, and a practitioner noun wins over a field word
    ("Senior AI Engineer (LLM) at Lexica Legal Tech (Jul 2023 - Present)", None),
    ("Digital Marketing Analyst, Vitrine Moda Online   Mar 2022 - Present", None),
    ("Data Scientist, Sales Analytics — Acme   2020 – 2023", None),
    ("VP Engineering — Nordpay AB · 2021 – Present", None),
])
def test_non_practitioner_titles(title, role):
    assert non_practitioner_role(title) == role


def test_headline_role_ignores_names_and_emails():
    for head in ("Maria Sales\nmaria.sales@example.com | Leeds\n", "Maria Sales — Data Scientist\n"):
        text = head + "\nExperience\nData Scientist, Acme — 2021 – present\n- Trained churn models.\n"
        assert headline_role(text, find_date_ranges(text, today=TODAY)) is None
    text = "Jordan Ellison\nSenior Technical Recruiter — AI & Machine Learning\n\nSummary\nI hire ML people.\n"
    assert headline_role(text, find_date_ranges(text, today=TODAY)) == "Technical Recruiter"


def test_a_surname_that_is_a_job_word_does_not_move_the_score():
    body = ("\n\nSummary\nMachine learning engineer.\n\nExperience\nML Engineer, Acme — 2021 – present\n"
            "- Trained PyTorch models for fraud detection and deployed them on Kubernetes.\n")
    posting = Document(source="p.txt", kind="posting", text="Requirements\n- PyTorch, Kubernetes, machine learning.\n")
    scores = {name: assess(Document(source="r.txt", text=f"{name}\n{email}" + body), posting=posting,
                           today=TODAY).overall
              for name, email in [("Maria Sales", "maria.sales@example.com"), ("John Smith", "john.smith@example.com"),
                                  ("Ada Editor", "ada.editor@example.com")]}
    assert len(set(scores.values())) == 1, scores


@pytest.mark.parametrize("text, word, expected", [
    ("Skills: SQL (basic), Python (advanced)", "SQL", "basic"),
    ("Skills: SQL (basic), Python (advanced)", "Python", None),
    ("Familiar with Docker, Kubernetes and Terraform", "Terraform", "basic"),
    ("Basic knowledge of R", "R", "basic"),
    ("Deep learning, PyTorch, Hugging Face", "PyTorch", None),  # "learning" is not a rating
])
def test_proficiency(text, word, expected):
    i = text.index(word)
    assert proficiency_of(text, i, i + len(word)) == expected


def test_talkers_score_below_doers_for_the_same_words():
    posting = Document(source="p.txt", kind="posting",
                       text="Requirements\n- LLMs, RAG and machine learning.\n- Python.\n")
    doer = ("Summary\nI build LLM applications.\n\nExperience\nAI Engineer, Acme — 2023 – present\n"
            "- Built a RAG assistant over 40k documents with an LLM; trained ranking models (machine learning).\n"
            "- Python services.\n")
    talker = ("Summary\nI build relationships with machine learning engineers.\n\nExperience\n"
              "Product Manager, AI Assistant, Acme — 2023 – present\n"
              "- Launched the LLM assistant with the ML team; defined RAG evaluation metrics with the engineers.\n"
              "- Python (basic).\n")
    a = assess(Document(source="a.txt", text=doer), posting=posting, today=TODAY)
    b = assess(Document(source="b.txt", text=talker), posting=posting, today=TODAY)
    assert a.overall > b.overall + 20, (a.overall, b.overall)
    why = {m["skill_id"]: m["why"] for m in b.to_dict()["matched"]}
    assert "rather than doing it" in why["genai.llm"]
