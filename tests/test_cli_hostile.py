"""Hostile files in CLI batches (issue 12, item 3): each bad file is its own coded error, the others
are processed, the exit code is 1 and no traceback is printed. The CLI runs in-process (``run_cli``);
test_cli_extract.py checks the same batch rule in a real process."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESUME = "Jane Doe\nSkills: Python, PyTorch, SQL and Docker.\nExperience: built RAG pipelines with LangChain.\n"
POSTING = "Requirements:\n- 3+ years of Python and SQL\n- PyTorch and RAG experience\nNice to have: Docker\n"


def _fixtures():
    spec = importlib.util.spec_from_file_location("mkfix", ROOT / "tests" / "data" / "readers" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, str]:
    d = tmp_path_factory.mktemp("hostile")
    out = {
        "good": d / "good.md",
        "rot13": d / "rot13.html",
        "future": d / "future.docx",
        "badbytes": d / "sjis.html",
        "posting": d / "posting.md",
    }
    out["good"].write_text(RESUME, encoding="utf-8")
    out["posting"].write_text(POSTING, encoding="utf-8")
    out["rot13"].write_bytes(b'<html><head><meta charset="rot13"></head><body><p>Python and SQL</p></body></html>')
    out["badbytes"].write_bytes(b'<html><head><meta charset="shift_jis"></head><body><p>\x81\xff</p></body></html>')
    out["future"].write_bytes(_fixtures().make_future_zip_docx())
    return {k: str(v) for k, v in out.items()}


def _no_traceback(r):
    assert "Traceback" not in r.stderr, r.stderr


def test_extract_batch_goes_on_past_hostile_files(files, run_cli):
    r = run_cli("extract", files["good"], files["rot13"], files["future"], files["badbytes"], "--format", "jsonl")
    _no_traceback(r)
    assert r.returncode == 1, r.stderr
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    by_source = {row["source"]: row for row in rows}
    assert "Python" in {m["text"] for m in by_source[files["good"]]["mentions"]}
    assert by_source[files["rot13"]]["warnings"][0]["code"] == "charset_ignored"
    assert [m["text"] for m in by_source[files["rot13"]]["mentions"]] == ["Python", "SQL"]
    assert by_source[files["future"]]["error"]["code"] == "corrupt_file"
    assert by_source[files["badbytes"]]["error"]["code"] == "decode_error"
    assert f"[corrupt_file] {files['future']}" in r.stderr and "re-save it from Word" in r.stderr


@pytest.mark.parametrize("command", ["redact", "text"])
def test_redact_and_text_report_the_hostile_file(files, command, run_cli):
    r = run_cli(command, files["future"])
    _no_traceback(r)
    assert r.returncode == 1 and "[corrupt_file]" in r.stderr
    r = run_cli(command, files["rot13"])
    _no_traceback(r)
    assert r.returncode == 0 and "Python and SQL" in r.stdout


def test_redact_batch_goes_on(files, run_cli):
    r = run_cli("redact", files["good"], files["future"], files["rot13"], "--format", "json")
    _no_traceback(r)
    assert r.returncode == 1
    codes = [row.get("error", {}).get("code") for row in json.loads(r.stdout)]
    assert codes == [None, "corrupt_file", None]


def test_assess_with_hostile_files(files, run_cli):
    r = run_cli("assess", files["future"], "--posting", files["posting"], "--format", "json")
    _no_traceback(r)
    assert r.returncode == 1 and "[corrupt_file]" in r.stderr
    r = run_cli("assess", files["good"], "--posting", files["rot13"], "--format", "json")
    _no_traceback(r)
    assert r.returncode == 0, r.stderr


def test_rank_keeps_the_good_resumes(files, run_cli):
    r = run_cli("rank", "--posting", files["posting"], files["good"], files["future"], files["rot13"],
            files["badbytes"], "--format", "json")
    _no_traceback(r)
    assert r.returncode == 1
    ranking = json.loads(r.stdout)["ranking"]
    ranked = [row["resume"] for row in ranking if "rank" in row]
    assert files["good"] in ranked and files["rot13"] in ranked
    errors = {row["resume"]: row["error"]["code"] for row in ranking if "error" in row}
    assert errors == {files["future"]: "corrupt_file", files["badbytes"]: "decode_error"}


def test_an_unforeseen_failure_is_that_inputs_internal_error(files, monkeypatch, capsys):
    from skillradar.cli import extract_cmd, main

    real = extract_cmd.extract_document

    def flaky(doc, **kw):
        if "rot13" in doc.source:
            raise TypeError("a bug")
        return real(doc, **kw)

    monkeypatch.setattr(extract_cmd, "extract_document", flaky)
    code = main(["extract", files["rot13"], files["good"], "--format", "jsonl"])
    out = capsys.readouterr()
    assert code == 1
    rows = [json.loads(line) for line in out.out.splitlines()]
    assert rows[0]["error"]["code"] == "internal_error" and "TypeError: a bug" in rows[0]["error"]["message"]
    assert "mentions" in rows[1]
    assert "[internal_error]" in out.err
