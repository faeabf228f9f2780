"""Bad inputs give clear, coded errors."""

from __future__ import annotations

import json

import pytest

from skillradar.assess import NoTargetSkills, assess
from skillradar.errors import FileMissing, UnknownRole, UsageError
from skillradar.records import Document

from .conftest import EXAMPLES

RESUME = str(EXAMPLES / "resume.md")


def test_missing_resume_file(cli, tmp_path):
    with pytest.raises(FileMissing):
        assess(str(tmp_path / "nope.pdf"), role="ml-engineer")
    code, out, err = cli("assess", str(tmp_path / "nope.txt"), "--role", "ml-engineer", "--format", "json")
    assert code != 0 and "file_not_found" in err and out == ""


def test_unknown_role_lists_known_roles(cli):
    with pytest.raises(UnknownRole) as info:
        assess(RESUME, role="astronaut")
    msg = str(info.value)
    assert "astronaut" in msg and "llm-engineer" in msg and "data-scientist" in msg
    code, _out, err = cli("assess", RESUME, "--role", "astronaut")
    assert code == 2 and "unknown_role" in err and "ml-engineer" in err


def test_role_alias_accepted():
    assert assess(RESUME, role="Machine Learning Engineer").target.name == "ml-engineer"


def test_posting_without_skills(cli, tmp_path):
    posting = tmp_path / "posting.txt"
    posting.write_text("Lorem ipsum dolor sit amet.\nConsectetur adipiscing elit, sed do eiusmod tempor.\n")
    with pytest.raises(NoTargetSkills) as info:
        assess(RESUME, posting=str(posting))
    assert info.value.code == "no_target_skills"
    code, _out, err = cli("assess", RESUME, "--posting", str(posting))
    assert code == 1 and "no_target_skills" in err


def test_exactly_one_target(cli):
    with pytest.raises(UsageError):
        assess(RESUME)
    code, _out, err = cli("assess", RESUME, "--role", "ml-engineer", "--posting", RESUME)
    assert code == 2 and "exactly one" in err


def test_empty_resume(tmp_path):
    from skillradar.errors import EmptyText

    p = tmp_path / "empty.txt"
    p.write_text("   \n")
    with pytest.raises(EmptyText):
        assess(str(p), role="ml-engineer")


def test_rank_goes_on_after_a_bad_resume(cli, tmp_path):
    code, out, err = cli("rank", "--posting", str(EXAMPLES / "posting.md"), RESUME, str(tmp_path / "missing.txt"),
                         "--format", "json")
    assert code == 1 and "file_not_found" in err
    d = json.loads(out)
    assert d["ranking"][0]["resume"] == RESUME and d["ranking"][-1]["error"]["code"] == "file_not_found"


def test_bad_groups_file(cli, tmp_path):
    g = tmp_path / "g.csv"
    g.write_text("name,team\nx,y\n")
    code, _out, err = cli("rank", "--posting", str(EXAMPLES / "posting.md"), RESUME, "--groups", str(g))
    assert code == 2 and "resume,group" in err


def test_db_without_market(cli, tmp_path):
    code, _out, err = cli("assess", RESUME, "--role", "ml-engineer", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "--db" in err


def test_document_input_is_accepted():
    d = assess(Document(source="x.txt", text="Experience\nEngineer 2022 - Present\nPython and PyTorch.\n"),
               role="ml-engineer")
    assert d.resume == "x.txt"
