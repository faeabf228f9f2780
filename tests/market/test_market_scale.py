"""Ingest at scale: worker processes store what one process stores, a failing posting fails alone, a
killed parallel run resumes to a clean run's contents, and the near-duplicate index stays bounded
without missing a near-duplicate an exhaustive comparison finds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from skillradar.market.ingest import ingest_files

TAXONOMY_FILE = Path(__file__).parent / "data" / "taxonomy.yaml"


def _contents(db) -> dict[str, list[tuple]]:
    """Every table ingest writes (run ids left out), sorted."""
    import importlib.util

    import duckdb

    spec = importlib.util.spec_from_file_location("_market_conftest", Path(__file__).parent / "conftest.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = mod.table_contents(db)
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in ("merges", "salaries"):
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] != "run_id"]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(con.execute(f"SELECT {sel} FROM {table}").fetchall(), key=repr)
    finally:
        con.close()
    return out


@pytest.mark.slow
def test_worker_processes_store_what_one_process_stores(corpus, mtax, tmp_path):
    from skillradar.market.engines import MIN_PARALLEL

    assert 300 >= MIN_PARALLEL  # batches of 300 go to the worker processes
    serial, parallel = tmp_path / "serial.duckdb", tmp_path / "parallel.duckdb"
    a = ingest_files([corpus[0]], db=serial, taxonomy=mtax, batch_size=300, workers=1)
    b = ingest_files([corpus[0]], db=parallel, taxonomy=mtax, batch_size=300, workers=2)
    for key in ("rows_read", "ingested", "duplicates", "failed", "exact_duplicates", "near_duplicates", "replaced",
                "kept_apart", "redacted"):
        assert a[key] == b[key], key
    assert b["near_duplicates"] > 0 and b["redacted"] > 0  # the corpus exercises both
    assert _contents(parallel) == _contents(serial)


def test_a_posting_whose_extraction_fails_fails_alone(corpus, mtax, tmp_path, monkeypatch):
    """Fault injection: extraction raises for one posting; its row fails with its number, the others
    of its batch are stored as without it."""
    import skillradar.extract as extract_mod

    rows = corpus[1][:40]
    victim = rows[7]["description"]
    real = extract_mod.extract_text

    def failing(text, *args, **kwargs):
        if text == victim:
            raise RuntimeError("planted failure")
        return real(text, *args, **kwargs)

    clean = ingest_files([corpus[0]], db=tmp_path / "clean.duckdb", taxonomy=mtax, batch_size=40, workers=1)
    monkeypatch.setattr(extract_mod, "extract_text", failing)
    s = ingest_files([corpus[0]], db=tmp_path / "bad.duckdb", taxonomy=mtax, batch_size=40, workers=1)
    assert s["rows_read"] == clean["rows_read"]
    assert s["ingested"] + s["duplicates"] + s["failed"] == s["rows_read"]
    assert s["failed"] == clean["failed"] + 1
    failed = [e for e in s["errors"] if e["row"] == 8]
    assert failed and "planted failure" in failed[0]["error"]["message"]
    got, want = _contents(tmp_path / "bad.duckdb"), _contents(tmp_path / "clean.duckdb")
    victim_id = rows[7]["id"]
    assert victim_id not in {p[0] for p in got["postings"]}
    others = {p[0] for p in want["postings"]} - {victim_id}
    assert others <= {p[0] for p in got["postings"]}  # nothing else of its batch (or after) was lost


_CHILD = """
import sys
from skillradar.market.ingest import ingest_files
def tick(counts):
    print("batch", counts["ingested"], flush=True)
if __name__ == "__main__":
    ingest_files([sys.argv[1]], db=sys.argv[2], taxonomy=sys.argv[3], batch_size=200, workers=2, on_batch=tick)
    print("done", flush=True)
"""


@pytest.mark.slow
def test_killed_parallel_run_then_rerun_equals_clean_run(corpus, mtax, tmp_path):
    clean = tmp_path / "clean.duckdb"
    ingest_files([corpus[0]], db=clean, taxonomy=mtax, batch_size=200, workers=2)
    crashed = tmp_path / "crashed.duckdb"
    script = tmp_path / "child.py"
    script.write_text(_CHILD)
    proc = subprocess.Popen([sys.executable, str(script), str(corpus[0]), str(crashed), str(TAXONOMY_FILE)],
                            stdout=subprocess.PIPE, text=True, start_new_session=True)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("batch"):
            os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers, with the next batch in flight
            break
    proc.wait(timeout=120)
    assert proc.returncode == -signal.SIGKILL, "the child finished before it could be killed"
    partial = _contents(crashed)
    assert 0 < len(partial["postings"]) < len(_contents(clean)["postings"])
    rerun = ingest_files([corpus[0]], db=crashed, taxonomy=mtax, batch_size=200, workers=2)
    assert rerun["ingested"] + rerun["duplicates"] + rerun["failed"] == rerun["rows_read"]
    assert _contents(crashed) == _contents(clean)


def test_bounded_shingle_cache_changes_nothing_and_misses_no_near_duplicate(corpus, mtax, tmp_path, monkeypatch):
    """With the cache of stored postings' shingles cut to 3 entries, the database is the same as with
    the default size; the cache never holds more; and an exhaustive comparison of every pair of stored
    postings finds no near-duplicate left in (other than pairs the rules keep apart)."""
    import duckdb

    from skillradar.market import dedup, ingest
    from skillradar.market.dedup_rules import kept_apart

    default = ingest_files([corpus[0]], db=tmp_path / "default.duckdb", taxonomy=mtax, batch_size=40)
    sizes: list[int] = []
    original = ingest._Ingestor._stored_shingles

    def watched(self, ids):
        out = original(self, ids)
        sizes.append(len(self._shingle_cache))
        return out

    monkeypatch.setattr(ingest, "SHINGLE_CACHE_SIZE", 3)
    monkeypatch.setattr(ingest._Ingestor, "_stored_shingles", watched)
    small = ingest_files([corpus[0]], db=tmp_path / "small.duckdb", taxonomy=mtax, batch_size=40)
    assert sizes and max(sizes) <= 3
    assert small["near_duplicates"] == default["near_duplicates"] > 0
    assert _contents(tmp_path / "small.duckdb") == _contents(tmp_path / "default.duckdb")

    con = duckdb.connect(str(tmp_path / "small.duckdb"), read_only=True)
    rows = con.execute("SELECT id, text, title, date FROM postings ORDER BY seq").fetchall()
    con.close()
    sh = [dedup.shingles(dedup.normalise(t)) for _i, t, _ti, _d in rows]
    left_in = []
    for i in range(len(rows)):
        for j in range(i + 1, len(rows)):
            if abs(len(sh[i]) - len(sh[j])) > 0.1 * max(len(sh[i]), len(sh[j])):
                continue  # Jaccard is at most min/max of the sizes: under 0.9
            if dedup.jaccard(sh[i], sh[j]) >= 0.9 and kept_apart(rows[i][2], rows[i][3], rows[j][2], rows[j][3]) is None:
                left_in.append((rows[i][0], rows[j][0]))
    assert left_in == []


def test_real_length_corpus_is_as_long_as_real_postings_and_plants_the_same(mtax):
    """``length="real"`` pads postings to the real ones' length (median 4.9 KB, quartiles 3.6–5.9 KB in
    tests/data/real/postings) and changes nothing else that is drawn: dates, skills, duplicates."""
    import statistics

    from skillradar.market.synthetic import generate

    short, truth_short = generate(400, seed=3, taxonomy=mtax)
    long, truth_long = generate(400, seed=3, taxonomy=mtax, length="real")
    sizes = [len(r["description"]) for r in long]
    assert 4000 <= statistics.median(sizes) <= 6000 and min(sizes) >= 2000
    assert all(len(a["description"]) < len(b["description"]) for a, b in zip(short, long))
    assert [(r["id"], r["date_posted"], r["title"], r["synthetic"]) for r in long] == \
        [(r["id"], r["date_posted"], r["title"], r["synthetic"]) for r in short]
    assert truth_long == truth_short
    with pytest.raises(ValueError):
        generate(10, taxonomy=mtax, length="long")
