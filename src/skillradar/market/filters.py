"""Which postings a market query looks at: filters by title, location, company, sector, seniority,
contract type and date, the same for every query, the Python API, the REST API and the web page.

Rules: ``title_contains`` matches any part of the title; ``location``, ``company`` and ``sector`` match
whole words of the stored value (``US`` finds "Remote - US" but not "Austin" or "Cyprus", ``Meta`` not
"Metabase"); all ignore case. ``seniority`` and ``contract_type`` take values from a fixed list
(:data:`.facets.SENIORITY_VALUES`, :data:`.facets.CONTRACT_TYPES`; ``unspecified`` selects postings
that state none). Several values of one filter mean any of them; different filters must all hold.
``since`` and ``until`` are inclusive ISO dates and leave undated postings out.

:func:`why_empty` says why a query found nothing: which filter (alone) keeps no posting, or that the
postings kept simply lack the skills asked about.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from ..choices import check_choice
from ..errors import UsageError
from .facets import CONTRACT_TYPES, SENIORITY_VALUES, UNSPECIFIED

__all__ = ["Filters", "make_filters", "FILTER_NAMES", "scope_sql", "scope_size", "why_empty", "parse_side",
           "FLAGS"]

_TEXT = ("title_contains", "location", "company", "sector")
_CHOICE = {"seniority": SENIORITY_VALUES, "contract_type": CONTRACT_TYPES}
#: every filter keyword the API accepts, in the order messages list them
FILTER_NAMES = ("title_contains", "location", "company", "sector", "seniority", "contract_type", "since", "until")
#: the CLI flag of each filter
FLAGS = {name: "--" + name.replace("_", "-") for name in FILTER_NAMES}
_MAX_VALUES = 50


def _iso(value, option: str) -> str | None:
    if value is None or value == "":
        return None
    try:
        return dt.date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise UsageError(f"{option} must be a date like 2024-06-30 (got '{value}')", params=(option,)) from None


def _values(value, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else list(value)
    out = []
    for v in items:
        if not isinstance(v, str):
            raise UsageError(f"{name} takes text values (got {type(v).__name__})", params=(name,))
        v = v.strip()
        if v and v not in out:
            out.append(v)
    if len(out) > _MAX_VALUES:
        raise UsageError(f"{name} takes at most {_MAX_VALUES} values (got {len(out)})", params=(name,))
    return tuple(out)


@dataclass(frozen=True)
class Filters:
    """The postings a query keeps; an empty Filters keeps every posting."""

    title_contains: tuple[str, ...] = ()
    location: tuple[str, ...] = ()
    company: tuple[str, ...] = ()
    sector: tuple[str, ...] = ()
    seniority: tuple[str, ...] = ()
    contract_type: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None

    def given(self) -> dict:
        """The filters that are set, by name."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}

    def __bool__(self) -> bool:
        return bool(self.given())

    def uses_facets(self) -> bool:
        return bool(self.seniority or self.contract_type or self.sector)

    def describe(self, flags: bool = True) -> str:
        """``--location 'Berlin' and --seniority senior`` (or ``location 'Berlin' …`` for the API)."""
        parts = []
        for name, value in self.given().items():
            label = FLAGS[name] if flags else name
            if name in _CHOICE:
                parts.append(f"{label} {' or '.join(value)}")
            elif name in _TEXT:
                parts.append(f"{label} " + " or ".join(f"'{v}'" for v in value))
            else:
                parts.append(f"{label} {value}")
        return " and ".join(parts)

    def only(self, name: str) -> "Filters":
        """These filters with only ``name`` kept (to say which one keeps no posting)."""
        return Filters(**{name: getattr(self, name)})


def make_filters(filters: Filters | dict | None = None, **kw) -> Filters:
    """Check and normalise filter keywords (``location="Berlin"``, ``seniority=["senior", "lead"]`` …).

    Unknown keywords are a TypeError (a misspelt keyword must not silently widen the query); an
    unknown seniority or contract type is a UsageError listing the valid ones, naming the keyword as
    a parameter (the CLI spells it as its flag).
    """
    if isinstance(filters, Filters) and not kw:
        return filters
    merged = dict(filters.given() if isinstance(filters, Filters) else (filters or {}))
    for k, v in kw.items():
        if v is not None:
            merged[k] = v
    unknown = sorted(set(merged) - set(FILTER_NAMES))
    if unknown:
        raise TypeError(f"unknown filter {', '.join(unknown)}: the filters are {', '.join(FILTER_NAMES)}")
    out = {}
    for name in FILTER_NAMES:
        label = name
        value = merged.get(name)
        if name in ("since", "until"):
            out[name] = _iso(value, label)
            continue
        values = _values(value, label)
        if name in _CHOICE:  # "Senior" is senior; anything else names every valid value
            values = tuple(v.lower() if v.lower() in _CHOICE[name] else check_choice(v, _CHOICE[name], label)
                           for v in values)
        out[name] = values
    if out["since"] and out["until"] and out["since"] > out["until"]:
        raise UsageError(f"since {out['since']} is after until {out['until']}: no date can be in both",
                         params=("since", "until"))
    return Filters(**out)


def _like(value: str) -> str:
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _words(value: str) -> str:
    """An RE2 pattern matching ``value`` as whole words, ignoring case."""
    import re

    return r"(?i)(?:^|[^\pL\pN])" + re.escape(value) + r"(?:$|[^\pL\pN])"


def scope_sql(filters: Filters, *, dated: bool = False, alias: str = "") -> tuple[str, list]:
    """``WHERE …`` over the postings table (columns prefixed with ``alias``) and its parameters."""
    a = f"{alias}." if alias else ""
    clauses, params = [], []
    if filters.title_contains:
        clauses.append("(" + " OR ".join(f"{a}title ILIKE ? ESCAPE '\\'" for _ in filters.title_contains) + ")")
        params.extend(_like(v) for v in filters.title_contains)
    for name in ("location", "company", "sector"):
        values = getattr(filters, name)
        if values:
            clauses.append("(" + " OR ".join(f"regexp_matches({a}{name}, ?)" for _ in values) + ")")
            params.extend(_words(v) for v in values)
    if filters.seniority:
        ors = []
        for v in filters.seniority:
            if v == UNSPECIFIED:  # no seniority word: no title, or only numbered levels
                words = " OR ".join(f"{a}seniority LIKE ?" for _ in SENIORITY_VALUES[:-1])
                ors.append(f"({a}seniority IS NULL OR NOT ({words}))")
                params.extend(f"%,{w},%" for w in SENIORITY_VALUES[:-1])
            else:
                ors.append(f"{a}seniority LIKE ?")
                params.append(f"%,{v},%")
        clauses.append("(" + " OR ".join(ors) + ")")
    if filters.contract_type:
        named = [v for v in filters.contract_type if v != UNSPECIFIED]
        ors = []
        if named:
            ors.append(f"{a}contract_type IN ({', '.join('?' * len(named))})")
            params.extend(named)
        if UNSPECIFIED in filters.contract_type:
            ors.append(f"{a}contract_type IS NULL")
        clauses.append("(" + " OR ".join(ors) + ")")
    if filters.since:
        clauses.append(f"{a}date >= CAST(? AS DATE)")
        params.append(filters.since)
    if filters.until:
        clauses.append(f"{a}date <= CAST(? AS DATE)")
        params.append(filters.until)
    if dated:
        clauses.append(f"{a}date IS NOT NULL")
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


def check_stored(con, filters: Filters) -> None:
    """Refuse facet filters on a database that has no facets stored (see :func:`.facets.require`)."""
    if filters.uses_facets():
        from .facets import require

        require(con, "filtering by " + " and ".join(n.replace("_", " ") for n in ("seniority", "contract_type", "sector")
                                                     if getattr(filters, n)))


def scope_size(db=None, filters: Filters | None = None, **kw) -> tuple[int, int]:
    """(postings the filters keep, postings in the database)."""
    from .store import reading as _connection

    filters = make_filters(filters, **kw)
    where, params = scope_sql(filters)
    with _connection(db) as con:
        check_stored(con, filters)
        kept, total = con.execute(f"SELECT (SELECT count(*) FROM postings {where}), (SELECT count(*) FROM postings)",
                                  params).fetchone()
    return int(kept), int(total)


def why_empty(db, filters: Filters | None = None, *, family: str | None = None, requirement: str = "any",
              skills: list[str] | None = None, flags: bool = False, dated: bool = False, **kw) -> str:
    """Why a query over ``filters`` found no row, in one sentence: no postings at all, a filter that
    keeps none (each one counted alone, so the one to loosen is named), no dated posting (``dated``:
    monthly series), or postings without the skills, family or requirement level asked about."""
    from .store import reading as _connection

    filters = make_filters(filters, **kw)
    with _connection(db) as con:
        check_stored(con, filters)
        where, params = scope_sql(filters)
        kept, total, kept_dated = con.execute(f"SELECT (SELECT count(*) FROM postings {where}), "
                                              f"(SELECT count(*) FROM postings), (SELECT count(date) FROM postings "
                                              f"{where})", params + params).fetchone()
        alone = {}
        if total and not kept and len(filters.given()) > 1:
            for name in filters.given():
                w, p = scope_sql(filters.only(name))
                alone[name] = con.execute(f"SELECT count(*) FROM postings {w}", p).fetchone()[0]
    described = filters.describe(flags)
    if total == 0:
        return "the database holds no postings yet (add some with `skillradar market ingest`)"
    if kept == 0:
        why = f"no postings match {described} ({total} postings in the database)"
        if alone:
            counts = ", ".join(f"{Filters.only(filters, n).describe(flags)} alone matches {c}" for n, c in alone.items())
            why += f": {counts}"
        return why
    these = f"these {kept} postings" + (f" (of {total}, kept by {described})" if filters else "")
    if dated and not kept_dated:
        return f"{these} have no dates, and monthly series and trends need them"
    level = "" if requirement == "any" else f" as {requirement}" + (f" (--requirement {requirement})" if flags else "")
    if skills:
        return f"none of {', '.join(skills)} appears{level} in {these}"
    if family:
        return f"no skill of family '{family}' appears{level} in {these}"
    return f"no skill appears{level} in {these}"


def parse_side(items, option: str) -> dict:
    """``["location=Berlin", "seniority=senior"]`` (``--a``/``--b`` of ``market compare``) as filter
    keywords; a key may repeat (any of its values)."""
    out: dict[str, list[str] | str] = {}
    for item in items or ():
        key, sep, value = str(item).partition("=")
        name = key.strip().lower().replace("-", "_")
        if name == "title":
            name = "title_contains"
        if not sep or not value.strip():
            raise UsageError(f"{option} takes KEY=VALUE (e.g. {option} location=Berlin); got '{item}'")
        if name not in FILTER_NAMES:
            from ..choices import unknown_choice

            raise UsageError(unknown_choice(f"the key of {option}", key.strip(),
                                            [n.replace("_", "-") for n in FILTER_NAMES]))
        if name in ("since", "until"):
            if name in out:
                raise UsageError(f"{option} gives {name} twice")
            out[name] = value.strip()
        else:
            out.setdefault(name, []).append(value.strip())
    return out
