"""One-letter slips in tool and language names, for résumés by default."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.detect.fuzzy import fuzzy_index
from skillradar.extract import extract_document, extract_text
from skillradar.records import Document

from .._examples import examples

CV = "Experience\n2020 - 2024 ML engineer: deployed models on Kubernets with Terrafrom.\nSkills: Tensorflw\n"


def test_slips_in_tool_names_are_found_in_resumes(taxonomy):
    ms = {m.text: m for m in extract_text(CV, kind="resume").mentions}
    assert (ms["Kubernets"].skill_id, ms["Kubernets"].method) == ("mlops.kubernetes", "fuzzy")
    assert ms["Terrafrom"].skill_id == "cloud.terraform"  # two neighbours swapped
    assert ms["Tensorflw"].skill_id == "fw.tensorflow"  # a letter dropped
    assert ms["Kubernets"].confidence < 0.9


def test_postings_skip_fuzzy_unless_asked():
    assert not [m for m in extract_text(CV, kind="posting").mentions if m.method == "fuzzy"]
    assert [m for m in extract_text(CV, kind="posting", fuzzy=True).mentions if m.method == "fuzzy"]


def test_what_fuzzy_refuses(taxonomy):
    fz = fuzzy_index(taxonomy)
    assert fz.lookup("Mistral") is None  # an ambiguous name the lexicon refused stays refused
    assert fz.lookup("Studio") is None  # "RStudio" minus its first letter: slips spare the first letters
    assert fz.lookup("Kubernetes") is None  # spelled right: the lexicon's business
    assert fz.lookup("embedding") is None  # not a tool or language name
    assert fz.lookup("Kbuernetes") is None  # a slip in the first two letters is not caught


@settings(max_examples=examples(150), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Kubernets Terafom PyTorch\n-é")), max_size=80))
def test_fuzzy_spans_reproduce_text(text):
    for m in extract_document(Document("-", text), kind="resume", fuzzy=True).mentions:
        assert text[m.start:m.end] == m.text
