"""The Pipeline, the detector contract and the reader registry (issue 14)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

import skillradar
from skillradar import Pipeline
from skillradar.detect.base import Detector, Hit, Scan
from skillradar.detect.registry import build_detector, detector_names, register_detector
from skillradar.errors import UnknownDetector
from skillradar.extract import extract_text
from skillradar.records import Document
from skillradar.taxonomy import load_taxonomy
from skillradar.taxonomy.model import Skill, Taxonomy

POSTING = "Requirements:\n- 5+ years of Python and SQL\n- Experience deploying ML models with Kubernets\n"


def _pairs(extraction):
    return [(m.skill_id, m.start, m.end, m.requirement) for m in extraction.mentions]


def test_default_detectors_and_options():
    assert Pipeline().detectors == ("lexicon", "verbs", "fuzzy")
    assert Pipeline(fuzzy=False).detectors == ("lexicon", "verbs")
    assert Pipeline(detectors=["lexicon"]).detectors == ("lexicon",)


def test_unknown_detector_lists_the_valid_names():
    with pytest.raises(UnknownDetector) as err:
        Pipeline(detectors=["lexicon", "lexicn"])
    message = str(err.value)
    for name in detector_names():
        assert name in message
    assert "did you mean 'lexicon'" in message
    assert err.value.http_status == 400 and err.value.exit_code == 2


def test_functions_are_thin_wrappers_over_the_pipeline():
    nlp = Pipeline()
    assert _pairs(nlp.extract_text(POSTING, kind="posting")) == _pairs(extract_text(POSTING, kind="posting"))
    resume = "Skills: Pyhton, Kubernets, Docker"
    assert _pairs(nlp.extract_text(resume, kind="resume")) == _pairs(extract_text(resume, kind="resume"))


def test_each_detector_runs_on_its_document_kinds():
    posting_ids = {m.skill_id for m in Pipeline().extract_text(POSTING, kind="posting").mentions}
    assert "mlops.kubernetes" not in posting_ids  # slips are read in résumés by default
    assert "mlops.model-serving" in posting_ids  # verb–object: "deploying ML models"
    everywhere = {m.skill_id for m in Pipeline(fuzzy=True).extract_text(POSTING, kind="posting").mentions}
    assert "mlops.kubernetes" in everywhere
    resume_ids = {m.skill_id for m in Pipeline().extract_text("Skills: Kubernets", kind="resume").mentions}
    assert "mlops.kubernetes" in resume_ids


class _Shouting:
    """A user detector: any word in capitals followed by "!" names the skill Python."""

    name = "shouting"
    kinds: tuple[str, ...] = ()

    def __init__(self, taxonomy):
        self.taxonomy = taxonomy

    def find(self, doc: Scan, covered):
        import re

        return [Hit("lang.python", m.start(), m.end() - 1, "custom", 0.5)
                for m in re.finditer(r"\b[A-Z]{3,}!", doc.text)
                if not any(s < m.end() and m.start() < e for s, e in covered)]


def test_a_registered_detector_runs_in_order_outside_covered_spans(monkeypatch):
    from skillradar.detect import registry

    monkeypatch.setattr(registry, "_FACTORIES", dict(registry._FACTORIES))  # registered for this test only
    register_detector("shouting", _Shouting)
    detector = build_detector("shouting", load_taxonomy(None))
    assert isinstance(detector, Detector)
    nlp = Pipeline(detectors=["lexicon", "shouting"])
    ex = nlp.extract_text("We need SNAKES! and SQL.", kind="posting")
    found = [(m.text, m.skill_id, m.method) for m in ex.mentions]
    assert ("SNAKES", "lang.python", "custom") in found and ("SQL", "data.sql", "exact") in found
    with pytest.raises(ValueError, match="already registered"):
        register_detector("shouting", _Shouting)


def test_indexes_stay_with_their_taxonomy_not_with_an_id():
    """Two taxonomies built one after the other (the first collected, so its id may be reused)
    each see their own forms."""

    def tiny(alias):
        skill = Skill(id="x.thing", label="Thing", family="technical", group="g", aliases=(alias,))
        return Taxonomy(name="tiny", version="1", skills=(skill,),
                        families={"technical": {"label": "Technical", "groups": {"g": "G"}}})

    first = Pipeline(tiny("wombat"), detectors=["lexicon"])
    assert [m.text for m in first.extract_text("a wombat", kind="posting").mentions] == ["wombat"]
    del first
    gc.collect()
    second = Pipeline(tiny("quokka"), detectors=["lexicon"])
    assert [m.text for m in second.extract_text("a wombat and a quokka", kind="posting").mentions] == ["quokka"]


def test_pipeline_assess_and_rank_match_the_functions(tmp_path: Path):
    cv = tmp_path / "cv.txt"
    cv.write_text("Experience\nData scientist, 2019-2024\nBuilt RAG systems with LangChain and Python.\n")
    other = tmp_path / "other.txt"
    other.write_text("Experience\nAccountant, 2015-2024\nPrepared budgets in Excel.\n")
    posting = tmp_path / "posting.txt"
    posting.write_text("Requirements:\n- Python\n- LangChain\n- RAG\n- Docker\n")
    nlp = Pipeline()
    a = nlp.assess(str(cv), posting=str(posting))
    b = skillradar.assess(str(cv), posting=str(posting))
    assert a.overall == b.overall and [g.skill_id for g in a.gaps] == [g.skill_id for g in b.gaps]
    ranked = nlp.rank([str(other), str(cv)], posting=str(posting))
    assert [r["resume"] for r in ranked] == [str(cv), str(other)]


def test_extract_takes_a_document():
    doc = Document(source="d", text="Nice to have: PyTorch", format="txt", kind="posting")
    assert [(m.label, m.requirement) for m in Pipeline().extract(doc).mentions] == [("PyTorch", "preferred")]


def test_a_registered_reader_reads_its_suffix(tmp_path: Path, monkeypatch):
    from skillradar import readers
    from skillradar.readers import read_path, reader_formats, register_reader

    monkeypatch.setattr(readers, "_READERS", dict(readers._READERS))  # registered for this test only
    monkeypatch.setattr(readers, "_SUFFIX_FORMAT", dict(readers._SUFFIX_FORMAT))
    def read_upper(data, source, kind, max_bytes):
        return Document(source=source, text=data.decode("utf-8").upper(), format="shout", kind=kind)

    register_reader("shout", [".shout"], read_upper)
    assert "shout" in reader_formats()
    f = tmp_path / "x.shout"
    f.write_text("python and sql")
    doc = read_path(f)
    assert doc.text == "PYTHON AND SQL" and doc.format == "shout"
    with pytest.raises(ValueError, match="already registered"):
        register_reader("pdf", [".pdf"], read_upper)
