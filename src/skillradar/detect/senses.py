"""Narrower senses of general skill words, read from the words around them.

"Deploying, monitoring, and optimising machine learning models" asks for model monitoring, not for
the observability tooling that "monitoring" alone names; "AWS security practices" asks for cloud
security. The lexicon finds the general word; this step moves the hit to the narrower skill when a
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


def refine_senses(text: str, hits: list[Hit], skill_ids) -> list[Hit]:
    """``hits`` with general skills moved to the narrower sense their neighbours show;
    ``skill_ids`` is what the taxonomy in use has (anything with ``in``)."""
    rules = _rules()
    out = []
    for hit in hits:
        for narrower, phrases, where in rules.get(hit.skill_id, ()):
            if narrower not in skill_ids:
                continue
            if where == "after":
                words = _words_after(text, hit.end)
                found = any(_contains(words, p) for p in phrases)
            else:
                found = (_word_before(text, hit.start),) in phrases
            if found:
                hit = hit._replace(skill_id=narrower)
                break
        out.append(hit)
    return out
