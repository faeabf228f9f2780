"""skillradar: which skills generative-AI work demands, with evidence.

The public Python API. Light at import: every name below loads its module on first use (extraction,
detection and the taxonomy too), so ``skillradar market …`` queries and ``import skillradar.market``
never pay for the extractor.

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

__version__ = "0.1.0"

_LAZY = {
    "Document": "skillradar.records",
    "Extraction": "skillradar.records",
    "Mention": "skillradar.records",
    "Skill": "skillradar.taxonomy",
    "Taxonomy": "skillradar.taxonomy",
    "load_taxonomy": "skillradar.taxonomy",
    "Pipeline": "skillradar.pipeline",
    "extract_document": "skillradar.extract",
    "extract_path": "skillradar.extract",
    "extract_text": "skillradar.extract",
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
    "read_path",
    "read_text",
    "link",
    "assess",
    "redact",
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
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value  # the next lookup is a plain attribute
        return value
    raise AttributeError(f"module 'skillradar' has no attribute '{name}'")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
