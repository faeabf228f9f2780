"""skillradar: which skills generative-AI work demands, with evidence.

The public Python API. Light at import: heavy parts (embeddings, DuckDB, the web app) load only when
the function that needs them is called.

    >>> import skillradar
    >>> ex = skillradar.extract_text("5+ years of Python; nice to have: PyTorch", kind="posting")
    >>> [(m.label, m.requirement, m.years) for m in ex.mentions]
    [('Python', 'required', 5.0), ('PyTorch', 'preferred', None)]
"""

from __future__ import annotations

import importlib

from .errors import SkillradarError
from .extract import extract_document, extract_path, extract_text
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
    "extract_document",
    "extract_path",
    "extract_text",
    *_LAZY,
]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'skillradar' has no attribute '{name}'")
