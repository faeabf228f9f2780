"""Checking a value against a fixed set of choices, shared by the library and the CLI.

One place words the error so every surface says the same thing: what was given, every valid value
and, when one is close, which was probably meant (a typo like ``technicl`` used to give an empty
table and exit 0). The library names the parameter (``family``); the CLI names its flag
(``--family``), so each caller passes the name its user typed.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import UsageError

__all__ = ["check_choice", "unknown_choice", "closest"]


def closest(value: str, choices: Iterable[str]) -> str | None:
    """The choice ``value`` most likely meant (case-insensitive difflib match), or None."""
    by_lower = {c.lower(): c for c in choices}
    hit = difflib.get_close_matches(str(value).lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[hit[0]] if hit else None


def unknown_choice(name: str, value: str, choices: Iterable[str]) -> str:
    """``name must be one of a, b, c (got 'x'); did you mean 'a'?``"""
    choices = list(choices)
    guess = closest(value, choices)
    hint = f"; did you mean '{guess}'?" if guess is not None else ""
    return f"{name} must be one of {', '.join(choices)} (got '{value}'){hint}"


def check_choice(value: str, choices: Iterable[str], name: str, *, error: type[UsageError] = UsageError) -> str:
    """``value`` if it is one of ``choices`` (exactly), else ``error`` (a UsageError: exit 2, HTTP 400)."""
    choices = list(choices)
    if value not in choices:
        raise error(unknown_choice(name, value, choices), params=(name,))
    return value
