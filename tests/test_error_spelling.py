"""Library errors speak of parameters; each surface names them its own way (issue 14).

The library says ``select_top``, the command line ``--select-top``, the web API ``select_top``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from skillradar.cli.output import cli_flag, report_error
from skillradar.errors import UsageError
from skillradar.fairness.audit import selection_cutoff

SRC = Path(__file__).resolve().parents[1] / "src" / "skillradar"


def test_the_library_names_its_parameter():
    with pytest.raises(UsageError) as err:
        selection_cutoff(10, select_top=0)
    assert err.value.message == "select_top must be at least 1 (got 0)"
    assert err.value.params == ("select_top",)


def test_the_command_line_names_its_flag(capsys):
    try:
        selection_cutoff(10, select_top=3, select_share=0.5)
    except UsageError as err:
        report_error(err)
    line = capsys.readouterr().err
    assert "give at most one of --select-top and --select-share" in line


def test_spelling_replaces_whole_names_only():
    err = UsageError("min_both must be at least 1; min_both_x is another thing", params=("min_both",))
    assert err.spelled(cli_flag) == "--min-both must be at least 1; min_both_x is another thing"
    assert cli_flag("near_dup_threshold") == "--near-dup-threshold" and cli_flag("path") == "--plot"


def test_no_library_error_names_a_command_line_flag():
    """Outside cli/ (and the web app's own server-start hint), messages name parameters, not flags."""
    offenders = []
    for path in SRC.rglob("*.py"):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith(("cli/", "web/")):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"(Error|Skill|Role|Extra)\(f?\"--[a-z]", line):
                offenders.append(f"{rel}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
