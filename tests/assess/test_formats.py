"""One résumé gives one assessment, whether it is read from its PDF, its HTML or its DOCX.

The PDF is laid out by ReportLab on A4: paragraphs wrap, bullets are glyphs, and a compound word
may break at its hyphen ("text-" / "embedding"), which PDFium reports as a marked hyphen.
"""

from __future__ import annotations

import pytest

from skillradar.assess import assess, build_target
from skillradar.readers import read_bytes
from skillradar.records import Document

from ._render import blocks_from_text, to_docx, to_html, to_pdf
from .conftest import RESUMES, TODAY

POSTING = Document(source="llm-engineer.txt", kind="posting", text=(
    "Senior LLM Engineer\n\nRequirements\n"
    "- 3+ years of Python and SQL.\n"
    "- Hands-on experience with large language models (PaLM, OpenAI GPT, LLaMA, or similar).\n"
    "- Experience with vector databases (ChromaDB, Pinecone, pgvector, or similar).\n"
    "- Experience with prompt engineering and text embeddings.\n"
    "- Familiarity with one or more of the following:\n  - LangChain\n  - LlamaIndex\n"
    "- Cloud experience, e.g. AWS, GCP.\n\nNice to have\n- Docker and Kubernetes.\n"))

# A data analyst moving into generative AI, as the tester wrote her (dates, projects, an aim).
CAREER_CHANGER = [
    ("h1", "Jane Doe"), ("p", "Data Analyst"),
    ("h2", "Summary"),
    ("p", "Data analyst with six years of SQL and Python, moving into generative AI. Looking for an LLM / "
          "GenAI engineering role."),
    ("h2", "Experience"),
    ("title", "Data Analyst, FinServ — 2021 – Present"),
    ("ul", ["Built forecasting dashboards in Power BI and SQL on Snowflake for the credit risk team, refreshed "
            "daily from dbt models.",
            "Trained gradient boosting churn models in scikit-learn and XGBoost; validated them on out-of-time "
            "samples with AUC and calibration plots."]),
    ("title", "Data Analyst, RetailCo — 2018 – 2021"),
    ("ul", ["Built Tableau dashboards and SQL reports for merchandising and weekly store demand forecasting "
            "across four hundred stores.",
            "Automated weekly reporting in Python (pandas), cutting manual effort by half."]),
    ("h2", "Projects"),
    ("title", "Support-ticket assistant (2024)"),
    ("ul", ["Built a retrieval-augmented chatbot for the support team and evaluated answers with text-embedding "
            "similarity and a hand-labelled set of tickets; it runs on GPT-4 and LangChain over ChromaDB.",
            "Fine-tuned Llama 2 with LoRA on five thousand labelled tickets; stored text embeddings in Pinecone "
            "for semantic search over knowledge-base articles."]),
    ("h2", "Skills"),
    ("p", "Python, SQL, pandas, scikit-learn, XGBoost, Tableau, Power BI, Snowflake, dbt, LangChain, ChromaDB, "
          "Pinecone, GPT-4, Llama 2, prompt engineering, Docker"),
]


def _assessments(blocks, target, taxonomy) -> dict:
    out = {}
    for ext, render in (("html", to_html), ("docx", to_docx), ("pdf", to_pdf)):
        doc = read_bytes(render(blocks), f"resume.{ext}", kind="resume")
        out[ext] = assess(doc, target=target, taxonomy=taxonomy, today=TODAY)
    return out


def _same(assessments: dict) -> None:
    html = assessments["html"]
    for ext, a in assessments.items():
        assert a.overall == html.overall, (ext, a.overall, html.overall)
        assert a.families == html.families, ext
        assert [(m["skill_id"], m["credit"]) for m in a.matched] == \
            [(m["skill_id"], m["credit"]) for m in html.matched], ext
        assert [g.skill_id for g in a.gaps] == [g.skill_id for g in html.gaps], ext


def test_the_pdf_of_the_test_resume_wraps_lines_and_breaks_a_word_at_its_hyphen():
    """The PDF case is real: without this, the test below would compare three identical texts."""
    import pypdfium2 as pdfium

    raw = pdfium.PdfDocument(to_pdf(CAREER_CHANGER))[0].get_textpage().get_text_range()
    assert "text\ufffeembedding" in raw  # PDFium's mark for "text-" at a line end
    assert raw.count("\r\n") > len(to_docx_lines(CAREER_CHANGER))


def to_docx_lines(blocks) -> list[str]:
    return read_bytes(to_docx(blocks), "r.docx", kind="resume").text.splitlines()


def test_pdf_html_and_docx_of_one_resume_score_the_same(taxonomy):
    target = build_target(posting=POSTING, taxonomy=taxonomy)
    found = _assessments(CAREER_CHANGER, target, taxonomy)
    _same(found)
    matched = {m["skill_id"] for m in found["pdf"].matched}
    assert {"genai.embeddings", "db.pinecone", "genai.gpt"} <= matched


@pytest.mark.parametrize("name", ["cv-002.txt", "cv-008.md", "cv-011.md", "cv-014.txt", "cv-019.md"])
def test_the_project_resumes_score_the_same_in_every_format(taxonomy, name):
    """Résumés that once scored differently: lost DOCX bullets, wrapped PDF lines, HTML's blank lines."""
    target = build_target(posting=RESUMES.parent / "postings" / "llm-engineer.txt", taxonomy=taxonomy)
    _same(_assessments(blocks_from_text((RESUMES / name).read_text(encoding="utf-8")), target, taxonomy))
