"""``skillradar check-posting``: the posting language check (gender-coded, exclusionary, needless)."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from . import app
from .output import FORMATS_ROWS, check_choice, dumps, emit_rows, run_batch, stderr, stdout

COLUMNS = ["source", "category", "term", "start", "end", "suggestion", "source_of_rule"]


@app.command("check-posting")
def check_posting_command(
    paths: list[str] = typer.Argument(..., help="Posting files, folders or - for stdin."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
    report: Optional[str] = typer.Option(None, "--report", help="Also write the employer's report here: one HTML "
                                         "page with each posting's findings and its text, highlighted."),
) -> None:
    """Flag gender-coded and exclusionary wording and needless requirements in job postings (for
    whoever writes them; the job seeker's report from `assess` leaves this out)."""
    from ..fairness.language import check_posting, summarize
    from ..readers import iter_inputs, read_path

    check_choice(fmt, FORMATS_ROWS)
    texts: dict[str, str] = {}

    def work(name: str) -> dict:
        text = read_path(name, kind="posting").text
        if report:
            texts[name] = text
        findings = check_posting(text)
        return {"source": name, "findings": findings, "summary": summarize(findings)}

    results, failed = run_batch([str(p) for p in iter_inputs(paths)], "checking", work)
    if report:
        from pathlib import Path

        from ..report.posting_check import render_posting_check_html

        ok = [{**r, "text": texts[r["source"]]} for r in results if "findings" in r]
        Path(report).write_text(render_posting_check_html(ok), encoding="utf-8")
        stderr.print(f"report written to {report}", highlight=False)
    # a finding's own "source" is its rule's basis: the input's name must win the "source" column
    rows = [{**f, "source": r["source"], "source_of_rule": f["source"]} for r in results for f in r.get("findings", [])]
    if fmt == "json":
        sys.stdout.write(dumps(results) + "\n")
    elif fmt == "jsonl":
        for r in results:
            sys.stdout.write(dumps(r) + "\n")
    elif fmt == "csv":
        emit_rows(rows, "csv", columns=COLUMNS)
    else:
        for r in results:
            if "findings" not in r:
                continue
            s = r["summary"]
            if not r["findings"]:
                stdout.print(f"{r['source']}: no findings · gender coding leans {s['gender_lean']}", highlight=False)
                continue
            emit_rows([{k: f[k] for k in ("category", "term", "suggestion")} for f in r["findings"]], "table",
                      columns=["category", "term", "suggestion"],
                      title=f"{r['source']}: {len(r['findings'])} findings · gender coding leans {s['gender_lean']}")
    if failed:
        raise typer.Exit(1)
