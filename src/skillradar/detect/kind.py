"""Whether a text is a résumé or a job posting, when the caller does not say.

A logistic regression over the words a document uses, fitted on real résumés and postings by
``training/fit_kind.py`` (the weights ship as ``data/kind_words.tsv``). A count of a few cue words
called most real one-paragraph résumés postings; which words a text uses at all ("responsibilities",
"you", "benefits" against "months", "details", "university") separates them far better.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

__all__ = ["KIND_WORDS", "document_words", "guess_kind"]

KIND_WORDS = Path(__file__).with_name("data") / "kind_words.tsv"
_HEAD = 8000  # characters read: the kind shows early, and long documents stay cheap
_WORD = re.compile(r"[a-z][a-z'’]+")
# addresses, links and redaction placeholders say nothing of the kind (and the written examples'
# "example.com" addresses would teach a word that no real résumé has)
_NOISE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\[(?:name|email|phone|url|address)\]")
_YEAR_SPAN = re.compile(r"\b(?:19|20)\d\d\s*(?:-|–|to)\s*(?:(?:19|20)\d\d|present|current|date|now)\b")
YEAR_SPAN = "<year-span>"  # a dated entry ("2016 - 2019", "2019 to Present"), as one more "word"


def document_words(text: str) -> set[str]:
    """The distinct words of the text's head, lower-cased, and whether it has a dated span."""
    head = _NOISE.sub(" ", text[:_HEAD].lower())
    words = set(_WORD.findall(head))
    if _YEAR_SPAN.search(head):
        words.add(YEAR_SPAN)
    return words


@lru_cache(maxsize=1)
def _weights() -> tuple[float, dict[str, float]]:
    """The bias, and what using each word adds to the score (> 0 is a résumé)."""
    bias, gain = 0.0, {}
    with open(KIND_WORDS, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            word, weight = line.rstrip("\n").split("\t")
            if word == "<bias>":
                bias = float(weight)
            else:
                gain[word] = float(weight)
    return bias, gain


# The words themselves must lean to a résumé by this much: a snippet with no telling word ("Python
# and SQL") stays a posting, as most text given without a kind is.
_LEAN = 0.5


def guess_kind(text: str) -> str:
    """``resume`` or ``posting`` (in doubt, posting)."""
    _bias, gain = _weights()
    return "resume" if sum(gain.get(w, 0.0) for w in document_words(text)) > _LEAN else "posting"


