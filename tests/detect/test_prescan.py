"""Prescan.finditer must give exactly the matches of pattern.finditer, on any text."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.detect import entity, verbs
from skillradar.detect.prescan import Prescan, heads

_PATTERNS = [
    entity._PEOPLE_LEAD,
    *(p[3] for p in verbs._patterns()),
    re.compile(r"(?<![\w-])(?:deploy|serv)e?(?:s|ed|ing)?\s+models?\b", re.I),
    re.compile(r"\bteam(?:s)?\b|\bgroup\b"),  # case-sensitive: looked for in the text itself
    re.compile(r"(?=work)\w+ing"),  # look-ahead first: no head read from it
    re.compile(r"a*b"),  # may start with anything
]
_WORDS = ["work", "Work", "WORKING", "with", "teams", "Team", "Sales", "deploy", "Deploying", "models", "model",
          "serve", "train", "retrain", "data", "-", ",", "and", "İ", "ı", "ſ", "K", "ǅ", "Σ", "\n", "  ", "(", "ab",
          "alongside", "partner", "closely", "visualise", "write", "code", "tests", "x-work", "coworkers"]


def _same(pattern: re.Pattern, text: str) -> None:
    want = [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]
    got = [(m.start(), m.end(), m.groupdict()) for m in Prescan(pattern).finditer(text)]
    assert got == want


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40), st.sampled_from(_PATTERNS), st.sampled_from([" ", "", "\t"]))
def test_same_matches_as_finditer(words, pattern, sep):
    _same(pattern, sep.join(words))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60), st.sampled_from(_PATTERNS))
def test_same_matches_on_any_text(text, pattern):
    _same(pattern, text)


def test_heads_read_from_the_pattern():
    assert heads(re.compile(r"\b(?:work(?:s|ing)?\s+with|alongside)", re.I)) == ("work", "alongside")
    assert heads(re.compile(r"(?<![\w-])(?:Deploy|Serv)e?", re.I)) == ("serv", "deploy")
    assert heads(re.compile(r"Team|Teams")) == ("Team",)  # a longer head another one starts adds nothing
    assert heads(re.compile(r"a*b")) is None and heads(re.compile(r"[ab]c")) is None


def test_odd_case_folds_fall_back():
    # "ſ" matches "s" under IGNORECASE but str.lower() keeps it: such a text is scanned the plain way
    p = re.compile(r"\bserve\b", re.I)
    _same(p, "we ſerve models and serve data")
    _same(p, "İ serve")
    assert [m.start() for m in Prescan(p).finditer("we ſerve")] == [3]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["see", "https://", "www.", "acme.com/jobs", " ", "(", ")", "\n", "x", "http", ".ai", "/"]),
                max_size=20))
def test_web_links_without_at_sign_as_the_whole_link_pattern(pieces):
    from skillradar.detect import lexicon

    text = "".join(pieces)
    assert [m.span() for m in lexicon._WEB_LINK.finditer(text)] == [m.span() for m in lexicon._LINK.finditer(text)]
