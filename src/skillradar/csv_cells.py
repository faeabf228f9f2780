"""CSV that a spreadsheet opens as data, never as formulas: every CSV writer of the project goes here.

Why: file names, posting titles and résumé text reach CSV cells unchanged (``rank``'s ``resume``,
``extract``'s ``source``), and a spreadsheet runs a cell such as ``=HYPERLINK(…)``, ``+1+1`` or
``@SUM(…)`` as a formula. Following OWASP's advice on CSV injection, a text cell that starts with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading single quote, which spreadsheets
show as text. Numbers stay numbers (a negative share difference is not a formula), and so does a
lone ``-`` (standard input's name), which no spreadsheet evaluates.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from typing import IO

__all__ = ["FORMULA_STARTS", "neutralise", "write_csv", "write_frame_csv"]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_HARMLESS = re.compile(r"[-+=@]|[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")  # a lone sign, a plain number


def neutralise(value):
    """``value`` with a leading ``'`` when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _HARMLESS.fullmatch(value):
        return "'" + value
    return value


def write_csv(out: IO[str], header: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Write ``header`` and ``rows`` (sequences of cells) as CSV with every text cell neutralised."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])


def write_frame_csv(frame, path) -> None:
    """Write a pandas DataFrame as CSV (no index) with every text cell neutralised."""
    text_columns = [c for c in frame.columns if frame[c].dtype == object]
    safe = frame.copy()
    for c in text_columns:
        safe[c] = safe[c].map(neutralise)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        write_csv(fh, [str(c) for c in safe.columns], safe.itertuples(index=False, name=None))
