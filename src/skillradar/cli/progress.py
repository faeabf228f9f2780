"""Progress bars for long commands: on stderr, only when stderr is a terminal, counting real units.

Why here: every long command (extract, ingest, reextract, rank, link) shows the same kind of bar, and
none may write anything when piped (scripts read stdout and often stderr too). A bar counts what the
command actually finishes (files, rows, postings, lines), fed by the library's callbacks as each one
is done, so it moves during a run rather than jumping at its end.
"""

from __future__ import annotations

import sys
import time

from .consoles import stderr

__all__ = ["CountBar", "IngestBar", "on_terminal"]


def on_terminal() -> bool:
    """Whether progress may be drawn: stderr is a terminal."""
    try:
        return sys.stderr.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


class CountBar:
    """``label ━━━━━╸━━━ 12/166 résumés 0:00:05 ETA 0:00:40``: a count of ``unit``, time so far and left.

    The total may come later (``start``), when the command learns it (re-extraction counts the stale
    postings first). Call the bar with the number just finished; use it as a context manager.
    """

    def __init__(self, label: str, unit: str, total: int | None = None) -> None:
        self.label, self.unit = label, unit
        self.bar = self.task = None
        if total is not None:
            self.start(total)

    def start(self, total: int) -> None:
        if self.bar is not None or total < 1 or not on_terminal():
            return
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TextColumn(self.unit), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
                            console=stderr, transient=True, redirect_stdout=False, redirect_stderr=False)
        self.task = self.bar.add_task(self.label, total=total)
        self.bar.start()

    def __call__(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None

    def __enter__(self) -> "CountBar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class IngestBar:
    """``ingesting ━━━━╸━━━ 1,200 rows · 310 rows/s 0:00:04 ETA 0:00:07``: bytes of the input files measure
    how far along it is (the row count is unknown until read), rows and rows/s say what was done."""

    def __init__(self, total_bytes: int, label: str = "ingesting") -> None:
        self.bar = None
        self.rows = 0
        if total_bytes <= 0 or not on_terminal():
            return
        from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._t0 = time.perf_counter()
        self.bar = Progress(TextColumn("{task.description}"), BarColumn(),
                            TextColumn("{task.fields[rows]:,} rows · {task.fields[rate]:,.0f} rows/s"),
                            TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=stderr,
                            transient=True, redirect_stdout=False, redirect_stderr=False)
        self.task = self.bar.add_task(label, total=total_bytes, rows=0, rate=0.0)
        self.bar.start()

    def __call__(self, nbytes: int, nrows: int) -> None:
        if self.bar is None:
            return
        self.rows += nrows
        rate = self.rows / max(1e-6, time.perf_counter() - self._t0)
        self.bar.update(self.task, advance=nbytes, rows=self.rows, rate=rate)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
