"""Hypothesis invariants: text round trips, and offsets map to the right line and page."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from skillradar.errors import EmptyText
from skillradar.readers import read_bytes, read_text
from skillradar.readers.html import html_to_text
from skillradar.readers.pdf import PAGE_SEPARATOR, join_pages
from skillradar.readers.sniff import sniff
from skillradar.records import Document

from .._examples import examples

texts = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
lines_text = st.text(alphabet=st.sampled_from("ab é\n\r\t-"), max_size=200)


@settings(max_examples=examples(100), deadline=None)
@given(texts)
def test_read_text_round_trip(text):
    if not text.lstrip("\ufeff").strip():
        try:
            read_text(text)
        except EmptyText:
            return
        raise AssertionError("whitespace-only text must raise EmptyText")
    doc = read_text(text)
    assert doc.text == (text[1:] if text.startswith("\ufeff") else text)


@settings(max_examples=examples(100), deadline=None)
@given(texts)
def test_read_bytes_utf8_round_trip(text):
    assume(text.strip() and "\x00" not in text and not text.startswith("\ufeff"))
    data = text.encode("utf-8")
    assume(sniff(data) == "text")
    assert read_bytes(data, "upload").text == text


@settings(max_examples=examples(100), deadline=None)
@given(lines_text)
def test_line_of_counts_newlines(text):
    doc = Document(source="-", text=text)
    for offset in range(len(text) + 1):
        assert doc.line_of(offset) == text.count("\n", 0, offset) + 1


page_text = st.text(alphabet=st.sampled_from("ab \n"), max_size=40).map(lambda s: s.strip())


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(page_text, min_size=1, max_size=6))
def test_page_of_agrees_with_page_starts(pages):
    text, starts = join_pages(pages)
    doc = Document(source="x.pdf", text=text, format="pdf", page_starts=starts)
    assert text.split(PAGE_SEPARATOR) == pages
    for number, (start, page) in enumerate(zip(starts, pages), start=1):
        assert text[start : start + len(page)] == page
        end = starts[number] if number < len(starts) else len(text) + 1
        for offset in range(start, end):
            assert doc.page_of(offset) == number
        # no line spans two pages
        if number > 1:
            assert text[start - 1] == "\n"


@settings(max_examples=examples(100), deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from("abc &<>\"'é"), min_size=1, max_size=15), min_size=1, max_size=5))
def test_html_paragraph_text_is_escaped_text_with_collapsed_spaces(paras):
    import html
    import re

    markup = "".join(f"<p>{html.escape(p)}</p>" for p in paras)
    expected = "\n\n".join(q for q in (re.sub(r" +", " ", p).strip() for p in paras) if q)
    assert html_to_text(markup) == expected
