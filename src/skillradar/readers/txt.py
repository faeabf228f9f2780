"""Plain text and Markdown: the file decoded as UTF-8, nothing else changed.

The CONTRACT fixes the text that offsets index for ``.txt``/``.md``: the bytes decoded as UTF-8
with a leading BOM removed and every newline kept as it is in the file (``\\r\\n`` stays
``\\r\\n``). Markdown markup is kept, so an offset is an offset into the file as the user sees it.
Encodings are never guessed: bytes that are not UTF-8 raise :class:`~skillradar.errors.DecodeError`
with the offset of the first bad byte.
"""

from __future__ import annotations

from ..errors import DecodeError
from ..records import Document

__all__ = ["decode_utf8", "read_txt", "strip_bom"]

_BOM = "\ufeff"


def strip_bom(text: str) -> str:
    """``text`` without one leading byte-order mark."""
    return text[1:] if text.startswith(_BOM) else text


def decode_utf8(data: bytes, source: str) -> str:
    """Decode ``data`` as strict UTF-8 (BOM removed).

    Raises:
        DecodeError: the bytes are not UTF-8 (the message names the first bad byte's offset and
            line) or hold NUL bytes (binary data, not text).
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1]
        line = data.count(b"\n", 0, exc.start) + 1
        raise DecodeError(
            f"byte 0x{bad.hex().upper()} at offset {exc.start} (line {line}) is not valid UTF-8: "
            "re-save the file as UTF-8 and try again",
            source=source,
        ) from exc
    nul = text.find("\x00")
    if nul != -1:
        raise DecodeError(
            f"contains a NUL byte at offset {nul}: this looks like binary data, not text; "
            "save the document as UTF-8 text, PDF or DOCX",
            source=source,
        )
    return strip_bom(text)


def read_txt(data: bytes, source: str, *, fmt: str = "txt", kind: str = "unknown") -> Document:
    """Read a ``.txt`` or ``.md`` file's bytes into a :class:`Document` (emptiness not checked)."""
    return Document(source=source, text=decode_utf8(data, source), format=fmt, kind=kind)
