"""``skillradar market …``: ingest posting corpora, re-extract, demand shares, trends, co-occurrence,
measured roles and a synthetic demonstration corpus. Thin wrappers over ``skillradar.market``."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from ..errors import DatabaseProblem, SkillradarError, StoreError, UsageError
from . import app
from . import market_filters as mf
from .empty import explain_empty
from .market_filters import OptionalList
from .output import FORMATS_ROWS, check_choice, dumps, emit_rows, naming_db, report_error, stderr, stdout, warn

market_app = typer.Typer(name="market", help="Market analytics over posting corpora (DuckDB).",
                         no_args_is_help=True, rich_markup_mode=None)
app.add_typer(market_app, name="market")

DB_HELP = "The market database (default ./skillradar.duckdb)."
_FMT_HELP = "table, json, jsonl or csv."


def _fmt(value: str, allowed=FORMATS_ROWS) -> str:
    return check_choice(value, allowed)


def _db(db: Optional[str]) -> str:
    return db or "skillradar.duckdb"


def _filters(family: Optional[str] = None, requirement: str = "any", sort: Optional[str] = None) -> None:
    """Check the enumerated filters by their flags before any database is opened: the library checks
    them too, but names its parameters, not our flags."""
    from ..market.cooccurrence import SORTS
    from ..market.stats import REQUIREMENTS
    from ..records import FAMILIES

    if family is not None:  # a fixed list: no taxonomy is loaded before the database is opened
        check_choice(family, FAMILIES, "--family")
    check_choice(requirement, REQUIREMENTS, "--requirement")
    if sort is not None:
        check_choice(sort, SORTS, "--sort")


def _engine(engine: str) -> None:
    from ..market.engines import ENGINES

    check_choice(engine, ENGINES, "--engine")


def _report_ingest_errors(summary: dict) -> None:
    by_file: dict[tuple[str, str], list] = {}
    for e in summary["errors"]:
        if e["row"] is None:
            report_error(_coded(e["error"]), e["source"])
        else:
            by_file.setdefault((e["source"], e["error"]["code"]), []).append(e)
    for (source, code), errs in by_file.items():
        rows = [str(e["row"]) for e in errs]
        shown = ", ".join(rows[:20]) + (f" … ({len(rows) - 20} more)" if len(rows) > 20 else "")
        msg = errs[0]["error"]["message"] if len(errs) == 1 else (f"{len(errs)} rows failed ({code}): rows {shown}; "
                                                                 f"the first: {errs[0]['error']['message']}")
        report_error(_coded({"code": code, "message": msg}), source)
    for w in summary["warnings"]:
        warn(w["code"], w["source"], w["message"])


def _coded(err: dict) -> SkillradarError:
    e = SkillradarError(err["message"])
    e.code = err["code"]
    return e


@market_app.command("ingest")
def ingest_command(
    files: list[str] = typer.Argument(..., help="CSV, JSONL or Parquet files of postings."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    text_column: Optional[str] = typer.Option(None, "--text-column", help="Column with the posting text."),
    date_column: Optional[str] = typer.Option(None, "--date-column", help="Column with the posting date."),
    title_column: Optional[str] = typer.Option(None, "--title-column", help="Column with the job title."),
    company_column: Optional[str] = typer.Option(None, "--company-column", help="Column with the company."),
    id_column: Optional[str] = typer.Option(None, "--id-column", help="Column with a posting id (else a hash of the text)."),
    engine: str = typer.Option("local", "--engine", help="local or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (else a LocalCluster)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="Processes that extract postings (local "
                                          "engine) or of the Dask LocalCluster; default one per core."),
    near_dup_threshold: float = typer.Option(0.9, "--near-dup-threshold", help="Word 3-gram Jaccard for near-duplicates; 1.0 = exact only."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="genai (default) or a taxonomy file."),
    batch_size: int = typer.Option(1000, "--batch-size", help="Rows per transaction."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    encoding: str = typer.Option("utf-8", "--encoding", help="Text encoding of CSV and JSONL files (e.g. cp1252, "
                                 "latin-1, utf-16); a row with bytes not valid in it fails with its row number and "
                                 "the others go on."),
) -> None:
    """Ingest postings into the market database: deduplicated, idempotent, crash-safe."""
    import os

    from ..market.ingest import ingest_files
    from ..taxonomy import load_taxonomy

    _fmt(fmt, ("table", "json"))
    _engine(engine)
    tax = load_taxonomy(taxonomy)
    columns = {"text": text_column, "date": date_column, "title": title_column, "company": company_column, "id": id_column}
    total = 0
    for f in files:
        try:
            total += os.path.getsize(f)
        except OSError:
            pass
    from .progress import IngestBar

    bar = IngestBar(total, "ingesting")
    committed = {"rows_read": 0, "ingested": 0, "duplicates": 0, "failed": 0}
    try:
        with naming_db(db):
            summary = ingest_files(files, db=db, taxonomy=tax, columns=columns, engine=engine, scheduler=scheduler,
                                   near_dup_threshold=near_dup_threshold, batch_size=batch_size, on_progress=bar,
                                   on_batch=committed.update, encoding=encoding, workers=workers)
    except (StoreError, DatabaseProblem) as err:
        if fmt == "json":  # scripts read stdout: say what was committed before the failure, and why it stopped
            sys.stdout.write(dumps({**committed, "error": err.to_dict()}) + "\n")
        raise
    finally:
        bar.close()
    _report_ingest_errors(summary)
    if fmt == "json":
        sys.stdout.write(dumps(summary) + "\n")
    else:
        keys = ["rows_read", "ingested", "duplicates", "exact_duplicates", "near_duplicates", "failed", "failed_files",
                "undated", "redacted", "stale"]
        emit_rows([{"key": k, "value": summary[k]} for k in keys], "table", columns=["key", "value"],
                  title=f"ingest into {summary['db']} (taxonomy {summary['taxonomy_version']})")
    if summary["failed"] or summary["failed_files"]:
        raise typer.Exit(1)


@market_app.command("reextract")
def reextract_command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="genai (default) or a taxonomy file."),
    engine: str = typer.Option("local", "--engine", help="local or dask."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address."),
    all_postings: bool = typer.Option(False, "--all", help="Re-extract every posting, not only stale ones."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
) -> None:
    """Recompute stored mentions where the taxonomy version or content changed; store the seniority,
    contract type and sector of postings written before those existed (so filters can use them)."""
    from ..market.ingest import reextract
    from ..market.store import connect

    from ..taxonomy import load_taxonomy

    _fmt(fmt, ("table", "json"))
    _engine(engine)
    tax = load_taxonomy(taxonomy)  # a misspelt name is a usage error even when the database is missing
    from .progress import CountBar

    with naming_db(db), CountBar("re-extracting", "postings") as bar:
        con = connect(_db(db), read_only=True)  # fails clearly when the database does not exist
        con.close()
        summary = reextract(db=_db(db), taxonomy=tax, engine=engine, scheduler=scheduler,
                            all_postings=all_postings, on_total=bar.start, on_progress=lambda n, _rows: bar(n))
    if fmt == "json":
        sys.stdout.write(dumps(summary) + "\n")
    else:
        stdout.print(f"re-extracted {summary['reextracted']} postings with taxonomy {summary['taxonomy_version']}"
                     + (f"; seniority, contract type and sector stored for {summary['facets_added']} postings"
                        if summary.get("facets_added") else ""))


def _plot(kind: str, rows: list[dict], plot: Optional[str], **kw) -> None:
    if not plot:
        return
    from ..report import charts

    getattr(charts, f"{kind}_chart")(rows, plot, **kw)
    stderr.print(f"chart written to {plot}", style="dim")


def _corpus(db: str, filters, fmt: str, plot: Optional[str], *, dated: bool = False) -> str:
    """The corpus caption for a table title or a chart ("" when neither is drawn), saying on stderr
    when the postings are synthetic, whatever the format (JSON and CSV on stdout stay as they were)."""
    from .market_filters import corpus_line, say_synthetic

    line, info = corpus_line(db, filters, dated=dated)
    say_synthetic(info)
    return line if fmt == "table" or plot else ""


def _titled(title: str, caption: str) -> str:
    return f"{title} · {caption}" if caption else title


@market_app.command("top")
def top_command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    family: Optional[str] = typer.Option(None, "--family", help="technical, data, thinking, soft or domain."),
    title_contains: OptionalList = mf.TITLE,
    location: OptionalList = mf.LOCATION,
    company: OptionalList = mf.COMPANY,
    sector: OptionalList = mf.SECTOR,
    seniority: OptionalList = mf.SENIORITY,
    contract_type: OptionalList = mf.CONTRACT,
    since: Optional[str] = mf.SINCE,
    until: Optional[str] = mf.UNTIL,
    limit: Optional[int] = typer.Option(None, "--limit", help="At most N rows."),
    requirement: str = typer.Option("any", "--requirement", help="any, required or preferred."),
    no_rollup: bool = typer.Option(False, "--no-rollup", help="Count only the skills postings name, not their "
                                   "broader skills (by default Llama also counts once toward LLMs)."),
    count_boilerplate: bool = mf.COUNT_BOILERPLATE,
    plot: Optional[str] = typer.Option(None, "--plot", help="Also draw a chart (FILE.png or FILE.svg)."),
    fmt: str = typer.Option("table", "--format", "-f", help=_FMT_HELP),
) -> None:
    """Skills by share of postings, with 95% Wilson intervals (postings desc, then skill_id).

    A posting asking for a narrower skill counts once toward each broader one; via_narrower says how
    many postings a skill gets only that way (--no-rollup: the old counting)."""
    from ..market.stats import TOP_COLUMNS, top

    _fmt(fmt)
    _filters(family, requirement)
    filters = mf.filters_from(title_contains, location, company, sector, seniority, contract_type, since, until)
    with naming_db(db):
        rows = top(_db(db), family=family, filters=filters, limit=limit, requirement=requirement,
                   rollup=not no_rollup, count_boilerplate=count_boilerplate)
        caption = _corpus(_db(db), filters, fmt, plot)
        emit_rows(rows, fmt, columns=TOP_COLUMNS, title=_titled("skill demand", caption))
        if not rows and fmt == "table":
            explain_empty(_db(db), family=family, filters=filters, requirement=requirement)
    _plot("demand", rows, plot, caption=caption)


@market_app.command("trends")
def trends_command(
    split: Optional[str] = typer.Option(None, "--split", help="Compare before vs. on/after this date (YYYY-MM-DD)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    family: Optional[str] = typer.Option(None, "--family", help="Only skills of this family."),
    title_contains: OptionalList = mf.TITLE,
    location: OptionalList = mf.LOCATION,
    company: OptionalList = mf.COMPANY,
    sector: OptionalList = mf.SECTOR,
    seniority: OptionalList = mf.SENIORITY,
    contract_type: OptionalList = mf.CONTRACT,
    since: Optional[str] = mf.SINCE,
    until: Optional[str] = mf.UNTIL,
    requirement: str = typer.Option("any", "--requirement", help="any, required or preferred."),
    monthly: bool = typer.Option(False, "--monthly", help="Per-month shares with Wilson intervals instead."),
    no_rollup: bool = typer.Option(False, "--no-rollup", help="Do not count narrower skills toward broader ones."),
    count_boilerplate: bool = mf.COUNT_BOILERPLATE,
    min_postings: int = typer.Option(20, "--min-postings", help="Months (and split sides) with fewer postings are "
                                     "thin: flagged in --monthly, warned about for --split, left out of charts."),
    skill: Optional[list[str]] = typer.Option(None, "--skill", help="Skills for --monthly (repeatable; default the top 8)."),
    plot: Optional[str] = typer.Option(None, "--plot", help="Also draw the monthly series (FILE.png or FILE.svg)."),
    fmt: str = typer.Option("table", "--format", "-f", help=_FMT_HELP),
) -> None:
    """Which skills rose or fell: two-sided test per skill (z-test, Fisher exact for small counts), BH q-values.

    Says on stderr when a side of the split or a month has fewer than --min-postings postings, and when
    no skill changed at q < 0.05."""
    _fmt(fmt)
    _filters(family, requirement)
    filters = mf.filters_from(title_contains, location, company, sector, seniority, contract_type, since, until)
    if not monthly and not split:
        raise UsageError("market trends needs --split DATE (or --monthly)")
    with naming_db(db):
        _trends(split, db, family, filters, requirement, monthly, skill, plot, fmt, not no_rollup, min_postings,
                count_boilerplate)


def _trends(split, db, family, filters, requirement, monthly, skill, plot, fmt, rollup, min_postings,
            count_boilerplate) -> None:
    from ..market import stats

    common = dict(family=family, filters=filters, requirement=requirement, rollup=rollup,
                  count_boilerplate=count_boilerplate)
    series = None
    if monthly or plot:
        skills = list(skill or [])
        if not skills and split and not monthly:
            skills = [r["skill_id"] for r in stats.trends(_db(db), split=split, **common)[:8]]
        series = stats.monthly(_db(db), skills=skills or None, min_postings=min_postings, **common)
    caption = _corpus(_db(db), filters, fmt, plot, dated=True)
    if monthly:
        rule = f"thin = fewer than {min_postings} postings in the month"
        emit_rows(series, fmt, columns=stats.MONTHLY_COLUMNS, title=_titled(f"monthly share ({rule})", caption))
        if not series and fmt == "table":
            explain_empty(_db(db), family=family, filters=filters, requirement=requirement, skills=skill, dated=True)
        thin = sorted({r["month"] for r in series if r["thin"]})
        if thin:
            stderr.print(f"{len(thin)} of {len({r['month'] for r in series})} months are thin (fewer than "
                         f"{min_postings} postings; --min-postings): {', '.join(thin[:12])}"
                         f"{' …' if len(thin) > 12 else ''}. Their shares are flagged, not to be read as trends.")
    else:
        rows = stats.trends(_db(db), split=split, **common)
        table_cols = stats.TREND_COLUMNS[:8] + ["total_before", "total_after"]
        emit_rows(rows, fmt, columns=table_cols if fmt == "table" else stats.TREND_COLUMNS,
                  title=_titled(f"trends around {split}", caption))
        if not rows and fmt == "table":
            explain_empty(_db(db), family=family, filters=filters, requirement=requirement)
        if rows and min(rows[0]["total_before"], rows[0]["total_after"]) < min_postings:
            warn("thin_split", "market trends",
                 f"the split compares {rows[0]['total_before']} postings before {split} with "
                 f"{rows[0]['total_after']} on or after it; a side with fewer than {min_postings} postings "
                 "(--min-postings) gives unreliable shares and little power.")
        _say_if_nothing_significant(rows, "skill's share changed")
    _plot("trend", series or [], plot, split=split, min_postings=min_postings, caption=caption)


@market_app.command("cooccur")
def cooccur_command(
    skill: str = typer.Option(..., "--skill", help="The skill whose companions to list: an id, a label or an alias "
                              "(case-insensitive), e.g. genai.rag or RAG."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    title_contains: OptionalList = mf.TITLE,
    location: OptionalList = mf.LOCATION,
    company: OptionalList = mf.COMPANY,
    sector: OptionalList = mf.SECTOR,
    seniority: OptionalList = mf.SENIORITY,
    contract_type: OptionalList = mf.CONTRACT,
    since: Optional[str] = mf.SINCE,
    until: Optional[str] = mf.UNTIL,
    requirement: str = typer.Option("any", "--requirement", help="any, required or preferred."),
    count_boilerplate: bool = mf.COUNT_BOILERPLATE,
    min_both: int = typer.Option(3, "--min-both", help="Test only skills seen with it in at least N postings."),
    sort: str = typer.Option("q", "--sort", help="q (default: by BH q-value, then p) or lift (the old order)."),
    plot: Optional[str] = typer.Option(None, "--plot", help="Also draw a chart (FILE.png or FILE.svg)."),
    fmt: str = typer.Option("table", "--format", "-f", help=_FMT_HELP),
) -> None:
    """Skills seen with one skill in at least --min-both postings: one-sided Fisher exact p, BH q over
    the pairs tested, lift shown; sorted by q then p (--sort lift: by lift)."""
    from ..market.cooccurrence import COOCCUR_COLUMNS, COOCCUR_TABLE_COLUMNS, cooccur
    from ..market.filters import scope_size

    _fmt(fmt)
    _filters(None, requirement, sort)
    filters = mf.filters_from(title_contains, location, company, sector, seniority, contract_type, since, until)
    with naming_db(db):
        rows = cooccur(_db(db), skill=skill, filters=filters, requirement=requirement, min_both=min_both, sort=sort,
                       count_boilerplate=count_boilerplate)
        caption = _corpus(_db(db), filters, fmt, plot)
    name = rows.meta.get("skill_id", skill)
    title = f"with {name} (n = {rows[0]['postings_skill']} of {rows[0]['total']} postings)" if rows else f"with {name}"
    emit_rows(rows, fmt, columns=COOCCUR_TABLE_COLUMNS if fmt == "table" else COOCCUR_COLUMNS,
              title=_titled(title, caption))
    if not rows:
        with naming_db(db):
            kept = scope_size(_db(db), filters)[0] if filters else 1
        if kept == 0:
            with naming_db(db):
                explain_empty(_db(db), filters=filters)
        else:
            stderr.print(f"no skill appears with {skill} in at least {min_both} postings (--min-both {min_both}).")
    else:
        _say_if_nothing_significant(rows, f"skill appears with {name} more often than chance")
    _plot("cooccur", rows, plot, caption=caption)


def _say_if_nothing_significant(rows: list[dict], what: str, alpha: float = 0.05) -> None:
    """Say in words when no row survives the correction: an unsorted table of p-values invites reading
    the first rows as findings."""
    if rows and not any(r["q_value"] < alpha for r in rows):
        stderr.print(f"nothing significant: no {what} at q < {alpha} "
                     f"(Benjamini–Hochberg over {len(rows)} tests).")


@market_app.command("roles")
def roles_command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    role: Optional[str] = typer.Option(None, "--role", help="Show the measured skill profile of this role."),
    min_share: float = typer.Option(0.05, "--min-share", help="With --role: leave out skills below this share."),
    fmt: str = typer.Option("table", "--format", "-f", help=_FMT_HELP),
) -> None:
    """Roles measured from posting titles (ML engineer, data scientist, LLM engineer …), or one role's profile."""
    from ..market.profiles import find_role, measured_roles, role_profile

    _fmt(fmt)
    if role:
        role = find_role(role, "--role")
        with naming_db(db):
            rows = role_profile(_db(db), role, min_share=min_share)
        emit_rows(rows, fmt, columns=["skill_id", "label", "family", "weight", "requirement", "postings", "total"],
                  title=f"profile of {role}")
        if not rows and fmt == "table":
            stderr.print(f"no skill reaches --min-share {min_share:g} among the postings titled as {role} "
                         "(none may be: see `skillradar market roles`)", highlight=False, markup=False)
    else:
        with naming_db(db):
            rows = measured_roles(_db(db))
        emit_rows(rows, fmt, columns=["role", "postings", "source"], title="measured roles")
        if not rows and fmt == "table":
            stderr.print("no posting title in the database matches a measured role", highlight=False)


@market_app.command("demo-corpus")
def demo_corpus_command(
    out: str = typer.Option(..., "--out", help="Output file: .csv, .jsonl or .parquet (truth beside it as *.truth.json)."),
    n: int = typer.Option(2000, "--n", help="Number of postings."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t", help="genai (default) or a taxonomy file."),
    plant_term: Optional[list[str]] = typer.Option(None, "--plant-term", help="TERM:P_START:P_END — also plant a "
                                                   "term the taxonomy lacks (repeatable), e.g. Quillstream:0.03:0.35."),
) -> None:
    """Write a synthetic corpus of generative-AI postings (marked synthetic) with planted trends."""
    from ..market.synthetic import generate, write_corpus

    if n < 1:
        raise UsageError("--n must be at least 1")
    rows, truth = generate(n, seed=seed, taxonomy=taxonomy)
    if plant_term:
        from ..market.synthetic_terms import parse_plant, plant_terms

        rows, truth["planted_terms"] = plant_terms(rows, parse_plant(plant_term), seed=seed)
    truth_path = write_corpus(rows, out, truth)
    stderr.print(f"wrote {n} synthetic postings to {out} and the ground truth to {truth_path}", style="dim")


@market_app.command("duplicates")
def duplicates_command(
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json or csv."),
) -> None:
    """Which rows were merged into which posting: similarity (1.0 for exact), reason exact or near, the
    posting kept and the dropped file and row; most similar first."""
    from ..market.merges import DUPLICATE_COLUMNS, duplicates

    _fmt(fmt, ("table", "json", "csv"))
    with naming_db(db):
        rows = duplicates(_db(db))
    emit_rows(rows, fmt, columns=DUPLICATE_COLUMNS, title=f"{len(rows)} merged rows")
