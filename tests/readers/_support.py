"""Paths and the fixture generator, shared by the reader tests."""

from __future__ import annotations

import importlib.util
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "readers"
GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden" / "readers"


def load_generator():
    """Import ``tests/data/readers/make_fixtures.py`` (it is a script, not a package module)."""
    spec = importlib.util.spec_from_file_location("skillradar_reader_fixtures", DATA / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
