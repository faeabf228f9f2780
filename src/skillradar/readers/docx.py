"""DOCX: headers, body (paragraphs and tables in document order), footers, with ``python-docx``.

Layout of the text:

1. the text of every section's headers (first-page, default, even-page; a header linked to the
   previous section's is not repeated, nor is a header identical to one already read);
2. the body, walking its children in order: a paragraph is one line (its ``<w:br/>`` breaks kept
   as newlines; a bulleted or numbered one starts with ``"- "``, as a list item read from HTML does,
   so that where an item ends is not lost), a table gives one line per row with the cells separated by a tab (a merged cell
   counts once); a cell holding several paragraphs or a nested table is laid out block by block,
   each on its own line;
3. text boxes anchored in a paragraph (common in résumé templates), right after that paragraph;
4. the footers, like the headers.

Empty paragraphs are dropped so that the text holds no runs of blank lines.

Before python-docx sees the file, every member of the zip is inspected, because python-docx
unpacks every part into memory and parses every XML part into a tree (about 12 bytes of memory per
byte of XML):

- more than :data:`MAX_MEMBERS` entries, more than :data:`EXPANSION` × the input limit unpacked in
  total (at least :data:`MIN_BUDGET`, at most :data:`MAX_UNCOMPRESSED_BYTES`), or a member of at least
  :data:`RATIO_MIN_BYTES` that expands more than :data:`MAX_RATIO` times raise
  :class:`~skillradar.errors.ZipBomb`;
- XML members (found by their first bytes, not their names) adding up to more than
  :data:`XML_SHARE` × the input limit (at least :data:`MIN_BUDGET`: styles and themes take their
  share of any Word file) raise :class:`~skillradar.errors.TooLarge`: that much markup is hundreds
  of pages, and parsing it would take ~5× the input limit in memory.

Python's ``zipfile`` never unpacks more than a member declares (a lying size fails its CRC check),
so these checks on declared sizes bound the memory. A zip that cannot be opened, or that needs zip
features Word never uses, raises :class:`~skillradar.errors.CorruptFile`; a zip that is not a Word
document (``.xlsx``, ``.pptx``, ``.odt``…) raises :class:`~skillradar.errors.UnsupportedFormat`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from ..errors import CorruptFile, TooLarge, UnsupportedFormat, ZipBomb
from ..records import Document

__all__ = ["read_docx", "check_zip", "MAX_UNCOMPRESSED_BYTES", "MAX_RATIO", "RATIO_MIN_BYTES", "MAX_MEMBERS",
           "EXPANSION", "XML_SHARE", "MIN_BUDGET"]

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024  # whatever the input limit
EXPANSION = 2  # all members together: at most this many times the input limit
XML_SHARE = 0.4  # XML members together: at most this share of the input limit
MIN_BUDGET = 2 * 1024 * 1024  # both budgets are at least this (a Word file's styles alone can be 0.3 MB)
MAX_RATIO = 100
RATIO_MIN_BYTES = 1024 * 1024
MAX_MEMBERS = 10_000
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, RuntimeError,
               NotImplementedError)  # RuntimeError: an encrypted member; NotImplementedError: an exotic method

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_OTHER_OFFICE = {
    "xl/workbook.xml": "an Excel workbook (.xlsx)",
    "ppt/presentation.xml": "a PowerPoint presentation (.pptx)",
    "content.xml": "an OpenDocument file (.odt/.ods); save it as .docx or PDF",
}


def _mb(n: float) -> str:
    from . import human_size  # the package is loaded by the time a file is read

    return human_size(int(n))


def _is_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True when the member's first bytes are markup (a part's name or content type may lie)."""
    with zf.open(info) as fh:
        head = fh.read(64)
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return True  # UTF-16/32 markup
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def check_zip(data: bytes, source: str, max_bytes: int | None = None) -> None:
    """Refuse archives that are not zips, not Word documents, or that would unpack or parse into far
    more memory than the input limit ``max_bytes`` allows (see the module docstring)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > MAX_MEMBERS:
                raise ZipBomb(f"holds {len(infos)} archive entries (limit {MAX_MEMBERS}): refusing to unpack it",
                              source=source)
            _check_sizes(zf, infos, source, max_bytes)
    except NotImplementedError as exc:
        raise CorruptFile(
            f"uses zip features Word never writes ({exc}): re-save it from Word as a .docx and try again",
            source=source,
        ) from exc
    except _ZIP_ERRORS as exc:
        raise CorruptFile(
            "is not a readable DOCX (damaged or truncated zip archive): re-save it from Word and try again",
            source=source,
        ) from exc
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        what = next((label for name, label in _OTHER_OFFICE.items() if name in names), "a zip archive")
        raise UnsupportedFormat(
            f"is {what}, not a Word .docx document: supported formats are .txt, .md, .html, .pdf and .docx",
            source=source,
        )


def _check_sizes(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], source: str, max_bytes: int | None) -> None:
    total_cap = MAX_UNCOMPRESSED_BYTES
    why = ""
    if max_bytes is not None:
        total_cap = min(MAX_UNCOMPRESSED_BYTES, max(MIN_BUDGET, EXPANSION * max_bytes))
        why = f" ({EXPANSION} × the {_mb(max_bytes)} input limit)"
    total = xml = 0
    for info in infos:
        total += info.file_size
        if info.file_size >= RATIO_MIN_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ZipBomb(
                f"archive member {info.filename!r} expands {ratio:.0f} times ({_mb(info.file_size)}), "
                f"over the {MAX_RATIO}:1 limit: this looks like a zip bomb, refusing to unpack it",
                source=source,
            )
        if total > total_cap:
            raise ZipBomb(
                f"would unpack to over the {_mb(total_cap)} limit{why}; member {info.filename!r} alone is "
                f"{_mb(info.file_size)}: this looks like a zip bomb, refusing to unpack it; if the document is "
                "genuine, raise the limit with --max-bytes (max_bytes=… in Python)",
                source=source,
            )
    if max_bytes is None:
        return
    xml_cap = max(MIN_BUDGET, int(XML_SHARE * max_bytes))
    for info in infos:
        if info.file_size and _is_xml(zf, info):
            xml += info.file_size
            if xml > xml_cap:
                raise TooLarge(
                    f"holds more document markup than the {_mb(xml_cap)} limit ({XML_SHARE:g} × the "
                    f"{_mb(max_bytes)} input limit); member {info.filename!r} alone is {_mb(info.file_size)}: "
                    "split the document, or raise the limit with --max-bytes (max_bytes=… in Python) if it is "
                    "genuine",
                    source=source,
                )


def _text_boxes(paragraph) -> Iterator[str]:
    """Lines of the text boxes anchored in ``paragraph`` (DrawingML choice only, not its VML copy)."""
    from docx.text.paragraph import Paragraph

    for box in paragraph._p.iter(f"{_W}txbxContent"):
        parent = box.getparent()
        fallback = False
        while parent is not None:
            if parent.tag == _MC_FALLBACK:
                fallback = True
                break
            parent = parent.getparent()
        if fallback:
            continue
        for p in box.iterchildren(f"{_W}p"):
            text = Paragraph(p, paragraph._parent).text
            if text.strip():
                yield text


def _numbered(ppr) -> bool | None:
    """Whether paragraph properties turn numbering on (``True``) or off (``numId`` 0), or say nothing."""
    num = ppr.numPr if ppr is not None else None
    if num is None or num.numId is None:
        return None
    return num.numId.val != 0


def _is_list_item(paragraph) -> bool:
    """A bulleted or numbered paragraph: numbering set on it or on its style (Word's "List Bullet"),
    headings left out (numbered headings are headings)."""
    try:
        style = paragraph.style
        if style is not None and style.name and style.name.lower().startswith(("heading", "title")):
            return False
        own = _numbered(paragraph._p.pPr)
        if own is not None:
            return own
        while style is not None:
            inherited = _numbered(style.element.pPr)
            if inherited is not None:
                return inherited
            style = style.base_style
    except (AttributeError, KeyError, ValueError):  # odd numbering or style parts: read it as plain text
        return False
    return False


def _block_lines(container) -> Iterator[str]:
    """Lines of a body, header, footer or table cell, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in container.iter_inner_content():
        if isinstance(block, Paragraph):
            text = block.text
            if text.strip():
                yield f"- {text.lstrip()}" if _is_list_item(block) else text
            yield from _text_boxes(block)
        elif isinstance(block, Table):
            yield from _table_lines(block)


def _table_lines(table) -> Iterator[str]:
    for row in table.rows:
        cells: list[list[str]] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a horizontally merged cell appears once per grid column
                continue
            seen.add(id(cell._tc))
            lines = list(_block_lines(cell))
            if lines:
                cells.append(lines)
        if not cells:
            continue
        if all(len(lines) == 1 for lines in cells):
            yield "\t".join(lines[0] for lines in cells)
        else:
            for lines in cells:
                yield from lines


def _header_footer_lines(doc, attr_names: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    read: set[int] = set()  # parts already read: many sections may share one (read each once)
    for section in doc.sections:
        for name in attr_names:
            part = getattr(section, name)
            if part.is_linked_to_previous or id(part.part) in read:
                continue
            read.add(id(part.part))
            text = "\n".join(_block_lines(part))
            if text.strip() and text not in seen:
                seen.add(text)
                out.append(text)
    return out


def read_docx(data: bytes, source: str, *, kind: str = "unknown", max_bytes: int | None = None) -> Document:
    """Read DOCX bytes into a :class:`Document` (see the module docstring for the layout).

    ``max_bytes`` is the input limit the unpacking limits scale with (None: only the fixed ones).

    Raises:
        ZipBomb: the archive would expand beyond the limits.
        TooLarge: it holds more markup than one document may.
        CorruptFile: not a readable zip, or python-docx cannot parse it.
        UnsupportedFormat: a zip that is not a Word document, or a macro/template variant
            python-docx refuses.
    """
    check_zip(data, source, max_bytes)
    import docx

    try:
        doc = docx.Document(io.BytesIO(data))
        headers = _header_footer_lines(doc, ("first_page_header", "header", "even_page_header"))
        body = list(_block_lines(doc))
        footers = _header_footer_lines(doc, ("first_page_footer", "footer", "even_page_footer"))
    except ValueError as exc:
        # python-docx raises ValueError for a .docm/.dotx ("... is not a Word file, content type is ...")
        if "content type" in str(exc):
            raise UnsupportedFormat(
                "is a Word variant python-docx cannot read (macro-enabled or template): "
                "save it as a plain .docx and try again",
                source=source,
            ) from exc
        raise CorruptFile(f"is a damaged DOCX ({exc}): re-save it from Word and try again", source=source) from exc
    except Exception as exc:  # OpcError, KeyError, lxml's XMLSyntaxError …: all mean a damaged file
        raise CorruptFile(f"is a damaged DOCX ({type(exc).__name__}): re-save it from Word and try again", source=source) from exc
    text = "\n".join(headers + body + footers)
    return Document(source=source, text=text, format="docx", kind=kind)
