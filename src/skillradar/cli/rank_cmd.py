"""``skillradar rank``: many résumés against one posting, with an optional fairness audit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from . import app
from .output import check_choice, dumps, emit_rows, report_error, stderr, stdout
from .progress import CountBar
from .rank_view import SCORE_HINT, add_audit_columns, audit_lines, flat_rows


def _load_groups(path: str, resumes: list[str]) -> dict[str, str]:
    from ..fairness.audit import load_groups_csv

    return load_groups_csv(path, resumes=resumes)


def _audit(ranked: list[dict], groups: dict[str, str], **options) -> dict:
    try:
        from ..fairness.audit import audit_ranking
    except ImportError as exc:  # fairlearn is the 'fairness' extra
        from ..errors import MissingExtra

        raise MissingExtra("the ranking audit", "fairness", "fairlearn") from exc
    return audit_ranking(ranked, groups, **options)


def _expand(resumes: list[str]) -> list[str]:
    """Files as given; folders searched recursively for résumé files (paths kept relative to the folder given)."""
    paths: list[str] = []
    for r in resumes:
        p = Path(r)
        if p.is_dir():
            paths += sorted(str(f) for f in p.rglob("*") if f.is_file()
                            and f.suffix.lower() in (".txt", ".md", ".html", ".htm", ".pdf", ".docx"))
        else:
            paths.append(r)
    return paths


@app.command("rank")
def rank_command(
    resumes: list[str] = typer.Argument(..., help="Résumé files (or folders, searched recursively)."),
    posting: str = typer.Option(..., "--posting", help="The job posting to rank for."),
    groups: Optional[str] = typer.Option(None, "--groups", help="CSV resume,group (self-reported) for a fairness "
                                         "audit; a row names a résumé by path (as given or full) or file name."),
    min_group: int = typer.Option(5, "--min-group", help="Audit: groups with fewer résumés get no selection-rate "
                                  "comparison (too few to compare)."),
    select_top: Optional[int] = typer.Option(None, "--select-top", help="Audit: the first N count as selected "
                                             "(default: the top half)."),
    select_share: Optional[float] = typer.Option(None, "--select-share", help="Audit: this share counts as "
                                                 "selected, e.g. 0.2 for the top 20% (default: 0.5)."),
    must: Optional[list[str]] = typer.Option(None, "--must", help="A must-have skill (id, label or alias; "
                                             "repeatable): résumés lacking one are listed last, marked, with the reason."),
    fmt: str = typer.Option("table", "--format", "-f", help="json, csv or table."),
    top: int = typer.Option(5, "--top", help="Matched skills and gaps listed per résumé."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="genai (default) or a taxonomy file."),
) -> None:
    """Rank résumés for one posting, best first, with top matched skills and gaps.

    Table and CSV name skills by label and résumés by file name; the JSON keeps ids and paths as given.
    With --groups the CSV gains `group` and `selected` columns and prints the audit summary on stderr.
    """
    from ..assess import rank
    from ..errors import UsageError

    check_choice(fmt, ("json", "csv", "table"), "--format")
    if groups is None and (select_top is not None or select_share is not None):
        raise UsageError("--select-top and --select-share set the fairness audit's cut-off: give --groups FILE too")
    if min_group < 1:
        raise UsageError(f"--min-group must be at least 1 (got {min_group})")
    paths = _expand(resumes)
    group_map = _load_groups(groups, paths) if groups else None
    failed: list[str] = []
    with CountBar("ranking", "résumés", total=len(paths)) as bar:
        rows = rank(paths, posting=posting, taxonomy=taxonomy, top=top, must=must, on_progress=bar,
                    on_error=lambda src, err: (failed.append(src), report_error(err, src)))
    ranked = [r for r in rows if "rank" in r]
    audit = (_audit(ranked, group_map, min_group=min_group, select_top=select_top, select_share=select_share)
             if group_map is not None else None)
    if fmt == "json":
        sys.stdout.write(dumps({"ranking": rows, "audit": audit}) + "\n")
    else:
        _emit_people(ranked, fmt, posting, audit, group_map)
    if failed:
        raise typer.Exit(1)


def _emit_people(ranked: list[dict], fmt: str, posting: str, audit: dict | None, group_map) -> None:
    """Table or CSV: labels, file names, the audit's columns and summary, and the score hint."""
    flat = flat_rows(ranked)
    columns = ["rank", "resume", "overall", "top_matched", "top_gaps", "practice"]
    if audit is not None:
        add_audit_columns(flat, audit, group_map)
        columns += ["group", "selected"]
    if any("knocked_out" in r for r in ranked):
        for r in flat:
            r["knocked_out"] = r.get("knock_out_reason") or ""
        columns.append("knocked_out")
    emit_rows(flat, fmt, columns=columns + (["path"] if fmt == "csv" else []),
              title=f"Ranking for {posting} (practice: sentences describing model work)")
    if fmt == "table":
        stdout.print(SCORE_HINT, highlight=False)
    if audit is not None:
        out = stdout if fmt == "table" else stderr  # the CSV stays one table of data
        for line in audit_lines(audit):
            out.print(escape(line), highlight=False)
