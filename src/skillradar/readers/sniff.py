"""Tell what a byte string is from its content, never from its name.

``sniff(data)`` answers with one of these kinds:

- ``"pdf"``: starts with ``%PDF-`` (after white space), or has ``%PDF-`` within the first KiB (the
  PDF spec tolerates leading junk) and ``%%EOF`` near its end, so that a text file that merely
  mentions ``%PDF-`` stays text;
- ``"docx"``: a zip archive whose central directory lists ``word/document.xml``;
- ``"zip"``: a zip archive that is not visibly a Word document, or that cannot be opened (truncated);
  the DOCX reader gives the precise error;
- ``"html"``: text with strong HTML signals (a doctype, ``<html``, ``<body``, ``<head`` …);
- ``"text"``: anything else without NUL bytes;
- ``"utf16"``: text with a UTF-16 byte-order mark;
- a known binary that skillradar does not read: ``"png"``, ``"jpeg"``, ``"gif"``, ``"tiff"``,
  ``"gzip"``, ``"ole"`` (legacy ``.doc``/``.xls``), ``"rtf"``, ``"elf"``, ``"exe"``;
- ``"binary"``: NUL bytes and no known signature.

Only the first few KiB are looked at (plus the zip central directory), so sniffing is cheap.
"""

from __future__ import annotations

import io
import re
import zipfile

__all__ = ["sniff", "describe", "UNREADABLE"]

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x1f\x8b", "gzip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole"),
    (b"{\\rtf", "rtf"),
    (b"\x7fELF", "elf"),
    (b"MZ", "exe"),
)

#: Human descriptions of the kinds skillradar recognises but does not read.
UNREADABLE = {
    "png": "a PNG image",
    "jpeg": "a JPEG image",
    "gif": "a GIF image",
    "tiff": "a TIFF image",
    "gzip": "a gzip archive",
    "ole": "a legacy Office file (.doc/.xls); save it as .docx or PDF",
    "rtf": "an RTF document; save it as .docx or PDF",
    "elf": "an executable program",
    "exe": "an executable program",
    "utf16": "UTF-16 encoded text; re-save it as UTF-8",
    "binary": "binary data",
}

_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(?:html|head|body)\b[^>]*>", re.I)
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")


def sniff(data: bytes) -> str:
    """Return the kind of ``data`` (see the module docstring)."""
    head = data[:8192]
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if b"%PDF-" in data[:1024] and b"%%EOF" in data[-2048:]:
        return "pdf"
    if head.startswith(_ZIP_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = set(zf.namelist())
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
            return "zip"  # NotImplementedError: a "version needed to extract" zipfile does not know
        return "docx" if "word/document.xml" in names else "zip"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf16"
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if kind == "exe" and b"\x00" not in head[:64]:
                continue  # plain text that happens to start with "MZ"
            return kind
    if b"\x00" in head:
        return "binary"
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if _HTML_START.match(body) or _HTML_TAGS.search(body[:4096]):
        return "html"
    return "text"


def describe(kind: str) -> str:
    """A short phrase for an error message, e.g. ``"a PNG image"``."""
    return UNREADABLE.get(kind, f"a {kind.upper()} file")
