"""Reading posting corpora: CSV, JSONL (or a JSON array) and Parquet, in batches, with the columns
found by common names and dates normalised to ISO.

``read_batches(path, columns, batch_size)`` yields ``Batch`` objects holding the standard fields of
each row (``text, title, company, location, date_raw, id_raw``), the row numbers (1-based data rows,
header not counted) and the remaining columns; ``Batch.bytes_done`` tells how far into the file the
reader got (for progress bars). File-level problems raise an ``InputError`` subclass with a stable
code; a bad line of a JSONL file fails only that row.

Encodings. CSV and JSONL files are decoded with ``encoding`` (UTF-8 by default, a BOM removed).
A byte that is not valid in it does not stop the file: it is decoded to a marker character
(U+10FF00 + the byte, in a private-use plane no posting uses), and the row holding it fails with a
:class:`DecodeError` naming the row, the column and the byte, while the other rows go on. (Python's
``surrogateescape`` would be the usual marker, but pandas cannot carry lone surrogates.) A bad byte
in a CSV header, or anywhere in a JSON array, fails the whole file before any row is stored.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorruptFile, DecodeError, FileMissing, InputError, MissingColumn, UnsupportedFormat, UsageError
from ..readers.charset import text_codec

__all__ = ["Batch", "MissingColumn", "read_batches", "find_columns", "parse_date", "file_codec", "FORMATS",
           "COLUMN_NAMES"]

_MARK = 0x10FF00  # a bad byte b decodes to chr(_MARK + b)
_MARKED = re.compile("[\U0010FF00-\U0010FFFF]")
_ERRORS = "skillradar.mark_bad_bytes"


def _mark_bad_bytes(exc: UnicodeError):
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return "".join(chr(_MARK + b) for b in exc.object[exc.start:exc.end]), exc.end


codecs.register_error(_ERRORS, _mark_bad_bytes)


def file_codec(encoding: str | None) -> str:
    """The codec for ``--encoding`` (UTF-8 with its BOM removed by default), or a UsageError."""
    name = encoding or "utf-8"
    codec = text_codec(name)
    if codec is None:
        raise UsageError(f"encoding: '{name[:40]}' is not a text encoding Python knows: use one such as utf-8, "
                         "cp1252, latin-1 or utf-16", params=("encoding",))
    return "utf-8-sig" if codec == "utf-8" else codec


def _bad_byte(value: str, codec: str, where: str, source: str) -> DecodeError:
    m = _MARKED.search(value)
    byte = ord(m.group(0)) - _MARK
    shown = "utf-8" if codec == "utf-8-sig" else codec
    return DecodeError(f"{where}: byte 0x{byte:02X} is not valid {shown}: re-encode the file as UTF-8, or name its "
                       "encoding with --encoding (e.g. --encoding cp1252)", source=source)


def _marked_field(rec: dict) -> str | None:
    """The first column of a record whose value holds a bad-byte marker."""
    for key, value in rec.items():
        if isinstance(value, str) and _MARKED.search(value):
            return str(key)
    return None

FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".parquet": "parquet",
           ".pq": "parquet"}

COLUMN_NAMES = {
    "text": ("text", "description", "body", "job_description", "jobdescription", "description_text", "content",
             "posting_text", "job_text"),
    "date": ("date", "date_posted", "publishedat", "published_at", "posted_at", "postedat", "dateposted",
             "posted", "published", "created_at", "date_published", "posting_date"),
    "title": ("title", "job_title", "jobtitle", "position", "position_title", "role"),
    "company": ("company", "companyname", "company_name", "employer", "organization", "organisation"),
    "id": ("id", "job_id", "jobid", "posting_id", "uid", "job_key"),
    "location": ("location", "job_location", "city"),
}


@dataclass
class Batch:
    source: str
    rows: list[int]
    text: list
    title: list
    company: list
    location: list
    date_raw: list
    id_raw: list
    extra: list[dict]
    bytes_done: int = 0
    row_errors: list[tuple[int, InputError]] = field(default_factory=list)


def _key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def find_columns(names, explicit: dict[str, str | None] | None = None, source: str = "") -> dict[str, str | None]:
    """Map each standard field to a column of ``names`` (explicit choices first, then common names)."""
    explicit = {k: v for k, v in (explicit or {}).items() if v}
    names = [str(n) for n in names]
    by_key = {}
    for n in names:
        by_key.setdefault(_key(n), n)
    out: dict[str, str | None] = {}
    for fld, candidates in COLUMN_NAMES.items():
        if fld in explicit:
            if explicit[fld] not in names:
                raise MissingColumn(f"no column '{explicit[fld]}' (given with --{fld}-column); the columns are: "
                                    f"{', '.join(names) or '(none)'}", source=source)
            out[fld] = explicit[fld]
            continue
        out[fld] = next((by_key[_key(c)] for c in candidates if _key(c) in by_key), None)
    if out["text"] is None:
        raise MissingColumn("no text column: expected one of text, description, body, job_description; "
                            f"the columns are: {', '.join(names) or '(none)'}. Name it with --text-column",
                            source=source)
    return out


_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]|\s)")


def parse_date(value) -> str | None:
    """An ISO date (``YYYY-MM-DD``) from a date-like value, or None when missing or unreadable.

    ISO strings keep their own calendar day (no time-zone shift); numbers are Unix seconds or
    milliseconds; other strings go through pandas' parser. Dates outside 1970–2100 are unreadable.
    """
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if abs(value) > 1e11 else value
        try:
            day = dt.datetime.fromtimestamp(seconds, dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    else:
        s = str(value).strip()
        if not s:
            return None
        m = _ISO_DAY.match(s)
        try:
            if m:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            elif re.fullmatch(r"\d{9,13}", s):
                return parse_date(int(s))
            else:
                import warnings

                import pandas as pd

                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    ts = pd.to_datetime(s, errors="coerce")
                if ts is pd.NaT or ts is None or (isinstance(ts, float) and math.isnan(ts)):
                    return None
                day = ts.date()
        except (ValueError, OverflowError, TypeError):
            return None
    if not (1970 <= day.year <= 2100):
        return None
    return day.isoformat()


def _clean(value):
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        import pandas as pd

        if value is pd.NaT:
            return None
    except ModuleNotFoundError:  # pragma: no cover
        pass
    return value


def _text(value) -> str | None:
    value = _clean(value)
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _json_safe(value):
    value = _clean(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    try:
        json.dumps(value)
        return value
    except TypeError:
        return str(value)


def _make_batch(source, records: list[tuple[int, dict]], cols: dict, bytes_done: int, row_errors) -> Batch:
    used = {c for c in cols.values() if c}
    b = Batch(source=source, rows=[], text=[], title=[], company=[], location=[], date_raw=[], id_raw=[], extra=[],
              bytes_done=bytes_done, row_errors=row_errors)
    for rowno, rec in records:
        b.rows.append(rowno)
        b.text.append(_text(rec.get(cols["text"])))
        b.title.append(_text(rec.get(cols["title"])) if cols["title"] else None)
        b.company.append(_text(rec.get(cols["company"])) if cols["company"] else None)
        b.location.append(_text(rec.get(cols["location"])) if cols["location"] else None)
        b.date_raw.append(_clean(rec.get(cols["date"])) if cols["date"] else None)
        b.id_raw.append(_text(rec.get(cols["id"])) if cols["id"] else None)
        b.extra.append({k: _json_safe(v) for k, v in rec.items() if k not in used and _clean(v) is not None})
    return b


def read_batches(path: str | Path, explicit: dict | None = None, batch_size: int = 1000, encoding: str = "utf-8"):
    """Yield ``Batch`` objects for one file; raises InputError subclasses for file problems.

    ``encoding`` applies to CSV and JSONL (Parquet stores its own); rows with bytes not valid in it
    come back as ``Batch.row_errors`` (see the module docstring).
    """
    codec = file_codec(encoding)
    p = Path(path)
    source = str(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        raise UnsupportedFormat(f"'{p.suffix or p.name}' is not a posting corpus format: use .csv, .jsonl or .parquet",
                                source=source)
    if not p.is_file():
        raise FileMissing("no such file" if not p.exists() else "not a file", source=source)
    if fmt in ("csv", "tsv"):
        yield from _read_csv(p, source, explicit, batch_size, "\t" if fmt == "tsv" else ",", codec)
    elif fmt in ("jsonl", "json"):
        yield from _read_json(p, source, explicit, batch_size, codec)
    else:
        yield from _read_parquet(p, source, explicit, batch_size)


def _read_csv(p: Path, source, explicit, batch_size, sep, codec="utf-8-sig"):
    import pandas as pd

    try:
        fh = open(p, encoding=codec, errors=_ERRORS, newline="")
    except OSError as exc:
        raise CorruptFile(f"cannot open: {exc.strerror or exc}", source=source) from exc
    with fh:
        try:
            reader = pd.read_csv(fh, sep=sep, dtype=str, keep_default_na=False, chunksize=batch_size,
                                 on_bad_lines="error")
            cols = None
            row = 0
            for chunk in reader:
                if cols is None:
                    header = "\t".join(str(c) for c in chunk.columns)
                    if _MARKED.search(header):
                        raise _bad_byte(header, codec, "the header line", source)
                    cols = find_columns(list(chunk.columns), explicit, source)
                records, errors = [], []
                for rec in chunk.to_dict("records"):
                    row += 1
                    bad = _marked_field(rec)
                    if bad is not None:
                        errors.append((row, _bad_byte(rec[bad], codec, f"row {row}, column '{bad}'", source)))
                        continue
                    records.append((row, {k: (None if v == "" else v) for k, v in rec.items()}))
                yield _make_batch(source, records, cols, fh.tell(), errors)
            if cols is None:  # header only, or an empty file
                find_columns([], explicit, source) if p.stat().st_size == 0 else None
        except UnicodeError as exc:  # a codec that fails otherwise than on a byte (e.g. a truncated UTF-16 file)
            raise DecodeError(f"cannot be decoded as {codec} ({exc}): re-encode the file as UTF-8, or name its "
                              "encoding with --encoding", source=source) from exc
        except pd.errors.EmptyDataError as exc:
            raise MissingColumn("the file is empty: no header and no rows", source=source) from exc
        except pd.errors.ParserError as exc:
            raise CorruptFile(f"not a readable CSV file: {str(exc).strip()}", source=source) from exc


def _read_json(p: Path, source, explicit, batch_size, codec="utf-8-sig"):
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise CorruptFile(f"cannot read: {exc.strerror or exc}", source=source) from exc
    try:
        data = raw.decode(codec, errors=_ERRORS)
    except UnicodeError as exc:
        raise DecodeError(f"cannot be decoded as {codec} ({exc}): re-encode the file as UTF-8, or name its "
                          "encoding with --encoding", source=source) from exc
    stripped = data.lstrip()
    if stripped.startswith("["):
        bad = _MARKED.search(data)
        if bad is not None:  # one JSON document: its rows cannot be told apart before it parses
            line = data.count("\n", 0, bad.start()) + 1
            raise _bad_byte(bad.group(0), codec, f"line {line} (a JSON array fails as a whole)", source)
        try:
            items = json.loads(data)
        except json.JSONDecodeError as exc:
            raise CorruptFile(f"not valid JSON (line {exc.lineno}): {exc.msg}", source=source) from exc
        lines = [(i + 1, item, None) for i, item in enumerate(items)]
    else:
        lines = []
        row = 0
        for line in data.splitlines():
            if not line.strip():
                continue
            row += 1
            if _MARKED.search(line):
                lines.append((row, None, _bad_byte(line, codec, f"row {row}", source)))
                continue
            try:
                lines.append((row, json.loads(line), None))
            except json.JSONDecodeError as exc:
                lines.append((row, None, CorruptFile(f"row {row}: not valid JSON: {exc.msg}", source=source)))
    names: list[str] = []
    seen = set()
    for _r, item, _e in lines[:1000]:
        if isinstance(item, dict):
            for k in item:
                if k not in seen:
                    seen.add(k)
                    names.append(k)
    if not lines:
        return
    cols = find_columns(names, explicit, source)
    total = len(lines)
    for start in range(0, total, batch_size):
        chunk = lines[start:start + batch_size]
        records, errors = [], []
        for row, item, err in chunk:
            if err is not None:
                errors.append((row, err))
            elif not isinstance(item, dict):
                errors.append((row, CorruptFile(f"row {row}: not a JSON object", source=source)))
            else:
                records.append((row, item))
        yield _make_batch(source, records, cols, int(len(raw) * min(total, start + batch_size) / total), errors)


def _read_parquet(p: Path, source, explicit, batch_size):
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError as exc:  # pragma: no cover
        from ..errors import MissingExtra

        raise MissingExtra("reading Parquet", "market", "pyarrow") from exc
    try:
        pf = pq.ParquetFile(p)
    except (pa.ArrowException, OSError) as exc:
        raise CorruptFile(f"not a readable Parquet file: {exc}", source=source) from exc
    cols = find_columns(pf.schema_arrow.names, explicit, source)
    size = p.stat().st_size
    total = max(1, pf.metadata.num_rows)
    row = 0
    try:
        for rb in pf.iter_batches(batch_size=batch_size):
            records = []
            for rec in rb.to_pylist():
                row += 1
                records.append((row, rec))
            yield _make_batch(source, records, cols, int(size * row / total), [])
    except (pa.ArrowException, OSError) as exc:
        raise CorruptFile(f"Parquet file broken after row {row}: {exc}", source=source) from exc
