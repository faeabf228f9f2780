"""``skillradar market emerging`` and ``skillradar taxonomy accept``: find terms the taxonomy lacks whose
share of postings rises, and accept one into the user's taxonomy extension file with one command.
Thin wrappers over ``skillradar.market.emerging`` and ``skillradar.taxonomy.extension``."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from . import market_filters as mf
from .market_cmd import DB_HELP, market_app
from .market_filters import OptionalList
from .output import FORMATS_ROWS, check_choice, dumps, emit_rows, naming_db, stderr, stdout
from .taxonomy_cmd import taxonomy_app

_TABLE_COLUMNS = ["term", "postings_before", "total_before", "postings_after", "total_after", "share_before",
                  "share_after", "p_value", "q_value", "example"]


@market_app.command("emerging")
def emerging_command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    split: Optional[str] = typer.Option(None, "--split", help="Compare before vs. on/after this date (YYYY-MM-DD; "
                                        "default: the median date of the dated postings)."),
    min_postings: int = typer.Option(5, "--min-postings", help="Test only terms seen in at least N dated postings."),
    q: float = typer.Option(0.05, "--q", help="Show terms whose BH q-value is below this (default 0.05)."),
    show_all: bool = typer.Option(False, "--all", help="Show every rising term tested, significant or not."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="Also leave out the names of this "
                                           "taxonomy (e.g. your extension file after `taxonomy accept`)."),
    title_contains: OptionalList = mf.TITLE,
    location: OptionalList = mf.LOCATION,
    company: OptionalList = mf.COMPANY,
    sector: OptionalList = mf.SECTOR,
    seniority: OptionalList = mf.SENIORITY,
    contract_type: OptionalList = mf.CONTRACT,
    since: Optional[str] = mf.SINCE,
    until: Optional[str] = mf.UNTIL,
    examples: int = typer.Option(3, "--examples", help="Example contexts per term (snippet and posting id)."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most N rows."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
) -> None:
    """Terms not in the taxonomy whose share of postings rose: same test as trends, BH q-values, n per period.

    Candidates come from the text that asks for skills only (not benefits, EEO or about-us text);
    stderr names the split and the number of terms tested, and says so when nothing is significant."""
    from ..errors import UsageError
    from ..market.emerging import EMERGING_COLUMNS, emerging_terms

    check_choice(fmt, FORMATS_ROWS)
    filters = mf.filters_from(title_contains, location, company, sector, seniority, contract_type, since, until)
    if not 0 < q <= 1:
        raise UsageError(f"--q must be in (0, 1] (got {q})")
    if limit is not None and limit < 1:
        raise UsageError("--limit must be at least 1")
    if taxonomy is not None:
        from ..taxonomy import load_taxonomy

        taxonomy = load_taxonomy(taxonomy)
    with naming_db(db):
        result = emerging_terms(db or "skillradar.duckdb", split=split, min_postings=min_postings, taxonomy=taxonomy,
                                filters=filters, examples=examples)
    rows = result["rows"]
    significant = [r for r in rows if r["q_value"] < q]
    shown = rows if show_all else significant
    if limit:
        shown = shown[:limit]
    if fmt == "table":
        for r in shown:
            ex = r["examples"][0] if r["examples"] else None
            r["example"] = f"{ex['posting_id']}: {ex['text']}" if ex else ""
        emit_rows(shown, fmt, columns=_TABLE_COLUMNS,
                  title=f"emerging terms: share before vs. on/after {result['split']} "
                        f"(n = {result['total_before']} / {result['total_after']} postings)")
    else:
        emit_rows(shown, fmt, columns=EMERGING_COLUMNS)
    _say(result, significant, q, show_all)


def _say(result: dict, significant: list, q: float, show_all: bool) -> None:
    """The rule applied and the n behind it, and in words when nothing passed the correction."""
    rising = len(result["rows"])
    stderr.print(f"{result['tested']} terms seen in at least {result['min_postings']} dated postings were tested "
                 f"(of {result['candidates']} candidate terms outside the taxonomy); split {result['split']}: "
                 f"{result['total_before']} postings before, {result['total_after']} on or after"
                 + (f"; {result['undated']} undated postings left out" if result["undated"] else "") + ".",
                 highlight=False, markup=False)
    if not significant:
        more = (f" {rising} rose without reaching it" + ("." if show_all else " (--all shows them).")) if rising else ""
        stderr.print(f"nothing significant: no term outside the taxonomy rose at q < {q:g} (Benjamini–Hochberg over "
                     f"{result['tested']} tests).{more}", highlight=False, markup=False)


@taxonomy_app.command("accept")
def accept_command(
    term: str = typer.Argument(..., help="The term to add as a skill, as it should be labelled (e.g. Quillstream)."),
    family: str = typer.Option(..., "--family", help="technical, data, thinking, soft or domain."),
    into: str = typer.Option(..., "--into", help="Your taxonomy extension file (.yaml; created when missing). "
                             "Never a file of the bundled taxonomy."),
    group: Optional[str] = typer.Option(None, "--group", help="A group of the family (default: the --broader "
                                        "skill's group when it is in the same family)."),
    broader: Optional[list[str]] = typer.Option(None, "--broader", help="Id of a skill it is a kind of (repeatable): "
                                                "its postings then also count toward that skill."),
    alias: Optional[list[str]] = typer.Option(None, "--alias", help="Another way postings write it (repeatable)."),
    skill_id: Optional[str] = typer.Option(None, "--id", help="The new skill's id (default ext.<term>)."),
    skill_type: str = typer.Option("concept", "--type", help="tool, language, concept, practice, soft, knowledge "
                                   "or application."),
    description: str = typer.Option("", "--description", help="One sentence saying what it is."),
    base: str = typer.Option("genai", "--base", help="The taxonomy a new extension file extends (genai or a file)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Accept a discovered term into your taxonomy extension file (extends the bundled taxonomy).

    Refuses a term the taxonomy already matches, an id in use, unknown --broader skills, and the
    bundled taxonomy's own files; the file is validated after the change. Use it with --taxonomy FILE."""
    from ..taxonomy.extension import accept_term

    check_choice(fmt, ("table", "json"))
    done = accept_term(term, family=family, into=into, group=group, broader=broader or (), aliases=alias or (),
                       skill_id=skill_id, skill_type=skill_type, description=description, base=base)
    if fmt == "json":
        sys.stdout.write(dumps(dict(done)) + "\n")
        return
    s = done["skill"]
    stdout.print(f"accepted '{s['label']}' as {s['id']} ({s['family']}/{s['group']}"
                 + (f", broader {', '.join(s['broader'])}" if s.get("broader") else "") + f") into {done['file']}"
                 + (" (created)" if done["created"] else ""), highlight=False, markup=False)
    stdout.print(f"taxonomy {done['taxonomy']['name']} {done['taxonomy']['version']}: use it with --taxonomy "
                 f"{done['file']}; `skillradar market reextract --taxonomy {done['file']}` recounts stored postings.",
                 highlight=False, markup=False)
