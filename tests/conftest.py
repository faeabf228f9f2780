"""Shared fixtures: the bundled taxonomy and paths to test data; the Hypothesis profile."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from ._examples import PROFILE, examples

DATA = Path(__file__).parent / "data"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"

# Tests name their full example count through examples(n); these profiles set what the rest of a
# property's settings default to. SKILLRADAR_THOROUGH=1 selects "thorough" (see _examples.py).
settings.register_profile("quick", deadline=None, max_examples=examples(100))
settings.register_profile("thorough", deadline=None, max_examples=100)
settings.load_profile(PROFILE)


# The suite runs with xdist's default "load" scheduling (scripts/test: -n 2). The scope-based schedulers
# (--dist loadfile, loadscope, loadgroup) look tests up by node id, and under pytest 9 schemathesis gives
# all its API-fuzz items one node id: they would run one operation and silently drop the rest.


def pytest_report_header(config):
    return f"hypothesis profile: {PROFILE} (SKILLRADAR_THOROUGH=1 runs every property's full example count)"


@pytest.fixture(scope="session")
def taxonomy():
    from skillradar.taxonomy import load_taxonomy

    return load_taxonomy()


@dataclass(frozen=True)
class CliResult:
    """What one in-process CLI run gave: the fields of ``subprocess.CompletedProcess`` that tests read."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture()
def run_cli(capsys, monkeypatch):
    """``run_cli(*argv, stdin=None)``: run ``skillradar`` in this process (``skillradar.cli.main``, the
    console script's own entry point, errors and exit codes included) and return a :class:`CliResult`.

    For tests of what a command computes and says; a handful of tests still start a real process to
    check what only one shows: exit status, stdout and stderr kept apart, no colour when piped, progress
    on a terminal."""
    from skillradar.cli import main

    def run(*argv: str, stdin: str | None = None) -> CliResult:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
        capsys.readouterr()  # what the test printed before is not the command's
        code = main([str(a) for a in argv])
        out = capsys.readouterr()
        return CliResult(code, out.out, out.err)

    return run
