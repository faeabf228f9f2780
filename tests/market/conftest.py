"""Fixtures for the market tests: a small fixed taxonomy and a small synthetic corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent
TAXONOMY_FILE = HERE / "data" / "taxonomy.yaml"


@pytest.fixture(scope="session")
def mtax():
    from skillradar.taxonomy import load_taxonomy

    return load_taxonomy(TAXONOMY_FILE)


@pytest.fixture(scope="session")
def corpus(mtax, tmp_path_factory):
    """(csv path, rows, truth) of 600 synthetic postings over two years."""
    from skillradar.market.synthetic import generate, write_corpus

    rows, truth = generate(600, seed=7, taxonomy=mtax)
    path = tmp_path_factory.mktemp("corpus") / "postings.csv"
    write_corpus(rows, path, truth)
    return path, rows, truth


@pytest.fixture(scope="session")
def corpus_db(corpus, mtax, tmp_path_factory):
    """A database with the synthetic corpus ingested once (read-only use)."""
    from skillradar.market.ingest import ingest_files

    db = tmp_path_factory.mktemp("db") / "m.duckdb"
    summary = ingest_files([corpus[0]], db=db, taxonomy=mtax)
    return db, summary


@pytest.fixture(scope="session")
def contents():
    """``contents(db)``: every stored table's rows (sorted), without run ids."""
    return table_contents


@pytest.fixture(scope="session")
def taxonomy_file():
    return TAXONOMY_FILE


def table_contents(db) -> dict[str, list[tuple]]:
    """Every stored table's rows (sorted), leaving out run ids and the runs table."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in ("postings", "lsh", "mentions", "posting_skills", "skills"):
            cols = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] != "run_id"]
            sel = ", ".join(f'"{c}"' for c in cols)
            out[table] = sorted(con.execute(f"SELECT {sel} FROM {table}").fetchall(), key=repr)
        return out
    finally:
        con.close()
