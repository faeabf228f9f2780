"""skillradar: which skills generative-AI work demands, with evidence.

The public Python API. Light at import: heavy parts (embeddings, DuckDB, the web app) load only when
the function that needs them is called.

    >>> import skillradar
    >>> ex = skillradar.extract_text("5+ years of Python; nice to have: PyTorch", kind="posting")
    >>> [(m.label, m.requirement, m.years) for m in ex.mentions]
    [('Python', 'required', 5.0), ('PyTorch', 'preferred', None)]

Many documents, or your own detectors: build a :class:`Pipeline` once and reuse it.
"""

from __future__ import annotations

import importlib
import sys
import types

from .errors import SkillradarError
from .extract import extract_document, extract_path, extract_text
from .pipeline import Pipeline
from .records import Document, Extraction, Mention
from .taxonomy import Skill, Taxonomy, load_taxonomy

__version__ = "0.1.0"

_LAZY = {
    "read_path": "skillradar.readers",
    "read_text": "skillradar.readers",
    "link": "skillradar.link",
    "assess": "skillradar.assess",
    "redact": "skillradar.privacy",
}

__all__ = [
    "__version__",
    "SkillradarError",
    "Document",
    "Extraction",
    "Mention",
    "Skill",
    "Taxonomy",
    "load_taxonomy",
    "Pipeline",
    "extract_document",
    "extract_path",
    "extract_text",
    *_LAZY,
]


class _Package(types.ModuleType):
    """``skillradar.assess`` and ``skillradar.link`` are functions that share their names with
    submodules. Python's import system sets a package attribute for every submodule it loads, which
    would turn ``skillradar.assess`` into a module after the first call; this package keeps the
    function (the submodules stay importable by their full names)."""

    def __setattr__(self, name: str, value) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'skillradar' has no attribute '{name}'")
