"""The runs table: a run killed without a chance to say so is marked "interrupted" by the next run."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys

import duckdb
import pytest

from skillradar.market.ingest import ingest_files

KILLED_RUN = """
import os, signal, sys
from skillradar.market.store import connect, start_run
from skillradar.taxonomy import load_taxonomy
con = connect(sys.argv[1])
start_run(con, "killed-run", command="ingest", engine="local", files=["p.csv"], taxonomy=load_taxonomy())
os.kill(os.getpid(), signal.SIGKILL)
"""


def _status(db) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dict(con.execute("SELECT run_id, status FROM runs").fetchall())
    finally:
        con.close()


@pytest.fixture()
def csv(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("text\nPython and PyTorch engineer\nRAG with LangChain\n", encoding="utf-8")
    return path


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL")
def test_killed_run_is_marked_interrupted_on_the_next_start(tmp_path, csv):
    db = tmp_path / "m.duckdb"
    ingest_files([csv], db=db)
    proc = subprocess.run([sys.executable, "-c", KILLED_RUN, str(db)], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert proc.returncode == -9, proc.stderr
    assert _status(db)["killed-run"] == "running"  # what a SIGKILL leaves behind
    summary = ingest_files([csv], db=db)
    status = _status(db)
    assert status["killed-run"] == "interrupted"
    assert status[summary["run_id"]] == "done"


def test_live_and_old_runs(tmp_path, csv):
    db = tmp_path / "m.duckdb"
    ingest_files([csv], db=db)
    sleeper = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        host = socket.gethostname()
        con = duckdb.connect(str(db))
        rows = [("alive", now, sleeper.pid, host), ("old", now - dt.timedelta(days=2), sleeper.pid, host),
                ("elsewhere", now, 1, "another-host"), ("no-pid", now, None, None)]
        for run_id, started, pid, run_host in rows:
            con.execute("INSERT INTO runs (run_id, started, command, status, pid, host) "
                        "VALUES (?, ?, 'ingest', 'running', ?, ?)", [run_id, started, pid, run_host])
        con.close()
        ingest_files([csv], db=db)
        status = _status(db)
    finally:
        sleeper.stdin.close()
        sleeper.wait(timeout=30)
    assert status["alive"] == "running"  # its process still exists
    assert status["elsewhere"] == "running"  # another host's PID cannot be checked: only the time limit
    assert status["old"] == "interrupted" and status["no-pid"] == "interrupted"


def test_a_run_that_fails_is_marked_failed(tmp_path, csv):
    from skillradar.errors import UsageError

    db = tmp_path / "m.duckdb"
    with pytest.raises(UsageError):
        ingest_files([csv], db=db, engine="bogus")
    assert list(_status(db).values()) == ["failed"]
