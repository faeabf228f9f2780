"""Names for stored and reported résumés that do not carry the person's name.

Why: résumé files are usually named after their owner ("José_Alvarez_CV.pdf"), so a file name kept
in the store or printed in a report's title would undo the redaction of the text. Only the kind and
the file type are kept, unless the user asked to keep personal data (``--keep-pii``).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["safe_source_name"]


def safe_source_name(source_name: str | None, *, keep_pii: bool = False, kind: str = "resume") -> str | None:
    """``kind`` plus the file's extension (``resume.pdf``); the base name as given with ``keep_pii``."""
    if not source_name:
        return None
    base = Path(str(source_name).replace("\\", "/")).name
    if keep_pii:
        return base
    suffix = Path(base).suffix.lower()
    return f"{kind}{suffix}" if 1 < len(suffix) <= 6 and suffix[1:].isalnum() else kind
