"""Market analytics over posting corpora: ingest into DuckDB, shares with intervals, trends,
co-occurrence, role profiles and a synthetic demonstration corpus.

Modules: ``store`` (schema), ``sources`` (CSV/JSONL/Parquet readers and column detection),
``redact`` (contact redaction), ``dedup`` (exact and near-duplicate detection), ``engines`` (local and
Dask extraction), ``ingest`` (the crash-safe pipeline), ``stats``, ``profiles``, ``synthetic``.
Heavy dependencies (duckdb, pandas, statsmodels, dask) are imported by the modules that need them,
never by this package.
"""

__all__ = ["ingest", "reextract", "top", "trends", "monthly", "cooccur", "role_profile", "measured_roles"]


def __getattr__(name):  # lazy re-exports keep `import skillradar.market` cheap
    if name in ("ingest", "reextract"):
        from . import ingest as _ingest

        return getattr(_ingest, "ingest_files" if name == "ingest" else "reextract")
    if name in ("top", "trends", "monthly", "cooccur"):
        from . import stats

        return getattr(stats, name)
    if name in ("role_profile", "measured_roles"):
        from . import profiles

        return getattr(profiles, name)
    raise AttributeError(name)
