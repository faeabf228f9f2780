"""The command-line app: thin wrappers that parse options, call the library and format the output.

Every command is also reachable as ``python -m skillradar …``. Exit codes: 0 success, 1 some inputs
failed, 2 bad usage (see CONTRACT.md).
"""

from __future__ import annotations

import sys

import typer

from ..errors import SkillradarError
from .output import report_error

app = typer.Typer(
    name="skillradar",
    help="Find the skills generative-AI work demands in postings and résumés, with evidence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        from .. import __version__
        from ..taxonomy import load_taxonomy

        tax = load_taxonomy()
        typer.echo(f"skillradar {__version__} (taxonomy {tax.name} {tax.version}, {len(tax)} skills)")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", callback=_show_version,
                                 is_eager=True),
) -> None:
    """Find the skills generative-AI work demands in postings and résumés, with evidence."""


def _register() -> None:
    """Import the command modules; each adds its commands to ``app`` (optional ones may be absent)."""
    import importlib

    for name in ("extract_cmd", "taxonomy_cmd", "link_cmd", "market_cmd", "assess_cmd", "rank_cmd", "privacy_cmd", "posting_cmd", "serve_cmd",
                 "emerging_cmd", "salaries_cmd", "market_compare_cmd"):
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise


_register()


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turning skillradar errors into one stderr line and their exit code."""
    try:
        app(args=argv, prog_name="skillradar", standalone_mode=True)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return code
    except SkillradarError as err:
        report_error(err)
        return err.exit_code
    return 0


def run() -> None:
    sys.exit(main())
