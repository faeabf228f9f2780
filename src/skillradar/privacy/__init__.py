"""Personal data: redaction of résumés and postings, and the store of redacted résumés and reports.

Public API::

    redact(text, *, taxonomy=None, protect=None) -> Redaction       # typed placeholders, exact spans
    redact_if(text, keep_pii) -> str                                  # the one switch other modules call
    PLACEHOLDERS, PII_TYPES

The store (``skillradar.privacy.store``) needs DuckDB (extra ``market``) and is imported on demand.
"""

from __future__ import annotations

from .redact import PII_TYPES, PLACEHOLDERS, Redaction, RedactedItem, redact, redact_if

__all__ = ["redact", "redact_if", "Redaction", "RedactedItem", "PLACEHOLDERS", "PII_TYPES"]
