"""CSV injection: no CSV the project writes starts a cell with = + - @ tab or CR (OWASP), and
check-posting's CSV keeps the input's name in ``source``."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

import skillradar
from skillradar.cli import main

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list

ROOT = Path(__file__).resolve().parents[1]
SRC = Path(skillradar.__file__).resolve().parent  # the package under test
POSTING = (ROOT / "examples" / "posting.md").read_text(encoding="utf-8")
CV = "Experience\n2021 - Present  ML Engineer. Built RAG pipelines in Python with PyTorch and LangChain.\n"
NASTY = ['=HYPERLINK("evil.example","x").md', "+1+1.md", "@SUM(A1).md", "-2+3.md"]


def _cells(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def _assert_safe(text: str) -> None:
    for row in _cells(text):
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or re.fullmatch(r"-|[-+]?\d+(\.\d+)?", cell), cell


@pytest.mark.parametrize("value,expected", [
    ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-1+2", "'-1+2"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("plain", "plain"), ("", ""), (-0.25, -0.25), (3, 3), (None, None),
    ("-", "-"), ("-0.25", "-0.25"), ("+3", "+3"), ("-1e-5", "-1e-5"), ("+44 7700 900123", "'+44 7700 900123"),
])
def test_neutralise(value, expected):
    from skillradar.csv_cells import neutralise

    assert neutralise(value) == expected


def test_every_csv_writer_goes_through_the_shared_helper():
    offenders = []
    for path in SRC.rglob("*.py"):
        if path.name == "csv_cells.py":
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"csv\.(?:writer|DictWriter)\(|\.to_csv\(", text):
            offenders.append(str(path.relative_to(SRC)))
    assert not offenders, f"CSV written without skillradar.csv_cells: {offenders}"


def test_rank_csv_neutralises_file_names(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "job.md").write_text(POSTING, encoding="utf-8")
    for name in NASTY:
        (tmp_path / name).write_text(CV, encoding="utf-8")
    assert main(["rank", "--posting", "job.md", "--format", "csv", "--", *NASTY]) == 0
    out = capsys.readouterr().out
    _assert_safe(out)
    names = {row[1] for row in _cells(out)[1:]}
    assert names == {"'" + n for n in NASTY}  # shown as text, not lost


def test_extract_csv_neutralises_sources(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    for name in NASTY:
        (tmp_path / name).write_text(CV, encoding="utf-8")
    assert main(["extract", "--format", "csv", "--", *NASTY]) == 0
    out = capsys.readouterr().out
    _assert_safe(out)
    assert {row[0] for row in _cells(out)[1:]} == {"'" + n for n in NASTY}


def test_check_posting_csv_keeps_the_input_name_in_source(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    text = "Senior ML Engineer\nWe want a young and dynamic rockstar. Native English speaker.\n"
    (tmp_path / "=job.txt").write_text(text, encoding="utf-8")
    assert main(["check-posting", "=job.txt", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    _assert_safe(out)
    header, *rows = _cells(out)
    assert rows
    for row in rows:
        rec = dict(zip(header, row))
        assert rec["source"] == "'=job.txt"
        assert rec["source_of_rule"] and rec["source_of_rule"] != rec["source"]


def test_csv_output_of_a_table_command_with_negative_numbers_keeps_them_numbers(capsys):
    from skillradar.cli.output import emit_rows

    emit_rows([{"a": -0.5, "b": "-x"}], "csv", columns=["a", "b"])
    assert capsys.readouterr().out == "a,b\n-0.5,'-x\n"
