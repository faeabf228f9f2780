"""Shared fixtures for the reader tests."""

from __future__ import annotations

import pytest

from ._support import load_generator


@pytest.fixture(scope="session")
def gen():
    """The ``make_fixtures`` module (functions that build PDFs and DOCX files in memory)."""
    return load_generator()
