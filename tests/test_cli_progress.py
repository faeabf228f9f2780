"""Progress bars appear on a terminal (stderr) and never in machine-readable stdout.

The terminal runs are real processes with stderr on a pseudo-terminal (only a process has one); the
piped runs, where stderr is no terminal, run the CLI in-process (``run_cli``), except one real pipe."""

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


def test_no_progress_when_stderr_is_not_a_terminal(tmp_path):  # a real pipe
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


# ---------------------------------------------------------------- every long command counts real units

ROOT = __import__("pathlib").Path(__file__).resolve().parents[1]


def _postings_csv(path, n: int) -> None:
    path.write_text("title,description,date_posted\n" + "".join(
        f"ML engineer {i},\"We need Python, PyTorch and SQL for project {i}. "
        + "You will build retrieval pipelines and evaluate models. " * 8 + f"\",2024-01-0{1 + i % 9}\n"
        for i in range(n)), encoding="utf-8")


def test_ingest_progress_moves_within_a_batch(tmp_path):
    """A file smaller than one batch reports progress posting by posting, not once at the end, and the
    calls add up to the file's bytes and rows."""
    from skillradar.market.ingest import ingest_files

    csv = tmp_path / "p.csv"
    _postings_csv(csv, 40)
    calls: list[tuple[int, int]] = []
    summary = ingest_files([csv], db=tmp_path / "m.duckdb", batch_size=1000, on_progress=lambda b, r: calls.append((b, r)))
    assert summary["rows_read"] == 40
    assert len(calls) >= summary["ingested"]  # one call per posting extracted (plus the batch's rest)
    assert sum(b for b, _ in calls) == csv.stat().st_size and sum(r for _, r in calls) == 40
    running = [sum(r for _, r in calls[:i]) for i in range(1, len(calls) + 1)]
    assert any(0 < x < 40 for x in running)  # it was part-way at some point


def test_reextract_progress_counts_postings(tmp_path):
    from skillradar.market.ingest import ingest_files, reextract

    csv = tmp_path / "p.csv"
    _postings_csv(csv, 30)
    ingest_files([csv], db=tmp_path / "m.duckdb")
    totals, done = [], []
    summary = reextract(db=tmp_path / "m.duckdb", all_postings=True, batch_size=1000, on_total=totals.append,
                        on_progress=lambda n, _r: done.append(n))
    assert totals == [summary["reextracted"]] and sum(done) == summary["reextracted"]
    assert len(done) == summary["reextracted"]  # one step per posting


def test_rank_progress_counts_resumes():
    from skillradar.assess import rank

    cvs = sorted((ROOT / "tests" / "data" / "resumes").glob("cv-00*.txt"))[:4]
    steps: list[int] = []
    rows = rank([*cvs, "missing.txt"], posting=ROOT / "tests" / "data" / "postings" / "llm-engineer.txt",
                on_progress=steps.append)
    assert len(rows) == 5 and steps == [1] * 5  # failed inputs count as done too


def test_long_commands_draw_on_a_terminal_and_stay_silent_when_piped(tmp_path, run_cli):
    csv = tmp_path / "p.csv"
    _postings_csv(csv, 60)
    db = str(tmp_path / "m.duckdb")
    cvs = [str(p) for p in sorted((ROOT / "tests" / "data" / "resumes").glob("cv-0*.txt"))[:6]]
    posting = str(ROOT / "tests" / "data" / "postings" / "llm-engineer.txt")
    runs = [(("market", "ingest", str(csv), "--db", db, "--format", "json"), "rows ·"),
            (("market", "reextract", "--db", db, "--all", "--format", "json"), "postings"),
            (("rank", "--posting", posting, *cvs, "--format", "json"), "résumés")]
    for args, unit in runs:
        code, out, err = _run_with_terminal_stderr(*args)
        assert code == 0, err
        json.loads(out)  # stdout stays machine-readable
        assert unit in err, (args[0], err[-300:])
        piped = run_cli(*args)
        assert piped.returncode == 0 and unit not in piped.stderr and "\x1b" not in piped.stderr, piped.stderr
        json.loads(piped.stdout)


def test_link_draws_on_a_terminal_and_stays_silent_when_piped(tmp_path, run_cli):
    lines = tmp_path / "lines.txt"
    lines.write_text("".join(f"built retrieval pipelines over our documents, batch {i}\n" for i in range(70)),
                     encoding="utf-8")
    code, out, err = _run_with_terminal_stderr("link", "--input", str(lines), "--top-k", "1")
    assert code == 0, err
    assert len(out.splitlines()) == 70 and "linking" in err and "/70" in err
    piped = run_cli("link", "--input", str(lines), "--top-k", "1")
    assert piped.returncode == 0 and "linking" not in piped.stderr
