"""The Dask engine, on a real LocalCluster, stores exactly what the local engine stores."""

from __future__ import annotations

import pytest

import dask.distributed  # noqa: F401,E402  (an installed extra: fail loudly if missing)


@pytest.mark.slow
def test_dask_equals_local(corpus, corpus_db, mtax, contents, tmp_path):
    from skillradar.market.ingest import ingest_files

    local_db, local_summary = corpus_db
    db = tmp_path / "dask.duckdb"
    s = ingest_files([corpus[0]], db=db, taxonomy=mtax, engine="dask", batch_size=300)
    for key in ("rows_read", "ingested", "duplicates", "failed", "near_duplicates"):
        assert s[key] == local_summary[key]
    assert contents(db) == contents(local_db)


def test_scheduler_without_dask_engine_is_usage_error(corpus, mtax, tmp_path):
    from skillradar.errors import UsageError
    from skillradar.market.ingest import ingest_files

    with pytest.raises(UsageError):
        ingest_files([corpus[0]], db=tmp_path / "x.duckdb", taxonomy=mtax, scheduler="tcp://127.0.0.1:1")
