"""DOCX list paragraphs keep their item marker, as HTML list items do: where an item ends is not lost."""

from __future__ import annotations

import io

from skillradar.readers.docx import read_docx


def _docx(build) -> bytes:
    import docx

    d = docx.Document()
    build(d)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_bulleted_and_numbered_paragraphs_start_with_a_marker():
    def build(d):
        d.add_heading("Experience", level=1)
        d.add_paragraph("Data Analyst, FinServ, 2021 - Present")
        d.add_paragraph("Built dashboards in Power BI", style="List Bullet")
        d.add_paragraph("Trained churn models in XGBoost", style="List Number")
        d.add_paragraph("A closing paragraph.")

    lines = read_docx(_docx(build), "r.docx").text.split("\n")
    assert lines == ["Experience", "Data Analyst, FinServ, 2021 - Present", "- Built dashboards in Power BI",
                     "- Trained churn models in XGBoost", "A closing paragraph."]


def test_numbering_switched_off_on_a_list_style_is_plain_text():
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def build(d):
        p = d.add_paragraph("Not an item any more", style="List Bullet")
        num = OxmlElement("w:numPr")
        num_id = OxmlElement("w:numId")
        num_id.set(qn("w:val"), "0")
        num.append(num_id)
        p._p.get_or_add_pPr().append(num)

    assert read_docx(_docx(build), "r.docx").text == "Not an item any more"
