"""Contact redaction for stored postings: e-mail addresses and phone numbers, found by the same
finders that redact résumés (``privacy.redact``), so the two never disagree on what a phone is.

Returns the redacted text and a function mapping offsets of the original text to the redacted one,
so mention spans found on the original text can be stored against the stored text.
"""

from __future__ import annotations

import bisect

from ..privacy.redact import find_pii

__all__ = ["redact_contacts"]

_CONTACT_TYPES = ("EMAIL", "PHONE")  # found by the one catalogue of formats (privacy.pii_patterns)


def redact_contacts(text: str):
    """``(redacted_text, spans, shift)``: spans are ``(start, end, placeholder)`` in the original text;
    ``shift(offset)`` maps an original offset to the redacted text (inside a span: its placeholder)."""
    spans = [(s, e, f"[{t}]") for t, s, e in find_pii(text, types=_CONTACT_TYPES)]
    if not spans:
        return text, (), (lambda offset: offset)
    spans.sort()
    parts, pos = [], 0
    for s, e, p in spans:
        parts.append(text[pos:s])
        parts.append(p)
        pos = e
    parts.append(text[pos:])
    starts = [s for s, _e, _p in spans]
    deltas, acc = [], 0
    new_starts = []
    for s, e, p in spans:
        new_starts.append(s + acc)
        acc += len(p) - (e - s)
        deltas.append(acc)

    def shift(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        s, e, p = spans[i]
        if offset < e:  # inside a redacted span: clamp to the placeholder
            return new_starts[i] + min(offset - s, len(p))
        return offset + deltas[i]

    return "".join(parts), tuple(spans), shift
