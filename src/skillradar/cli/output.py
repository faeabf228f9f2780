"""Formatting shared by every command: JSON/JSONL/CSV to stdout, errors and progress to stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.markup import escape
from rich.table import Table

from ..choices import check_choice as _check
from ..csv_cells import write_csv
from ..errors import DatabaseProblem, InputError, InternalError, SkillradarError
from .consoles import stderr, stdout  # re-exported: commands print through output

__all__ = ["stdout", "stderr", "emit_rows", "report_error", "progress", "run_batch", "write_jsonl", "check_choice",
           "FORMATS_ROWS", "naming_db", "db_subject"]

FORMATS_ROWS = ("table", "json", "jsonl", "csv")


def check_choice(value: str, choices: Sequence[str], option: str = "--format") -> str:
    """``value`` if it is one of ``choices``, else a UsageError (exit 2) that names ``option``, lists
    every choice and suggests the closest (see :mod:`skillradar.choices`)."""
    return _check(value, choices, option)

def db_subject(given: str | None, option: str = "--db") -> str:
    """How messages name a database on the command line: by the option that gave it, never by path."""
    if given:
        return f"the database given with {option}"
    return f"the default database (skillradar.duckdb in the current folder; choose another with {option})"


#: Warning codes of a database given with --db that could not be used (the answer lacks market figures).
DB_CODES = frozenset({"no_database", "database_corrupt", "database_locked", "database_read_only", "database_error"})


@contextmanager
def naming_db(given: str | None, option: str = "--db") -> Iterator[None]:
    """Reword database errors raised inside the block to name the database by ``option``."""
    try:
        yield
    except DatabaseProblem as err:
        raise err.about(db_subject(given, option)) from err.__cause__




def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def emit_rows(rows: Sequence[dict], fmt: str, *, columns: Sequence[str], title: str | None = None) -> None:
    """Print rows as a JSON array, JSON lines, CSV (with header) or a rich table."""
    if fmt == "json":
        sys.stdout.write(dumps(list(rows)) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            sys.stdout.write(dumps(row) + "\n")
    elif fmt == "csv":
        write_csv(sys.stdout, list(columns), ([_cell(row.get(k)) for k in columns] for row in rows))
    else:
        table = Table(title=title, header_style="bold cyan", show_lines=False)
        for col in columns:
            table.add_column(col, overflow="fold", justify="right" if col in SHARE_COLUMNS | POINT_COLUMNS else "left")
        for row in rows:
            table.add_row(*(_pretty(row.get(c), c) for c in columns))
        stdout.print(table)


def _cell(value):
    if isinstance(value, (list, dict)):
        return dumps(value)
    return "" if value is None else value


#: Columns that hold a share of postings (0–1 in JSON and CSV, as the contract has them): a table, which
#: people read, shows them as percentages, and a difference of shares in percentage points.
SHARE_COLUMNS = frozenset({"share", "ci_low", "ci_high", "share_before", "share_after", "selection_rate",
                           "share_a", "share_b", "ci_low_a", "ci_high_a", "ci_low_b", "ci_high_b"})
POINT_COLUMNS = frozenset({"diff", "diff_ci_low", "diff_ci_high"})


def _pretty(value, column: str | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if column in SHARE_COLUMNS:
            return f"{100 * value:.1f}%"
        if column in POINT_COLUMNS:
            return f"{100 * value:+.1f} pp"
    if isinstance(value, float):
        return f"{value:.3g}" if abs(value) < 1e-3 and value else f"{value:.3f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, dict)):
        return dumps(value)
    return str(value)


# Library parameters whose command-line flag is not simply ``--`` + the name in kebab case.
_FLAG_FOR = {"path": "--plot", "skill_id": "--id", "skill_type": "--type"}


def cli_flag(param: str) -> str:
    """How the command line spells a library parameter: ``select_top`` → ``--select-top``."""
    if param.startswith("-"):
        return param
    return _FLAG_FOR.get(param, "--" + param.replace("_", "-"))


def report_error(err: SkillradarError, source: str | None = None) -> None:
    """One readable line on stderr: ``error [code] source: message`` (parameters named as flags)."""
    where = source or err.source
    line = escape(f"[{err.code}] {where + ': ' if where else ''}{err.spelled(cli_flag)}")
    stderr.print(f"[bold red]error[/] {line}", highlight=False)


def warn(code: str, source: str, message: str) -> None:
    """One readable warning line on stderr."""
    stderr.print(f"[yellow]warning[/] {escape(f'[{code}] {source}: {message}')}", highlight=False)


@contextmanager
def progress(total: int, label: str, unit: str = "files") -> Iterator:
    """A progress bar on stderr, only on a terminal and only for batches; yields an ``advance(n=1)``
    (see :mod:`skillradar.cli.progress`)."""
    from .progress import CountBar

    with CountBar(label, unit, total=total if total >= 2 else None) as bar:
        yield bar


def run_batch(inputs: Sequence[str], label: str, work: Callable[[str], dict],
              on_result: Callable[[dict], None] | None = None) -> tuple[list[dict], int]:
    """Apply ``work(name) -> dict`` to every input with a progress bar. A failed input becomes
    ``{"source", "error": {"code", "message"}}`` plus one line on stderr, and the batch goes on; so
    does an input that makes skillradar fail in a way it did not foresee (code ``internal_error``,
    the cause chained for debugging). ``on_result`` sees each object as it is made (to stream JSON
    lines). Returns (objects, failures)."""
    results: list[dict] = []
    failed = 0
    with progress(len(inputs), label) as advance:
        for name in inputs:
            try:
                obj = work(name)
            except InputError as err:
                failed += 1
                report_error(err, name)
                obj = {"source": name, "error": err.to_dict()}
            except SkillradarError:
                raise  # a usage, taxonomy or missing-extra error: the command fails, not this input
            except Exception as exc:  # noqa: BLE001 - one input must not stop the batch (see docstring)
                failed += 1
                err = InternalError(f"skillradar failed on this input ({type(exc).__name__}: {str(exc)[:200]}); "
                                    "the other inputs were processed: please report this as a bug")
                err.__cause__ = exc
                report_error(err, name)
                obj = {"source": name, "error": err.to_dict()}
            results.append(obj)
            if on_result is not None:
                on_result(obj)
            advance()
    return results, failed


def write_jsonl(obj: dict) -> None:
    sys.stdout.write(dumps(obj) + "\n")
