"""Taxonomy loaders (project YAML, generic CSV, ESCO CSV) and validation with line numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from skillradar.errors import TaxonomyError, UnknownTaxonomy
from skillradar.extract import extract_text
from skillradar.taxonomy import load_taxonomy, read_taxonomy_file, validate

BAD_YAML = """\
name: broken
version: "0.1"
skills:
  - id: a.one
    label: One
    family: technical
    prerequisites: [a.two]
  - id: a.two
    label: Two
    family: technical
    aliases: [One]
    prerequisites: [a.one]
  - id: a.one
    label: Again
    family: technical
  - id: a.three
    label: Three
    family: cooking
    prerequisites: [a.nowhere]
"""


def test_validate_reports_every_problem_with_its_line(tmp_path, run_cli):
    path = tmp_path / "bad.yaml"
    path.write_text(BAD_YAML, encoding="utf-8")
    problems = validate(read_taxonomy_file(path))
    by_line = {(p.line, p.message.split(" ")[0]) for p in problems}
    text = "\n".join(str(p) for p in problems)
    assert "duplicate id 'a.one'" in text and any(p.line == 13 for p in problems)
    assert "alias 'One' of 'a.two' is already claimed by 'a.one'" in text
    assert "unknown family 'cooking'" in text
    assert "unknown prerequisite 'a.nowhere'" in text
    assert "prerequisite cycle: a.one -> a.two -> a.one" in text
    assert all(p.line > 0 for p in problems), by_line
    r = run_cli("taxonomy", "validate", str(path))
    assert r.returncode == 1 and "bad.yaml:13:" in r.stdout


def test_generic_csv_loads_and_extracts(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("id,label,aliases,description,family,group\n"
                    "x.widget,Widget Studio,WS|widgetry,,technical,tools\n"
                    "x.plain,Plain Skill,,,,\n", encoding="utf-8")
    tax = load_taxonomy(str(path))
    assert [s.id for s in tax] == ["x.widget", "x.plain"]
    assert tax.get("x.widget").aliases == ("WS", "widgetry")
    ms = extract_text("We use Widget Studio and widgetry daily.", taxonomy=str(path), kind="posting").mentions
    assert [(m.skill_id, m.method) for m in ms] == [("x.widget", "exact"), ("x.widget", "alias")]


def test_esco_csv_with_multiline_alt_labels(tmp_path):
    path = tmp_path / "skills_en.csv"
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel", "altLabels",
                "hiddenLabels", "status", "modifiedDate", "scopeNote", "definition", "inScheme", "description"])
    w.writerow(["KnowledgeSkillCompetence", "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d",
                "knowledge", "cross-sector", "Python (computer programming)", "Python\npython programming", "",
                "released", "", "", "", "", "The programming language Python."])
    path.write_text(buf.getvalue(), encoding="utf-8")
    tax = load_taxonomy(str(path))
    (skill,) = tax.skills
    assert skill.label == "Python (computer programming)"
    assert skill.aliases == ("Python", "python programming")
    assert skill.esco_uri == skill.id and skill.type == "knowledge"
    ms = extract_text("Python programming and more", taxonomy=str(path), kind="posting").mentions
    assert [m.text for m in ms] == ["Python programming"]


def test_export_round_trips_through_the_generic_csv(tmp_path, run_cli):
    r = run_cli("taxonomy", "export", "--format", "csv")
    assert r.returncode == 0
    path = tmp_path / "export.csv"
    path.write_text(r.stdout, encoding="utf-8")
    mine, again = load_taxonomy(), load_taxonomy(str(path))
    assert [(s.id, s.label, s.aliases, s.family, s.group) for s in mine] == \
        [(s.id, s.label, s.aliases, s.family, s.group) for s in again]
    families = {row["family"] for row in csv.DictReader(io.StringIO(r.stdout))}
    assert families == {"technical", "data", "thinking", "soft", "domain"}
    assert len(again) >= 400


@pytest.mark.parametrize("content,suffix,error", [
    ("not: [valid", ".yaml", TaxonomyError),
    ("just,some,columns\n1,2,3\n", ".csv", TaxonomyError),
    ("x", ".json", UnknownTaxonomy),
])
def test_bad_taxonomy_files_give_clear_errors(tmp_path, content, suffix, error):
    path = tmp_path / f"t{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(error) as info:
        load_taxonomy(str(path))
    assert str(path.name) in str(info.value) or suffix in str(info.value)


def test_unknown_taxonomy_is_bad_usage(run_cli):
    r = run_cli("extract", "-", "--taxonomy", "nope")
    assert r.returncode == 2 and "unknown_taxonomy" in r.stderr
    assert Path("nope").exists() is False


BROADER_YAML = """\
name: kinds
version: "0.1"
skills:
  - id: a.llm
    label: LLMs
    family: technical
    broader: [a.genai]
  - id: a.genai
    label: Generative AI
    family: technical
    broader: [a.llm]
  - id: a.llama
    label: Llama
    family: technical
    broader: [a.llm, a.nowhere]
"""


def test_validate_reports_unknown_broader_skills_and_broader_cycles(tmp_path):
    path = tmp_path / "kinds.yaml"
    path.write_text(BROADER_YAML, encoding="utf-8")
    tax = read_taxonomy_file(path)
    assert tax.taxonomy.get("a.llama").broader == ("a.llm", "a.nowhere")
    text = "\n".join(str(p) for p in validate(tax))
    assert "unknown broader skill 'a.nowhere'" in text
    assert "broader cycle" in text and "a.llm -> a.genai -> a.llm" in text


def test_bundled_broader_relations_are_kinds_not_prerequisites():
    from skillradar.taxonomy import read_bundled

    tax = load_taxonomy()
    assert "genai.llm" in tax.get("genai.llama").broader
    assert "db.vector-databases" in tax.get("db.pgvector").broader
    assert tax.get("genai.llama").to_dict()["broader"] == list(tax.get("genai.llama").broader)
    assert not validate(read_bundled())
