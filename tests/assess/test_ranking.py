"""One library call ranks for every surface: ``skillradar.assess.rank`` returns a ``Ranking`` (rows, failed
résumés, audit), the CLI and ``POST /api/rank`` print its ``to_dict()``, and ``rank`` takes a role and a
database like ``assess`` does."""

from __future__ import annotations

import json
import shutil

import pytest

from skillradar import Pipeline
from skillradar.assess import Ranking, rank
from skillradar.errors import UsageError

from .conftest import EXAMPLES, RESUMES, TODAY

CVS = ("cv-014.txt", "cv-015.txt", "cv-018.txt")


@pytest.fixture()
def folder(tmp_path, monkeypatch):
    """The posting and three résumés under short names, the working folder (CLI paths = upload names)."""
    shutil.copy(EXAMPLES / "posting.md", tmp_path / "job.md")
    for name in CVS:
        shutil.copy(RESUMES / name, tmp_path / name)
    (tmp_path / "groups.csv").write_text("resume,group\ncv-014.txt,a\ncv-015.txt,b\ncv-018.txt,b\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture()
def client():
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def _upload(folder, target: dict, groups: bool):
    files = [("resumes", (n, (folder / n).read_bytes(), "text/plain")) for n in CVS]
    data = {}
    if "posting" in target:
        files.append(("posting", ("job.md", (folder / "job.md").read_bytes(), "text/markdown")))
    else:
        data["role"] = target["role"]
    if groups:
        files.append(("groups", ("groups.csv", (folder / "groups.csv").read_bytes(), "text/csv")))
    return files, data


@pytest.mark.parametrize("target, groups", [({"posting": "job.md"}, True), ({"role": "ml-engineer"}, False)])
def test_the_cli_and_the_web_print_the_same_ranking(folder, client, cli, target, groups):
    flags = ["--posting", "job.md"] if "posting" in target else ["--role", target["role"]]
    code, out, err = cli("rank", *flags, *CVS, *(["--groups", "groups.csv", "--min-group", "1"] if groups else []),
                         "--format", "json")
    assert code == 0, err
    files, data = _upload(folder, target, groups)
    r = client.post("/api/rank", files=files, data=data)
    assert r.status_code == 200, r.text
    web = r.json()
    if groups:  # the web has no --min-group: compare the rows, and the audit's groups and counts
        cli_audit = json.loads(out).pop("audit")
        assert {g: v["count"] for g, v in web.pop("audit")["groups"].items()} == \
            {g: v["count"] for g, v in cli_audit["groups"].items()} == {"a": 1, "b": 2}
        out = json.dumps({**json.loads(out), "audit": None})
        web["audit"] = None
    assert json.loads(out) == web
    assert sorted(row["resume"] for row in web["ranking"]) == list(CVS) and set(web) == {"ranking", "audit"}


def test_rank_returns_a_ranking_that_is_also_the_old_list(folder):
    pipe = Pipeline()
    ranking = pipe.rank([*CVS, "missing.txt"], posting="job.md", today=TODAY, groups="groups.csv", min_group=1)
    assert isinstance(ranking, Ranking) and ranking.target.kind == "posting"
    assert [r["rank"] for r in ranking.rows] == [1, 2, 3]
    assert ranking.failed == [{"resume": "missing.txt", "error": ranking.failed[0]["error"]}]
    assert list(ranking) == ranking.rows + ranking.failed and len(ranking) == 4 and ranking[-1]["resume"] == "missing.txt"
    assert ranking.to_dict() == {"ranking": ranking.rows + ranking.failed, "audit": ranking.audit}
    assert ranking.groups == {"cv-014.txt": "a", "cv-015.txt": "b", "cv-018.txt": "b"}
    assert set(ranking.audit["groups"]) == {"a", "b"}
    # the module-level wrapper is the same call
    again = rank([*CVS, "missing.txt"], posting="job.md", today=TODAY)
    assert [(r["resume"], r.get("overall")) for r in again] == [(r["resume"], r.get("overall")) for r in ranking]


def test_a_grouped_resume_that_cannot_be_read_is_left_out_of_the_audit(folder, cli):
    (folder / "groups.csv").write_text("resume,group\ncv-014.txt,a\ncv-015.txt,b\ncv-018.txt,b\nnope.md,a\n",
                                       encoding="utf-8")
    code, out, err = cli("rank", "--posting", "job.md", *CVS, "nope.md", "--groups", "groups.csv", "--format", "json")
    assert code == 1 and "nope.md" in err  # the failed input, reported; the others ranked and audited
    d = json.loads(out)
    assert [r["resume"] for r in d["ranking"] if "error" in r] == ["nope.md"]
    assert d["audit"]["groups"]["a"]["count"] == 1
    assert any("could not be read and are left out of the audit: nope.md" in w for w in d["audit"]["warnings"])


def test_rank_for_a_role_names_it_in_the_table(folder, cli):
    code, out, err = cli("rank", "--role", "ml-engineer", *CVS)
    assert code == 0, err
    assert "Ranking for the curated role profile Machine-learning engineer (ml-engineer)" in " ".join(out.split())


def test_rank_needs_exactly_one_target_and_says_so_in_flags(folder, cli):
    code, _, err = cli("rank", *CVS)
    assert code == 2 and "--posting" in err and "--role" in err
    code, _, err = cli("rank", "--posting", "job.md", "--role", "ml-engineer", *CVS)
    assert code == 2 and "exactly one target" in err


def test_audit_options_are_library_errors_naming_parameters(folder):
    with pytest.raises(UsageError) as info:
        rank(list(CVS), posting="job.md", select_top=2)
    assert info.value.params == ("select_top", "select_share", "groups")
    assert "give groups too" in info.value.message
    with pytest.raises(UsageError) as info:
        rank(list(CVS), posting="job.md", groups={"cv-014.txt": "a"}, min_group=0)
    assert info.value.params == ("min_group",)


def test_a_missing_database_is_an_error_naming_db(folder, cli):
    code, _, err = cli("rank", "--role", "ml-engineer", *CVS, "--db", "none.duckdb")
    assert code == 2 and "--db" in err
