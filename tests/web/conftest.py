"""Fixtures for the web tests: in-process clients, a small market database, example documents."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def resume_bytes() -> bytes:
    return (EXAMPLES / "resume.md").read_bytes()


@pytest.fixture(scope="session")
def posting_bytes() -> bytes:
    return (EXAMPLES / "posting.md").read_bytes()


@pytest.fixture(scope="session")
def market_db(tmp_path_factory) -> Path:
    """A DuckDB file with 240 synthetic postings over two years (bundled taxonomy)."""
    from skillradar.market.ingest import ingest_files
    from skillradar.market.synthetic import generate, write_corpus

    folder = tmp_path_factory.mktemp("webdb")
    rows, truth = generate(240, seed=11)
    csv_path = folder / "postings.csv"
    write_corpus(rows, csv_path, truth)
    db = folder / "market.duckdb"
    summary = ingest_files([csv_path], db=db)
    assert summary["ingested"] > 100, summary
    return db


@pytest.fixture(scope="session")
def app():
    from skillradar.web.app import create_app

    return create_app()


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def market_client(market_db):
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    with TestClient(create_app(db=market_db), raise_server_exceptions=False) as c:
        yield c
