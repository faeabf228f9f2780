"""Extraction cost grows linearly with the text (issue 12, item 2).

Wall-clock limits would be flaky on a shared machine, so the work is counted instead: the number of
Python-level calls (function calls, generator steps and C calls such as ``re.match``) made while
extracting. Quadratic work (every ambiguous name checked against every other hit, every mention
looking for its clause among all clauses of a line) makes the count grow with the square of the
size; linear work makes ×4 the text cost about ×4 the calls.
"""

from __future__ import annotations

import re
import sys

import pytest

from skillradar.detect.context import analyse, section_at
from skillradar.extract import extract_text

_UNIT = ("Skills: Go, Spark, R, React and Excel. We react quickly; go to market. kafka and Python, "
         "Terraform or Kubernets. 5 years of SQL, no Java. Taylor Swift sings. ")


def _calls(fn) -> int:
    count = 0

    def prof(frame, event, arg):
        nonlocal count
        count += 1

    sys.setprofile(prof)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


def _text(n_units: int, sep: str) -> str:
    return sep.join([_UNIT] * n_units)


@pytest.mark.parametrize("sep", [" ", "\n"], ids=["one line", "many lines"])
@pytest.mark.parametrize("kind", ["posting", "resume"])
def test_extraction_work_is_linear_in_text_length(taxonomy, sep, kind):
    extract_text(_text(4, sep), taxonomy=taxonomy, kind=kind)  # warm caches (automata, regexes)
    small = _calls(lambda: extract_text(_text(100, sep), taxonomy=taxonomy, kind=kind))
    large = _calls(lambda: extract_text(_text(400, sep), taxonomy=taxonomy, kind=kind))
    assert large <= 4.4 * small, f"×4 text cost ×{large / small:.1f} work"


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"Python|SQL|Go|Spark", text)]


def test_context_work_is_linear_on_one_long_clause():
    # no sentence breaks: one clause holding every mention, years phrase and negation
    unit = "5 years with Python and no SQL or Go plus 3 yrs Spark "
    small_text, large_text = unit * 200, unit * 800
    analyse(small_text, _spans(small_text))
    small = _calls(lambda: analyse(small_text, _spans(small_text)))
    large = _calls(lambda: analyse(large_text, _spans(large_text)))
    assert large <= 4.4 * small, f"×4 text cost ×{large / small:.1f} work"


class _ScanCounting(str):
    """A str that counts the characters its find/rfind calls scan (C-level work a call count misses)."""

    scanned = 0

    def find(self, sub, start=0, end=None):
        i = str.find(self, sub, start, end)
        _ScanCounting.scanned += ((len(self) if end is None else end) if i == -1 else i) - start
        return i

    def rfind(self, sub, start=0, end=None):
        i = str.rfind(self, sub, start, end)
        _ScanCounting.scanned += (len(self) if end is None else end) - (start if i == -1 else i)
        return i


def test_section_lookup_is_linear_on_one_long_line():
    text = _ScanCounting("Requirements: " + "Python and SQL " * 20000)
    _ScanCounting.scanned = 0
    at = section_at(text)
    found = {at(o) for o in range(0, len(text), 15)}
    assert found == {"requirements"}
    assert _ScanCounting.scanned <= 3 * len(text), f"scanned {_ScanCounting.scanned / len(text):.0f}× the text"


def test_a_huge_word_costs_no_square_work_in_the_typo_matcher(taxonomy, monkeypatch):
    from skillradar.detect import fuzzy

    sizes = []
    real = fuzzy._deletions
    monkeypatch.setattr(fuzzy, "_deletions", lambda word: sizes.append(len(word)) or real(word))
    index = fuzzy.FuzzyIndex(taxonomy)
    assert index.lookup("kubernetes" * 5000) is None
    assert max(sizes, default=0) <= max(len(k) for k in index.names) + 1
    assert index.lookup("Kubernets") is not None  # slips are still found
