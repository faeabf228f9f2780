"""Ingest of posting files with bad bytes, exotic encodings and huge rows (issue 12, items 2 and 7):
the bad row is named and counted as failed, the others go on, and ``ingested + duplicates + failed``
equals the rows read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillradar.errors import UsageError
from skillradar.market.ingest import ingest_files

BAD_ROW = 180
ROWS = 250


def _texts() -> list[str]:
    skills = ["Python", "SQL", "PyTorch", "Docker", "Kubernetes", "RAG", "Spark", "AWS"]
    return [f"Posting {i} for team {i * 7919 % 1000}: we need {skills[i % 8]} and {skills[(i * 3 + 1) % 8]}; "
            f"office {i * 31 % 97}, level {i % 5}, code {i * 104729 % 100_000}." for i in range(1, ROWS + 1)]


def _partition(s: dict) -> None:
    assert s["ingested"] + s["duplicates"] + s["failed"] == s["rows_read"], s


def _csv_bytes(texts: list[str], bad_row: int | None = BAD_ROW, encoding: str = "utf-8") -> bytes:
    lines = [b"id,title,description"]
    for i, text in enumerate(texts, 1):
        line = f'{i},Engineer,"{text}"'.encode(encoding)
        if i == bad_row:
            line = line.replace(b"we need", b"we \xff need")
        lines.append(line)
    return b"\n".join(lines) + b"\n"


def _rows(summary: dict) -> list[tuple[int, str]]:
    return [(e["row"], e["error"]["code"]) for e in summary["errors"]]


def test_csv_with_one_bad_byte_after_the_first_batches(mtax, tmp_path):
    path = tmp_path / "postings.csv"
    path.write_bytes(_csv_bytes(_texts()))
    s = ingest_files([path], db=tmp_path / "m.duckdb", taxonomy=mtax, batch_size=50)
    _partition(s)
    assert s["rows_read"] == ROWS and s["failed"] == 1 and s["failed_files"] == 0
    assert _rows(s) == [(BAD_ROW, "decode_error")]
    message = s["errors"][0]["error"]["message"]
    assert f"row {BAD_ROW}" in message and "column 'description'" in message and "0xFF" in message
    assert "--encoding" in message
    assert s["ingested"] + s["duplicates"] == ROWS - 1


def test_jsonl_with_one_bad_byte(mtax, tmp_path):
    lines = [json.dumps({"id": i, "text": t}).encode() for i, t in enumerate(_texts(), 1)]
    lines[BAD_ROW - 1] = lines[BAD_ROW - 1].replace(b"we need", b"we \xc3 need")
    path = tmp_path / "postings.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    s = ingest_files([path], db=tmp_path / "m.duckdb", taxonomy=mtax, batch_size=50)
    _partition(s)
    assert s["rows_read"] == ROWS and _rows(s) == [(BAD_ROW, "decode_error")]
    assert "0xC3" in s["errors"][0]["error"]["message"]


def test_json_array_with_a_bad_byte_fails_whole_and_stores_nothing(mtax, tmp_path):
    items = [{"id": i, "text": t} for i, t in enumerate(_texts()[:20], 1)]
    raw = json.dumps(items, indent=1).encode().replace(b"we need", b"we \xff need", 1)
    path = tmp_path / "postings.json"
    path.write_bytes(raw)
    s = ingest_files([path], db=tmp_path / "m.duckdb", taxonomy=mtax)
    assert s["rows_read"] == 0 and s["failed_files"] == 1
    err = s["errors"][0]
    assert err["row"] is None and err["error"]["code"] == "decode_error" and "line " in err["error"]["message"]


def test_encoding_option_reads_a_cp1252_file(mtax, tmp_path):
    texts = [t.replace("team", "équipe") for t in _texts()[:30]]
    path = tmp_path / "cp1252.csv"
    path.write_bytes(_csv_bytes(texts, bad_row=None, encoding="cp1252"))
    as_utf8 = ingest_files([path], db=tmp_path / "a.duckdb", taxonomy=mtax)
    _partition(as_utf8)
    assert as_utf8["failed"] == 30 and {c for _r, c in _rows(as_utf8)} == {"decode_error"}
    s = ingest_files([path], db=tmp_path / "b.duckdb", taxonomy=mtax, encoding="cp1252")
    _partition(s)
    assert s["failed"] == 0 and s["ingested"] + s["duplicates"] == 30


def test_encoding_that_is_not_a_text_encoding_is_a_usage_error(mtax, tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(_csv_bytes(_texts()[:3], bad_row=None))
    for name in ("rot13", "base64", "no-such-codec"):
        with pytest.raises(UsageError, match="encoding: "):
            ingest_files([path], db=tmp_path / "m.duckdb", taxonomy=mtax, encoding=name)
    assert not (tmp_path / "m.duckdb").exists()


def test_a_row_over_the_size_cap_fails_alone(mtax, tmp_path):
    texts = _texts()[:20]
    texts[6] = "We need Python. " + "padding " * 1000
    path = tmp_path / "p.csv"
    path.write_bytes(_csv_bytes(texts, bad_row=None))
    s = ingest_files([path], db=tmp_path / "m.duckdb", taxonomy=mtax, max_row_chars=2000)
    _partition(s)
    assert _rows(s) == [(7, "too_large")]
    assert "row 7 holds" in s["errors"][0]["error"]["message"]
    assert s["ingested"] + s["duplicates"] == 19


def test_cli_encoding_option(tmp_path, run_cli):
    from .test_market_ingest import TAXONOMY_FILE

    path = tmp_path / "cp1252.csv"
    path.write_bytes(_csv_bytes([t.replace("team", "équipe") for t in _texts()[:10]], bad_row=None,
                                encoding="cp1252"))

    def run(*a):
        return run_cli("market", "ingest", str(path), "--db", str(tmp_path / "m.duckdb"), "--taxonomy", str(TAXONOMY_FILE),
                       *a)
    r = run("--encoding", "rot13")
    assert r.returncode == 2 and "[bad_usage]" in r.stderr and "--encoding" in r.stderr
    r = run("--format", "json")
    assert r.returncode == 1 and "[decode_error]" in r.stderr and "--encoding" in r.stderr
    r = run("--encoding", "cp1252", "--format", "json")
    assert r.returncode == 0, r.stderr
    s = json.loads(r.stdout)
    assert s["failed"] == 0 and s["duplicates"] + s["ingested"] == 10
    help_text = run_cli("market", "ingest", "--help").stdout
    assert "--encoding" in help_text and "cp1252" in help_text


def test_partial_files_are_never_half_counted(mtax, tmp_path):
    """The reported failure is the only difference from a clean file of the other rows."""
    clean = tmp_path / "clean.csv"
    texts = _texts()
    clean.write_bytes(_csv_bytes([t for i, t in enumerate(texts, 1) if i != BAD_ROW], bad_row=None))
    dirty = tmp_path / "dirty.csv"
    dirty.write_bytes(_csv_bytes(texts))
    a = ingest_files([clean], db=tmp_path / "a.duckdb", taxonomy=mtax, batch_size=50)
    b = ingest_files([dirty], db=tmp_path / "b.duckdb", taxonomy=mtax, batch_size=50)
    assert (a["ingested"], a["duplicates"]) == (b["ingested"], b["duplicates"])
    assert Path(tmp_path / "b.duckdb").exists()
