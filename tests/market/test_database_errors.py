"""Broken and busy databases: coded errors without paths or PIDs, read-only reads, curated roles go on.

Each broken file is made the way it happens: a copy cut off half-way, a file that is not DuckDB at
all, a block overwritten on disk, and a database whose write lock another process holds (an ingest).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from skillradar.cli import main

ROOT = Path(__file__).resolve().parents[2]
RESUME = ROOT / "examples" / "resume.md"


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    """A market database of 80 synthetic postings (bundled taxonomy)."""
    from skillradar.market.ingest import ingest_files
    from skillradar.market.synthetic import generate, write_corpus

    folder = tmp_path_factory.mktemp("dberr")
    rows, truth = generate(80, seed=3)
    write_corpus(rows, folder / "p.csv", truth)
    db = folder / "m.duckdb"
    assert ingest_files([folder / "p.csv"], db=db)["ingested"] > 50
    return db


def cut_off(db: Path, dest: Path) -> Path:
    data = db.read_bytes()
    dest.write_bytes(data[: len(data) // 2])
    return dest


def not_duckdb(dest: Path) -> Path:
    dest.write_text("id,text\n1,this is a CSV file, not a database\n", encoding="utf-8")
    return dest


@pytest.fixture()
def broken(small_db, tmp_path):
    return cut_off(small_db, tmp_path / "broken.duckdb")


def held_lock(db: Path) -> subprocess.Popen:
    """Another process holding the database's write lock until its stdin closes (like an ingest)."""
    code = ("import sys, duckdb; con = duckdb.connect(sys.argv[1]); print('locked', flush=True); "
            "sys.stdin.read(); con.close()")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "locked"
    return proc


@pytest.fixture()
def locked(small_db, tmp_path):
    db = tmp_path / "busy.duckdb"
    shutil.copy(small_db, db)
    proc = held_lock(db)
    yield db
    proc.stdin.close()
    proc.wait(timeout=30)


def no_leak(message: str, db: Path) -> None:
    assert str(db.parent) not in message and db.name not in message, message
    assert "PID" not in message and "python" not in message.lower() and "Traceback" not in message, message


# ------------------------------------------------------------------------------------ the translation


@pytest.mark.parametrize("make,code", [(cut_off, "database_corrupt"), (None, "database_corrupt"),
                                       ("garble", "database_corrupt")])
def test_library_reads_of_broken_files_are_coded(small_db, tmp_path, make, code):
    from skillradar.errors import DatabaseProblem
    from skillradar.market.stats import top

    db = tmp_path / "x.duckdb"
    if make is cut_off:
        cut_off(small_db, db)
    elif make is None:
        not_duckdb(db)
    else:  # a block overwritten in place: DuckDB finds it by checksum when a query reads it
        data = bytearray(small_db.read_bytes())
        for start in range(3 * 4096, len(data), 262144):
            data[start + 64:start + 4096] = os.urandom(4096 - 64)
        db.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem) as info:
        top(db)
    assert info.value.code == code and info.value.http_status == 503
    no_leak(info.value.message, db)
    assert "skillradar market ingest" in info.value.message  # how to fix it


def test_library_read_of_a_locked_database_is_coded(locked):
    from skillradar.errors import DatabaseLocked
    from skillradar.market.stats import top

    with pytest.raises(DatabaseLocked) as info:
        top(locked)
    assert info.value.code == "database_locked" and info.value.retry_after > 0
    no_leak(info.value.message, locked)
    assert isinstance(info.value.__cause__, Exception)  # DuckDB's own error stays as the cause


# ------------------------------------------------------------------------------------ the CLI


@pytest.mark.parametrize("args", [
    ["market", "top"], ["market", "trends", "--split", "2024-01-01"], ["market", "cooccur", "--skill", "lang.python"],
    ["market", "roles"], ["data", "list"], ["market", "ingest", "{csv}"],
])
def test_cli_on_a_cut_off_database(broken, tmp_path, capsys, args):
    csv = tmp_path / "one.csv"
    csv.write_text("text\nPython and PyTorch engineer\n", encoding="utf-8")
    before = broken.read_bytes()
    code = main([a.format(csv=csv) for a in args] + ["--db", str(broken)])
    captured = capsys.readouterr()
    assert code == 1, captured.err
    assert "[database_corrupt] the database given with --db cannot be read" in captured.err
    no_leak(captured.err, broken)
    assert broken.read_bytes() == before  # nothing was written into the broken file


def test_cli_default_database_is_named_without_a_path(small_db, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    not_duckdb(tmp_path / "skillradar.duckdb")
    assert main(["market", "top"]) == 1
    err = capsys.readouterr().err
    assert "[database_corrupt] the default database (skillradar.duckdb in the current folder" in err
    assert str(tmp_path) not in err


def test_cli_missing_database_names_the_option_not_the_path(tmp_path, capsys):
    assert main(["market", "top", "--db", str(tmp_path / "none.duckdb")]) == 2
    err = capsys.readouterr().err
    assert "[no_database] the database given with --db does not exist yet" in err and str(tmp_path) not in err
    assert "skillradar market ingest" in err


def test_data_list_opens_read_only(small_db, tmp_path, capsys):
    db = tmp_path / "m.duckdb"
    shutil.copy(small_db, db)
    before, mtime = db.read_bytes(), db.stat().st_mtime_ns
    assert main(["data", "list", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert db.read_bytes() == before and db.stat().st_mtime_ns == mtime
    assert not Path(str(db) + ".wal").exists()
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()
    assert "stored_items" not in tables  # listing created nothing


def test_data_list_on_a_database_in_use_says_busy(locked, capsys):
    assert main(["data", "list", "--db", str(locked)]) == 1
    err = capsys.readouterr().err
    assert "[database_locked] the database given with --db is busy" in err
    no_leak(err, locked)


def test_cli_market_read_during_an_ingest_is_coded(locked, capsys):
    assert main(["market", "top", "--db", str(locked), "--format", "json"]) == 1
    captured = capsys.readouterr()
    assert "[database_locked]" in captured.err and "Try again" in captured.err
    no_leak(captured.err, locked)


def test_losing_concurrent_ingest_prints_json(locked, tmp_path, capsys):
    csv = tmp_path / "p.csv"
    csv.write_text("text\nPython and PyTorch engineer\n", encoding="utf-8")
    assert main(["market", "ingest", str(csv), "--db", str(locked), "--format", "json"]) == 1
    captured = capsys.readouterr()
    obj = json.loads(captured.out)
    assert obj["error"]["code"] == "database_locked"
    assert obj["ingested"] + obj["duplicates"] + obj["failed"] == obj["rows_read"] == 0
    no_leak(obj["error"]["message"], locked)


def test_assess_with_a_curated_role_goes_on_without_the_database(broken, capsys):
    code = main(["assess", str(RESUME), "--role", "llm-engineer", "--db", str(broken), "--format", "json"])
    captured = capsys.readouterr()
    result = json.loads(captured.out)  # the assessment is printed
    assert result["target"]["profile_source"] == "curated" and result["overall"] > 0
    assert [w["code"] for w in result["warnings"]][:1] == ["database_corrupt"]
    assert "[database_corrupt] --db:" in captured.err
    no_leak(captured.err + json.dumps(result["warnings"]), broken)
    assert code == 1  # the database given could not be used


def test_roles_lists_curated_roles_when_the_database_is_broken(broken, capsys):
    code = main(["roles", "--db", str(broken), "--format", "json"])
    captured = capsys.readouterr()
    rows = json.loads(captured.out)
    assert rows and {r["source"] for r in rows} == {"curated"}
    assert "[database_corrupt]" in captured.err and code == 1
    no_leak(captured.err, broken)


# ------------------------------------------------------------------------------------ assess --store


def test_assess_store_to_a_busy_database_keeps_the_printed_result(locked, capsys):
    code = main(["assess", str(RESUME), "--role", "llm-engineer", "--format", "json", "--store",
                 "--store-db", str(locked)])
    captured = capsys.readouterr()
    assert json.loads(captured.out)["overall"] > 0  # printed before the storage failed
    assert code == 1
    assert "[database_locked] the database given with --store-db (or --db) is busy" in captured.err
    no_leak(captured.err, locked)


def test_assess_store_to_a_read_only_database_keeps_the_printed_result(tmp_path, capsys, monkeypatch):
    """A read-only file (root ignores file modes, so DuckDB's refusal is played back as it words it)."""
    import duckdb

    real = duckdb.connect
    target = tmp_path / "ro.duckdb"
    real(str(target)).close()

    def connect(path, read_only=False, **kw):
        if str(path) == str(target) and not read_only:
            raise duckdb.IOException(f'IO Error: Cannot open file "{target}": Permission denied')
        return real(path, read_only=read_only, **kw)

    monkeypatch.setattr(duckdb, "connect", connect)
    code = main(["assess", str(RESUME), "--role", "llm-engineer", "--format", "markdown", "--store",
                 "--store-db", str(target)])
    captured = capsys.readouterr()
    assert captured.out.startswith("# ") and "Overall" in captured.out
    assert code == 1
    assert "[database_read_only] the database given with --store-db (or --db) cannot be written" in captured.err
    no_leak(captured.err, target)


def test_a_database_without_market_tables_says_so(tmp_path, capsys):
    from skillradar.privacy import store

    db = tmp_path / "only-resumes.duckdb"
    store.store_resume(db, "Python and PyTorch", "cv.txt")  # the résumé store alone: no postings table
    assert main(["market", "top", "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "[no_database] the database given with --db holds no market data yet" in err
    no_leak(err, db)
