"""The options every market query shares: which postings (filters), whether boilerplate counts, and the
one-line description of the corpus (n, source, dates, synthetic) that tables and charts carry.

Declared once here and used as defaults by each command, so ``top``, ``trends``, ``cooccur`` and
``compare`` cannot drift apart.
"""

from __future__ import annotations

from typing import Optional

import typer

from ..market.facets import CONTRACT_TYPES, SENIORITY_VALUES

__all__ = ["TITLE", "LOCATION", "COMPANY", "SECTOR", "SENIORITY", "CONTRACT", "SINCE", "UNTIL", "COUNT_BOILERPLATE",
           "filters_from", "corpus_line", "say_synthetic"]

TITLE = typer.Option(None, "--title-contains", help="Only postings whose title contains this, ignoring case "
                     "(repeat for any of several).")
LOCATION = typer.Option(None, "--location", help="Only postings whose location has these whole words, ignoring "
                        "case (US finds 'Remote - US', not 'Austin'); repeatable: any of them, e.g. --location Berlin "
                        "--location remote.")
COMPANY = typer.Option(None, "--company", help="Only postings whose company name has these whole words (repeatable).")
SECTOR = typer.Option(None, "--sector", help="Only postings whose sector or industry (a column of the input) has "
                      "these whole words (repeatable).")
SENIORITY = typer.Option(None, "--seniority", help=", ".join(SENIORITY_VALUES[:-1]) + " or unspecified. The "
                         "seniority word in the title (repeatable: any of them); unspecified = none.")
CONTRACT = typer.Option(None, "--contract-type", help=", ".join(CONTRACT_TYPES[:-1]) + " or unspecified. From a "
                        "contract/employment-type column, an 'Employment type:' line or the title (repeatable).")
SINCE = typer.Option(None, "--since", help="Only postings dated on or after (YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Only postings dated on or before (YYYY-MM-DD).")
COUNT_BOILERPLATE = typer.Option(False, "--count-boilerplate", help="Also count skills named only in about-us, "
                                 "benefits, EEO or how-to-apply text (by default they are not demand).")


def filters_from(title_contains=None, location=None, company=None, sector=None, seniority=None, contract_type=None,
                 since=None, until=None):
    """The Filters of a command's options, checked before any database opens (errors name the
    parameters; ``report_error`` spells them as flags)."""
    from ..market.filters import make_filters

    return make_filters(title_contains=title_contains, location=location, company=company, sector=sector,
                        seniority=seniority, contract_type=contract_type, since=since, until=until)


def corpus_line(db: str, filters, *, dated: bool = False) -> tuple[str, dict]:
    """(caption, description) of the postings in scope: ``n = 93 postings · source: … · dates``."""
    from ..market.corpus import caption, describe

    info = describe(db, filters, dated=dated)
    return caption(info, what="dated postings" if dated else "postings"), info


def say_synthetic(info: dict) -> None:
    """A stderr line whenever synthetic postings are in scope, whatever the output format."""
    from .output import stderr

    syn = info.get("synthetic", 0)
    if syn:
        whole = "all" if syn == info["postings"] else f"{syn:,} of"
        stderr.print(f"note: {whole} {info['postings']:,} postings in scope are SYNTHETIC (made by "
                     "`market demo-corpus`): the shares describe demo data, not the job market.",
                     highlight=False, markup=False)


OptionalList = Optional[list[str]]
