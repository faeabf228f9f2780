"""``skillradar text`` and ``skillradar extract``."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from ..errors import UsageError
from . import app
from .output import check_choice, dumps, emit_rows, run_batch, stdout, warn, write_jsonl

MENTION_COLUMNS = ["source", "kind", "skill_id", "label", "family", "group", "start", "end", "text", "line",
                   "page", "confidence", "method", "requirement", "years", "section"]


def extract_document(doc, **kw):
    """The extractor, loaded on first call so other commands (market queries) never load it."""
    from ..extract import extract_document as run

    return run(doc, **kw)


def _read(source: str, kind: str, max_bytes: int | None = None):
    """One input as a Document; ``-`` is standard input read as text."""
    from ..readers import DEFAULT_MAX_BYTES, read_path

    return read_path(source, kind="unknown" if kind == "auto" else kind, max_bytes=max_bytes or DEFAULT_MAX_BYTES)


@app.command("text")
def text_command(path: str = typer.Argument(..., help="File to read (txt, md, html, pdf, docx) or - for stdin.")) -> None:
    """Print exactly the text that offsets refer to."""
    doc = _read(path, "auto")
    sys.stdout.write(doc.text)
    if not doc.text.endswith("\n"):
        sys.stdout.flush()


@app.command("extract")
def extract_command(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursively) or - for stdin."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
    kind: str = typer.Option("auto", "--kind", help="auto, posting or resume."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="genai (default) or a taxonomy file."),
    semantic: bool = typer.Option(False, "--semantic/--no-semantic", help="Also link paraphrases offline (extra 'semantic'). Off by default: on real "
                                  "postings 28% of its mentions were right (bench/real_postings.py --semantic)."),
    phrases: bool = typer.Option(False, "--phrases/--no-phrases", help="Also find phrased skills ('automate processes') "
                                 "with the learned span model (extra 'semantic'; bench/RESULTS.md has its figures)."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Largest input file accepted, in bytes (default 20 MB)."),
    fuzzy: Optional[bool] = typer.Option(None, "--fuzzy/--no-fuzzy", help="Accept one-letter slips in tool names "
                                         "('Kubernets'); default: for résumés only."),
) -> None:
    """Find skills in postings and résumés, with evidence spans, requirement level and years."""
    from ..readers import iter_inputs

    check_choice(fmt, ("table", "json", "jsonl", "csv"), "--format")
    from ..extract import KINDS  # not at import: `market` queries never load the extractor
    from ..taxonomy import load_taxonomy

    check_choice(kind, KINDS, "--kind")
    tax = load_taxonomy(taxonomy)
    inputs = list(iter_inputs(paths))
    if not inputs:
        raise UsageError("no supported input files found in " + ", ".join(paths))
    def work(name: str) -> dict:
        ex = extract_document(_read(name, kind, max_bytes), taxonomy=tax, kind=None if kind == "auto" else kind,
                              semantic=semantic, phrases=phrases, fuzzy=fuzzy)
        for notice in ex.notices:
            warn(notice.code, name, notice.message)
        return ex.to_dict()

    results, failed = run_batch([str(p) for p in inputs], "extracting", work,
                                write_jsonl if fmt == "jsonl" else None)
    if fmt == "json":
        sys.stdout.write(dumps(results) + "\n")
    elif fmt == "csv":
        rows = [{"source": r["source"], "kind": r["kind"], **m} for r in results if "mentions" in r for m in r["mentions"]]
        emit_rows(rows, "csv", columns=MENTION_COLUMNS)
    elif fmt == "table":
        _print_tables(results)
    if failed:
        raise typer.Exit(1)


def _print_tables(results: list[dict]) -> None:
    from rich.markup import escape
    from rich.table import Table

    for r in results:
        if "error" in r:
            continue
        table = Table(title=f"{r['source']} · {r['kind']} · {len(r['mentions'])} mentions", title_justify="left",
                      header_style="bold cyan")
        for col in ("skill", "family", "evidence", "line", "requirement", "years", "section", "method"):
            table.add_column(col)
        seen = set()
        for m in r["mentions"]:
            key = (m["skill_id"], m["requirement"])
            if key in seen:
                continue
            seen.add(key)
            req = m["requirement"] or ""
            style = {"required": "bold", "preferred": "green", "negated": "red strike"}.get(req, "")
            table.add_row(escape(m["label"]), m["family"], escape(m["text"]), str(m["line"]), f"[{style}]{req}[/]" if style else req,
                          "" if m["years"] is None else f"{m['years']:g}", m["section"] or "", m["method"])
        stdout.print(table)
        distinct = len({m["skill_id"] for m in r["mentions"]})
        stdout.print(f"  {distinct} distinct skills\n", style="dim")
