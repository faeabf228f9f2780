"""Fixtures for the assessment tests: example files and a CLI runner that captures stdout."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
RESUMES = ROOT / "tests" / "data" / "resumes"
POSTINGS = ROOT / "tests" / "data" / "postings"
TODAY = dt.date(2026, 6, 1)  # a fixed reference date keeps recency deterministic in tests


@pytest.fixture()
def cli(capsys):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""
    from skillradar.cli import main

    def run(*argv: str):
        code = main(list(argv))
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


@pytest.fixture()
def cli_json(cli):
    def run(*argv: str):
        code, out, err = cli(*argv, "--format", "json")
        assert code == 0, err
        return json.loads(out)

    return run
