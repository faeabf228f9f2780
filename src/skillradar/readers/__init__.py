"""Readers: turn a file, an upload or pasted text into a :class:`~skillradar.records.Document`.

Public API::

    read_path(path, *, kind="unknown", max_bytes=DEFAULT_MAX_BYTES) -> Document
    read_bytes(data, source, *, kind="unknown", max_bytes=DEFAULT_MAX_BYTES, declared_name=None) -> Document
    read_text(text, source="-", *, kind="unknown") -> Document
    iter_inputs(paths) -> Iterator[str | Path]
    SUPPORTED_SUFFIXES, DEFAULT_MAX_BYTES
    register_reader(fmt, suffixes, reader)   # add a format, read by its suffix

How the format is chosen
------------------------
``read_bytes`` (API uploads) trusts only the content: PDF by ``%PDF-``, DOCX by a zip holding
``word/document.xml``, HTML by its tags, otherwise UTF-8 text (``md`` when ``declared_name`` ends in
``.md``, for the ``format`` field only).

``read_path`` first refuses unsupported suffixes (listing the supported ones), then looks at the
content:

- PDF or zip content is read as PDF or DOCX whatever the suffix (a ``.txt`` that is really a PDF
  still works), with a ``format_mismatch`` notice when the suffix said otherwise;
- a ``.pdf``/``.docx`` whose content is text or HTML is read as such (again with a
  ``format_mismatch`` notice); binary content there is a :class:`CorruptFile`;
- ``.txt``/``.md`` are always the file's text exactly (HTML-looking text included, since offsets
  must index the file as it is); ``.html``/``.htm`` go through the HTML reader;
- a file without a suffix is sniffed like an upload;
- a known binary that is not supported (an image, a legacy ``.doc``, RTF …) is an
  :class:`UnsupportedFormat` saying what it is; unknown binary content where text was expected is a
  :class:`DecodeError`.

Every document then gets the same checks: no visible text → :class:`EmptyText`; text clearly not
in English → an ``unsupported_language`` notice. Every error carries ``source``.

Hostile files. ``max_bytes`` bounds more than the input: a DOCX may unpack to at most a small
multiple of it (see :mod:`.docx`), and a PDF may yield at most ``max_bytes`` characters of text. Any
failure a format library raises that the reader did not foresee (a codec error, an unsupported zip
feature, a parser assertion) becomes a :class:`CorruptFile` or :class:`DecodeError` for that input,
raised ``from`` the original, so one hostile file never stops a batch or answers 500.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..choices import unknown_choice
from ..errors import (CorruptFile, DecodeError, EmptyText, FileMissing, InputError, SkillradarError, TooLarge,
                      UnknownReader, UnsupportedFormat)
from ..records import Document, Notice
from . import sniff as _sniff
from .language import language_notice
from .txt import read_txt, strip_bom

__all__ = [
    "read_path",
    "read_bytes",
    "read_text",
    "iter_inputs",
    "SUPPORTED_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "register_reader",
    "reader_formats",
]

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
_SUFFIX_FORMAT = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def _supported_list() -> str:
    return ", ".join(_SUFFIX_FORMAT)


def human_size(n: int) -> str:
    """``2.5 MB``, ``12 KB``, ``900 bytes``: sizes in messages."""
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.1f} KB".replace(".0 KB", " KB")
    return f"{n} bytes"


def _too_large(size: int, max_bytes: int, source: str) -> TooLarge:
    return TooLarge(
        f"is {human_size(size)}, over the {human_size(max_bytes)} limit: raise the limit with "
        "--max-bytes (max_bytes=… in Python) if the file is genuine",
        source=source,
    )


def _finish(doc: Document, extra: tuple[Notice, ...] = (), *, language_check: bool = True) -> Document:
    """Refuse empty text, add the language notice (unless ``language_check`` is off) and any extra notices."""
    if not doc.text.strip():
        raise EmptyText("contains no text", source=doc.source)
    notices = list(extra) + list(doc.notices)
    lang = language_notice(doc.text) if language_check else None
    if lang is not None:
        notices.append(lang)
    if notices == list(doc.notices):
        return doc
    return Document(
        source=doc.source,
        text=doc.text,
        format=doc.format,
        kind=doc.kind,
        page_starts=doc.page_starts,
        notices=tuple(notices),
        _line_starts=doc._line_starts,
    )


# Readers by format: ``reader(data, source, kind, max_bytes) -> Document``. PDF, DOCX and HTML load
# their libraries only when a file of that format arrives.
Reader = Callable[[bytes, str, str, int], Document]


def _pdf(data: bytes, source: str, kind: str, max_bytes: int) -> Document:
    from .pdf import read_pdf

    return read_pdf(data, source, kind=kind, max_chars=max_bytes)


def _docx(data: bytes, source: str, kind: str, max_bytes: int) -> Document:
    from .docx import read_docx

    return read_docx(data, source, kind=kind, max_bytes=max_bytes)


def _html(data: bytes, source: str, kind: str, max_bytes: int) -> Document:
    from .html import read_html

    return read_html(data, source, kind=kind)


def _txt(data: bytes, source: str, kind: str, max_bytes: int) -> Document:
    return read_txt(data, source, fmt="txt", kind=kind)


def _md(data: bytes, source: str, kind: str, max_bytes: int) -> Document:
    return read_txt(data, source, fmt="md", kind=kind)


_READERS: dict[str, Reader] = {"pdf": _pdf, "docx": _docx, "html": _html, "txt": _txt, "md": _md}
_BUILT_IN = frozenset(_READERS)  # chosen by sniffing the content; registered formats by their suffix


def register_reader(fmt: str, suffixes: Iterable[str], reader: Reader, *, replace: bool = False) -> None:
    """Read files ending in ``suffixes`` (".rtf") with ``reader(data, source, kind, max_bytes)``.

    The reader gets the file's bytes and returns a Document; the usual checks (no text, language)
    follow, and anything it raises that is not a SkillradarError becomes a CorruptFile for that file.
    ``replace`` lets a built-in format's reader be swapped (its content sniffing stays).
    """
    if fmt in _READERS and not replace:
        raise ValueError(f"a reader for '{fmt}' is already registered (pass replace=True to override it)")
    _READERS[fmt] = reader
    for suffix in suffixes:
        suffix = suffix.lower() if suffix.startswith(".") else "." + suffix.lower()
        _SUFFIX_FORMAT[suffix] = fmt


def reader_formats() -> tuple[str, ...]:
    """The formats a reader is registered for."""
    return tuple(_READERS)


def _read_as(fmt: str, data: bytes, source: str, kind: str, max_bytes: int) -> Document:
    reader = _READERS.get(fmt)
    if reader is None:
        raise UnknownReader(unknown_choice("format", fmt, _READERS))
    return reader(data, source, kind, max_bytes)


def _unsupported_content(sniffed: str, source: str, expected: str | None) -> InputError:
    what = _sniff.describe(sniffed)
    if sniffed in ("binary",):
        if expected in ("pdf", "docx"):
            return CorruptFile(
                f"is not a valid {expected.upper()} file (its content is {what}): "
                "re-export or re-download it and try again",
                source=source,
            )
        return DecodeError(
            f"contains {what}, not text: save the document as UTF-8 text, PDF or DOCX", source=source
        )
    if sniffed == "utf16":
        return DecodeError("is UTF-16 encoded text: re-save it as UTF-8 and try again", source=source)
    return UnsupportedFormat(f"is {what}, which skillradar cannot read (supported: {_supported_list()})", source=source)


def _guarded(fmt: str, data: bytes, source: str, kind: str, max_bytes: int) -> Document:
    """``_read_as`` with every unforeseen library failure turned into this input's coded error."""
    try:
        return _read_as(fmt, data, source, kind, max_bytes)
    except SkillradarError:
        raise
    except MemoryError as exc:
        raise TooLarge(f"needs more memory to read than this machine has: split the {fmt.upper()} file or "
                       "save it as plain text", source=source) from exc
    except (LookupError, UnicodeError) as exc:
        raise DecodeError(f"cannot be decoded as {fmt.upper()} ({type(exc).__name__}: {str(exc)[:120]}): "
                          "re-save it as UTF-8 and try again", source=source) from exc
    except Exception as exc:  # noqa: BLE001 - a hostile file may make a format library fail in any way
        raise CorruptFile(f"is a damaged {fmt.upper()} file ({type(exc).__name__}): re-save or re-export it "
                          "and try again", source=source) from exc


def _dispatch(data: bytes, source: str, kind: str, expected: str | None, declared_md: bool = False,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read ``data``; ``expected`` is the format the name suggests (None: trust only the content)."""
    if expected is not None and expected not in _BUILT_IN:  # a registered format: its suffix decides
        return _finish(_guarded(expected, data, source, kind, max_bytes))
    sniffed = _sniff.sniff(data)
    if expected == "pdf" and b"%PDF-" in data[:1024]:
        sniffed = "pdf"  # a damaged PDF with leading junk: let the PDF reader say what is wrong
    if sniffed in ("pdf", "docx", "zip"):
        fmt = "pdf" if sniffed == "pdf" else "docx"
    elif sniffed in ("text", "html"):
        if expected in ("txt", "md", "html"):
            fmt = expected
        else:
            fmt = sniffed if sniffed == "html" else ("md" if declared_md or expected == "md" else "txt")
    else:
        raise _unsupported_content(sniffed, source, expected)

    extra: tuple[Notice, ...] = ()
    if expected is not None and expected != fmt and not (expected in ("txt", "md") and fmt in ("txt", "md")):
        extra = (
            Notice(
                "format_mismatch",
                f"the name says {expected.upper()} but the content is {fmt.upper()}; it was read as {fmt.upper()}",
            ),
        )
    return _finish(_guarded(fmt, data, source, kind, max_bytes), extra)


def read_bytes(
    data: bytes,
    source: str,
    *,
    kind: str = "unknown",
    max_bytes: int = DEFAULT_MAX_BYTES,
    declared_name: str | None = None,
) -> Document:
    """Read an upload whose format is sniffed from its content, never taken from its name.

    Args:
        data: the uploaded bytes.
        source: what errors and the document name as the input (e.g. the upload's file name).
        kind: ``"posting"``, ``"resume"`` or ``"unknown"``, passed through to the document.
        max_bytes: larger uploads raise :class:`TooLarge`.
        declared_name: the client's file name; only used to label Markdown as ``md``.

    Raises:
        InputError: a subclass saying what is wrong (see :mod:`skillradar.errors`).
    """
    if len(data) > max_bytes:
        raise _too_large(len(data), max_bytes, source)
    declared_md = declared_name is not None and Path(declared_name).suffix.lower() in (".md", ".markdown")
    return _dispatch(data, source, kind, None, declared_md=declared_md, max_bytes=max_bytes)


def read_path(path: str | Path, *, kind: str = "unknown", max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read one file (or standard input for ``"-"``, as text).

    Raises:
        FileMissing: no such file.
        UnsupportedFormat: the suffix or the content is not one skillradar reads.
        TooLarge: the file is over ``max_bytes``.
        InputError: any other coded problem (empty, encrypted, scanned, corrupt, undecodable …).
    """
    source = str(path)
    if source == "-":
        stream = getattr(sys.stdin, "buffer", None)
        if stream is not None:
            data = stream.read(max_bytes + 1)
        else:  # stdin replaced by a text stream (tests, embedding)
            data = sys.stdin.read(max_bytes + 1).encode("utf-8", "surrogatepass")
        if len(data) > max_bytes:
            raise _too_large(len(data), max_bytes, source)
        return _finish(read_txt(data, source, kind=kind))
    p = Path(path)
    if p.is_dir():
        raise UnsupportedFormat("is a folder, not a file: pass the folder to a command that expands folders", source=source)
    if not p.exists():
        raise FileMissing("does not exist: check the path", source=source)
    suffix = p.suffix.lower()
    if suffix and suffix not in _SUFFIX_FORMAT:
        raise UnsupportedFormat(f"has an unsupported type '{suffix}': supported are {_supported_list()}", source=source)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes, source)
        with p.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError as exc:
        raise FileMissing("cannot be read (permission denied)", source=source) from exc
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise FileMissing("does not exist: check the path", source=source) from exc
        raise FileMissing(f"cannot be read ({exc.strerror or exc})", source=source) from exc
    if len(data) > max_bytes:  # grew since stat, or a special file
        raise _too_large(len(data), max_bytes, source)
    return _dispatch(data, source, kind, _SUFFIX_FORMAT.get(suffix), max_bytes=max_bytes)


def read_text(text: str, source: str = "-", *, kind: str = "unknown", language_check: bool = True) -> Document:
    """Wrap pasted or piped text as a document: BOM removed, everything else kept as given.

    ``language_check=False`` leaves out the not-English notice, for callers that never show notices
    (market ingest: ~0.15 ms of a 5 KB posting's ~3 ms).

    Raises:
        EmptyText: the text is empty or only white space.
    """
    return _finish(Document(source=source, text=strip_bom(text), format="txt", kind=kind), language_check=language_check)


def iter_inputs(paths: Iterable[str | Path]) -> Iterator[str | Path]:
    """Expand folders (recursively, sorted, supported suffixes only, hidden entries skipped).

    ``"-"`` and anything that is not a folder pass through unchanged, so a missing or unsupported
    file is still reported by :func:`read_path` in its turn.
    """
    for item in paths:
        if str(item) == "-" or not Path(item).is_dir():
            yield item
            continue
        root = Path(item)
        found: list[Path] = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for name in filenames:
                if name.startswith("."):
                    continue
                if Path(name).suffix.lower() in _SUFFIX_FORMAT:
                    found.append(Path(dirpath) / name)
        found.sort(key=lambda p: p.relative_to(root).parts)
        yield from found
