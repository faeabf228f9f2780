"""Senses of skill words, read from the words around them.

"Deploying, monitoring, and optimising machine learning models" asks for model monitoring, not for
the observability tooling that "monitoring" alone names; "AWS security practices" asks for cloud
security. Some words have a sense outside the field altogether: "power transformers and substations",
"an LLM (Master of Laws)", "database clustering", "regression tests". The lexicon finds the word; this
step moves the hit to the skill its neighbours show, or drops it when they show another field, when a
cue from ``data/senses.tsv`` stands in the same clause. Rules are data so a curator can add senses.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from .base import Hit

__all__ = ["refine_senses"]

_WORD = re.compile(r"[a-z0-9][a-z0-9/+#.-]*")
_CLAUSE_END = re.compile(r"[.;:!?\n]|\s[-–—]\s")
_AFTER_WORDS = 5
_NEAR_WORDS = 8
NOT_A_SKILL = "-"  # the target of a rule whose cues show a sense outside the taxonomy


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, list[tuple[str, tuple[tuple[str, ...], ...], str]]]:
    text = resources.files(__package__).joinpath("data/senses.tsv").read_text(encoding="utf-8")
    rules: dict[str, list] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        general, narrower, cues, where = line.split("\t")
        phrases = tuple(tuple(c.strip().lower().split()) for c in cues.split("|"))
        rules.setdefault(general, []).append((narrower, phrases, where.strip()))
    return rules


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(w.rstrip(".") for w in words[i:i + n]) == phrase for i in range(len(words) - n + 1))


def _words_after(text: str, end: int) -> list[str]:
    tail = text[end:end + 80]
    stop = _CLAUSE_END.search(tail)
    return _WORD.findall((tail[:stop.start()] if stop else tail).lower())[:_AFTER_WORDS + 1]


def _word_before(text: str, start: int) -> str:
    words = _WORD.findall(text[max(0, start - 30):start].lower())
    return words[-1].rstrip(".") if words else ""


def _words_near(text: str, start: int, end: int) -> list[str]:
    """Up to eight words each side of a hit, within its clause."""
    head = text[max(0, start - 100):start]
    cut = list(_CLAUSE_END.finditer(head))
    head = head[cut[-1].end():] if cut else head
    tail = text[end:end + 100]
    stop = _CLAUSE_END.search(tail)
    tail = tail[:stop.start()] if stop else tail
    return _WORD.findall(head.lower())[-_NEAR_WORDS:] + ["|"] + _WORD.findall(tail.lower())[:_NEAR_WORDS]


def _cue_found(text: str, hit: Hit, phrases, where: str) -> bool:
    if where == "after":
        return any(_contains(_words_after(text, hit.end), p) for p in phrases)
    if where == "next":
        return any(_contains(_words_after(text, hit.end)[:len(p)], p) for p in phrases)
    if where == "near":
        joined = " " + " ".join(w.rstrip(".") for w in _words_near(text, hit.start, hit.end)) + " "
        return any(f" {' '.join(p)} " in joined for p in phrases)
    return (_word_before(text, hit.start),) in phrases


def refine_senses(text: str, hits: list[Hit], skill_ids) -> list[Hit]:
    """``hits`` with skill words moved to the sense their neighbours show, and without those whose
    neighbours show a sense outside the taxonomy; ``skill_ids`` is what the taxonomy in use has
    (anything with ``in``)."""
    rules = _rules()
    out = []
    for hit in hits:
        keep = True
        for narrower, phrases, where in rules.get(hit.skill_id, ()):
            if narrower != NOT_A_SKILL and narrower not in skill_ids:
                continue
            if _cue_found(text, hit, phrases, where):
                if narrower == NOT_A_SKILL:
                    keep = False
                else:
                    hit = hit._replace(skill_id=narrower)
                break
        if keep:
            out.append(hit)
    return out
