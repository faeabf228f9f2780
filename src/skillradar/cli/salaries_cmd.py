"""``skillradar market salaries``: pay stated in postings, summarised per currency with its n, or listed
with the evidence. A thin wrapper over ``skillradar.market.salaries``."""

from __future__ import annotations

from typing import Optional

import typer

from . import market_filters as mf
from .market_cmd import DB_HELP, market_app
from .market_filters import OptionalList
from .output import FORMATS_ROWS, check_choice, emit_rows, naming_db, stderr, warn


@market_app.command("salaries")
def salaries_command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    list_rows: bool = typer.Option(False, "--list", help="List every pay statement with its evidence instead."),
    currency: Optional[str] = typer.Option(None, "--currency", help="Only this currency (a code: USD, EUR, GBP …)."),
    no_normalise: bool = typer.Option(False, "--no-normalise", help="Keep each period apart instead of scaling "
                                      "hourly, daily, weekly and monthly pay to a year."),
    min_postings: int = typer.Option(20, "--min-postings", help="A currency with fewer postings stating pay is thin."),
    title_contains: OptionalList = mf.TITLE,
    location: OptionalList = mf.LOCATION,
    company: OptionalList = mf.COMPANY,
    sector: OptionalList = mf.SECTOR,
    seniority: OptionalList = mf.SENIORITY,
    contract_type: OptionalList = mf.CONTRACT,
    since: Optional[str] = mf.SINCE,
    until: Optional[str] = mf.UNTIL,
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
) -> None:
    """Salary ranges stated in postings: per currency (never mixed), postings with pay, medians and quartiles.

    A posting counts once per currency, its statements pooled (lowest minimum to highest maximum);
    hourly, daily, weekly and monthly pay is scaled to a year (2,080 h, 260 days, 52 weeks, 12 months)
    unless --no-normalise. --list shows each statement with its text."""
    from ..market.salaries import (LIST_COLUMNS, SUMMARY_COLUMNS, check_currency, salaries_stored, salary_list,
                                   salary_summary)

    check_choice(fmt, FORMATS_ROWS)
    check_currency(currency)
    filters = mf.filters_from(title_contains, location, company, sector, seniority, contract_type, since, until)
    with naming_db(db):
        path = db or "skillradar.duckdb"
        if list_rows:
            rows = salary_list(path, filters=filters, currency=currency)
            emit_rows(rows, fmt, columns=LIST_COLUMNS, title=f"{len(rows)} pay statements")
        else:
            rows = salary_summary(path, filters=filters, currency=currency,
                                  normalise=not no_normalise, min_postings=min_postings)
            emit_rows(rows, fmt, columns=SUMMARY_COLUMNS,
                      title="pay per currency" + (" (per year)" if not no_normalise else " (per period)"))
        stored = salaries_stored(path)
    if not stored:
        warn("salaries_not_stored", "market salaries", "this database was written before salaries were stored: "
             "they were read from the stored texts now; `skillradar market reextract` stores them")
    if not rows:
        stderr.print("no posting in scope states pay with a currency" + (f" in {currency.upper()}" if currency else ""),
                     highlight=False, markup=False)
    elif not list_rows:
        thin = sorted({r["currency"] for r in rows if r["thin"]})
        stderr.print(f"postings = postings stating pay in that currency, of {rows[0]['total']} postings in scope"
                     + (f"; thin (fewer than {min_postings}, --min-postings): {', '.join(thin)}" if thin else "")
                     + ".", highlight=False, markup=False)
