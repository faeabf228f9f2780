"""``skillradar taxonomy list|show|validate|export``."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from ..csv_cells import write_csv
from ..records import FAMILIES
from . import app
from .output import FORMATS_ROWS, check_choice, dumps, emit_rows, stderr, stdout

taxonomy_app = typer.Typer(help="Browse, check and export skill taxonomies.", no_args_is_help=True)
app.add_typer(taxonomy_app, name="taxonomy")

CSV_COLUMNS = ["id", "label", "aliases", "description", "family", "group", "type", "prerequisites", "related",
               "esco_uri"]


@taxonomy_app.command("list")
def list_command(
    family: Optional[str] = typer.Option(None, "--family", help="Only this family."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t"),
) -> None:
    """List skills (id, label, family, group), in taxonomy order."""
    from ..taxonomy import load_taxonomy  # here, not at import: `market` queries never load the taxonomy

    check_choice(fmt, FORMATS_ROWS, "--format")
    tax = load_taxonomy(taxonomy)
    if family is not None:  # the families this taxonomy declares (the five for one that declares none)
        check_choice(family, tax.family_ids or FAMILIES, "--family")
    rows = [{"id": s.id, "label": s.label, "family": s.family, "group": s.group}
            for s in tax.skills if family is None or s.family == family]
    emit_rows(rows, fmt, columns=["id", "label", "family", "group"],
              title=f"{tax.name} {tax.version}: {len(rows)} skills")
    if not rows and fmt == "table":
        stderr.print(f"taxonomy {tax.name} has no skill of family '{family}'" if family
                     else f"taxonomy {tax.name} has no skills", highlight=False, markup=False)


@taxonomy_app.command("show")
def show_command(
    skill_id: str = typer.Argument(..., help="Skill id, e.g. genai.rag."),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t"),
) -> None:
    """Show one skill with its aliases, prerequisites, ESCO URI and learning resources."""
    from ..taxonomy import load_taxonomy

    check_choice(fmt, ("table", "json"), "--format")
    tax = load_taxonomy(taxonomy)
    skill = tax.get(skill_id)
    if fmt == "json":
        sys.stdout.write(dumps(skill.to_dict()) + "\n")
        return
    stdout.print(f"[bold]{skill.label}[/]  ({skill.id})")
    stdout.print(f"family: {skill.family} · group: {tax.group_label(skill.family, skill.group)} · type: {skill.type}")
    if skill.description:
        stdout.print(skill.description)
    for name, values in (("aliases", skill.aliases), ("prerequisites", skill.prerequisites), ("related", skill.related)):
        if values:
            stdout.print(f"{name}: {', '.join(values)}")
    stdout.print(f"ESCO: {skill.esco_uri or '—'}")
    for r in skill.resources:
        stdout.print(f"  • {r.title}: {r.url}", highlight=False)


@taxonomy_app.command("validate")
def validate_command(
    path: Optional[str] = typer.Argument(None, help="Taxonomy file (YAML or CSV); default: the bundled one."),
) -> None:
    """Report every problem (duplicate id, clashing alias, unknown family, prerequisite cycle, scoring tiers;
    for the bundled taxonomy its roles file too) with its line."""
    from ..taxonomy import read_bundled, read_taxonomy_file, validate

    located = read_bundled() if path in (None, "genai") else read_taxonomy_file(path)
    strict = path in (None, "genai") or str(path).lower().endswith((".yaml", ".yml"))
    problems: list = list(validate(located, strict_families=strict))
    if path in (None, "genai"):  # the bundled taxonomy's roles file: curated roles and market title patterns
        from ..taxonomy.roles import validate_roles

        problems += validate_roles(located.taxonomy)
    for p in problems:
        typer.echo(str(p), err=False)
    tax = located.taxonomy
    if problems:
        typer.echo(f"{len(problems)} problem(s) in {tax.name} ({len(tax)} skills)", err=True)
        raise typer.Exit(1)
    typer.echo(f"ok: {tax.name} {tax.version}, {len(tax)} skills, no problems", err=True)


@taxonomy_app.command("export")
def export_command(
    fmt: str = typer.Option("csv", "--format", "-f", help="csv, json or jsonl."),
    taxonomy: Optional[str] = typer.Option(None, "--taxonomy", "-t"),
) -> None:
    """Print the taxonomy in the generic CSV form (id,label,aliases,description,family,group,…)."""
    from ..taxonomy import load_taxonomy

    check_choice(fmt, ("csv", "json", "jsonl"), "--format")
    tax = load_taxonomy(taxonomy)
    if fmt in ("json", "jsonl"):
        rows = [s.to_dict() for s in tax.skills]
        emit_rows(rows, fmt, columns=list(rows[0]) if rows else [])
        return
    write_csv(sys.stdout, CSV_COLUMNS, ([s.id, s.label, "|".join(s.aliases), s.description, s.family, s.group, s.type,
                                         "|".join(s.prerequisites), "|".join(s.related), s.esco_uri or ""]
                                        for s in tax.skills))
