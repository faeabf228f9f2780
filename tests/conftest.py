"""Shared fixtures: the bundled taxonomy and paths to test data."""

from __future__ import annotations

from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


@pytest.fixture(scope="session")
def taxonomy():
    from skillradar.taxonomy import load_taxonomy

    return load_taxonomy()
