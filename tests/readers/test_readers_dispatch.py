"""Choosing the reader: suffixes, sniffing, wrong extensions, sizes, missing files, folders."""

from __future__ import annotations

import pytest

import skillradar.readers as readers
from skillradar.errors import (
    CorruptFile,
    DecodeError,
    FileMissing,
    InputError,
    TooLarge,
    UnsupportedFormat,
)
from skillradar.readers import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, iter_inputs, read_bytes, read_path
from skillradar.readers.sniff import sniff

from ._support import DATA


def test_all_is_exact():
    assert sorted(readers.__all__) == sorted(
        ["read_path", "read_bytes", "read_text", "iter_inputs", "SUPPORTED_SUFFIXES", "DEFAULT_MAX_BYTES",
         "register_reader", "reader_formats"]
    )
    for name in readers.__all__:
        assert hasattr(readers, name)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize("name", ["photo.png", "setup.exe", "sheet.xlsx", "old.doc"])
def test_unsupported_suffix_lists_supported(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(b"whatever")
    with pytest.raises(UnsupportedFormat) as info:
        read_path(p)
    err = info.value
    assert err.source == str(p) and err.http_status == 415
    for suffix in (".txt", ".md", ".html", ".pdf", ".docx"):
        assert suffix in err.message


def test_missing_file(tmp_path):
    p = tmp_path / "nope.pdf"
    with pytest.raises(FileMissing) as info:
        read_path(p)
    assert info.value.source == str(p) and info.value.code == "file_not_found"


def test_folder_is_not_a_file(tmp_path):
    with pytest.raises(UnsupportedFormat, match="folder"):
        read_path(tmp_path)


@pytest.mark.parametrize("fixture", ["posting.txt", "resume_two_column.pdf", "resume.docx"])
def test_too_large(tmp_path, fixture):
    data = (DATA / fixture).read_bytes()
    p = tmp_path / fixture
    p.write_bytes(data)
    with pytest.raises(TooLarge) as info:
        read_path(p, max_bytes=100)
    err = info.value
    assert err.source == str(p) and err.http_status == 413
    assert "100 bytes limit" in err.message and "--max-bytes" in err.message
    with pytest.raises(TooLarge):
        read_bytes(data, "upload", max_bytes=100)
    assert read_path(p, max_bytes=len(data)).text  # exactly at the limit is fine


def test_default_limit_message():
    err = readers._too_large(25 * 1024 * 1024, DEFAULT_MAX_BYTES, "big.pdf")
    assert "25 MB" in err.message and "20 MB limit" in err.message


@pytest.mark.parametrize(
    ("fixture", "wrong_name", "fmt"),
    [
        ("resume_two_column.pdf", "cv.txt", "pdf"),
        ("resume_two_column.pdf", "cv.docx", "pdf"),
        ("resume.docx", "cv.pdf", "docx"),
        ("resume.docx", "cv.md", "docx"),
        ("posting.txt", "job.pdf", "txt"),
        ("posting.txt", "job.docx", "txt"),
        ("posting.html", "job.pdf", "html"),
    ],
)
def test_wrong_extension_still_reads(tmp_path, fixture, wrong_name, fmt):
    p = tmp_path / wrong_name
    p.write_bytes((DATA / fixture).read_bytes())
    doc = read_path(p)
    assert doc.format == fmt
    assert doc.text == read_path(DATA / fixture).text
    assert "format_mismatch" in [n.code for n in doc.notices]


def test_right_extension_has_no_mismatch_notice():
    assert read_path(DATA / "resume.docx").notices == ()


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, UnsupportedFormat, "PNG image"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40, UnsupportedFormat, ".doc"),
        (b"{\\rtf1\\ansi Python}", UnsupportedFormat, "RTF"),
        (b"\x01\x02\x00\x03" * 20, DecodeError, "binary"),
    ],
)
@pytest.mark.parametrize("name", ["cv.txt", "cv.docx", "cv.md", "noext"])
def test_unreadable_content_behind_a_supported_name(tmp_path, content, error, words, name):
    p = tmp_path / name
    p.write_bytes(content)
    expected = CorruptFile if (error is DecodeError and name == "cv.docx") else error
    with pytest.raises(expected) as info:
        read_path(p)
    assert info.value.source == str(p)
    if expected is error:
        assert words in info.value.message


def test_file_without_suffix_is_sniffed(tmp_path):
    p = tmp_path / "README"
    p.write_bytes((DATA / "resume.docx").read_bytes())
    assert read_path(p).format == "docx"
    p.write_text("<html><body><p>Python</p></body></html>", encoding="utf-8")
    assert read_path(p).format == "html"


@pytest.mark.parametrize(
    ("fixture", "fmt"),
    [("resume_two_column.pdf", "pdf"), ("resume.docx", "docx"), ("posting.html", "html"), ("posting.txt", "txt")],
)
def test_read_bytes_sniffs_content(fixture, fmt):
    data = (DATA / fixture).read_bytes()
    doc = read_bytes(data, "upload", declared_name="misleading.png")
    assert doc.format == fmt and doc.source == "upload"
    assert doc.text == read_path(DATA / fixture).text
    assert doc.notices == ()


def test_every_error_is_an_input_error_with_source(tmp_path, gen):
    cases = {
        "a.png": b"x",
        "b.txt": b"",
        "c.txt": "é".encode("latin-1"),
        "d.pdf": gen.make_encrypted_pdf(),
        "e.pdf": gen.make_image_only_pdf(1),
        "f.docx": gen.make_zip_bomb_docx(),
        "g.docx": b"PK\x03\x04broken",
    }
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(InputError) as info:
            read_path(p)
        assert info.value.source == str(p), name
        assert str(info.value).startswith(str(p))


def test_sniff_kinds(gen):
    assert sniff(b"\n %PDF-1.7\n") == "pdf"
    assert sniff(b"junk\n%PDF-1.7\n1 0 obj\n%%EOF\n") == "pdf"
    assert sniff(b"see %PDF-1.7 in the spec") == "text"
    assert sniff((DATA / "resume.docx").read_bytes()) == "docx"
    assert sniff(b"PK\x03\x04truncated") == "zip"
    assert sniff(b"\xef\xbb\xbf<!DOCTYPE html><p>x") == "html"
    assert sniff(b"<!-- c --><html>") == "html"
    assert sniff(b"# Title\n<br> inline tag in markdown") == "text"
    assert sniff(b"MZ is a text that starts like an exe") == "text"
    assert sniff(b"\xff\xfeP\x00") == "utf16"
    assert sniff(b"") == "text"


def test_supported_suffixes():
    assert {".txt", ".md", ".html", ".htm", ".pdf", ".docx"} <= set(SUPPORTED_SUFFIXES)


def test_iter_inputs(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.pdf").write_bytes(b"%PDF-")
    (tmp_path / "b" / "a.TXT").write_text("x")
    (tmp_path / "a.md").write_text("x")
    (tmp_path / "c.docx").write_text("x")
    (tmp_path / "image.png").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("x")
    (tmp_path / "B2").mkdir()
    got = list(iter_inputs([tmp_path, "-", "missing.txt"]))
    rel = [p.relative_to(tmp_path).as_posix() for p in got[:-2]]
    assert rel == ["a.md", "b/a.TXT", "b/z.pdf", "c.docx"]
    assert got[-2:] == ["-", "missing.txt"]
    assert list(iter_inputs([str(tmp_path / "a.md")])) == [str(tmp_path / "a.md")]


def test_text_mentioning_the_pdf_magic_stays_text(tmp_path):
    p = tmp_path / "notes.txt"
    p.write_text("PDF files begin with the bytes %PDF-1.7 followed by objects.\n", encoding="utf-8")
    assert read_path(p).format == "txt"


def test_pdf_with_leading_junk(tmp_path):
    data = b"junk line\n" + (DATA / "multi_page.pdf").read_bytes()
    assert sniff(data) == "pdf"
    p = tmp_path / "x.pdf"
    p.write_bytes(data[:300])
    with pytest.raises(CorruptFile):
        read_path(p)
