"""Progress bars appear on a terminal (stderr) and never in machine-readable stdout."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading


def _run_with_terminal_stderr(*args: str) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal and stdout on a pipe: (exit code, stdout, stderr)."""
    master, slave = pty.openpty()
    env = dict(os.environ, COLUMNS="100", TERM="xterm")
    proc = subprocess.Popen([sys.executable, "-m", "skillradar", *args],
                            stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks: list[bytes] = []

    def drain() -> None:  # read the terminal while the command runs, or a full pty buffer blocks it
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    out, _ = proc.communicate(timeout=120)
    reader.join(timeout=10)
    os.close(master)
    return proc.returncode, out.decode("utf-8"), b"".join(chunks).decode("utf-8", "replace")


def test_progress_on_a_terminal_stderr_and_clean_json_stdout(tmp_path):
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_text("We need Python and PyTorch.\n" * 50, encoding="utf-8")
    code, out, err = _run_with_terminal_stderr("extract", str(tmp_path), "--format", "jsonl")
    assert code == 0
    assert "extracting" in err  # the bar's label, drawn on the terminal
    lines = out.splitlines()
    assert len(lines) == 3 and all(json.loads(l)["mentions"] for l in lines)


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):
    for i in range(3):
        (tmp_path / f"p{i}.txt").write_text("We need Python.\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "skillradar", "extract", str(tmp_path), "--format", "jsonl"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and "extracting" not in r.stderr


def test_market_ingest_json_stays_clean_on_a_terminal(tmp_path):
    csv = tmp_path / "p.csv"
    csv.write_text("title,description,date_posted\n" + "".join(
        f"ML engineer {i},We need Python and PyTorch number {i}.,2024-01-0{1 + i % 9}\n" for i in range(40)),
        encoding="utf-8")
    code, out, _err = _run_with_terminal_stderr("market", "ingest", str(csv), "--db", str(tmp_path / "m.duckdb"),
                                                "--format", "json")
    assert code == 0
    summary = json.loads(out)
    assert summary["ingested"] + summary["duplicates"] + summary["failed"] == 40
