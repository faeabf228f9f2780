"""Plain text, Markdown, stdin and pasted text."""

from __future__ import annotations

import io
import sys

import pytest

from skillradar.errors import DecodeError, EmptyText
from skillradar.readers import read_bytes, read_path, read_text

from ._support import DATA


def test_txt_is_the_file_decoded():
    doc = read_path(DATA / "posting.txt")
    assert doc.format == "txt"
    assert doc.text == (DATA / "posting.txt").read_text(encoding="utf-8")
    assert doc.page_starts == ()
    assert doc.page_of(5) is None


def test_bom_removed_and_crlf_kept():
    doc = read_path(DATA / "crlf_bom.txt")
    raw = (DATA / "crlf_bom.txt").read_bytes()
    assert not doc.text.startswith("\ufeff")
    assert "\r\n" in doc.text
    assert doc.text == raw[3:].decode("utf-8")
    assert doc.line_of(doc.text.index("Requirements")) == 7


def test_markdown_markup_is_kept():
    doc = read_path(DATA / "posting.md")
    assert doc.format == "md"
    assert doc.text.startswith("# Data Scientist")
    assert "**Team:**" in doc.text and "[Plotly](https://plotly.com)" in doc.text


def test_txt_with_html_inside_stays_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("<html><body><p>Python</p></body></html>\n", encoding="utf-8")
    doc = read_path(p)
    assert doc.format == "txt" and doc.text.startswith("<html>")


def test_kind_passes_through():
    assert read_path(DATA / "posting.txt", kind="posting").kind == "posting"
    assert read_text("Python", kind="resume").kind == "resume"


def test_latin1_is_a_decode_error_naming_the_offset(tmp_path):
    p = tmp_path / "cv.txt"
    p.write_bytes("Résumé: Python\n".encode("latin-1"))
    with pytest.raises(DecodeError) as info:
        read_path(p)
    err = info.value
    assert err.source == str(p)
    assert err.code == "decode_error"
    assert "offset 1" in err.message and "0xE9" in err.message
    assert "UTF-8" in err.message
    assert isinstance(err.__cause__, UnicodeDecodeError)


def test_utf16_is_a_decode_error(tmp_path):
    p = tmp_path / "cv.txt"
    p.write_bytes("Python developer".encode("utf-16"))
    with pytest.raises(DecodeError, match="UTF-16"):
        read_path(p)


def test_binary_with_txt_name(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(DecodeError) as info:
        read_path(p)
    assert info.value.source == str(p)
    assert "binary" in info.value.message


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", b"\xef\xbb\xbf", b"\xef\xbb\xbf \n"])
@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_empty_and_whitespace_only(tmp_path, content, suffix):
    p = tmp_path / f"empty{suffix}"
    p.write_bytes(content)
    with pytest.raises(EmptyText) as info:
        read_path(p)
    assert info.value.source == str(p)
    assert info.value.code == "empty_text"


def test_read_text_keeps_everything_but_the_bom():
    assert read_text("\ufeffa\r\nb\n").text == "a\r\nb\n"
    assert read_text("Python").source == "-"
    with pytest.raises(EmptyText):
        read_text(" \n ")


def test_read_path_dash_reads_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Python and SQL\n".encode())))
    doc = read_path("-")
    assert doc.text == "Python and SQL\n" and doc.source == "-"


def test_read_bytes_text_and_markdown_label():
    assert read_bytes(b"Python", "up").format == "txt"
    assert read_bytes(b"# Skills\nPython", "up", declared_name="cv.md").format == "md"
    # the name never decides the reader: a "pdf" that is text is read as text
    assert read_bytes(b"Python", "up", declared_name="cv.pdf").format == "txt"
