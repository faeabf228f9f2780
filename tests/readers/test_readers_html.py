"""HTML: visible text, block structure, entities, and what is dropped."""

from __future__ import annotations

import pytest

from skillradar.errors import DecodeError, EmptyText
from skillradar.readers import read_bytes, read_path
from skillradar.readers.html import html_to_text

from ._support import DATA


def test_fixture_visible_text():
    doc = read_path(DATA / "posting.html")
    text = doc.text
    assert doc.format == "html"
    for hidden in ("tracking", "not visible", "font-family", "hidden", "Job: NLP", "enable JavaScript", "template text"):
        assert hidden not in text
    assert "NLP Engineer" in text  # whitespace collapsed
    assert "transformer-based models & search tools." in text  # entities and &nbsp;
    assert "- 3+ years with Python\n- Hugging Face Transformers, spaCy" in text
    assert "1. Apply online\n2. Technical interview" in text
    assert "PyTorch\tExpert" in text
    assert "Line one\nLine two" in text
    assert "code  block\n  indented" in text


def test_blocks_become_lines():
    assert html_to_text("<div>a</div><div>b</div>") == "a\nb"
    assert html_to_text("<p>a</p><p>b</p>") == "a\n\nb"
    assert html_to_text("a<br>b<br/>c") == "a\nb\nc"
    assert html_to_text("<p> x  <b>y</b>z </p>") == "x yz"
    assert html_to_text("<p>x<span> </span>y</p>") == "x y"


def test_unclosed_head_does_not_hide_the_body():
    assert html_to_text("<html><head><title>T</title><body><p>Python</p>") == "Python"


def test_entities_decoded():
    assert html_to_text("<p>R&amp;D &lt;3 &#169; &eacute;</p>") == "R&D <3 © é"


def test_html_without_text_is_empty(tmp_path):
    p = tmp_path / "e.html"
    p.write_text("<html><head><style>p{}</style></head><body> <div> </div></body></html>", encoding="utf-8")
    with pytest.raises(EmptyText) as info:
        read_path(p)
    assert info.value.source == str(p)


def test_meta_charset_is_honoured():
    data = '<html><head><meta charset="iso-8859-1"></head><body><p>Résumé</p></body></html>'.encode("latin-1")
    assert read_bytes(data, "page").text == "Résumé"


def test_undeclared_latin1_html_is_a_decode_error():
    with pytest.raises(DecodeError):
        read_bytes("<html><body>Résumé</body></html>".encode("latin-1"), "page")


def test_upload_sniffed_as_html():
    doc = read_bytes(b"<!doctype html><p>Python &amp; SQL</p>", "upload.bin")
    assert doc.format == "html" and doc.text == "Python & SQL"
