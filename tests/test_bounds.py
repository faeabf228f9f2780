"""Bounded extraction (issue 12, item 2): at most MAX_CHARS searched and MAX_MENTIONS returned, said
clearly with a ``truncated`` flag and warning; ordinary documents are untouched."""

from __future__ import annotations

import json

from skillradar import bounds
from skillradar.extract import extract_document, extract_text
from skillradar.readers import read_text


def test_mentions_are_capped_with_a_flag_and_a_warning(taxonomy):
    text = "Python, " * (bounds.MAX_MENTIONS + 500)
    ex = extract_text(text, taxonomy=taxonomy, kind="posting")
    assert len(ex.mentions) == bounds.MAX_MENTIONS and ex.truncated
    out = ex.to_dict()
    assert out["truncated"] is True
    warning = next(w for w in out["warnings"] if w["code"] == "truncated")
    assert "5,500 mentions" in warning["message"] and "first 5,000" in warning["message"]
    assert len(json.dumps(out)) < 3_000_000


def test_search_stops_at_white_space_before_the_limit(taxonomy):
    text = "We need Python. " + "x" * 70 + " Rust and R"  # the cut must not leave a lone "R" of "Rust"
    ex = extract_document(read_text(text), taxonomy=taxonomy, kind="posting", max_chars=89)
    assert [m.text for m in ex.mentions] == ["Python"]
    assert ex.truncated and ex.chars == len(text)
    assert any("only the first 86 were searched" in n.message for n in ex.notices)


def test_no_limit_when_asked(taxonomy):
    text = "Python, " * 6000
    ex = extract_document(read_text(text), taxonomy=taxonomy, kind="posting", max_chars=None, max_mentions=None)
    assert len(ex.mentions) == 6000 and not ex.truncated


def test_ordinary_documents_are_not_marked(taxonomy):
    ex = extract_text("Senior engineer: 5+ years of Python and SQL; PyTorch a plus.", taxonomy=taxonomy)
    assert not ex.truncated and "truncated" not in ex.to_dict() and "warnings" not in ex.to_dict()


def test_line_numbers_of_a_text_of_many_lines():
    doc = read_text("\n" * 200_000 + "Python\n")
    assert doc.line_of(200_000) == 200_001 and doc.line_of(0) == 1


def test_mentions_listed_under_the_cap_are_those_of_an_unbounded_run(taxonomy):
    lines = ["Requirements:", "- 3-5 years with SQL and Spark, no Java", "Nice to have: PyTorch (preferred), Go",
             "- Python: 4+ years; Docker or Kubernetes a plus"]
    doc = read_text("\n".join(lines * 40))
    full = extract_document(doc, taxonomy=taxonomy, kind="posting", max_mentions=None)
    assert len(full.mentions) > 200
    for cap in (1, 7, 50, 199, 10_000):
        cut = extract_document(doc, taxonomy=taxonomy, kind="posting", max_mentions=cap)
        assert cut.mentions == full.mentions[:cap] and cut.truncated == (len(full.mentions) > cap)


def test_mentions_dropped_as_roles_or_other_senses_are_no_truncation():
    # "ML engineers" (a team) and power "transformers" are found, then dropped: nothing was cut
    from skillradar import extract_text

    ex = extract_text("Responsibilities:\n- Join our ML engineers building power transformers and substations.\n"
                      "- Use Python.\n", kind="posting")
    assert not ex.truncated and not [n for n in ex.notices if n.code == "truncated"]
