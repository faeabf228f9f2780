"""``skillradar rank``: many résumés against one posting, with an optional fairness audit."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from . import app
from .output import check_choice, dumps, emit_rows, report_error, stdout
from .rank_view import SCORE_HINT, flat_rows


def _load_groups(path: str, resumes: list[str]) -> dict[str, str]:
    from ..fairness.audit import load_groups_csv

    return load_groups_csv(path, resumes=resumes)


def _audit(ranked: list[dict], groups: dict[str, str]) -> dict:
    try:
        from ..fairness.audit import audit_ranking
    except ImportError as exc:  # fairlearn is the 'fairness' extra
        from ..errors import MissingExtra

        raise MissingExtra("the ranking audit", "fairness", "fairlearn") from exc
    return audit_ranking(ranked, groups)


@app.command("rank")
def rank_command(
    resumes: list[str] = typer.Argument(..., help="Résumé files (or folders, searched recursively)."),
    posting: str = typer.Option(..., "--posting", help="The job posting to rank for."),
    groups: Optional[str] = typer.Option(None, "--groups", help="CSV resume,group (self-reported) for a fairness audit."),
    fmt: str = typer.Option("table", "--format", "-f", help="json, csv or table."),
    top: int = typer.Option(5, "--top", help="Matched skills and gaps listed per résumé."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="genai (default) or a taxonomy file."),
) -> None:
    """Rank résumés for one posting, best first, with top matched skills and gaps."""
    from ..assess import rank

    check_choice(fmt, ("json", "csv", "table"), "--format")
    paths: list[str] = []
    for r in resumes:
        p = Path(r)
        if p.is_dir():
            paths += sorted(str(f) for f in p.rglob("*") if f.is_file()
                            and f.suffix.lower() in (".txt", ".md", ".html", ".htm", ".pdf", ".docx"))
        else:
            paths.append(r)
    group_map = _load_groups(groups, paths) if groups else None
    failed: list[str] = []
    rows = rank(paths, posting=posting, taxonomy=taxonomy, top=top,
                on_error=lambda src, err: (failed.append(src), report_error(err, src)))
    ranked = [r for r in rows if "rank" in r]
    audit = _audit(ranked, group_map) if group_map is not None else None
    if fmt == "json":
        sys.stdout.write(dumps({"ranking": rows, "audit": audit}) + "\n")
    else:
        columns = ["rank", "resume", "overall", "top_matched", "top_gaps", "practice"]
        emit_rows(flat_rows(ranked), "csv" if fmt == "csv" else "table",
                  columns=columns + (["path"] if fmt == "csv" else []),
                  title=f"Ranking for {posting} (practice: sentences describing model work)")
        if fmt == "table":
            stdout.print(SCORE_HINT, highlight=False)
        if audit is not None and fmt == "table":
            stdout.print(f"Fairness audit ({audit.get('selected_definition', audit.get('selected'))}): impact ratio "
                         f"{'n/a' if audit['impact_ratio'] is None else format(audit['impact_ratio'], '.2f')}")
            for g, v in audit["groups"].items():
                stdout.print(f"  {g}: selection rate {v['selection_rate']:.2f} ({v['selected']}/{v['count']})")
    if failed:
        raise typer.Exit(1)
