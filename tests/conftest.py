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


# Tests that must share one xdist worker, by file: the browser tests share the session's one Chromium and
# one `skillradar serve` (tests/web/conftest.py), so they run together and start those once; the slow-
# client tests start a `skillradar serve` of their own once per module. The files
# are named here rather than marked with xdist_group because pytest-xdist 3.8 groups by renaming node ids,
# which pytest 9 no longer reads; scripts/test passes --dist loadgroup, which this scheduler implements.
_WORKER_GROUPS = {"tests/web/test_browser.py": "browser", "tests/web/test_browser_assess.py": "browser",
                  "tests/web/test_slow_and_gone_clients.py": "slow-clients"}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class _FileGroups(LoadGroupScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _WORKER_GROUPS.get(nodeid.split("::")[0]) or super()._split_scope(nodeid)

    return _FileGroups(config, log)


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
