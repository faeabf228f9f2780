"""``skillradar redact`` and ``skillradar data list | erase``."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from ..errors import UsageError
from . import app
from .output import (FORMATS_ROWS, check_choice, db_subject, dumps, emit_rows, naming_db, report_error, run_batch,
                     write_jsonl)

data_app = typer.Typer(help="The stored résumés and reports (redacted): list them, erase them.",
                       no_args_is_help=True, rich_markup_mode=None)
app.add_typer(data_app, name="data")

DATA_COLUMNS = ["id", "kind", "date", "size", "source", "parent"]


@app.command("redact")
def redact_command(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursively) or - for stdin."),
    fmt: str = typer.Option("text", "--format", "-f", help="text, json or jsonl."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="Taxonomy whose skill mentions stay intact."),
) -> None:
    """Print the text with personal data replaced by typed placeholders ([EMAIL], [PHONE], [NAME] …)."""
    from ..privacy import redact
    from ..readers import iter_inputs, read_path
    from ..taxonomy import load_taxonomy

    check_choice(fmt, ("text", "json", "jsonl"))
    tax = load_taxonomy(taxonomy)
    inputs = [str(p) for p in iter_inputs(paths)]
    if not inputs:
        raise UsageError("no supported input files found in " + ", ".join(paths))
    def work(name: str) -> dict:
        return {"source": name, **redact(read_path(name).text, taxonomy=tax).to_dict()}

    def show(obj: dict) -> None:
        if fmt == "jsonl":
            write_jsonl(obj)
        elif fmt == "text" and "text" in obj:
            if len(inputs) > 1:
                sys.stdout.write(f"==> {obj['source']} <==\n")
            sys.stdout.write(obj["text"])
            if len(inputs) > 1 and not obj["text"].endswith("\n"):
                sys.stdout.write("\n")

    results, failed = run_batch(inputs, "redacting", work, show)
    if fmt == "json":
        sys.stdout.write(dumps(results) + "\n")
    if failed:
        raise typer.Exit(1)


@data_app.command("list")
def data_list(
    db: Optional[str] = typer.Option(None, "--db", help="Database file (default ./skillradar.duckdb)."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
) -> None:
    """List the stored résumés and reports (id, kind, date, size), oldest first."""
    from ..privacy.store import list_items

    check_choice(fmt, FORMATS_ROWS)
    with naming_db(db):
        rows = list_items(db)
    emit_rows(rows, fmt, columns=DATA_COLUMNS, title=f"{len(rows)} stored items")


@data_app.command("erase")
def data_erase(
    ids: list[str] = typer.Argument(..., help="Ids from `skillradar data list`."),
    db: Optional[str] = typer.Option(None, "--db", help="Database file (default ./skillradar.duckdb)."),
    fmt: str = typer.Option("text", "--format", "-f", help="text or json."),
) -> None:
    """Erase stored items and everything derived from them (reports, stored mentions …)."""
    from pathlib import Path

    from ..privacy.store import DEFAULT_DB, UnknownItem, EraseResult, erase

    check_choice(fmt, ("text", "json"))
    path = db or DEFAULT_DB
    if not Path(path).exists():
        result = EraseResult(errors=[UnknownItem(f"no stored item with id '{i}' (nothing is stored in "
                                                 f"{db_subject(db)})", source=i) for i in dict.fromkeys(ids)])
    else:
        with naming_db(db):
            result = erase(path, ids)
    for err in result.errors:
        report_error(err)
    if fmt == "json":
        sys.stdout.write(dumps(result.to_dict()) + "\n")
    else:
        for item_id in result.erased:
            sys.stdout.write(f"erased {item_id}\n")
        if result.derived:
            sys.stdout.write(f"erased {len(result.derived)} derived item(s): {', '.join(result.derived)}\n")
    if result.errors:
        raise typer.Exit(1)
