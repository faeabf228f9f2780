"""Salary figures of a posting corpus: every statement, and a summary per currency with its n.

Counting rule: a posting counts once per currency. Its pay statements in that currency (a posting may
state one range per location or level, and job boards repeat it in a header) are pooled into one
range: the lowest minimum to the highest maximum, after scaling each statement to a year
(``YEARLY_FACTORS``: 2,080 hours, 260 days, 52 weeks, 12 months) unless ``normalise=False``, which
keeps each period apart. "Up to" and "from" statements give one end only; ``mid`` uses postings with
both ends. Currencies are never converted or mixed.
"""

from __future__ import annotations

from .salary import PERIODS

__all__ = ["salary_summary", "salary_list", "salaries_stored", "check_currency", "SUMMARY_COLUMNS", "LIST_COLUMNS"]

SUMMARY_COLUMNS = ["currency", "basis", "postings", "with_range", "low_median", "high_median", "mid_p25", "mid_median",
                   "mid_p75", "low_min", "high_max", "periods", "total", "thin"]
LIST_COLUMNS = ["posting_id", "title", "company", "date", "currency", "period", "min_amount", "max_amount",
                "yearly_min", "yearly_max", "period_stated", "text"]


def _rows(db, filters) -> tuple[list[dict], int, bool]:
    """(statements of the postings in scope, postings in scope, whether read from the stored table)."""
    from .salary_store import complete, salary_rows
    from .counting import where as _where
    from .store import reading as _connection

    with _connection(db) as con:
        where, params = _where(con, filters)  # the filters of every market query (filters.py)
        total = con.execute(f"SELECT count(*) FROM postings {where}", params).fetchall()[0][0]
        stored = complete(con)
        if stored:
            found = con.execute(f"""
                SELECT s.posting_id, p.title, p.company, p.date, s.currency, s.period, s.min_amount, s.max_amount,
                       s.yearly_min, s.yearly_max, s.period_stated, s.text
                FROM salaries s JOIN (SELECT * FROM postings {where}) p ON p.id = s.posting_id
                ORDER BY p.seq, s.start""", params).fetchall()
        else:  # a database from before the table: read the stored texts (the next ingest stores them)
            found = []
            for pid, title, company, date, text in con.execute(
                    f"SELECT id, title, company, date, text FROM postings {where} ORDER BY seq", params).fetchall():
                for r in salary_rows(pid, text or ""):
                    found.append((pid, title, company, date, *r[1:7], r[10], r[9]))
    rows = [dict(zip(LIST_COLUMNS, r)) for r in found]
    for r in rows:
        r["date"] = r["date"].isoformat() if r["date"] is not None else None
    return rows, int(total), stored


def salary_list(db=None, *, title_contains: str | None = None, since=None, until=None, filters=None,
                currency: str | None = None, **kw) -> list[dict]:
    """Every pay statement parsed from the postings in scope, with its evidence text, in posting order.
    Filter keywords (``location=``, ``seniority=`` …) or ``filters=`` choose the postings."""
    from .filters import make_filters

    scope = make_filters(filters, title_contains=title_contains, since=since, until=until, **kw)
    cur = check_currency(currency)
    rows, _total, _stored = _rows(db, scope)
    return [r for r in rows if cur is None or r["currency"] == cur]


def salary_summary(db=None, *, title_contains: str | None = None, since=None, until=None, filters=None,
                   currency: str | None = None, normalise: bool = True, min_postings: int = 20, **kw) -> list[dict]:
    """Per currency (and per period unless ``normalise``): postings stating pay, median low and high ends,
    quartiles of the midpoint, the extremes, the periods the figures came from (``year 30, hour 2``),
    ``total`` postings in scope and ``thin`` when fewer than ``min_postings`` postings state pay.
    Ordered by postings descending, then currency. Filter keywords (``location=``, ``seniority=`` …)
    or ``filters=`` choose the postings."""
    import numpy as np

    from ..errors import UsageError
    from .filters import make_filters

    scope = make_filters(filters, title_contains=title_contains, since=since, until=until, **kw)
    if min_postings < 1:
        raise UsageError(f"min_postings must be at least 1 (got {min_postings})", params=("min_postings",))
    cur = check_currency(currency)
    rows, total, _stored = _rows(db, scope)
    pooled: dict[tuple[str, str], dict[str, dict]] = {}
    for r in rows:
        if cur is not None and r["currency"] != cur:
            continue
        basis = "year" if normalise else r["period"]
        lo, hi = (r["yearly_min"], r["yearly_max"]) if normalise else (r["min_amount"], r["max_amount"])
        p = pooled.setdefault((r["currency"], basis), {}).setdefault(r["posting_id"], {"lo": [], "hi": [], "periods": set()})
        if lo is not None:
            p["lo"].append(lo)
        if hi is not None:
            p["hi"].append(hi)
        p["periods"].add(r["period"])
    out = []
    for (currency_, basis), posts in pooled.items():
        lows = [min(p["lo"]) for p in posts.values() if p["lo"]]
        highs = [max(p["hi"]) for p in posts.values() if p["hi"]]
        mids = [(min(p["lo"]) + max(p["hi"])) / 2 for p in posts.values() if p["lo"] and p["hi"]]
        counts: dict[str, int] = {}
        for p in posts.values():
            for period in p["periods"]:
                counts[period] = counts.get(period, 0) + 1

        def q(values, f):
            return float(np.quantile(values, f)) if values else None

        out.append(dict(currency=currency_, basis=basis, postings=len(posts), with_range=len(mids),
                        low_median=q(lows, 0.5), high_median=q(highs, 0.5), mid_p25=q(mids, 0.25),
                        mid_median=q(mids, 0.5), mid_p75=q(mids, 0.75), low_min=min(lows) if lows else None,
                        high_max=max(highs) if highs else None,
                        periods=", ".join(f"{k} {counts[k]}" for k in PERIODS[::-1] if k in counts),
                        total=total, thin=len(posts) < min_postings))
    out.sort(key=lambda d: (-d["postings"], d["currency"], PERIODS.index(d["basis"])))
    return out


def check_currency(value: str | None) -> str | None:
    """A currency filter is three letters (USD, EUR …): anything else would silently match nothing."""
    if value is None:
        return None
    from ..errors import UsageError

    if not (len(value) == 3 and value.isalpha()):
        raise UsageError(f"currency must be a three-letter code such as USD, EUR or GBP (got '{value}')",
                         params=("currency",))
    return value.upper()



def salaries_stored(db=None) -> bool:
    """Whether the database holds parsed salaries (else queries parse the stored texts on the fly)."""
    from .salary_store import complete
    from .store import reading as _connection

    with _connection(db) as con:
        return complete(con)
