"""PDF: pages, reading order of two columns, and every way a PDF can be unreadable."""

from __future__ import annotations

import re

import pytest

from skillradar.errors import CorruptFile, EmptyText, EncryptedPdf, ScannedPdf
from skillradar.readers import read_bytes, read_path
from skillradar.readers import pdf as pdf_reader

from ._support import DATA


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_two_column_paragraphs_stay_intact(gen):
    doc = read_path(DATA / "resume_two_column.pdf")
    flat = _squash(doc.text)
    positions = []
    for para in gen.LEFT_COLUMN + gen.RIGHT_COLUMN:
        assert _squash(para) in flat, para
        positions.append(flat.index(_squash(para)))
    assert positions == sorted(positions)  # whole left column, then the right one
    assert doc.page_starts == (0,)
    assert "\r" not in doc.text


def test_pages_and_page_starts():
    doc = read_path(DATA / "multi_page.pdf")
    assert len(doc.page_starts) == 3
    pages = doc.text.split(pdf_reader.PAGE_SEPARATOR)
    assert len(pages) == 3
    for number, (start, page) in enumerate(zip(doc.page_starts, pages), start=1):
        assert doc.text[start:].startswith(page)
        assert doc.page_of(start) == number
        assert doc.page_of(start + len(page) - 1) == number
    assert doc.text.index("Page two") == doc.page_starts[1]
    assert doc.line_of(doc.page_starts[1]) == 4  # two lines, then the form-feed line


def test_encrypted(tmp_path, gen):
    p = tmp_path / "locked.pdf"
    p.write_bytes(gen.make_encrypted_pdf())
    with pytest.raises(EncryptedPdf) as info:
        read_path(p)
    err = info.value
    assert err.source == str(p) and err.code == "encrypted_pdf"
    assert "password-protected: remove the password and try again" in err.message
    assert err.__cause__ is not None


def test_image_only_is_scanned(tmp_path, gen):
    p = tmp_path / "scan.pdf"
    p.write_bytes(gen.make_image_only_pdf())
    with pytest.raises(ScannedPdf) as info:
        read_path(p)
    assert info.value.source == str(p)
    assert "image-only" in info.value.message and "OCR" in info.value.message


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_truncated_is_corrupt(tmp_path, fraction):
    data = (DATA / "multi_page.pdf").read_bytes()
    p = tmp_path / "cut.pdf"
    p.write_bytes(data[: int(len(data) * fraction)])
    with pytest.raises(CorruptFile) as info:
        read_path(p)
    assert info.value.source == str(p)
    assert info.value.__cause__ is not None


def test_garbage_with_pdf_name_is_corrupt(tmp_path):
    p = tmp_path / "x.pdf"
    p.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(CorruptFile, match="not a valid PDF"):
        read_path(p)


def test_empty_pdf_file(tmp_path):
    p = tmp_path / "e.pdf"
    p.write_bytes(b"")
    with pytest.raises(EmptyText):
        read_path(p)


def test_pypdf_fallback_when_pdfium_fails(monkeypatch):
    import pypdfium2

    def broken(data, source):
        raise pypdfium2.PdfiumError("Failed to load document (simulated)", err_code=3)

    monkeypatch.setattr(pdf_reader, "_pdfium_pages", broken)
    doc = read_path(DATA / "multi_page.pdf")
    assert "Page two: experience with prompt engineering" in doc.text
    assert len(doc.page_starts) == 3
    assert [n.code for n in doc.notices] == ["pdf_fallback"]


def test_both_libraries_failing_is_corrupt_from_the_cause(monkeypatch, tmp_path, gen):
    p = tmp_path / "cut.pdf"
    p.write_bytes((DATA / "multi_page.pdf").read_bytes()[:600])
    with pytest.raises(CorruptFile) as info:
        read_path(p)
    cause = info.value.__cause__
    assert type(cause).__module__.startswith("pypdfium2")


def test_pypdf_fallback_also_detects_encryption(monkeypatch, gen):
    monkeypatch.setattr(pdf_reader, "_pdfium_pages", lambda data, source: (_ for _ in ()).throw(RuntimeError("x")))
    with pytest.raises(EncryptedPdf):
        read_bytes(gen.make_encrypted_pdf(), "locked.pdf")


def test_clean_page_normalises():
    assert pdf_reader._clean_page(" a\r\nb\rc\x02\x00d\ufb01ne \n") == "a\nb\ncdfine"


def test_join_pages_empty_page():
    text, starts = pdf_reader.join_pages(["a", "", "b"])
    assert text == "a\n\f\n\n\f\nb"
    assert starts == (0, 4, 7)
