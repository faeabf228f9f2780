"""Make the reader fixtures: ``python tests/data/readers/make_fixtures.py``.

The committed files in this folder are written by :func:`main`; the bad inputs (encrypted,
image-only, truncated, zip bomb …) are made on the fly by the tests with the ``make_*`` functions
below, so the repository holds no hostile files. PDFs are written with ``invariant=1`` so the bytes
do not change from run to run. After regenerating, refresh the golden files with
``SKILLRADAR_UPDATE_GOLDEN=1 pytest tests/readers``.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

POSTING_TXT = """Senior Machine Learning Engineer
Acme Analytics, Remote

About the role
We are looking for an engineer to build retrieval-augmented generation (RAG) systems.

Requirements
- 5+ years of experience with Python and SQL
- Experience fine-tuning large language models with PyTorch
- Familiarity with Docker, Kubernetes and AWS

Nice to have
- Experience with LangChain or LlamaIndex
- Knowledge of GDPR and responsible AI practices
"""

POSTING_MD = """# Data Scientist (GenAI)

**Team:** Applied Research · *Berlin / hybrid*

## What you'll do
* Design prompt-engineering experiments and evaluate LLM outputs
* Build dashboards with `pandas` and [Plotly](https://plotly.com)

## Must have
1. Statistics: hypothesis testing, confidence intervals
2. Python, NumPy, scikit-learn

> We value clear communication with non-technical stakeholders.
"""

POSTING_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Job: NLP Engineer</title>
  <style>body { font-family: sans-serif; } .x::before { content: "hidden"; }</style>
  <script>var tracking = "<p>not visible</p>";</script>
</head>
<body>
  <header><nav><a href="/">Home</a> &middot; <a href="/jobs">Jobs</a></nav></header>
  <main>
    <h1>NLP   Engineer</h1>
    <p>Join our team building <strong>transformer</strong>-based
       models &amp; search&nbsp;tools.</p>
    <h2>Requirements</h2>
    <ul>
      <li>3+ years with <em>Python</em></li>
      <li>Hugging Face Transformers, spaCy</li>
    </ul>
    <h2>Steps</h2>
    <ol><li>Apply online</li><li>Technical interview</li></ol>
    <table>
      <tr><th>Skill</th><th>Level</th></tr>
      <tr><td>PyTorch</td><td>Expert</td></tr>
    </table>
    <noscript>Please enable JavaScript</noscript>
    <template><p>template text</p></template>
    <p>Line one<br>Line two</p>
    <pre>code  block
  indented</pre>
  </main>
</body>
</html>
"""

LEFT_COLUMN = [
    "Jane Doe",
    "Machine learning engineer with six years of experience designing, training and deploying "
    "deep learning models for search and recommendation at scale.",
    "Experience",
    "Built a retrieval-augmented generation assistant on top of a vector database, cutting support "
    "ticket volume by a third while keeping answers grounded in the documentation.",
    "Led the migration of the training pipeline from TensorFlow to PyTorch and introduced "
    "experiment tracking, model evaluation dashboards and automated regression tests.",
]
RIGHT_COLUMN = [
    "Skills",
    "Python, SQL, PyTorch, TensorFlow, Docker, Kubernetes, Airflow, Spark and cloud platforms such "
    "as AWS and Google Cloud.",
    "Education",
    "MSc in Computer Science, focusing on natural language processing and information retrieval.",
    "Languages",
    "English (fluent), German (intermediate), Spanish (basic conversational level).",
]

MULTI_PAGE = [
    "Page one: summary of the candidate and their machine learning background.",
    "Page two: experience with prompt engineering and LLM evaluation.",
    "Page three: education and certifications in cloud computing.",
]


def make_two_column_pdf() -> bytes:
    """A one-page résumé laid out in two columns of wrapped paragraphs (reportlab platypus)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import BaseDocTemplate, Frame, FrameBreak, PageTemplate, Paragraph

    buf = io.BytesIO()
    width, height = A4
    margin, gap = 40, 24
    col = (width - 2 * margin - gap) / 2
    doc = BaseDocTemplate(buf, pagesize=A4, invariant=1, title="two-column resume")
    left = Frame(margin, margin, col, height - 2 * margin, id="left")
    right = Frame(margin + col + gap, margin, col, height - 2 * margin, id="right")
    doc.addPageTemplates([PageTemplate(id="two", frames=[left, right])])
    styles = getSampleStyleSheet()
    story = [Paragraph(t, styles["BodyText"]) for t in LEFT_COLUMN]
    story.append(FrameBreak())
    story += [Paragraph(t, styles["BodyText"]) for t in RIGHT_COLUMN]
    doc.build(story)
    return buf.getvalue()


def make_multipage_pdf() -> bytes:
    """Three pages of one line each."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for line in MULTI_PAGE:
        c.drawString(72, 760, line)
        c.drawString(72, 740, "Second line of the page.")
        c.showPage()
    c.save()
    return buf.getvalue()


def make_encrypted_pdf() -> bytes:
    """A PDF that needs the user password ``pw``."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt="pw", invariant=1)
    c.drawString(72, 760, "Confidential resume: Python, SQL")
    c.showPage()
    c.save()
    return buf.getvalue()


def make_image_only_pdf(pages: int = 2) -> bytes:
    """Pages holding only a drawn rectangle and an embedded image, no text (like a scan)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    # A tiny grey image, written as a PPM so no imaging library is needed.
    ppm = b"P6 8 8 255\n" + bytes([128, 128, 128]) * 64
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for _ in range(pages):
        c.rect(72, 400, 300, 300, fill=1)
        try:
            c.drawImage(ImageReader(io.BytesIO(ppm)), 100, 100, 200, 200)
        except Exception:  # noqa: BLE001 - PIL missing: the rectangle alone is image-like enough
            pass
        c.showPage()
    c.save()
    return buf.getvalue()


def make_resume_docx() -> bytes:
    """A résumé with a header, a footer, paragraphs, a line break and tables (one merged cell)."""
    import docx

    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "Jane Doe | jane@example.com"
    section.footer.paragraphs[0].text = "References available on request"
    d.add_heading("Summary", level=1)
    d.add_paragraph("Machine learning engineer focused on large language models.")
    p = d.add_paragraph("First line of a paragraph")
    p.add_run().add_break()
    p.add_run("second line after a break")
    d.add_paragraph("")  # an empty paragraph: dropped
    d.add_heading("Skills", level=1)
    table = d.add_table(rows=3, cols=3)
    rows = [("Skill", "Years", "Level"), ("Python", "6", "Expert"), ("PyTorch", "4", "Advanced")]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    d.add_heading("Experience", level=1)
    layout = d.add_table(rows=1, cols=2)
    merged = layout.cell(0, 0)
    merged.text = "Acme Corp, 2019-2024"
    merged.add_paragraph("Built RAG pipelines with LangChain.")
    layout.cell(0, 1).text = "Berlin"
    wide = d.add_table(rows=1, cols=3)
    wide.cell(0, 0).merge(wide.cell(0, 1)).text = "Merged cell across two columns"
    wide.cell(0, 2).text = "Third"
    d.add_paragraph("Final paragraph after the tables.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_zip_bomb_docx(member_bytes: int = 4 * 1024 * 1024) -> bytes:
    """A zip that looks like a DOCX whose document.xml is ``member_bytes`` of one repeated byte."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<" + b" " * member_bytes + b"/>")
    return buf.getvalue()


_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_PARAGRAPH = ('<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:rPr><w:rFonts w:ascii="Calibri"/>'
              '<w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">Item {i}: built retrieval-augmented generation '
              'with Python, PyTorch and SQL for {j} teams; </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>'
              '<w:t>led the Kubernetes rollout in {k}.</w:t></w:r></w:p>')


def make_large_docx(xml_bytes: int, *, extra: dict[str, bytes] | None = None) -> bytes:
    """A valid DOCX (the résumé's parts) whose ``word/document.xml`` is about ``xml_bytes`` of ordinary
    paragraphs: compressible like real Word markup (about 20:1, under the 100:1 zip-bomb ratio).
    ``extra`` adds members (name → bytes)."""
    paragraphs, size, i = [], 0, 0
    while size < xml_bytes:
        p = _PARAGRAPH.format(i=i, j=(i * 7919) % 1000, k=1990 + i % 35)
        paragraphs.append(p)
        size += len(p)
        i += 1
    body = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W_NS}><w:body>'
            + "".join(paragraphs) + "</w:body></w:document>").encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_resume_docx())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, body if info.filename == "word/document.xml" else src.read(info.filename))
        for name, data in (extra or {}).items():
            dst.writestr(name, data)
    return out.getvalue()


def make_future_zip_docx(version: int = 64) -> bytes:
    """The résumé DOCX with every member claiming a "version needed to extract" above 6.3."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_resume_docx())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            info = zipfile.ZipInfo(info.filename, info.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.extract_version = version
            dst.writestr(info, data)
    return out.getvalue()


FIXTURES = {
    "posting.txt": lambda: POSTING_TXT.encode("utf-8"),
    "crlf_bom.txt": lambda: b"\xef\xbb\xbf" + POSTING_TXT.replace("\n", "\r\n").encode("utf-8"),
    "posting.md": lambda: POSTING_MD.encode("utf-8"),
    "posting.html": lambda: POSTING_HTML.encode("utf-8"),
    "resume_two_column.pdf": make_two_column_pdf,
    "multi_page.pdf": make_multipage_pdf,
    "resume.docx": make_resume_docx,
}


def main() -> None:
    for name, make in FIXTURES.items():
        (HERE / name).write_bytes(make())
        print("wrote", HERE / name)


if __name__ == "__main__":
    main()
