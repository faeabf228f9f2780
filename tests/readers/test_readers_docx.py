"""DOCX: headers, tables and text boxes in order; zip checks before python-docx sees the file."""

from __future__ import annotations

import io
import zipfile

import pytest

from skillradar.errors import CorruptFile, UnsupportedFormat, ZipBomb
from skillradar.readers import read_bytes, read_path
from skillradar.readers import docx as docx_reader

from ._support import DATA


def test_header_body_tables_footer_in_order():
    doc = read_path(DATA / "resume.docx")
    text = doc.text
    assert doc.format == "docx"
    lines = text.split("\n")
    assert lines[0] == "Jane Doe | jane@example.com"  # header first
    assert lines[-1] == "References available on request"  # footer last
    assert "Skill\tYears\tLevel\nPython\t6\tExpert\nPyTorch\t4\tAdvanced" in text
    assert "First line of a paragraph\nsecond line after a break" in text
    assert "Acme Corp, 2019-2024\nBuilt RAG pipelines with LangChain.\nBerlin" in text
    assert text.count("Merged cell across two columns") == 1
    assert "\n\n" not in text  # empty paragraphs dropped
    order = [text.index(s) for s in ("Summary", "Skills", "Python\t6", "Experience", "Final paragraph")]
    assert order == sorted(order)


def _docx_with_text_box() -> bytes:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    p = d.add_paragraph("Anchor paragraph")
    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml"'
    )
    run = parse_xml(
        f"<w:r {ns}><mc:AlternateContent>"
        "<mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>"
        "<w:p><w:r><w:t>Sidebar: Kubernetes, Terraform</w:t></w:r></w:p>"
        "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        "<w:p><w:r><w:t>Sidebar: Kubernetes, Terraform</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )
    p._p.append(run)
    d.add_paragraph("After the box")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_text_box_read_once_after_its_paragraph():
    doc = read_bytes(_docx_with_text_box(), "box.docx")
    assert doc.text == "Anchor paragraph\nSidebar: Kubernetes, Terraform\nAfter the box"


def test_truncated_docx_is_corrupt(tmp_path):
    data = (DATA / "resume.docx").read_bytes()
    p = tmp_path / "cut.docx"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptFile) as info:
        read_path(p)
    assert info.value.source == str(p)
    assert "truncated" in info.value.message
    assert info.value.__cause__ is not None


def test_zip_bomb_by_ratio(tmp_path, gen):
    p = tmp_path / "bomb.docx"
    p.write_bytes(gen.make_zip_bomb_docx())
    assert p.stat().st_size < 100_000
    with pytest.raises(ZipBomb) as info:
        read_path(p)
    assert info.value.source == str(p)
    assert info.value.code == "zip_bomb" and info.value.http_status == 413
    assert "word/document.xml" in info.value.message


def test_zip_bomb_by_total_size(monkeypatch, gen):
    monkeypatch.setattr(docx_reader, "MAX_UNCOMPRESSED_BYTES", 1024)
    with pytest.raises(ZipBomb, match="over the"):
        read_bytes((DATA / "resume.docx").read_bytes(), "cv.docx")


def test_many_members(monkeypatch):
    monkeypatch.setattr(docx_reader, "MAX_MEMBERS", 5)
    with pytest.raises(ZipBomb, match="entries"):
        read_bytes((DATA / "resume.docx").read_bytes(), "cv.docx")


def test_other_zip_named_docx(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/workbook.xml", "<workbook/>")
    p = tmp_path / "sheet.docx"
    p.write_bytes(buf.getvalue())
    with pytest.raises(UnsupportedFormat, match="Excel") as info:
        read_path(p)
    assert info.value.source == str(p)


def test_broken_xml_inside_is_corrupt():
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO((DATA / "resume.docx").read_bytes())) as src, zipfile.ZipFile(buf, "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            if info.filename == "word/document.xml":
                body = body[: len(body) // 2]
            dst.writestr(info, body)
    with pytest.raises(CorruptFile) as info:
        read_bytes(buf.getvalue(), "broken.docx")
    assert info.value.__cause__ is not None
