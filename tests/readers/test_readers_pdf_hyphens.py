"""A hyphen at a PDF line end: PDFium joins the lines and marks the hyphen; it must not glue words."""

from __future__ import annotations

import io

from skillradar.readers.pdf import read_pdf


def _pdf(lines: list[str]) -> bytes:
    """One page with each string drawn on its own line, as a layout engine leaves a wrapped paragraph."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for i, line in enumerate(lines):
        c.drawString(72, 760 - 14 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_a_compound_hyphen_at_a_line_end_stays_a_hyphen():
    text = read_pdf(_pdf(["Evaluated answers with text-", "embedding similarity."]), "r.pdf").text
    assert "text-embedding similarity" in text and "textembedding" not in text


def test_a_word_broken_by_hyphenation_is_joined_when_the_document_spells_it_whole():
    text = read_pdf(_pdf(["Deployed services on Kuber-", "netes clusters.", "Skills: Kubernetes, Docker"]), "r.pdf").text
    assert "on Kubernetes clusters" in text


def test_no_marker_or_soft_hyphen_survives():
    text = read_pdf(_pdf(["Fine-tuned a classi\u00adfier and", "a re-", "ranker."]), "r.pdf").text
    assert "\ufffe" not in text and "\u00ad" not in text and "re-ranker" in text


def _laid_out(flow_of) -> bytes:
    """A page laid out by ReportLab's paragraphs (``flow_of(styles)`` gives the flowables)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate

    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(flow_of(getSampleStyleSheet()))
    return buf.getvalue()


def test_a_paragraph_wrapped_by_the_layout_reads_as_one_line():
    from reportlab.platypus import ListFlowable, ListItem, Paragraph

    para = ("Built a retrieval-augmented chatbot with GPT-4 and LangChain over ChromaDB for the support team, "
            "evaluated with text embedding similarity and a hand-labelled set of two thousand tickets.")
    items = ["Trained gradient boosting churn models in scikit-learn and XGBoost and validated them on later "
             "years of customers with calibration plots.", "Automated weekly reports."]

    def flow(ss):
        return [Paragraph("Experience", ss["Heading2"]), Paragraph("Data Analyst, FinServ, 2021 - Present", ss["Normal"]),
                Paragraph(para, ss["Normal"]),
                ListFlowable([ListItem(Paragraph(i, ss["Normal"])) for i in items], bulletType="bullet"),
                Paragraph("Skills", ss["Heading2"]), Paragraph("Python, SQL", ss["Normal"])]

    lines = read_pdf(_laid_out(flow), "r.pdf").text.split("\n")
    assert lines == ["Experience", "Data Analyst, FinServ, 2021 - Present", para, "• " + items[0], "• " + items[1],
                     "Skills", "Python, SQL"]


def test_lines_the_author_broke_stay_broken():
    """A full line ending a sentence, and short lines, keep their breaks even at one font size."""
    lines = ["Page one: summary of the candidate and their machine learning background.",
             "Second line of the page.", "Skills", "Python, SQL"]
    assert read_pdf(_pdf(lines), "r.pdf").text.split("\n") == lines
