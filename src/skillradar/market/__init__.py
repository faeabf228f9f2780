"""Market analytics over posting corpora: ingest into DuckDB, shares with intervals, trends,
co-occurrence, role profiles and a synthetic demonstration corpus.

Modules: ``store`` (schema), ``sources`` (CSV/JSONL/Parquet readers and column detection),
``redact`` (contact redaction), ``dedup`` (exact and near-duplicate detection), ``engines`` (local and
Dask extraction), ``ingest`` (the crash-safe pipeline), ``facets`` (seniority, contract type, sector,
synthetic: stored per posting), ``filters`` (the postings a query keeps), ``stats``, ``proportions``
(the formulas), ``cooccurrence``, ``comparison`` (two corpora), ``corpus`` (n, sources, dates, synthetic),
``rows`` (results convertible to pandas / Arrow), ``skillnames`` (skill names and the broader relation
as stored), ``profiles``, ``synthetic``.
Heavy dependencies (duckdb, pandas, pyarrow, numpy, dask) are imported by the functions that need them,
never by this package.
"""

__all__ = ["ingest_files", "reextract", "top", "trends", "monthly", "cooccur", "compare", "describe_corpus",
           "facet_counts", "why_empty", "Filters", "role_profile", "measured_roles"]

_HOMES = {"ingest_files": "ingest", "reextract": "ingest", "top": "stats", "trends": "stats", "monthly": "stats",
          "cooccur": "cooccurrence", "compare": "comparison", "describe_corpus": ("corpus", "describe"),
          "facet_counts": "corpus", "why_empty": "filters", "Filters": "filters", "role_profile": "profiles",
          "measured_roles": "profiles"}


def __getattr__(name):  # lazy re-exports keep `import skillradar.market` cheap
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'skillradar.market' has no attribute '{name}'")
    import importlib

    module, attr = home if isinstance(home, tuple) else (home, name)
    return getattr(importlib.import_module(f"{__name__}.{module}"), attr)
