"""Render one résumé, given as blocks, to HTML, DOCX and PDF the way people make them (test fixtures).

Blocks: ``("h1" | "h2" | "p" | "title", text)`` or ``("ul", [items])``. The PDF is laid out by
ReportLab on A4, so paragraphs wrap across lines and a compound word may break at its hyphen.
"""

from __future__ import annotations

import io
import re
from html import escape

__all__ = ["blocks_from_text", "to_docx", "to_html", "to_pdf"]


def blocks_from_text(text: str) -> list[tuple]:
    """Blocks of a plain-text or Markdown résumé: headings, bullet lists and paragraphs, Markdown's way
    (lines that follow one another without a blank line or a bullet are one paragraph, wrapped)."""
    blocks: list[tuple] = []
    joined = False  # may the next line continue the last block?
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            joined = False
            continue
        bullet = re.match(r"^[-*•]\s+(.*)", line)
        if joined and not bullet and not line.startswith("#"):
            kind, content = blocks[-1]
            if kind == "ul":
                content[-1] += " " + _plain(line)
            else:
                blocks[-1] = (kind, content + " " + _plain(line))
            continue
        joined = not line.startswith("#")
        if bullet:
            if blocks and blocks[-1][0] == "ul":
                blocks[-1][1].append(_plain(bullet.group(1)))
            else:
                blocks.append(("ul", [_plain(bullet.group(1))]))
        elif line.startswith("#"):
            blocks.append(("h1" if line.startswith("# ") else "h2", _plain(line.lstrip("# "))))
        else:
            blocks.append(("p", _plain(line)))
    return blocks


def _plain(s: str) -> str:
    return re.sub(r"\*\*|__|`", "", s)


def to_html(blocks) -> bytes:
    out = ["<!DOCTYPE html><html><body>"]
    for kind, content in blocks:
        if kind == "ul":
            out.append("<ul>" + "".join(f"<li>{escape(i)}</li>" for i in content) + "</ul>")
        elif kind == "title":
            out.append(f"<p><b>{escape(content)}</b></p>")
        else:
            out.append(f"<{kind}>{escape(content)}</{kind}>")
    out.append("</body></html>")
    return "\n".join(out).encode("utf-8")


def to_docx(blocks) -> bytes:
    import docx

    d = docx.Document()
    for kind, content in blocks:
        if kind in ("h1", "h2"):
            d.add_heading(content, level=int(kind[1]))
        elif kind == "p":
            d.add_paragraph(content)
        elif kind == "title":
            d.add_paragraph().add_run(content).bold = True
        else:
            for item in content:
                d.add_paragraph(item, style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def to_pdf(blocks) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    sheet = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=sheet["Normal"], embeddedHyphenation=1)  # may break "text-embedding"
    styles = {"h1": sheet["Heading1"], "h2": sheet["Heading2"], "p": body, "title": body}
    buf = io.BytesIO()
    flow = []
    for kind, content in blocks:
        if kind == "ul":
            flow.append(ListFlowable([ListItem(Paragraph(escape(i), body)) for i in content], bulletType="bullet"))
        else:
            flow.append(Paragraph(f"<b>{escape(content)}</b>" if kind == "title" else escape(content), styles[kind]))
    SimpleDocTemplate(buf, pagesize=A4, invariant=1).build(flow)
    return buf.getvalue()
