"""A bounded fuzzing pass over the readers and extraction (issue 12): valid DOCX, PDF, HTML, text and
Markdown files are mutated (byte flips, truncation, inserted and deleted bytes, and for DOCX
tampering with zip members and headers); every outcome must be a result or a SkillradarError, never
another exception. Hypothesis runs derandomized with a fixed number of cases, so the pass is the
same on every run and takes a few seconds.

Errors that only the readers' last-resort net turned into ``corrupt_file`` are allowed (that is the
net's job) but counted, so a new kind of library failure shows up in the ``--durations``-style
summary printed with ``-s``.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillradar.errors import SkillradarError
from skillradar.extract import extract_document
from skillradar.readers import read_bytes, read_path

from .._examples import examples
from ._support import DATA

MAX_BYTES = 1024 * 1024  # a lowered limit: the budgets scale with it
SEEN: Counter = Counter()
FUZZ = settings(max_examples=examples(50), deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check(data: bytes, name: str, tmp_path, taxonomy) -> None:
    """Read ``data`` as an upload and as a file named ``name``; extract what reads."""
    path = tmp_path / name
    path.write_bytes(data)
    for read in (lambda: read_bytes(data, name, max_bytes=MAX_BYTES), lambda: read_path(path, max_bytes=MAX_BYTES)):
        try:
            doc = read()
        except SkillradarError as err:
            SEEN[(err.code, type(err.__cause__).__name__ if err.__cause__ else "-")] += 1
            continue
        ex = extract_document(doc, taxonomy=taxonomy)
        for m in ex.mentions:
            assert doc.text[m.start:m.end] == m.text


def _mutate(data: bytes, ops: list[tuple[str, float, int]]) -> bytes:
    out = bytearray(data)
    for op, where, value in ops:
        if not out:
            break
        i = int(where * (len(out) - 1))
        if op == "flip":
            out[i] ^= value or 1
        elif op == "truncate":
            del out[i:]
        elif op == "insert":
            out[i:i] = bytes([value]) * (1 + value % 7)
        elif op == "delete":
            del out[i:i + 1 + value % 16]
    return bytes(out)


_OPS = st.lists(st.tuples(st.sampled_from(["flip", "truncate", "insert", "delete"]),
                          st.floats(0, 1, allow_nan=False), st.integers(0, 255)), min_size=1, max_size=4)


@pytest.mark.parametrize("fixture", ["posting.txt", "posting.md", "posting.html", "multi_page.pdf",
                                     "resume_two_column.pdf", "resume.docx"])
@FUZZ
@given(ops=_OPS)
def test_mutated_files_give_a_result_or_a_coded_error(fixture, ops, tmp_path_factory, taxonomy):
    data = (DATA / fixture).read_bytes()
    _check(_mutate(data, ops), fixture, tmp_path_factory.mktemp("fuzz"), taxonomy)


def _rezip(data: bytes, tamper) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = tamper(info.filename, src.read(info.filename))
            if body is not None:
                dst.writestr(info.filename, body)
    return out.getvalue()


_FIELDS = {  # offset and struct format of fields in zip local (PK\3\4) and central (PK\1\2) headers
    b"PK\x03\x04": [(4, "<H"), (6, "<H"), (8, "<H"), (14, "<I"), (18, "<I"), (22, "<I"), (26, "<H"), (28, "<H")],
    b"PK\x01\x02": [(6, "<H"), (8, "<H"), (10, "<H"), (16, "<I"), (20, "<I"), (24, "<I"), (28, "<H"), (42, "<I")],
}


def _patch_header(data: bytes, which: int, field: int, value: int) -> bytes:
    spots = [(i, sig) for sig in _FIELDS for i in range(len(data)) if data.startswith(sig, i)]
    if not spots:
        return data
    at, sig = spots[which % len(spots)]
    offset, fmt = _FIELDS[sig][field % len(_FIELDS[sig])]
    size = struct.calcsize(fmt)
    out = bytearray(data)
    out[at + offset:at + offset + size] = struct.pack(fmt, value % (256 ** size))
    return bytes(out)


_MEMBERS = ["word/document.xml", "[Content_Types].xml", "word/_rels/document.xml.rels", "_rels/.rels",
            "word/styles.xml", "word/header1.xml", "docProps/core.xml"]


@FUZZ
@given(member=st.sampled_from(_MEMBERS), ops=_OPS, action=st.sampled_from(["mutate", "drop", "empty", "swap"]))
def test_tampered_docx_members(member, ops, action, tmp_path_factory, taxonomy):
    data = (DATA / "resume.docx").read_bytes()

    def tamper(name: str, body: bytes):
        if name != member:
            return body
        if action == "drop":
            return None
        if action == "empty":
            return b""
        if action == "swap":
            return b'<?xml version="1.0"?><w:document xmlns:w="urn:x"><w:body><w:p/></w:body></w:document>'
        return _mutate(body, ops)

    _check(_rezip(data, tamper), "cv.docx", tmp_path_factory.mktemp("fuzz"), taxonomy)


@FUZZ
@given(which=st.integers(0, 60), field=st.integers(0, 7), value=st.integers(0, 2 ** 32 - 1))
def test_tampered_zip_headers(which, field, value, tmp_path_factory, taxonomy):
    data = (DATA / "resume.docx").read_bytes()
    _check(_patch_header(data, which, field, value), "cv.docx", tmp_path_factory.mktemp("fuzz"), taxonomy)


def test_zz_report(capsys):
    """Print what the pass met (run with -s to see it); the net's catches are the ones to look at."""
    with capsys.disabled():
        for (code, cause), n in sorted(SEEN.items(), key=lambda kv: -kv[1]):
            print(f"fuzz: {n:4d} × {code} (from {cause})")
