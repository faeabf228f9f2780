"""A small contact redaction for stored postings: e-mail addresses and phone numbers.

Returns the redacted text and a function mapping offsets of the original text to the redacted one,
so mention spans found on the original text can be stored against the stored text.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["redact_contacts"]

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# International or national phone numbers: at least 9 digits with the usual separators; a bare
# number like "2023" or "3-5" never qualifies.
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]\d{2,4}){2,4}(?!\w)")
_PLACEHOLDERS = (("[EMAIL]", _EMAIL), ("[PHONE]", _PHONE))


def _is_phone(s: str) -> bool:
    digits = sum(ch.isdigit() for ch in s)
    if digits < 9 or digits > 15:
        return False
    return not re.fullmatch(r"(19|20)\d\d[-./](0?[1-9]|1[0-2])[-./]\d{1,2}", s.strip())  # an ISO date is not a phone


def redact_contacts(text: str):
    """``(redacted_text, spans, shift)``: spans are ``(start, end, placeholder)`` in the original text;
    ``shift(offset)`` maps an original offset to the redacted text (inside a span: its placeholder)."""
    spans: list[tuple[int, int, str]] = []
    for placeholder, pattern in _PLACEHOLDERS:
        for m in pattern.finditer(text):
            if placeholder == "[PHONE]" and not _is_phone(m.group()):
                continue
            if any(m.start() < e and s < m.end() for s, e, _p in spans):
                continue
            spans.append((m.start(), m.end(), placeholder))
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
