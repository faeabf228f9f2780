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
