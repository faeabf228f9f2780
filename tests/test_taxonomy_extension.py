"""Taxonomy extension files and ``taxonomy accept``: a curator's skills live in their own file on top of
the bundled taxonomy, are checked on every change, and never touch the bundled files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillradar.errors import TaxonomyError, UnknownSkill, UsageError
from skillradar.extract import extract_text
from skillradar.taxonomy import load_taxonomy, read_taxonomy_file, validate
from skillradar.taxonomy.extension import accept_term


def test_accept_creates_an_extension_that_loads_on_top_of_the_bundled_taxonomy(tmp_path):
    path = tmp_path / "my-skills.yaml"
    done = accept_term("Quillstream", family="technical", into=path, broader=["genai.llm"], skill_type="tool",
                       aliases=["Quill Stream"], description="A made-up orchestration tool.")
    assert done["created"] and done["skill"]["id"] == "ext.quillstream"
    assert done["skill"]["group"] == load_taxonomy().get("genai.llm").group  # from the broader skill
    base = load_taxonomy()
    tax = load_taxonomy(path)
    assert len(tax) == len(base) + 1 and tax.skills[:len(base)] == base.skills
    assert tax.name == "genai+my-skills" and tax.version == f"{base.version}+my-skills.1"
    assert tax.content_hash != base.content_hash  # stored mentions of the base alone become stale
    assert validate(read_taxonomy_file(path)) == []
    ms = extract_text("Requirements:\n- Hands-on experience with Quill Stream and Python", kind="posting",
                      taxonomy=tax).mentions
    assert {m.skill_id for m in ms} >= {"ext.quillstream", "lang.python"}
    text = path.read_text(encoding="utf-8")
    assert "extends: genai" in text and "# accepted " in text


def test_a_second_accept_appends_bumps_the_version_and_keeps_the_file_as_written(tmp_path):
    path = tmp_path / "ext.yaml"
    path.write_text("# our team's skills\nname: team\nextends: genai\nversion: \"7\"\nskills:\n"
                    "  - {id: team.one, label: Brindlewood, family: domain, group: "
                    f"{next(iter(load_taxonomy().families['domain']['groups']))}}}\n", encoding="utf-8")
    accept_term("causal trace auditing", family="thinking", into=path,
                group=next(iter(load_taxonomy().families["thinking"]["groups"])))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# our team's skills\n") and 'version: "8"' in text
    tax = load_taxonomy(path)
    assert tax.get("ext.causal-trace-auditing").label == "causal trace auditing" and tax.get("team.one")
    assert tax.version.endswith("+team.8")


@pytest.mark.parametrize("term, kwargs, error, words", [
    ("RAG", {"family": "technical", "group": "llm-engineering"}, UsageError, "already a name of skill genai.rag"),
    ("retrieval augmented generation", {"family": "technical", "group": "llm-engineering"}, UsageError,
     "already a name"),
    ("Quillstream", {"family": "cooking"}, UsageError, "family must be one of"),
    ("Quillstream", {"family": "technical"}, UsageError, "group is needed"),
    ("Quillstream", {"family": "technical", "group": "nope"}, UsageError, "'nope' is not one of its groups"),
    ("Quillstream", {"family": "technical", "group": "frameworks", "broader": ["genai.lmm"]}, UnknownSkill,
     "genai.llm"),
    ("Quillstream", {"family": "technical", "group": "frameworks", "skill_id": "Bad Id"}, UsageError, "skill_id"),
    ("Quillstream", {"family": "technical", "group": "frameworks", "skill_id": "lang.python"}, UsageError,
     "taken by 'Python'"),
    ("Quillstream", {"family": "technical", "group": "frameworks", "skill_type": "gadget"}, UsageError, "skill_type"),
    ("  ", {"family": "technical"}, UsageError, "give the term"),
])
def test_refusals_name_the_problem_and_write_nothing(tmp_path, term, kwargs, error, words):
    path = tmp_path / "ext.yaml"
    with pytest.raises(error, match=words):
        accept_term(term, into=path, **kwargs)
    assert not path.exists()
    assert not list(tmp_path.iterdir())  # no temporary file left behind


def test_the_bundled_taxonomy_is_never_written():
    import skillradar.taxonomy as package

    bundled = Path(package.__file__).parent / "data" / "genai" / "technical-genai.yaml"
    before = bundled.read_bytes()
    with pytest.raises(UsageError, match="bundled taxonomy"):
        accept_term("Quillstream", family="technical", group="frameworks", into=bundled)
    assert bundled.read_bytes() == before


def test_a_change_that_breaks_the_taxonomy_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "ext.yaml"
    path.write_text("name: x\nextends: genai\nversion: \"1\"\nskills:\n  - {id: x.a, label: Zorbling, family: domain, "
                    "group: not-a-group}\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    with pytest.raises(TaxonomyError, match="would not pass validation"):
        accept_term("Quillstream", family="technical", group="frameworks", into=path)
    assert path.read_text(encoding="utf-8") == before


def test_extension_files_of_other_bases_and_bad_ones(tmp_path):
    base = tmp_path / "base.yaml"
    base.write_text("name: small\nversion: \"s1\"\nskills:\n  - {id: a.x, label: Xylo, family: technical}\n")
    ext = tmp_path / "sub" / "ext.yaml"
    accept_term("Quillstream", family="technical", into=ext, base=str(base), broader=["a.x"])
    assert "extends: ../base.yaml" in ext.read_text()
    tax = load_taxonomy(ext)
    assert [s.id for s in tax.skills] == ["a.x", "ext.quillstream"] and tax.version == "s1+ext.1"
    loop = tmp_path / "loop.yaml"
    loop.write_text("name: loop\nextends: loop.yaml\nskills: []\n")
    with pytest.raises(TaxonomyError, match="cannot extend itself"):
        read_taxonomy_file(loop)
    empty = tmp_path / "empty.yaml"
    empty.write_text("name: e\nextends: ''\nskills: []\n")
    with pytest.raises(TaxonomyError, match="must name a base"):
        read_taxonomy_file(empty)


def test_cli_accept_then_use_the_file_everywhere(tmp_path, capsys):
    from skillradar.cli import main

    path = tmp_path / "mine.yaml"
    assert main(["taxonomy", "accept", "Quillstream", "--family", "technical", "--broader", "genai.llm",
                 "--type", "tool", "--alias", "QuillStream", "--into", str(path), "--format", "json"]) == 0
    done = json.loads(capsys.readouterr().out)
    assert done["skill"]["id"] == "ext.quillstream" and done["created"] is True
    assert main(["taxonomy", "validate", str(path)]) == 0
    assert main(["taxonomy", "show", "ext.quillstream", "--taxonomy", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["broader"] == ["genai.llm"]
    assert main(["taxonomy", "accept", "Quillstream", "--family", "technical", "--group", "frameworks",
                 "--into", str(path)]) == 2
    assert "already a name of skill ext.quillstream" in capsys.readouterr().err
    assert main(["taxonomy", "accept", "Zorbling", "--family", "technical", "--group", "frameworks",
                 "--into", str(tmp_path / "x.txt")]) == 2
