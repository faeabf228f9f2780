"""The linear resolution of ambiguous names decides exactly as the former quadratic one did.

``_reference`` is the former rule, kept here as the oracle: every ambiguous hit was checked against
every other hit of the text, and acceptance spread along lists round by round.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.detect import ambiguity as amb
from skillradar.detect import lexicon

from .._examples import examples

_OLD_GAP = re.compile(r"^[\s,/;|&()+·•*-]*(and|or|&)?[\s,/;|&()+·•*-]*$", re.I)


def _old_evidence(text, start, end, neighbours, *, listed_only=False):
    before = text[max(0, start - 25):start]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    window = text[max(line_start, start - 40):start] + " " + text[end:min(line_end, end + 40)]
    for h in neighbours:
        if h.start == start:
            continue
        listed = ((line_start <= h.end <= start and _OLD_GAP.match(text[h.end:start]))
                  or (end <= h.start <= line_end and _OLD_GAP.match(text[end:h.start])))
        if listed and (not h.ambiguous or amb._WEAK_CUES.search(window) or amb._has_strong_cue(window)):
            return 0.9
    if listed_only:
        return None
    if amb._has_strong_cue(window):
        return 0.85
    prev = re.search(r"([A-Z][a-z]+) $", before)
    if prev and not (prev.group(1).lower() in amb._STRONG_WORDS or amb._WEAK_CUES.fullmatch(prev.group(1))):
        return None
    if amb._WEAK_CUES.search(window):
        return 0.75
    return None


def _reference(text, hits):
    if not any(h.ambiguous for h in hits):
        return hits
    everyday = amb.everyday_use
    neighbours = [h for h in hits if not h.ambiguous or (h.exact_case and not everyday(text, h.start, h.end))]
    accepted = {}
    for i, h in enumerate(hits):
        if not h.ambiguous:
            accepted[i] = h
        elif h.exact_case and not everyday(text, h.start, h.end):
            verdict = _old_evidence(text, h.start, h.end, neighbours)
            if verdict is not None:
                accepted[i] = h._replace(confidence=verdict)
    waiting = [i for i, h in enumerate(hits) if h.ambiguous and h.exact_case and i not in accepted
               and not everyday(text, h.start, h.end)]
    while waiting:
        vouching = [h._replace(ambiguous=False) for h in accepted.values()]
        newly = [i for i in waiting
                 if _old_evidence(text, hits[i].start, hits[i].end, vouching, listed_only=True) is not None]
        if not newly:
            break
        for i in newly:
            accepted[i] = hits[i]._replace(confidence=0.85)
            waiting.remove(i)
    pending = [i for i, h in enumerate(hits) if h.ambiguous and not h.exact_case]
    changed = True
    while pending and changed:
        changed = False
        for i in list(pending):
            h = hits[i]
            if everyday(text, h.start, h.end):
                pending.remove(i)
                continue
            verdict = _old_evidence(text, h.start, h.end, list(accepted.values()), listed_only=True)
            if verdict is not None:
                accepted[i] = h._replace(confidence=verdict - 0.1)
                pending.remove(i)
                changed = True
    return [accepted[i] for i in sorted(accepted)]


_WORDS = st.sampled_from([
    "Go", "go", "Spark", "spark", "R", "C", "React", "react", "Excel", "excel", "Swift", "Kafka", "kafka",
    "Snowflake", "Tableau", "Azure", "AWS", "Python", "SQL", "Docker", "French", "Italian", "to", "market",
    "quickly", "and", "or", "&", ",", "/", " ", "  ", "\n", ".", "experience", "developer", "Taylor", "with",
    "skills:", "we", "joy", "-", "(", ")", "R&D", "C-level", "level", "PyTorch", "Shiny", "tidyverse",
])


@settings(max_examples=examples(400), deadline=None, derandomize=True)
@given(st.lists(_WORDS, max_size=60))
def test_linear_resolution_matches_the_reference(words):
    text = " ".join(words)
    seen = []
    original = lexicon._resolve_ambiguous

    def both(text_, hits):
        got = original(text_, hits)
        seen.append((got, _reference(text_, hits)))
        return got

    lexicon._resolve_ambiguous = both
    try:
        from skillradar.taxonomy import load_taxonomy

        lexicon.lexicon_for(load_taxonomy()).find(text)
    finally:
        lexicon._resolve_ambiguous = original
    for got, want in seen:
        assert got == want, text


def test_long_separator_runs_do_not_backtrack():
    gap = "&" * 200_000 + "x"
    assert amb.listed(gap, 0, len(gap)) is False
    gap = " , / " * 1000 + " and " + " ; " * 1000
    assert amb.listed(gap, 0, len(gap)) is True
    assert amb.listed("a,\nb", 1, 3) is False
