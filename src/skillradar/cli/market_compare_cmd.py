"""``skillradar market compare``: two corpora (two databases, or two filters on one) skill by skill,
with the tests of ``market trends``. A thin wrapper over :func:`skillradar.market.compare`."""

from __future__ import annotations

from typing import Optional

import typer

from . import market_filters as mf
from .market_cmd import DB_HELP, _FMT_HELP, _db, _filters, _fmt, _plot, _say_if_nothing_significant, _titled, market_app
from .market_filters import OptionalList
from .output import emit_rows, naming_db, stderr, warn

SIDE_HELP = ("A filter for side {s} only, as KEY=VALUE (repeatable): keys title-contains, location, company, "
             "sector, seniority, contract-type, since, until; e.g. --{s} location=Berlin --{s} seniority=senior.")


@market_app.command("compare")
def compare_command(
    a: OptionalList = typer.Option(None, "--a", help=SIDE_HELP.format(s="a") + " Side a is the reference."),
    b: OptionalList = typer.Option(None, "--b", help=SIDE_HELP.format(s="b")),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP + " Side a's postings (and b's, without --db-b)."),
    db_b: Optional[str] = typer.Option(None, "--db-b", help="Side b's database, to compare two databases."),
    family: Optional[str] = typer.Option(None, "--family", help="Only skills of this family."),
    title_contains: OptionalList = mf.TITLE,
    location: OptionalList = mf.LOCATION,
    company: OptionalList = mf.COMPANY,
    sector: OptionalList = mf.SECTOR,
    seniority: OptionalList = mf.SENIORITY,
    contract_type: OptionalList = mf.CONTRACT,
    since: Optional[str] = mf.SINCE,
    until: Optional[str] = mf.UNTIL,
    requirement: str = typer.Option("any", "--requirement", help="any, required or preferred."),
    no_rollup: bool = typer.Option(False, "--no-rollup", help="Do not count narrower skills toward broader ones."),
    count_boilerplate: bool = mf.COUNT_BOILERPLATE,
    min_postings: int = typer.Option(20, "--min-postings", help="Warn when a side has fewer postings than this."),
    plot: Optional[str] = typer.Option(None, "--plot", help="Also draw the largest differences (FILE.png or FILE.svg)."),
    fmt: str = typer.Option("table", "--format", "-f", help=_FMT_HELP),
) -> None:
    """Compare skill shares between two corpora: side a vs. side b, each share with its 95% Wilson
    interval, the difference (b - a) with Newcombe's interval, a two-sided test per skill (z-test, Fisher
    exact for small counts) and BH q-values, like `market trends`. The filter options apply to both
    sides; --a/--b KEY=VALUE to one. Says in words when nothing differs at q < 0.05."""
    from ..market.comparison import COMPARE_COLUMNS, COMPARE_TABLE_COLUMNS, compare
    from ..market.filters import make_filters, parse_side

    _fmt(fmt)
    _filters(family, requirement)
    common = mf.filters_from(title_contains, location, company, sector, seniority, contract_type, since, until)
    side_a = make_filters(parse_side(a, "--a"))
    side_b = make_filters(parse_side(b, "--b"))
    if db_b is None and side_a == side_b:
        from ..errors import UsageError

        raise UsageError("the two sides are the same postings: give side b another database (--db-b) or the sides "
                         "different filters (--a KEY=VALUE, --b KEY=VALUE)")
    if min_postings < 1:
        from ..errors import UsageError

        raise UsageError(f"--min-postings must be at least 1 (got {min_postings})")
    if db_b is not None:
        from ..market.store import connect

        with naming_db(db_b, "--db-b"):
            connect(db_b, read_only=True).close()  # a missing or damaged side b is named by its own option
    with naming_db(db):
        rows = compare(_db(db), a=side_a, b=side_b, db_b=db_b, filters=common, family=family, requirement=requirement,
                       rollup=not no_rollup, count_boilerplate=count_boilerplate)
        captions = _captions(db, db_b, rows.meta, fmt, plot)
    meta = rows.meta
    names = {s: _side_name(meta[s]["filters"], db if s == "a" else (db_b or db), db_b is not None) for s in "ab"}
    title = (f"a = {names['a']} (n = {meta['a']['postings']}) vs. b = {names['b']} (n = {meta['b']['postings']}); "
             "diff = b - a")
    emit_rows(rows, fmt, columns=COMPARE_TABLE_COLUMNS if fmt == "table" else COMPARE_COLUMNS,
              title=_titled(title, " | ".join(c for c in captions if c)))
    for s in "ab":
        if not meta[s]["postings"]:
            from ..market.filters import why_empty

            with naming_db(db if s == "a" or db_b is None else db_b):
                why = why_empty(_db(db) if s == "a" or db_b is None else db_b, make_filters(meta[s]["filters"]),
                                flags=False)
            stderr.print(f"side {s} ({names[s]}) has no postings to compare: {why}", highlight=False, markup=False)
    if meta.get("overlap"):
        warn("overlap", "market compare",
             f"{meta['overlap']} postings are on both sides (kept by both filters); the test assumes two "
             "independent samples, so make the sides exclusive (e.g. --a seniority=senior --b seniority=junior).")
    if meta.get("taxonomies_differ"):
        warn("taxonomies_differ", "market compare",
             "the two databases were extracted with different taxonomies: a skill one of them lacks shows as "
             "absent there (run `skillradar market reextract` on both with one taxonomy).")
    small = [s for s in "ab" if 0 < meta[s]["postings"] < min_postings]
    if small:
        warn("thin_side", "market compare",
             " and ".join(f"side {s} has {meta[s]['postings']} postings" for s in small)
             + f", fewer than {min_postings} (--min-postings): shares are unreliable and the tests have little power.")
    _say_if_nothing_significant(rows, "skill's share differs between a and b")
    _plot("compare", rows, plot, names=names, caption=" | ".join(c for c in captions if c))


def _side_name(filters: dict, db: Optional[str], two_dbs: bool) -> str:
    from ..market.filters import Filters

    parts = []
    if two_dbs:
        from pathlib import PurePath

        parts.append(PurePath(_db(db)).name)
    described = ", ".join(f"{k.replace('_', '-')}={v if isinstance(v, str) else '|'.join(v)}"
                          for k, v in Filters(**filters).given().items()) if filters else ""
    parts.append(described or ("all postings" if not two_dbs else ""))
    return " ".join(p for p in parts if p)


def _captions(db, db_b, meta, fmt, plot) -> list[str]:
    """Each side's corpus line (only for a table or a chart), saying when a side is synthetic."""
    from ..market.filters import make_filters
    from .market_filters import corpus_line, say_synthetic

    out = []
    for s in "ab":
        where = _db(db) if s == "a" or db_b is None else db_b
        line, info = corpus_line(where, make_filters(meta[s]["filters"]))
        say_synthetic(info)
        out.append(f"{s}: {line}")
    return out if fmt == "table" or plot else []
