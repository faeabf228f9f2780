"""The extract command end to end: formats, batch semantics with bad inputs, exit codes.

Most tests run the CLI in-process (``run_cli``); the batch with bad inputs and the table output run a
real process, as only one shows the exit status, stdout and stderr kept apart and no colour when piped."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

POSTING = """Senior LLM Engineer

Requirements:
- 5+ years of Python
- Experience with retrieval-augmented generation (RAG) and PyTorch
Nice to have: Kubernetes
No prior TensorFlow experience required.
"""


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The CLI as a real process (``python -m skillradar``)."""
    return subprocess.run([sys.executable, "-m", "skillradar", *args], input=stdin, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture()
def batch(tmp_path: Path) -> dict[str, Path]:
    good = tmp_path / "good.txt"
    good.write_text(POSTING, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document>" + "x" * 5000 + "</w:document>")
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])
    return {"good": good, "empty": empty, "garbage": garbage, "truncated": truncated}


def test_batch_with_bad_inputs_reports_each_and_keeps_the_good_one(batch):
    r = run("extract", *(str(p) for p in batch.values()), "--format", "jsonl")
    assert r.returncode == 1, r.stderr
    lines = [json.loads(l) for l in r.stdout.splitlines()]
    assert len(lines) == 4
    by_source = {Path(l["source"]).name: l for l in lines}
    assert {m["text"] for m in by_source["good.txt"]["mentions"]} >= {"Python", "PyTorch", "RAG"}
    codes = {name: l["error"]["code"] for name, l in by_source.items() if "error" in l}
    assert codes == {"empty.txt": "empty_text", "garbage.pdf": "corrupt_file", "truncated.docx": "corrupt_file"}
    assert r.stderr.count("error [") == 3  # one readable line per failed input


def test_json_is_one_array_and_spans_reproduce_text(batch, run_cli):
    r = run_cli("extract", str(batch["good"]), "--format", "json")
    assert r.returncode == 0, r.stderr
    (obj,) = json.loads(r.stdout)
    text = run_cli("text", str(batch["good"])).stdout
    assert obj["chars"] == len(text)
    for m in obj["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    levels = {m["text"]: m["requirement"] for m in obj["mentions"]}
    assert levels["Python"] == "required" and levels["TensorFlow"] == "negated"
    years = {m["text"]: m["years"] for m in obj["mentions"]}
    assert years["Python"] == 5.0


def test_stdin_and_csv(run_cli):
    r = run_cli("extract", "-", "--format", "csv", stdin=POSTING)
    assert r.returncode == 0, r.stderr
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and rows[0]["source"] == "-"
    assert {"Python", "PyTorch"} <= {row["text"] for row in rows}


def test_folder_is_read_recursively(tmp_path, run_cli):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("We need Python.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("SQL and PyTorch.", encoding="utf-8")
    (tmp_path / "ignore.png").write_bytes(b"\x89PNG")
    r = run_cli("extract", str(tmp_path), "--format", "jsonl")
    assert r.returncode == 0, r.stderr
    assert len(r.stdout.splitlines()) == 2


def test_table_output_is_readable(batch):
    r = run("extract", str(batch["good"]))
    assert r.returncode == 0
    assert "Python" in r.stdout and "distinct skills" in r.stdout
    assert "\x1b[" not in r.stdout  # no colour codes when piped


def test_bad_usage_exits_2(batch, run_cli):
    assert run_cli("extract", str(batch["good"]), "--format", "xml").returncode == 2
    assert run_cli("extract", str(batch["good"]), "--taxonomy", "nope").returncode == 2
    assert run_cli("extract").returncode == 2
    r = run_cli("extract", str(batch["good"]), "--kind", "letter")
    assert r.returncode == 2 and "--kind" in r.stderr


def test_missing_file_is_a_coded_error_not_a_crash(tmp_path, batch, run_cli):
    r = run_cli("extract", str(tmp_path / "nope.txt"), str(batch["good"]), "--format", "jsonl")
    assert r.returncode == 1
    codes = [json.loads(l).get("error", {}).get("code") for l in r.stdout.splitlines()]
    assert codes[0] == "file_not_found" and codes[1] is None
