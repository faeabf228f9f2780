"""PDF: text per page with PDFium (``pypdfium2``), ``pypdf`` as the fallback.

Page join. Each page's text is normalised (``\\r\\n`` and ``\\r`` become ``\\n``, hyphens at line
ends restored (below), control characters other than tab and newline dropped, typographic ligatures
such as ``ﬁ`` expanded, outer white space stripped), then the pages are joined with ``"\\n\\f\\n"``:
a form feed on a line of its own. So no line ever spans two pages, ``Document.line_of`` counts
lines across the whole document, the separator is visible in ``skillradar text`` output (and in
``pdftotext``'s tradition), and the folding used for matching treats it as white space. ``page_starts[i]`` is the offset of the first
character of page ``i + 1``; the separator belongs to the page before it. An empty page is an
empty string between two separators.

Hyphens at line ends. Where a line ends in a hyphen, PDFium joins the two lines and returns
U+FFFE in the hyphen's place ("text\\ufffeembedding" for "text-" / "embedding"). Dropping it glued
"text-embedding" into "textembedding"; it becomes the hyphen it was, so the words read as in the
HTML or DOCX of the same document, unless the document writes the joined word elsewhere and never
the hyphenated one ("Kuber-" / "netes" and "Kubernetes" in the skills list: a word broken by
hyphenation). A soft hyphen (U+00AD, or the U+2010 Chrome draws for one at a line break) only marks
where a word may break: it is removed and the word joined ("em‐" / "bedding" → "embedding").

Wrapped lines. A paragraph laid out on a page comes back from PDFium as one line per printed line;
the same paragraph read from HTML or DOCX is one line. Where a printed line is full (the next line's
first word would not have fitted after it), the next line starts at the same indent with the same
font size and no bullet, and sits right below, the two are one paragraph wrapped by the layout
engine, and they are joined with a space. A line ending short (a heading, a title, a date, the last
line of a bullet) keeps its line break, and so does a full line before a capital when it ends a
sentence or the next line is a few capitalised words or starts with an upper-case word (after a line
that does not end in a comma): either may be a heading of the body's size. So skill names, "X or Y" lists and sentences that a wrap cut
in two read as they do in the HTML or DOCX of the same document.

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
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\uffff]")  # U+FFFE is PDFium's line-end hyphen: see above
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
_ENCRYPTED_MSG = "is password-protected: remove the password and try again"


_SOFT_BREAK = re.compile(r"(?<=[^\W\d_])(?:\u00ad|\u2010)\n(?=[^\W\d_])")


def _clean_page(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = _SOFT_BREAK.sub("", text).replace("\u00ad", "")
    text = _CONTROL.sub("", text).translate(_LIGATURES)
    return text.strip()


_BREAK = re.compile(r"\r\n|\r|\n")
# "Education", "Work History", or a line led by an upper-case heading ("CERTIFICATIONS Microsoft …")
_HEADING_LIKE = re.compile(r"\s*(?:[A-Z][\w&/-]*\s*){1,3}:?\s*|\s*[A-Z]{5,}\b.*")
_ITEM_START = re.compile(r"\s*(?:[•·▪●◦‣∙■□➢➤►▶✓✔*]|[-–—]\s|\d{1,2}[.)]\s)")


def _unwrap(text: str, textpage) -> str:
    """``text`` with the line breaks a layout engine made inside a paragraph replaced by spaces (see above)."""
    if "\n" not in text or len(text) != textpage.count_chars():
        return text  # characters and indices do not line up (e.g. outside the BMP): leave it as it is
    spans, pos = [], 0
    for m in _BREAK.finditer(text):
        spans.append((pos, m.start(), m.end()))
        pos = m.end()
    spans.append((pos, len(text), len(text)))
    lines = [_line_box(text, textpage, a, b) for a, b, _ in spans]
    out, last = [], 0
    for i in range(len(spans) - 1):
        ends = text[spans[i][0]:spans[i][1]].rstrip()[-1:]
        starts = text[spans[i + 1][0]:spans[i + 1][1]].lstrip()[:1]
        sentence_end = ends in ".!?:;" and (starts.isupper() or starts.isdigit())
        heading_next = ends not in ",&/" and _HEADING_LIKE.fullmatch(text, spans[i + 1][0], spans[i + 1][1])
        if sentence_end or heading_next:
            continue  # maybe a heading of the body's size after it: a break kept costs nothing
        if _wrapped(lines, i):
            out.append(text[last:spans[i][1]] + " ")
            last = spans[i + 1][0]
    out.append(text[last:])
    return "".join(out)


def _line_box(text: str, textpage, a: int, b: int) -> dict | None:
    """Geometry of one line of text: left, text left (after a bullet), right, the bottoms of its first
    and last characters (PDFium may have joined two printed lines, after a dash), font height, and the
    width of its first word."""
    boxes = [(i, textpage.get_charbox(i)) for i in range(a, b) if not text[i].isspace()]
    boxes = [(i, box) for i, box in boxes if box[2] > box[0] and box[3] > box[1]]
    if not boxes:
        return None
    loose = [textpage.get_charbox(i, loose=True) for i, _ in boxes]  # the font's height, not the glyph's
    heights = sorted(box[3] - box[1] for box in loose)
    item = _ITEM_START.match(text, a, b)
    body = [(i, box) for i, box in boxes if not item or i >= item.end()] or boxes
    first_word_end = next((j for j in range(a, b) if text[j].isspace() and j > body[0][0]), b)
    word = [box for i, box in boxes if body[0][0] <= i < first_word_end]
    return {"left": boxes[0][1][0], "text_left": body[0][1][0], "right": max(box[2] for _, box in boxes),
            "first_base": loose[0][1], "last_base": loose[-1][1], "height": heights[len(heights) // 2],
            "word": max(box[2] for box in word) - min(box[0] for box in word), "item": bool(item)}


def _wrapped(lines: list, i: int) -> bool:
    """Whether printed line ``i + 1`` continues line ``i`` (a wrap, not a break the author made)."""
    a, b = lines[i], lines[i + 1]
    if a is None or b is None or b["item"]:
        return False
    h = max(a["height"], b["height"])
    if abs(a["height"] - b["height"]) > 0.2 * h or not 0.8 * h <= a["last_base"] - b["first_base"] <= 2.0 * h:
        return False  # another font size, or not the next line down
    if abs(b["left"] - a["text_left"]) > 0.5 * h:
        return False  # another indent: a new paragraph, column or table cell
    # the column: every line beside it (a two-column layout's other column does not overlap it)
    column = [ln["right"] for ln in lines if ln is not None and ln["left"] < a["right"] and ln["right"] > a["left"]]
    return a["right"] + 0.3 * h + b["word"] > max(column)  # the next word would not have fitted


_LINE_END_HYPHEN = re.compile(r"(\w+)\ufffe(\w+)")


def _restore_hyphens(pages: list[str]) -> list[str]:
    """PDFium's line-end hyphens (U+FFFE) as hyphens, or joined where the document spells the word whole."""
    if not any("\ufffe" in p for p in pages):
        return pages
    whole = "\n".join(pages).lower()

    def restore(m: re.Match) -> str:
        left, right = m.group(1), m.group(2)
        joined = re.search(rf"\b{re.escape((left + right).lower())}\b", whole)
        return left + right if joined and f"{left}-{right}".lower() not in whole else f"{left}-{right}"

    return [_LINE_END_HYPHEN.sub(restore, p).replace("\ufffe", "-") for p in pages]


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
                        text = _unwrap(textpage.get_text_range(), textpage)
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
    pages = _restore_hyphens(raw_pages)  # each page cleaned as read
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
