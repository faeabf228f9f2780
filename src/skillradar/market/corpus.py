"""What a set of postings is, in one line for tables and charts: how many, from which files, over which
dates, and whether they are synthetic.

A share means little without its n, its source and its period, and a demonstration corpus must never
pass for the labour market: the demo's "Cybersecurity 40%" was printed in a table and a chart that
never said "synthetic". :func:`describe` counts; :func:`caption` words it.
"""

from __future__ import annotations

from pathlib import PurePath

__all__ = ["describe", "caption", "facet_counts"]

_SOURCES_SHOWN = 3


def _has_column(con, table: str, column: str) -> bool:
    return bool(con.execute("SELECT count(*) FROM information_schema.columns WHERE table_name = ? AND column_name = ?",
                            [table, column]).fetchone()[0])


def _synthetic_sql(con) -> str:
    """A boolean expression: the stored facet where ingest has computed it, else the row's own column."""
    from .facets import stored

    from_extra = "lower(coalesce(json_extract_string(extra, '$.synthetic'), '')) IN ('true', '1', 'yes')"
    if stored(con):
        return "coalesce(synthetic, FALSE)"
    return f"(extra IS NOT NULL AND {from_extra})"


def describe(db=None, filters=None, *, dated: bool = False, **kw) -> dict:
    """``{"postings", "dated", "first_date", "last_date", "sources": [{"source", "postings"}], "synthetic"}``
    of the postings the filters keep (sources by file name, most postings first)."""
    from .filters import make_filters, scope_sql
    from .store import reading as _connection

    filters = make_filters(filters, **kw)
    with _connection(db) as con:
        from .filters import check_stored

        check_stored(con, filters)
        where, params = scope_sql(filters, dated=dated)
        n, n_dated, first, last, synthetic = con.execute(
            f"SELECT count(*), count(date), min(date), max(date), count(*) FILTER (WHERE {_synthetic_sql(con)}) "
            f"FROM postings {where}", params).fetchone()
        sources = con.execute(f"SELECT source, count(*) AS n FROM postings {where} GROUP BY source "
                              "ORDER BY n DESC, source", params).fetchall()
    by_name: dict[str, int] = {}
    for source, count in sources:
        name = PurePath(str(source)).name if source else "(unknown)"
        by_name[name] = by_name.get(name, 0) + int(count)
    return {"postings": int(n), "dated": int(n_dated),
            "first_date": first.isoformat() if first else None, "last_date": last.isoformat() if last else None,
            "sources": [{"source": s, "postings": c} for s, c in sorted(by_name.items(), key=lambda x: (-x[1], x[0]))],
            "synthetic": int(synthetic)}


def caption(info: dict, *, what: str = "postings") -> str:
    """``n = 93 postings · real.jsonl · 2024-01-01 to 2025-01-01`` (+ ``· SYNTHETIC …`` when it is)."""
    parts = [f"n = {info['postings']:,} {what}"]
    sources = info.get("sources") or []
    if sources:
        shown = ", ".join(s["source"] for s in sources[:_SOURCES_SHOWN])
        more = len(sources) - _SOURCES_SHOWN
        parts.append(f"source: {shown}" + (f" and {more} more" if more > 0 else ""))
    if info.get("first_date"):
        span = f"{info['first_date']} to {info['last_date']}"
        undated = info["postings"] - info.get("dated", info["postings"])
        parts.append(span + (f" ({undated:,} undated)" if undated > 0 else ""))
    elif info["postings"]:
        parts.append("undated")
    syn = info.get("synthetic", 0)
    if syn:
        parts.append("SYNTHETIC demo data, not the job market" if syn == info["postings"]
                     else f"{syn:,} of {info['postings']:,} SYNTHETIC")
    return " · ".join(parts)


def facet_counts(db=None, filters=None, **kw) -> dict:
    """How many postings in scope have each seniority word and each contract type (``unspecified``
    included), for menus that show what a filter would keep."""
    from .facets import CONTRACT_TYPES, SENIORITY_VALUES, UNSPECIFIED, require
    from .filters import make_filters, scope_sql
    from .store import reading as _connection

    filters = make_filters(filters, **kw)
    with _connection(db) as con:
        require(con, "counting postings by seniority and contract type")
        where, params = scope_sql(filters)
        n = con.execute(f"SELECT count(*) FROM postings {where}", params).fetchone()[0]
        seniority = con.execute(f"SELECT seniority, count(*) FROM postings {where} GROUP BY seniority", params).fetchall()
        contract = con.execute(f"SELECT contract_type, count(*) FROM postings {where} GROUP BY contract_type",
                               params).fetchall()
    words = {v: 0 for v in SENIORITY_VALUES}
    for value, count in seniority:
        found = [w for w in (value or "").strip(",").split(",") if w in words and w != UNSPECIFIED]
        for w in found:
            words[w] += count
        if not found:
            words[UNSPECIFIED] += count
    kinds = {v: 0 for v in CONTRACT_TYPES}
    for value, count in contract:
        kinds[value if value in kinds else UNSPECIFIED] += count
    return {"postings": int(n), "seniority": words, "contract_type": kinds}
