"""Skills named as an action on an object, with words between: "deploying custom pre-trained machine
learning models", "visualise complex data", "write clean, maintainable code".

A taxonomy alias covers the adjacent form ("deploy models"); real postings put adjectives, lists and
slashes between the verb and its object. The pairs are data (``data/verb_objects.tsv``); one regex
per skill runs over the text. A hit's span is the whole phrase ("visualise complex data"), so that it is
the evidence a reader would quote; where the words between hold another skill's mention ("deploying …
machine learning models") it is the verb alone, since spans never overlap.
"""

from __future__ import annotations

import functools
import re
from importlib import resources

from .prescan import Prescan

__all__ = ["verb_object_hits"]

_ENDINGS = r"(?:s|es|d|ed|ing|ment|ments|ation|ations)?"
# Words between verb and object; "and"/"or" only before another -ing verb of the same list
# ("deploying, monitoring, and optimizing ML models"), never before a new clause ("deploy X and analyse Y").
_GAP = (r"(?:[\s,/()-]+(?:(?:and|or)[ \t]+\w+ing(?![\w-])|(?!(?:and|or|but|to|for|in|on|with|into)\b)[\w.+#'’-]+))"
        r"{0,4}?[\s,/()-]+")


@functools.lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, tuple[str, ...], tuple[str, ...], re.Pattern]]:
    text = resources.files(__package__).joinpath("data/verb_objects.tsv").read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        skill_id, verbs, objects = line.split("\t")
        verb_alt = "|".join(_verb_regex(v) for v in verbs.split("|"))
        obj_alt = "|".join(re.escape(o.strip()).replace(r"\ ", r"[\s-]+") for o in objects.split("|"))
        prefixes = tuple(v.strip().lower()[:4] for v in verbs.split("|"))  # cheap tests before the regex
        nouns = tuple(o.strip().lower().split()[0][:5] for o in objects.split("|"))
        out.append((skill_id, prefixes, nouns, re.compile(rf"(?<![\w-])(?P<verb>(?:{verb_alt}){_ENDINGS}){_GAP}(?:{obj_alt})\b", re.I)))
    return out


@functools.lru_cache(maxsize=1)
def _scans() -> list[Prescan]:
    """Each pattern of :func:`_patterns` tried only where one of its verbs starts."""
    return [Prescan(p[3]) for p in _patterns()]


def _verb_regex(verb: str) -> str:
    verb = verb.strip().lower()
    if "[sz]" in verb:  # written as a pattern in the data ("visuali[sz]e")
        return verb[:-1] + "e?" if verb.endswith("e") else verb
    base = verb[:-1] if verb.endswith("e") else verb
    return re.escape(base).replace(r"\ ", r"[\s-]+") + ("e?" if base != verb else "")


def verb_object_hits(text: str, skill_ids, covered: list[tuple[int, int]]) -> list[tuple]:
    """``(skill_id, start, end, "alias", 0.85)`` for each verb–object phrase (or its verb) whose verb no
    other hit covers; only skills of the taxonomy in use (``skill_ids``: anything with ``in``)."""
    out = []
    taken = list(covered)
    low = text.lower()
    for (skill_id, prefixes, nouns, _pattern), scan in zip(_patterns(), _scans()):
        if skill_id not in skill_ids or not any(p in low for p in prefixes) or not any(n in low for n in nouns):
            continue
        for m in scan.finditer(text, low):
            start, end = m.span("verb")
            if "\n" in m.group(0) or any(s < end and start < e for s, e in taken):
                continue
            if not any(s < m.end() and start < e for s, e in taken):
                end = m.end()  # the whole phrase ("write clean, efficient code") when no other mention is inside
            out.append((skill_id, start, end, "alias", 0.85))
            taken.append((start, end))
    return out

