"""Grow a market database to N postings by replicating its rows, for timing queries on a large corpus.

    .venv/bin/python bench/replicate_postings.py --src SMALL.duckdb --out BIG.duckdb --n 1000000

NOT an ingest: every copy of a posting gets a new id (``<id>~r<k>``), a new ``seq`` and its date
shifted by ``k`` days (so months and splits see the copies spread a little), and its mentions, skill
levels, salaries and merges come along with the new id. The LSH band table is not copied (queries
never read it). Use it only for query timing; figures go to bench/RESULTS.md labelled "rows
replicated for query timing, not an ingest". The source database is never written (it is copied).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--n", type=int, default=1_000_000)
    args = ap.parse_args()
    import duckdb

    shutil.copyfile(args.src, args.out)
    con = duckdb.connect(args.out)
    base, top = con.execute("SELECT count(*), max(seq) + 1 FROM postings").fetchone()
    con.execute("DELETE FROM lsh")
    posting_cols = [c[0] for c in con.execute("DESCRIBE postings").fetchall()]
    k, have = 0, base
    t0 = time.perf_counter()
    while have < args.n:
        k += 1
        take = min(base, args.n - have)
        con.execute("BEGIN TRANSACTION")
        con.execute(f"CREATE TEMP TABLE _pick AS SELECT id FROM postings WHERE id NOT LIKE '%~r%' ORDER BY seq LIMIT {take}")
        sel = ", ".join({"id": f"id || '~r{k}' AS id", "seq": f"seq + {k * top} AS seq",
                         "date": f"CAST(date + INTERVAL {k} DAY AS DATE) AS date"}.get(c, c) for c in posting_cols)
        con.execute(f"INSERT INTO postings SELECT {sel} FROM postings WHERE id IN (SELECT id FROM _pick)")
        for table in ("mentions", "posting_skills", "salaries"):
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall()]
            sel = ", ".join(f"posting_id || '~r{k}'" if c == "posting_id" else f'"{c}"' for c in cols)
            con.execute(f"INSERT INTO {table} SELECT {sel} FROM {table} WHERE posting_id IN (SELECT id FROM _pick)")
        con.execute(f"INSERT INTO merges SELECT dropped_source || '~r{k}', dropped_row, dropped_id || '~r{k}', "
                    f"kept_id || '~r{k}', similarity, reason, run_id FROM merges WHERE kept_id IN (SELECT id FROM _pick)")
        con.execute("DROP TABLE _pick")
        con.execute("COMMIT")
        have += take
        print(f"copy {k}: {have:,} postings ({time.perf_counter() - t0:.0f} s)", flush=True)
    con.execute("CHECKPOINT")
    con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
