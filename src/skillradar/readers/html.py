"""HTML: the visible text, one line per block, with the standard library's ``html.parser``.

What comes out:

- ``script``, ``style``, ``title`` (so all of ``head``), ``noscript``, ``template``, ``svg`` and
  ``iframe`` content is dropped, as are comments;
- paragraph-like blocks (``p``, headings, lists, tables, ``section``, ``article`` …) are separated
  by a blank line, lighter blocks (``div``, ``li``, ``tr``, ``br``, ``dt``/``dd`` …) by a newline;
- a list item starts with ``"- "`` (``"1. "``, ``"2. "`` … in an ``<ol>``);
- table cells of one row are separated by a tab;
- entities are decoded, runs of white space within a line (including ``&nbsp;``) become one
  space, and lines are stripped; ``<pre>`` keeps its spaces and line breaks.

The encoding is UTF-8 unless the bytes start with a BOM or a ``<meta charset>`` declares another
one; undecodable bytes raise :class:`~skillradar.errors.DecodeError`. A declared name that is not a
document encoding (``rot13``, ``base64``, ``punycode``, ``utf-16`` in an ASCII tag … see
:mod:`.charset`) is ignored with a ``charset_ignored`` notice and the page is read as UTF-8.
"""

from __future__ import annotations

import codecs
import re
from html.parser import HTMLParser

from ..errors import DecodeError
from ..records import Document, Notice
from .charset import document_codec
from .txt import decode_utf8

__all__ = ["read_html", "html_to_text"]

_SKIP = frozenset({"script", "style", "title", "noscript", "template", "svg", "iframe", "object"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Blocks separated by a blank line.
_PARA = frozenset(
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "section", "article",
        "header", "footer", "main", "aside", "nav", "blockquote", "pre", "figure", "form",
        "fieldset", "address", "details", "hr",
    }
)
# Blocks that just start a new line.
_LINE = frozenset(
    {"div", "li", "tr", "br", "dt", "dd", "caption", "summary", "figcaption", "thead", "tbody", "tfoot", "option"}
)
_CELL = frozenset({"td", "th"})
_WS = re.compile(r"[ \t\n\r\f\u00a0]+")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
_COMPACT_EVERY = 4096  # pieces of output joined into one string, so a page of tiny tags stays small


class _TextBuilder(HTMLParser):
    """Collects visible text; breaks and separators are pending until the next visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.done: list[str] = []  # joined runs of ``out``
        self.skip_depth = 0
        self.pre_depth = 0
        self.need_newlines = 0  # pending line breaks (1 or 2)
        self.pending_sep = ""  # "" or " " or "\t", written before the next text on the same line
        self.line_empty = True
        self.lists: list[list] = []  # stack of [tag, counter]

    # -- output -----------------------------------------------------------------------------
    def _break(self, n: int) -> None:
        self.need_newlines = max(self.need_newlines, n)
        self.pending_sep = ""

    def _write(self, core: str) -> None:
        if self.need_newlines:
            if self.out or self.done:
                self.out.append("\n" * self.need_newlines)
            self.need_newlines = 0
            self.line_empty = True
            self.pending_sep = ""
        if self.pending_sep and not self.line_empty:
            self.out.append(self.pending_sep)
        self.pending_sep = ""
        self.out.append(core)
        self.line_empty = False
        if len(self.out) >= _COMPACT_EVERY:
            self.done.append("".join(self.out))
            self.out.clear()

    def text(self) -> str:
        return "".join(self.done) + "".join(self.out)

    def _text(self, data: str) -> None:
        if self.skip_depth:
            return
        if self.pre_depth:
            lines = data.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for i, line in enumerate(lines):
                if i:
                    self._break(1)
                if line.strip():
                    self._write(line.rstrip().replace("\u00a0", " "))
            return
        text = _WS.sub(" ", data)
        core = text.strip(" ")
        if not core:
            if text and not self.line_empty and not self.pending_sep:
                self.pending_sep = " "
            return
        if text.startswith(" ") and not self.pending_sep:
            self.pending_sep = " "
        self._write(core)
        if text.endswith(" "):
            self.pending_sep = " "

    # -- parser callbacks -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _SKIP:
            if tag not in _VOID:
                self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in ("ul", "ol"):
            self.lists.append([tag, 0])
        if tag == "pre":
            self.pre_depth += 1
        if tag in _PARA:
            self._break(2)
        elif tag in _LINE:
            self._break(1)
        elif tag in _CELL:
            if not self.line_empty and not self.need_newlines:
                self.pending_sep = "\t"
        if tag == "li":
            if self.lists and self.lists[-1][0] == "ol":
                self.lists[-1][1] += 1
                self._write(f"{self.lists[-1][1]}.")
            else:
                self._write("-")
            self.pending_sep = " "
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt and alt.strip():
                self._text(f" {alt} ")

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if tag not in _VOID and self.skip_depth:
                self.skip_depth -= 1
            return
        if self.skip_depth:
            return
        if tag in ("ul", "ol") and self.lists and self.lists[-1][0] == tag:
            self.lists.pop()
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in _PARA:
            self._break(2)
        elif tag in _LINE and tag != "br":
            self._break(1)
        elif tag in _CELL:
            self.pending_sep = "\t"

    def handle_data(self, data: str) -> None:
        self._text(data)


def html_to_text(markup: str) -> str:
    """The visible text of an HTML string (see the module docstring for the rules)."""
    parser = _TextBuilder()
    parser.feed(markup)
    parser.close()
    return parser.text()


def _decode(data: bytes, source: str) -> tuple[str, tuple[Notice, ...]]:
    """The page's markup as text, and a notice when its declared charset was not usable."""
    if data.startswith(codecs.BOM_UTF8):
        return decode_utf8(data, source), ()
    match = _META_CHARSET.search(data[:4096])
    if match:
        name = match.group(1).decode("ascii", "replace").lower()
        codec = document_codec(name)
        if codec is None:
            notice = Notice("charset_ignored", f"the page declares <meta charset=\"{name[:40]}\">, which is not a "
                                               "document encoding; it was read as UTF-8")
            return decode_utf8(data, source), (notice,)
        if codec not in ("utf-8", "ascii"):
            try:
                return data.decode(codec), ()
            except UnicodeError as exc:
                where = f"byte at offset {exc.start}" if isinstance(exc, UnicodeDecodeError) else "the content"
                raise DecodeError(
                    f"{where} is not valid {name} as the page's <meta charset> "
                    "declares: fix the declaration or re-save the page as UTF-8",
                    source=source,
                ) from exc
    return decode_utf8(data, source), ()


def read_html(data: bytes, source: str, *, kind: str = "unknown") -> Document:
    """Read HTML bytes into a :class:`Document` whose text is the page's visible text."""
    markup, notices = _decode(data, source)
    return Document(source=source, text=html_to_text(markup), format="html", kind=kind, notices=notices)
