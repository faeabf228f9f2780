"""``skillradar rank``: many résumés against one posting or role, with an optional fairness audit.

One library call (``skillradar.assess.rank``) does the work, the web's ``/api/rank`` makes the same
call; this module parses the options and shows the :class:`~skillradar.assess.Ranking`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape

from . import app
from .output import DB_CODES, check_choice, db_subject, dumps, emit_rows, naming_db, report_error, stderr, stdout, warn
from .progress import CountBar
from .rank_view import SCORE_HINT, add_audit_columns, audit_lines, flat_rows


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
    posting: Optional[str] = typer.Option(None, "--posting", help="The job posting to rank for."),
    role: Optional[str] = typer.Option(None, "--role", help="Or rank for this role (see `skillradar roles`)."),
    db: Optional[str] = typer.Option(None, "--db", help="Market database: measured role profiles and demand "
                                     "(gap order)."),
    role_source: str = typer.Option("auto", "--role-source", help="auto, curated or measured. With --role: which "
                                    "profile (auto: the measured one when --db knows the role)."),
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
    """Rank résumés for one posting or role, best first, with top matched skills and gaps.

    Table and CSV name skills by label and résumés by file name; the JSON keeps ids and paths as given.
    With --groups the CSV gains `group` and `selected` columns and prints the audit summary on stderr.
    """
    from ..assess import rank
    from ..assess.targets import ROLE_SOURCES
    from ..errors import NoDatabase

    check_choice(fmt, ("json", "csv", "table"), "--format")
    check_choice(role_source, ROLE_SOURCES, "--role-source")
    if db is not None and not Path(db).exists():
        raise NoDatabase(db_subject(db))
    paths = _expand(resumes)
    with CountBar("ranking", "résumés", total=len(paths)) as bar, naming_db(db):
        ranking = rank(paths, posting=posting, role=role, db=db, role_source=role_source, taxonomy=taxonomy,
                       top=top, must=must, groups=groups, min_group=min_group, select_top=select_top,
                       select_share=select_share, on_progress=bar,
                       on_error=lambda src, err: report_error(err, src))
    for w in ranking.warnings:
        warn(w["code"], "--db" if w["code"] in DB_CODES else "--taxonomy", w["message"])
    if fmt == "json":
        sys.stdout.write(dumps(ranking.to_dict()) + "\n")
    else:
        _emit_people(ranking, fmt, posting)
    if ranking.failed or any(w["code"] in DB_CODES for w in ranking.warnings):
        raise typer.Exit(1)  # some résumés could not be read, or the database given could not be used


def _emit_people(ranking, fmt: str, posting: str | None) -> None:
    """Table or CSV: labels, file names, the audit's columns and summary, and the score hint."""
    from ..report.target import target_phrase

    ranked, audit = ranking.rows, ranking.audit
    flat = flat_rows(ranked)
    columns = ["rank", "resume", "overall", "top_matched", "top_gaps", "practice"]
    if audit is not None:
        add_audit_columns(flat, audit, ranking.groups or {})
        columns += ["group", "selected"]
    if any("knocked_out" in r for r in ranked):
        for r in flat:
            r["knocked_out"] = r.get("knock_out_reason") or ""
        columns.append("knocked_out")
    name = posting if posting is not None else target_phrase(ranking.target.to_dict())
    emit_rows(flat, fmt, columns=columns + (["path"] if fmt == "csv" else []),
              title=f"Ranking for {name} (practice: sentences describing model work)")
    if fmt == "table":
        stdout.print(SCORE_HINT, highlight=False)
    if audit is not None:
        out = stdout if fmt == "table" else stderr  # the CSV stays one table of data
        for line in audit_lines(audit):
            out.print(escape(line), highlight=False)
