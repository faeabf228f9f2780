"""``skillradar roles`` and ``skillradar assess`` (``rank`` is in ``rank_cmd``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from ..errors import NoDatabase, UsageError
from . import app
from .output import DB_CODES as _DB_CODES
from .output import check_choice, db_subject, dumps, emit_rows, naming_db, stdout, warn


@app.command("roles")
def roles_command(
    db: Optional[str] = typer.Option(None, "--db", help="Market database: also list roles measured from its postings."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """List the roles `assess --role` accepts (curated profiles; measured ones with --db)."""
    from ..assess import roles_and_warnings

    check_choice(fmt, ("table", "json"), "--format")
    with naming_db(db):
        rows, warnings = roles_and_warnings(db)
    for w in warnings:
        warn(w["code"], "--db", w["message"])
    if fmt == "json":
        sys.stdout.write(dumps(rows) + "\n")
    else:
        emit_rows(rows, "table", columns=["name", "label", "source", "skills", "postings"],
                  title="Roles (curated weights are editorial judgements, not market figures)")
    if warnings:
        raise typer.Exit(1)  # the database given could not be read: only part of the answer


def _store(result, db: str | None, report: str | None, keep_pii: bool) -> None:
    """Keep the résumé (redacted unless --keep-pii) with its assessment and report as derived items."""
    from ..privacy.source_names import safe_source_name
    from ..privacy.store import DEFAULT_DB, store_derived, store_resume
    from .output import stderr

    path = db or DEFAULT_DB
    stored = {**result.to_dict(), "resume": safe_source_name(result.resume, keep_pii=keep_pii)}
    with naming_db(db, "--store-db (or --db)"):
        resume_id = store_resume(path, result.resume_text, result.resume, keep_pii=keep_pii)
        store_derived(path, resume_id, "assessment", dumps(stored), keep_pii=keep_pii)
        if report:
            store_derived(path, resume_id, "report", Path(report).read_text(encoding="utf-8"), keep_pii=keep_pii)
    stderr.print(f"stored as {resume_id} in {path} (erase with `skillradar data erase {resume_id}`)", highlight=False)


@app.command("assess")
def assess_command(
    resume: str = typer.Argument(..., help="The résumé (txt, md, html, pdf, docx)."),
    posting: Optional[str] = typer.Option(None, "--posting", help="Assess against this job posting."),
    role: Optional[str] = typer.Option(None, "--role", help="Assess against this role (see `skillradar roles`)."),
    db: Optional[str] = typer.Option(None, "--db", help="Market database: measured role profiles and demand."),
    fmt: str = typer.Option("table", "--format", "-f", help="json, table or markdown."),
    report: Optional[str] = typer.Option(None, "--report", help="Also write a self-contained HTML report here."),
    keep_pii: bool = typer.Option(False, "--keep-pii", help="Keep personal data in the report's résumé text (redacted by default)."),
    store: bool = typer.Option(False, "--store", help="Keep the (redacted) résumé, the assessment and the report; "
                               "see `skillradar data list|erase`."),
    store_db: Optional[str] = typer.Option(None, "--store-db", help="Where --store keeps them (default: --db, else "
                                           "./skillradar.duckdb)."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="genai (default) or a taxonomy file."),
    count_boilerplate: bool = typer.Option(False, "--count-boilerplate", help="Also take the posting's skills "
                                           "named only in about-us, benefits, EEO or how-to-apply text as targets."),
    role_source: str = typer.Option("auto", "--role-source", help="auto, curated or measured. With --role: which "
                                    "profile (auto: the measured one when --db knows the role, else the curated "
                                    "one); every output names the one used."),
    have: Optional[list[str]] = typer.Option(None, "--have", help="A skill you have that the résumé does not show "
                                             "(id, label or alias; repeatable): counted as a listed skill, to see "
                                             "the score once the résumé says so."),
) -> None:
    """Score a résumé against a posting or a role: families, evidence, gaps and a learning plan."""
    from ..assess import assess

    from ..assess.targets import ROLE_SOURCES

    check_choice(fmt, ("json", "table", "markdown"), "--format")
    check_choice(role_source, ROLE_SOURCES, "--role-source")
    if (posting is None) == (role is None):
        raise UsageError("give exactly one of --posting FILE or --role NAME")
    if db is not None and not Path(db).exists():
        raise NoDatabase(db_subject(db))
    if have:  # names checked here, so that an unknown one is reported as --have's
        from ..assess.must import resolve_must
        from ..taxonomy import load_taxonomy

        have = resolve_must(have, load_taxonomy(taxonomy), option="--have")
    with naming_db(db):
        target = posting
        if count_boilerplate and posting is not None:
            from ..assess import build_target

            target = build_target(posting=posting, taxonomy=taxonomy, count_boilerplate=True)
        result = assess(resume, posting=target, role=role, db=db, taxonomy=taxonomy, claimed=have,
                        role_source=role_source)
    for w in result.warnings:
        warn(w["code"], "--db" if w["code"] in _DB_CODES else resume, w["message"])
    if report:  # the job seeker's report; the posting language check is the employer's (check-posting --report)
        from ..report.html import render_assessment_html

        Path(report).write_text(render_assessment_html(result, keep_pii=keep_pii), encoding="utf-8")
    if fmt == "json":  # the result first: a failure to store it must not lose it
        sys.stdout.write(dumps(result.to_dict()) + "\n")
    elif fmt == "markdown":
        from ..report.markdown import render_assessment_markdown

        sys.stdout.write(render_assessment_markdown(result))
    else:
        _print_assessment(result)
    sys.stdout.flush()
    if report and fmt != "json":
        from .output import stderr

        stderr.print(f"report written to {report}", highlight=False)
    if store:
        _store(result, store_db or db, report, keep_pii)
    if any(w["code"] in _DB_CODES for w in result.warnings):
        raise typer.Exit(1)  # the database given with --db could not be used: the answer lacks market figures


def _print_assessment(a) -> None:
    """The table view: every skill by label, each gap in words, evidence by line (page for a PDF)."""
    from rich.markup import escape
    from rich.table import Table

    from ..report.evidence import distinct, family_words, plan_why, quoted
    from ..report.target import target_phrase

    d = a.to_dict()
    t = d["target"]
    stdout.print(f"[bold]{escape(d['resume'])}[/] against {escape(target_phrase(t))}: "
                 f"[bold cyan]{d['overall']:.1f}[/] / 100", highlight=False)
    if t.get("note"):
        stdout.print(f"  {escape(t['note'])}", style="dim", highlight=False)
    if d.get("claimed"):
        stdout.print(f"  counted on your word (--have): {escape(', '.join(d['claimed_labels']))}", style="dim",
                     highlight=False)
    fam = Table(title="Families", title_justify="left", header_style="bold cyan")
    for col in ("family", "score", "in words"):
        fam.add_column(col, overflow="fold")
    for f, info in d["families_detail"].items():
        fam.add_row(f, "–" if info["score"] is None else f"{info['score']:.1f}", escape(family_words(info)))
    stdout.print(fam)
    m = Table(title="Skills you show", title_justify="left", header_style="bold cyan")
    for col in ("skill", "where", "evidence"):
        m.add_column(col, overflow="fold")
    for row in d["matched"]:
        via = f" (via {row.get('via_label') or row['via']})" if row.get("via") else ""
        m.add_row(escape(row["label"] + via), escape(row["summary"]), escape("; ".join(quoted(e) for e in distinct(row["evidence"])[:2])))
    stdout.print(m)
    pr = d.get("practice")
    if pr is not None:
        stdout.print(f"[bold]AI/ML practice[/]: {escape(pr['explanation'])} (AI/ML core credit ×{pr['factor']:g})",
                     highlight=False)
    from ..assess.plan import gap_name  # not at import: other commands never load assessment

    g = Table(title="Gaps (most important first)", title_justify="left", header_style="bold cyan")
    for col in ("skill", "requirement", "importance", "in words"):
        g.add_column(col, overflow="fold")
    for row in d["gaps"]:
        g.add_row(escape(gap_name(row)), row["requirement"] or "named", f"{row['importance']:.3f}", escape(row["summary"]))
    stdout.print(g)
    if d["gaps"]:
        stdout.print("  the figures behind each gap: --format markdown or --format json (reason)", style="dim",
                     highlight=False)
    if d["plan"]:
        stdout.print(f"[bold]Learning plan[/]: {len(d['plan'])} steps, prerequisites first")
        for i, step in enumerate(d["plan"], 1):
            after = f" after {', '.join(step.get('after_labels') or step['after'])}" if step["after"] else ""
            res = "; ".join(f"{r['title']} <{r['url']}>" for r in step["resources"][:2])
            if res and step["resources"][0].get("for_label"):
                res = f"for {step['resources'][0]['for_label']}: {res}"
            res = res or step.get("resources_note", "")
            stdout.print(f"  {i}. {escape(step['label'])}{escape(after)} — {escape(plan_why(step['why'], t))}"
                         + (f"\n     {escape(res)}" if res else ""), highlight=False)
