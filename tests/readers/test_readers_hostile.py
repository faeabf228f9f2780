"""Hostile files (issue 12, items 1 and 3): each one becomes its own coded error or a result, never a
crash, and memory stays bounded by the input limit."""

from __future__ import annotations

import io

import pytest

from skillradar.errors import CorruptFile, DecodeError, TooLarge, ZipBomb
from skillradar.readers import read_bytes, read_path
from skillradar.readers import docx as docx_reader
from skillradar.readers import html as html_reader
from skillradar.readers.charset import document_codec

from ._support import DATA

MB = 1024 * 1024


# -- item 1: a small DOCX that unpacks into a huge document ---------------------------------------


def test_large_compressible_document_xml_is_refused_before_parsing(gen):
    data = gen.make_large_docx(3 * MB)  # ~100 KB on disk, ~47:1: under the 100:1 ratio guard
    assert len(data) < 200_000
    with pytest.raises(TooLarge) as info:
        read_bytes(data, "cv.docx", max_bytes=2 * MB)  # markup budget: max(2 MB, 0.4 × 2 MB); total 4 MB
    err = info.value
    assert err.code == "too_large" and err.http_status == 413 and err.source == "cv.docx"
    assert "word/document.xml" in err.message and "--max-bytes" in err.message


def test_the_same_document_reads_under_a_limit_that_allows_it(gen):
    doc = read_bytes(gen.make_large_docx(3 * MB), "cv.docx", max_bytes=10 * MB)
    assert doc.text.count("Kubernetes rollout") > 5000


def test_total_unpacked_size_scales_with_the_limit(gen):
    import random

    # 4 MB of non-XML in four letters: ~4:1, like a bitmap, so the file stays under its own limit
    filler = random.Random(12).randbytes(4 * MB).translate(bytes(b"abcd"[i % 4] for i in range(256)))
    data = gen.make_large_docx(10_000, extra={"word/media/image1.bin": filler})
    assert len(data) < 1.5 * MB
    with pytest.raises(ZipBomb) as info:
        read_bytes(data, "cv.docx", max_bytes=int(1.5 * MB))
    assert "over the 3 MB limit" in info.value.message and "image1.bin" in info.value.message
    assert read_bytes(data, "cv.docx", max_bytes=4 * MB).text


def test_every_member_counts_toward_the_total(gen):
    # many small members, each under the 1 MB ratio check, together far over the budget
    members = {f"word/media/part{i}.bin": b"\x89PNG" + b"\x00" * 200_000 for i in range(30)}
    with pytest.raises(ZipBomb):
        read_bytes(gen.make_large_docx(10_000, extra=members), "cv.docx", max_bytes=MB)


def test_markup_is_found_by_content_not_by_name(gen):
    markup = "<x>" + "".join(f"<y n='{i * 7919 % 100_003}'/>" for i in range(200_000)) + "</x>"
    disguised = gen.make_large_docx(10_000, extra={"word/media/image1.png": markup.encode()})
    with pytest.raises(TooLarge, match="image1.png"):
        read_bytes(disguised, "cv.docx", max_bytes=2 * MB)


def test_zip_needing_a_future_version_is_corrupt_not_a_crash(tmp_path, gen):
    data = gen.make_future_zip_docx()
    p = tmp_path / "cv.docx"
    p.write_bytes(data)
    for call in (lambda: read_path(p), lambda: read_bytes(data, "cv.docx")):
        with pytest.raises(CorruptFile) as info:
            call()
        assert "zip file version 6.4" in info.value.message and "re-save it from Word" in info.value.message
        assert isinstance(info.value.__cause__, NotImplementedError)


# -- item 3: declared charsets that are not text encodings ----------------------------------------

_NOT_ENCODINGS = ["rot13", "hex", "base64", "zlib", "uu", "punycode", "undefined", "idna", "utf-7", "utf-16",
                  "unicode_escape", "bz2", "no-such-codec"]


@pytest.mark.parametrize("charset", _NOT_ENCODINGS)
def test_meta_charset_that_is_not_a_text_encoding_is_ignored(tmp_path, charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>We need Python and SQL.</p></body></html>'
    p = tmp_path / "job.html"
    p.write_bytes(page.encode("utf-8"))
    doc = read_path(p)
    assert doc.text == "We need Python and SQL."
    notice = next(n for n in doc.notices if n.code == "charset_ignored")
    assert charset in notice.message and "UTF-8" in notice.message
    assert read_bytes(page.encode("utf-8"), "up.html").text == doc.text


def test_meta_charset_http_equiv_form_is_checked_too():
    page = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=base64"></head><p>Go</p>'
    assert read_bytes(page, "x.html").text == "Go"


def test_a_real_declared_encoding_is_still_used():
    page = '<html><head><meta charset="windows-1252"></head><p>Café – Python</p></html>'.encode("cp1252")
    doc = read_bytes(page, "x.html")
    assert doc.text == "Café – Python" and not doc.notices


def test_a_real_declared_encoding_with_bad_bytes_is_a_decode_error():
    page = b'<html><head><meta charset="shift_jis"></head><p>\x81\xff</p></html>'
    with pytest.raises(DecodeError, match="shift_jis"):
        read_bytes(page, "x.html")


@pytest.mark.parametrize("name", ["utf-8", "latin-1", "cp1252", "shift_jis", "euc-kr", "koi8-r", "gb2312"])
def test_document_codecs_accept_real_encodings(name):
    assert document_codec(name) is not None


@pytest.mark.parametrize("name", _NOT_ENCODINGS + ["", " ", "\x00"])
def test_document_codecs_refuse_the_rest(name):
    assert document_codec(name) is None


def test_an_unforeseen_library_failure_becomes_this_files_coded_error(monkeypatch):
    def boom(markup):
        raise AssertionError("parser state")

    monkeypatch.setattr(html_reader, "html_to_text", boom)
    with pytest.raises(CorruptFile) as info:
        read_bytes(b"<html><body><p>x</p></body></html>", "x.html")
    assert info.value.code == "corrupt_file" and "AssertionError" in info.value.message
    assert isinstance(info.value.__cause__, AssertionError)


def test_a_codec_failure_inside_a_reader_is_a_decode_error(monkeypatch):
    monkeypatch.setattr(html_reader, "html_to_text", lambda markup: b"\xff".decode("utf-8"))
    with pytest.raises(DecodeError):
        read_bytes(b"<html><body><p>x</p></body></html>", "x.html")


def test_pdf_text_is_bounded_by_the_limit():
    from skillradar.readers.pdf import read_pdf

    data = (DATA / "multi_page.pdf").read_bytes()
    assert read_pdf(data, "a.pdf").text
    with pytest.raises(TooLarge, match="page 1"):
        read_pdf(data, "a.pdf", max_chars=20)


def test_docx_header_shared_by_many_sections_is_read_once(gen, monkeypatch):
    import docx

    import copy

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Shared header"
    for _ in range(30):
        d.add_section()
    ref = d.sections[0]._sectPr.find(f"{docx_reader._W}headerReference")
    for section in d.sections[1:]:  # every section points at the same header part (hostile, but valid)
        section._sectPr.insert(0, copy.deepcopy(ref))
    buf = io.BytesIO()
    d.save(buf)
    calls = []
    real = docx_reader._block_lines
    monkeypatch.setattr(docx_reader, "_block_lines", lambda c: calls.append(type(c).__name__) or real(c))
    doc = read_bytes(buf.getvalue(), "cv.docx")
    assert doc.text.count("Shared header") == 1
    assert calls.count("_Header") == 1
