"""PDF: text per page with PDFium (``pypdfium2``), ``pypdf`` as the fallback.

Page join. Each page's text is normalised (``\\r\\n`` and ``\\r`` become ``\\n``, control
characters other than tab and newline dropped, typographic ligatures such as ``ﬁ`` expanded, outer
white space stripped), then the pages are joined with ``"\\n\\f\\n"``: a form feed on a line of its
own. So no line ever spans two pages, ``Document.line_of`` counts lines across the whole document,
the separator is visible in ``skillradar text`` output (and in ``pdftotext``'s tradition), and the
folding used for matching treats it as white space. ``page_starts[i]`` is the offset of the first
character of page ``i + 1``; the separator belongs to the page before it. An empty page is an
empty string between two separators.

Reading order. PDFium returns characters in content-stream order, which for résumés laid out in
columns (each column written as one flow) keeps each column's paragraphs intact. Sorting by
position, as some libraries do, interleaves the columns.

Errors. Every library exception becomes one coded error, raised ``from`` the original:
a password → :class:`EncryptedPdf`; pages with (almost) no text → :class:`ScannedPdf`; a file
neither PDFium nor pypdf can open → :class:`CorruptFile`. ``pypdf`` is tried only when PDFium
fails for a reason other than encryption; a notice says so when it is used.

Size. Compressed content streams can hold far more text than the file's size suggests; reading
stops with :class:`TooLarge` as soon as the pages' text passes ``max_chars``.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
import threading

from ..errors import CorruptFile, EmptyText, EncryptedPdf, ScannedPdf, TooLarge
from ..records import Document, Notice

__all__ = ["read_pdf", "join_pages", "PAGE_SEPARATOR", "MIN_CHARS_PER_PAGE"]

#: What goes between two pages' texts.
PAGE_SEPARATOR = "\n\f\n"
#: Below this many non-space characters per page on average, a PDF counts as image-only.
MIN_CHARS_PER_PAGE = 10

_PDFIUM_LOCK = threading.Lock()  # PDFium is not thread-safe; the web app may read from threads.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
_ENCRYPTED_MSG = "is password-protected: remove the password and try again"


def _clean_page(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _CONTROL.sub("", text).translate(_LIGATURES)
    return text.strip()


def join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """Join cleaned page texts with :data:`PAGE_SEPARATOR`; return the text and each page's start."""
    starts: list[int] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(pages), tuple(starts)


def _count(texts: list[str], text: str, total: int, max_chars: int | None, source: str) -> int:
    """Append a page's cleaned text (cleaned at once: only one copy of a long text is kept) and return
    the running total, refusing text that passes ``max_chars``."""
    text = _clean_page(text)
    texts.append(text)
    total += len(text)
    if max_chars is not None and total > max_chars:
        raise TooLarge(f"holds more than {max_chars:,} characters of text (passed on page {len(texts)}), "
                       "over the limit for one document: split the PDF, or raise the limit with --max-bytes "
                       "(max_bytes=… in Python) if it is genuine", source=source)
    return total


def _pdfium_pages(data: bytes, source: str, max_chars: int | None = None) -> tuple[list[str], list[int]]:
    """Texts of every page and the 1-based numbers of text-less pages that hold images."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    with _PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
                raise EncryptedPdf(_ENCRYPTED_MSG, source=source) from exc
            raise
        try:
            texts: list[str] = []
            image_pages: list[int] = []
            total = 0
            for i in range(len(pdf)):
                page = pdf[i]
                try:
                    textpage = page.get_textpage()
                    try:
                        text = textpage.get_text_range()
                    finally:
                        textpage.close()
                    if not text.strip():
                        images = page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=2)
                        if next(iter(images), None) is not None:
                            image_pages.append(i + 1)
                finally:
                    page.close()
                total = _count(texts, text, total, max_chars, source)
            return texts, image_pages
        finally:
            pdf.close()


@contextlib.contextmanager
def _quiet(logger_name: str):
    """Silence a library's logger for the duration (pypdf logs every repair it makes)."""
    logger = logging.getLogger(logger_name)
    old = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(old)


def _pypdf_pages(data: bytes, source: str, max_chars: int | None = None) -> list[str]:
    import pypdf
    from pypdf.errors import FileNotDecryptedError, PyPdfError

    with _quiet("pypdf"):
        try:
            reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise EncryptedPdf(_ENCRYPTED_MSG, source=source)
            texts: list[str] = []
            total = 0
            for page in reader.pages:
                total = _count(texts, page.extract_text() or "", total, max_chars, source)
            return texts
        except FileNotDecryptedError as exc:
            raise EncryptedPdf(_ENCRYPTED_MSG, source=source) from exc
        except (PyPdfError, ValueError, KeyError, TypeError, IndexError, AttributeError,
                RecursionError, OSError, EOFError, ZeroDivisionError, NotImplementedError) as exc:
            raise CorruptFile(
                "is not a readable PDF (damaged or truncated): re-export or re-download it and try again",
                source=source,
            ) from exc


def read_pdf(data: bytes, source: str, *, kind: str = "unknown", max_chars: int | None = None) -> Document:
    """Read PDF bytes into a :class:`Document` with ``page_starts``; ``max_chars`` bounds its text.

    Raises:
        EncryptedPdf: the PDF needs a password to open.
        ScannedPdf: it has pages but (almost) no text layer.
        EmptyText: it has no pages at all.
        CorruptFile: neither PDFium nor pypdf can read it.
        TooLarge: its text passes ``max_chars``.
    """
    notices: list[Notice] = []
    try:
        raw_pages, image_pages = _pdfium_pages(data, source, max_chars)
    except (EncryptedPdf, TooLarge):
        raise
    except Exception as pdfium_exc:  # noqa: BLE001 - any PDFium failure: try the other library
        try:
            raw_pages = _pypdf_pages(data, source, max_chars)
        except CorruptFile as exc:
            raise CorruptFile(exc.message, source=source) from pdfium_exc
        image_pages = []
        notices.append(
            Notice("pdf_fallback", f"PDFium could not read this PDF ({pdfium_exc}); text was extracted with pypdf instead")
        )

    if not raw_pages:
        raise EmptyText("is a PDF without pages: there is no text to read", source=source)
    pages = raw_pages  # cleaned as read
    visible = sum(len(p) - p.count(" ") - p.count("\n") - p.count("\t") for p in pages)
    if visible < MIN_CHARS_PER_PAGE * len(pages):
        raise ScannedPdf(
            f"has {len(pages)} page(s) but almost no text: it looks image-only (scanned) and needs OCR "
            "first (for example `ocrmypdf in.pdf out.pdf`), then try again",
            source=source,
        )
    if image_pages:
        listed = ", ".join(str(n) for n in image_pages)
        notices.append(
            Notice("ocr_needed", f"page(s) {listed} hold only images (no text layer): their content is missing; run OCR to include it")
        )

    text, starts = join_pages(pages)
    return Document(source=source, text=text, format="pdf", kind=kind, page_starts=starts, notices=tuple(notices))
