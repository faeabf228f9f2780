"""Market analytics over posting corpora: ingest into DuckDB, shares with intervals, trends,
co-occurrence, role profiles and a synthetic demonstration corpus.

Modules: ``store`` (schema), ``sources`` (CSV/JSONL/Parquet readers and column detection),
``redact`` (contact redaction), ``dedup`` (exact and near-duplicate detection), ``engines`` (local and
Dask extraction), ``ingest`` (the crash-safe pipeline), ``stats``, ``cooccurrence``, ``skillnames``
(skill names and the broader relation as stored), ``profiles``, ``synthetic``.
Heavy dependencies (duckdb, pandas, statsmodels, dask) are imported by the modules that need them,
never by this package.
"""

__all__ = ["ingest_files", "reextract", "top", "trends", "monthly", "cooccur", "role_profile", "measured_roles"]

_HOMES = {"ingest_files": "ingest", "reextract": "ingest", "top": "stats", "trends": "stats", "monthly": "stats",
          "cooccur": "cooccurrence", "role_profile": "profiles", "measured_roles": "profiles"}


def __getattr__(name):  # lazy re-exports keep `import skillradar.market` cheap
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'skillradar.market' has no attribute '{name}'")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
