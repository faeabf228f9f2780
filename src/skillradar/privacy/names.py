"""Person names in résumés: the name heading the page, labelled fields, signatures, honorifics,
referees, people named around the work (managers, references) and every later use of a found name.

Why layout rules and not a model: a résumé puts its owner's name first, alone or beside a title,
written "Jane Doe", "DOE, Jane", "Doe, Jane" or in its own script ("李小龙 (Bruce Lee)"); other people
appear after a few fixed phrases ("reported to", "References:"). A capitalised-word model would
also take "Apache Spark" or "Hugging Face" for people; these rules only look where names are.
"""

from __future__ import annotations

import re
import unicodedata

from .pii_patterns import (
    _CLOSING, _EMAIL, _HONORIFIC, _NAME_FIELD, _NOT_NAME, _PARTICLES, _REFERENCES_HEAD, _REFERENCES_INLINE,
    _SECTION_HEAD, _SPLIT_SEGMENTS, _THIRD_PARTY_CONTEXT,
)

__all__ = ["find_names", "propagate_names"]

_Span = tuple[str, int, int]
_HEADER_LINE_MAX = 240


def _is_name_token(tok: str) -> bool:
    if tok.lower() in _PARTICLES:
        return True
    if re.fullmatch(r"[A-ZÀ-ÖØ-Þ]\.", tok):
        return True
    core = tok.replace("-", "").replace("'", "").replace("’", "")
    if not core.isalpha() or not tok[0].isupper() or len(core) < 2:
        return False
    if tok.lower().strip(".") in _NOT_NAME:
        return False
    return True


def _name_in_segment(seg: str, *, min_tokens: int = 2) -> tuple[int, int] | None:
    """(start, end) of a person name filling ``seg`` (after honorifics / degree suffixes), or None."""
    m = re.match(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\.?\s+)?", seg)
    lead = m.end()
    body = seg[lead:]
    tail = re.search(r"(?:,?\s+(?:PhD|Ph\.D\.|MSc|M\.Sc\.|MBA|BSc|MD|Jr\.?|Sr\.?|II|III|CFA|PE))+\s*$", body)
    if tail:
        body = body[: tail.start()]
    body_stripped = body.strip(" *_#>\"'")
    if not body_stripped:
        return None
    offset = lead + body.find(body_stripped)
    tokens = body_stripped.split()
    if not (min_tokens <= len(tokens) <= 5):
        return None
    if not all(_is_name_token(t) for t in tokens):
        return None
    real = [t for t in tokens if t.lower() not in _PARTICLES]
    if len(real) < min_tokens or tokens[0].lower() in _PARTICLES and not tokens[0][0].isupper():
        return None
    return offset, offset + len(body_stripped)


def _line_spans(text: str):
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, body
        pos += len(line)


def _name_in_line(line: str, base: int, *, min_tokens: int = 2) -> tuple[int, int] | None:
    pos = 0
    for part in _SPLIT_SEGMENTS.split(line):
        idx = line.find(part, pos)
        if idx < 0:
            continue
        pos = idx + len(part)
        if not part.strip():
            continue
        found = _name_in_segment(part, min_tokens=min_tokens)
        if found:
            return base + idx + found[0], base + idx + found[1]
        return None  # the name leads the line or is not there
    return None


_INVERTED = re.compile(
    r"^[ \t>*#_\"']*([^\W\d_][\w'’-]*(?:[ -][^\W\d_][\w'’-]*){0,3}),[ \t]*"
    r"([^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,2})[ \t*_\"']*(?=$|[|·•—–(])"
)
_PAREN_ALIAS = re.compile(r"[ \t]*[(（]([^)）\n]{2,60})[)）]")


def _inverted_name(line: str, base: int) -> tuple[int, int] | None:
    """"Doe, Jane" / "DOE, Jane Mary": a header line holding only a surname, a comma and given names."""
    m = _INVERTED.match(line)
    if not m:
        return None
    tokens = m.group(1).replace("-", " ").split() + m.group(2).split()
    if not all(_is_name_token(t) for t in tokens) or all(t.lower() in _PARTICLES for t in tokens):
        return None
    if not any(t[0].isupper() for t in m.group(1).split()):  # "van den Berg" yes, "van den" no
        return None
    return base + m.start(1), base + m.end(2)


def _non_latin_name(seg: str) -> tuple[int, int] | None:
    """A segment of one to four words written wholly in a script without capitals (Han, Devanagari,
    Arabic …) or any non-Latin script: in a header, that is the name (case rules cannot tell)."""
    stripped = seg.strip(" \t*_#>\"'")
    if not 2 <= len(stripped) <= 40 or len(stripped.split()) > 4:
        return None
    letters = [ch for ch in stripped if not ch.isspace() and ch not in "·・‧-"]
    if not letters or not all(unicodedata.category(ch)[0] in "LM" for ch in letters):
        return None
    if any("LATIN" in unicodedata.name(ch, "") for ch in letters):
        return None
    offset = seg.find(stripped)
    return offset, offset + len(stripped)


def _header_names(line: str, base: int) -> list[tuple[int, int]]:
    """The name(s) on a header line: "Jane Doe", "Doe, Jane", "李小龙", plus an alias in brackets after it."""
    found = _name_in_line(line, base) or _inverted_name(line, base)
    if found is None:
        first = next((p for p in _SPLIT_SEGMENTS.split(line) if p.strip()), "")
        sub = _non_latin_name(first) if first else None
        if sub:
            idx = line.find(first)
            found = (base + idx + sub[0], base + idx + sub[1])
    if found is None:
        return []
    spans = [found]
    alias = _PAREN_ALIAS.match(line, found[1] - base)
    if alias:
        inner = alias.group(1)
        sub = _name_in_segment(inner, min_tokens=1) or _non_latin_name(inner)
        if sub:
            spans.append((base + alias.start(1) + sub[0], base + alias.start(1) + sub[1]))
    return spans


_NAME_AFTER = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Herr|Frau|Mme|M\.|Sr|Sra|Sig\.ra|Sig)\.?[ \t]+)?"
    r"([^\W\d_][\w'’-]+(?:[ \t]+(?:(?:van|von|der|den|de|du|da|di|del|le|la|ter|y)[ \t]+)*[^\W\d_][\w'’-]+){1,3})"
)


def _third_party_names(text: str) -> list[_Span]:
    """People named around the work: "reported to John Smith", "Manager: Anna Schmidt", and every
    name on a "References: …" line."""
    out: list[_Span] = []
    for m in _THIRD_PARTY_CONTEXT.finditer(text):
        after = _NAME_AFTER.match(text, m.end())
        if not after:
            continue
        words = after.group(1).split()
        k = len(words)
        while k >= 2:  # the longest run of leading words that reads as a name ("John Smith" of "John Smith Go")
            cand = " ".join(words[:k])
            found = _name_in_segment(cand, min_tokens=2)
            if found:
                start = after.start(1)
                out.append(("NAME", start + found[0], start + len(cand)))
                break
            k -= 1
    for m in _REFERENCES_INLINE.finditer(text):
        end = text.find("\n", m.end())
        line = text[m.end():end if end >= 0 else len(text)]
        pos = 0
        for part in _SPLIT_SEGMENTS.split(line):
            idx = line.find(part, pos)
            if idx < 0 or not part.strip():
                continue
            pos = idx + len(part)
            found = _name_in_segment(part, min_tokens=2)
            if found:
                out.append(("NAME", m.end() + idx + found[0], m.end() + idx + found[1]))
    return out


def find_names(text: str) -> list[_Span]:
    """Every name found by layout and context (see the module docstring); later uses are added by
    :func:`propagate_names`."""
    out: list[_Span] = []
    lines = list(_line_spans(text))
    # 1. the header: the first non-empty lines before any section heading
    seen = 0
    for base, line in lines:
        if not line.strip():
            continue
        if _SECTION_HEAD.match(line) or seen >= 4:
            break
        seen += 1
        if _EMAIL.search(line) and not _name_in_line(line, base):
            continue
        found = _header_names(line, base)
        if found:
            out += [("NAME", s, e) for s, e in found]
            break
        if len(line) > _HEADER_LINE_MAX:
            break  # a page-long line is the résumé flattened: what follows it is no longer the header
    # 2. "Name: …" fields
    for m in _NAME_FIELD.finditer(text):
        found = _name_in_segment(m.group(1), min_tokens=1)
        if found:
            out.append(("NAME", m.start(1) + found[0], m.start(1) + found[1]))
    # 3. signatures: the line(s) under a closing
    for m in _CLOSING.finditer(text):
        after = text.find("\n", m.end())
        if after < 0:
            continue
        k = 0
        for base, line in _line_spans(text[after + 1:]):
            if not line.strip():
                continue
            found = _name_in_line(line, after + 1 + base, min_tokens=1 if k == 0 else 2)
            if found:
                out.append(("NAME", *found))
            break
    # 4. honorifics anywhere
    for m in _HONORIFIC.finditer(text):
        out.append(("NAME", m.start(1), m.end(1)))
    # 5. referees under a References heading
    for m in _REFERENCES_HEAD.finditer(text):
        for base, line in _line_spans(text[m.end() + 1:]):
            if not line.strip():
                continue
            if _SECTION_HEAD.match(line) or len(line) > 160:
                break
            found = _name_in_line(line.lstrip(" \t-*•"), m.end() + 1 + base + (len(line) - len(line.lstrip(" \t-*•"))))
            if found:
                out.append(("NAME", *found))
    # 6. other people named around the work
    out += _third_party_names(text)
    return out


def propagate_names(text: str, names: list[_Span]) -> list[_Span]:
    """Every later use of a found name, of its full form and of its parts."""
    forms: set[str] = set()
    for _, s, e in names:
        full = text[s:e]
        forms.add(full)
        for tok in full.split():
            tok = tok.strip(".,")
            if len(tok) >= 3 and tok.lower() not in _PARTICLES and tok.lower() not in _NOT_NAME:
                forms.add(tok)
                if tok.isupper():
                    forms.add(tok.capitalize())
                else:
                    forms.add(tok.upper())
    if not forms:
        return []
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    rx = re.compile(r"(?<![\w@./-])(?:" + alternation + r")(?![\w@])")
    return [("NAME", m.start(), m.end()) for m in rx.finditer(text)]
