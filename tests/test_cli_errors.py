"""Usage mistakes across commands: exit code 2 and one coded line on stderr that says how to fix it.

The commands run in-process (``run_cli``); one mistake also runs as a real process, whose exit status
and streams are what a shell sees."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "skillradar", *args], capture_output=True, text=True, timeout=120)


def test_a_usage_mistake_in_a_real_process(tmp_path):
    r = run("market", "top", "--db", str(tmp_path / "none.duckdb"))
    assert r.returncode == 2 and r.stdout == ""
    assert "[no_database]" in r.stderr and "market ingest" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("args,code,hint", [
    (("market", "top", "--db", "{tmp}/none.duckdb"), "no_database", "market ingest"),
    (("assess", "{tmp}/cv.md", "--role", "astronaut"), "unknown_role", "llm-engineer"),
    (("taxonomy", "show", "genai.rg"), "unknown_skill", "genai.rag"),
    (("taxonomy", "list", "--family", "cooking"), "bad_usage", "technical"),
    (("roles", "--format", "xml"), "bad_usage", "table, json"),
    (("extract", "-", "--taxonomy", "nope"), "unknown_taxonomy", "genai"),
])
def test_usage_mistakes_exit_2_with_a_coded_hint(tmp_path, args, code, hint, run_cli):
    (tmp_path / "cv.md").write_text("Python and PyTorch.\n", encoding="utf-8")
    r = run_cli(*(a.format(tmp=tmp_path) for a in args))
    assert r.returncode == 2, r.stderr
    assert f"[{code}]" in r.stderr and hint in r.stderr
    assert r.stdout == ""
