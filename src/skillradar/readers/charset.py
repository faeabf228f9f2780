"""Which declared character sets may be used to decode a document or a posting file.

A page's ``<meta charset>`` or a user's ``--encoding`` is a name that Python's codec registry may
resolve to something that is not a text encoding at all (``rot13``, ``hex``, ``base64``, ``zlib``,
``uu``), to one that cannot decode arbitrary text (``punycode``, ``idna``, ``undefined``), or to
one that rewrites what it reads (``unicode_escape``, ``utf-7``). Only a codec that decodes a plain
ASCII probe — markup, punctuation, backslashes and plus signs — to the same characters is a
document encoding; UTF-16 and UTF-32 fail the probe too, as the HTML standard wants for a
``<meta>`` (a page whose tag was readable as ASCII is not UTF-16).
"""

from __future__ import annotations

import codecs

__all__ = ["document_codec", "text_codec"]

_PROBE = b'<meta charset="x"> a-b_c +/=. \\n \\u0041 ~{ 0\n'
_HOST_NAMES = {"idna", "punycode"}  # codecs for host names, not documents


def document_codec(name: str | None) -> str | None:
    """The canonical codec name for ``name`` when it is a usable document encoding, else None."""
    if not name or not name.strip() or "\x00" in name:
        return None
    try:
        info = codecs.lookup(name.strip())
        decoded = _PROBE.decode(info.name)  # bytes.decode refuses codecs that are not text encodings
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    if info.name in _HOST_NAMES or decoded != _PROBE.decode("ascii"):
        return None
    return info.name


def text_codec(name: str | None) -> str | None:
    """The canonical codec name for ``name`` when it is a text encoding a user may choose for a file
    (``--encoding``), else None. Looser than :func:`document_codec`: UTF-16 and UTF-32 are fine here
    (spreadsheets export them), codecs that are no text encodings or cannot decode text are not."""
    if not name or not name.strip() or "\x00" in name:
        return None
    try:
        info = codecs.lookup(name.strip())
        (b"\x00" * 8).decode(info.name)  # bytes.decode refuses codecs that are not text encodings (rot13, base64 …)
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    return None if info.name in _HOST_NAMES or info.name == "undefined" else info.name
