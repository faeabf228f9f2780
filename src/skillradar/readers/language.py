"""A cheap, conservative check that a text is in English.

Skills are matched against English labels, so a text in another language would quietly yield
little. The check looks at (at most) the first :data:`SAMPLE_CHARS` characters:

- mostly non-Latin letters (Cyrillic, Greek, Arabic, CJK …, at least :data:`MIN_LETTERS` letters);
- or, with at least :data:`MIN_WORDS` words, function words of one of a few common European
  languages making up at least 10 % of the words and more than twice the share of English function
  words.

A list of skills ("Python, PyTorch, SQL, Docker …") has neither English nor foreign function words
and is never flagged; neither is short text.
"""

from __future__ import annotations

import re
from collections import Counter

from ..records import Notice

__all__ = ["language_notice", "MIN_WORDS", "MIN_LETTERS", "SAMPLE_CHARS"]

MIN_WORDS = 30
MIN_LETTERS = 60
SAMPLE_CHARS = 3_000

_ENGLISH = frozenset(
    """a about above after all also an and any are as at be because been before being both but by can
    could did do does doing during each for from had has have having he her here him his how i if in
    into is it its just more most my no nor not of on once only or other our out over own same she
    should so some such than that the their them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you
    your years experience work team""".split()
)
_FOREIGN = {
    "Spanish": """el la los las del que y en por para con una un su sus al es lo como más pero
        muy sin sobre también entre cuando hasta desde donde nuestro nuestra trabajo experiencia
        conocimientos años equipo empresa ser está son""",
    "French": """le la les des du de et est une un pour dans avec sur pas que qui au aux ce cette
        nous vous sont être ou mais plus par leur expérience travail équipe connaissances ans
        entreprise poste""",
    "German": """der die das und ist nicht mit sich des dem den ein eine einer einem eines auf für
        von zu im auch als wir sie oder bei nach werden haben kenntnisse erfahrung mehrjährige
        team unternehmen aufgaben""",
    "Portuguese": """o os as da do das dos em um uma para com não por mais que seu sua ao na no
        nas nos como experiência trabalho conhecimento anos equipe empresa você""",
    "Italian": """il lo gli della delle dei degli che di e è per con una un non sono nel nella
        alla al anche come più esperienza lavoro conoscenza anni squadra azienda""",
    "Dutch": """de het een en van ik je dat die niet zijn op aan met voor er maar om ook als dan
        bij nog wel naar kennis ervaring werk jaar bedrijf wij jij""",
}
_FOREIGN_SETS = {lang: frozenset(words.split()) - _ENGLISH for lang, words in _FOREIGN.items()}
_WORD = re.compile(r"[^\W\d_]+")


def _is_latin(ch: str) -> bool:
    return ch < "\u0250" or "\u1e00" <= ch <= "\u1eff"


def language_notice(text: str) -> Notice | None:
    """An ``unsupported_language`` notice when ``text`` is clearly not English, else None."""
    sample = text[:SAMPLE_CHARS]
    # Fewer than MIN_LETTERS / 2 characters beyond Latin-1 cannot make a non-Latin majority: skip the loop.
    beyond_latin1 = len(sample) - len(sample.encode("latin-1", "ignore"))
    letters = [ch for ch in sample if ch.isalpha()] if beyond_latin1 * 2 >= MIN_LETTERS else []
    if len(letters) >= MIN_LETTERS:
        other = sum(1 for ch in letters if not _is_latin(ch))
        if other > len(letters) / 2:
            return Notice(
                "unsupported_language",
                "the text is mostly in a non-Latin script, so it is probably not English; skills are "
                "matched against English labels and many will be missed",
            )
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return None
    counts = Counter(words)
    english = sum(counts[w] for w in _ENGLISH if w in counts) / len(words)
    best_lang, best = "", 0.0
    for lang, stop in _FOREIGN_SETS.items():
        share = sum(counts[w] for w in stop if w in counts) / len(words)
        if share > best:
            best_lang, best = lang, share
    if best >= 0.10 and best > 2 * english:
        return Notice(
            "unsupported_language",
            f"the text looks like {best_lang}, not English; skills are matched against English labels "
            "and many will be missed",
        )
    return None
