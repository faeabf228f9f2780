"""Shared fixtures: the bundled taxonomy and paths to test data; the Hypothesis profile."""

from __future__ import annotations

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


def pytest_report_header(config):
    return f"hypothesis profile: {PROFILE} (SKILLRADAR_THOROUGH=1 runs every property's full example count)"


@pytest.fixture(scope="session")
def taxonomy():
    from skillradar.taxonomy import load_taxonomy

    return load_taxonomy()
