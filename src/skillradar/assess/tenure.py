"""The time a résumé's skills list states for one skill, in the two list formats real résumés use.

Résumé builders write a skill's tenure right after it, and the general years reader (which looks for
"N years" phrases near mentions) misreads both formats: "Python (Less than 1 year), Java (3 years)"
gave Java 1 year, and "Machine Learning- Experience - 30 months" or "Less than 1 year months" gave
nothing or a whole year. Here a phrase counts only for the mention it follows:

* ``Python (Less than 1 year)``, ``Java (3 years)``, ``SQL (6 months)``: a parenthesis right after it;
* ``MACHINE LEARNING- Experience - 30 months``, ``Experience in NLP, Python.- Experience - Less than 1
  year months``: a "- Experience -" phrase later on its line (the line is one list item), within
  ``_REACH`` characters.

"Less than N" counts as half of N; months count as twelfths of a year.
"""

from __future__ import annotations

import re

__all__ = ["listed_tenure"]

_AMOUNT = r"(less than\s+)?(\d{1,2}(?:\.\d+)?)\s*(years?|yrs?|months?)\b"
_PAREN = re.compile(r"[ \t]*\(\s*" + _AMOUNT + r"[^)\n]{0,12}\)", re.I)
_REACH = 120  # characters a "- Experience -" phrase may follow its list (some résumés are one long line)
_BUILDER = re.compile(r"-\s*Experience\s*-\s*" + _AMOUNT, re.I)


def listed_tenure(text: str, start: int, end: int) -> float | None:
    """Years a skills list states for the mention at ``start:end``, or None when it states none."""
    m = _PAREN.match(text, end)
    if m is None:
        line_end = text.find("\n", end)
        stop = min(line_end if line_end >= 0 else len(text), end + _REACH)
        m = _BUILDER.search(text, end, stop)
    if m is None:
        return None
    less, number, unit = m.groups()
    value = float(number) / (12 if unit.lower().startswith("month") else 1)
    return round(value / 2 if less else value, 2)
