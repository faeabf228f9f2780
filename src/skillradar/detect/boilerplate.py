"""Boilerplate that names its own kind: benefits, equal-opportunity and legal text, how to apply,
and prose about the employer, found by their words wherever they stand in a posting.

Real postings put such text under no heading, or under one that says nothing ("Additional
information"); its cue phrases ("without regard to race", "dental, vision", "401(k)") are found with
one Aho–Corasick pass per document and counted per paragraph (or per sentence of a one-line posting).
"""

from __future__ import annotations

import bisect
import re

from .prescan import Prescan

__all__ = ["Cues", "blocks", "paragraphs", "content_kind", "about_sentences", "employer_names"]


# Cue phrases, lower case, found with one Aho–Corasick pass per document (a regex alternation of this
# size cost ~0.5 ms per 2 KB posting). A phrase matches at a word start; most also at a word end.
_CUE_PHRASES: dict[str, tuple[str, ...]] = {
    "eeo": (
        "equal opportunit", "equal employment opportunit", "affirmative action", "without regard to",
        "regardless of race", "regardless of age", "regardless of gender", "regardless of sex", "race, color",
        "race, colour", "race color", "national origin", "sexual orientation", "gender identity",
        "protected veteran", "veteran status", "disability status", "reasonable accommodation",
        "accommodation during the application", "accommodations during the application",
        "accommodation in the interview", "e-verify", "background check", "background investigation",
        "drug test", "drug screen", "pay transparency", "fair chance", "arrest and conviction",
        "arrest or conviction", "criminal histor", "privacy notice", "privacy policy", "not sponsor",
        "not provide sponsorship", "visa sponsorship", "authorized to work", "authorised to work",
        "eligible to work", "eligibility to work", "citizenship is required", "citizenship required",
        "selective service", "veterans preference", "veterans' preference", "eeo ", "eeo.", "eeo,",
        "diverse workforce", "diverse and inclusive workforce", "celebrate diversity", "committed to diversity",
        "committed to creating an inclusive", "committed to equal"),
    "benefits": (
        "401(k)", "401k", "401 (k)", "dental", "vision insurance", "vision coverage", "vision plan", "vision care",
        "medical,", "health insurance", "health care", "health benefits", "health plan", "life insurance",
        "disability insurance", "paid time off", "pto ", "pto,", "pto.", "parental leave", "maternity",
        "paternity", "vacation", "holidays", "sick leave", "sick days", "tuition reimbursement",
        "tuition assistance", "wellness", "stock options", "equity package", "equity grant",
        "equity compensation", "rsu ", "rsus", "retirement", "pension", "salary range", "base salary", "base pay",
        "pay range", "compensation range", "compensation package", "compensation for this", "per hour",
        "per year", "per annum", "commuter", "gym ", "gym,", "free lunch", "free meals", "free snacks",
        "learning budget", "learning stipend", "learning and development budget", "home office budget",
        "home office stipend", "flexible working", "flexible hours", "flexible schedule", "hybrid work",
        "remote-first", "remote first", "employee assistance", "bonus plan", "bonus program", "bonus eligib",
        "annual bonus", "relocation assistance", "relocation package"),
    "apply": (
        "how to apply", "to apply", "click apply", "please apply", "apply now", "apply today", "apply online",
        "apply via", "apply through", "apply at", "apply by", "submit your resume", "submit your cv",
        "submit your application", "submit a resume", "submit a cv", "submit a application",
        "send your resume", "send your cv", "send us your resume", "send us your cv", "application deadline",
        "application process", "application window", "recruitment agenc", "unsolicited resumes",
        "unsolicited applications", "interview process", "hiring process", "we will be in touch",
        "we'll be in touch", "only shortlisted", "closing date"),
    "about": (
        "founded in", "our mission", "headquartered", "backed by", "investors", "our customers include",
        "our clients include", "we are a leading", "we are a global", "we are a fast", "we are an leading",
        "we are the leading", "is a leading", "is a global", "is a world", "is a fast-growing", "is a pioneer",
        "is the leading", "is the global", "is an leading", "employees in", "employees across",
        "employees worldwide", "offices in", "offices across", "our culture", "our values", "named one of",
        "named a best", "leading provider"),
}
_CUE_PATTERNS = {  # the few cues that are not phrases: amounts of money, "Series B", "Fortune 500"
    "benefits": re.compile(r"[$£€]\s?\d{2,3}(?:[,.]\d{3}|k)", re.I),
    "about": re.compile(r"\bseries [a-e]\b|\bfortune \d+\b", re.I),
}

_CUE_SCANS = {kind: Prescan(p) for kind, p in _CUE_PATTERNS.items()}  # tried where "series", "fortune", "$" start


def _cue_automaton():
    import ahocorasick

    auto = ahocorasick.Automaton()
    for kind, phrases in _CUE_PHRASES.items():
        for phrase in phrases:
            auto.add_word(phrase, (kind, phrase))
    auto.make_automaton()
    return auto


_CUE_AUTOMATON = _cue_automaton()


class Cues:
    """Positions of boilerplate cues in one document, by kind, for counting per block."""

    def __init__(self, text: str) -> None:
        low = text.lower().replace("\u2019", "'")
        self.at: dict[str, list[tuple[int, str]]] = {kind: [] for kind in _CUE_PHRASES}
        if len(low) == len(text):
            for end, (kind, phrase) in _CUE_AUTOMATON.iter(low):
                start = end - len(phrase) + 1
                if start == 0 or not low[start - 1].isalnum():
                    self.at[kind].append((start, phrase))
        else:  # a rare letter changed length when lower-cased: find phrases block by block instead
            self.at = {}
        self.low = low
        for kind, scan in _CUE_SCANS.items():
            if kind in self.at:
                self.at[kind].extend((m.start(), m.group(0).lower()) for m in scan.finditer(text))
                self.at[kind].sort()

    def distinct(self, kind: str, s: int, e: int, block: str) -> int:
        if not self.at:
            low = block.lower()
            found = {p for p in _CUE_PHRASES[kind] if p in low}
            if kind in _CUE_PATTERNS:
                found |= {m.group(0).lower() for m in _CUE_PATTERNS[kind].finditer(block)}
            return len(found)
        items = self.at[kind]
        i = bisect.bisect_left(items, (s, ""))
        seen = set()
        while i < len(items) and items[i][0] < e:
            seen.add(items[i][1])
            i += 1
        return len(seen)


# Words of asking: a block that asks for skills is not boilerplate, whatever else it says.
_ASKING = re.compile(r"\b(?:experience (?:with|in)|knowledge of|proficien|familiar|understanding of|ability to|"
                     r"skills? in|you will|you'll|responsible for|must have|required|preferred|degree in)\b", re.I)


_WE = re.compile(r"\b(?:we|we're|we've|our|ours|us)\b", re.I)
_YOU = re.compile(r"\b(?:you|you'll|you're|your|yourself|candidates?|applicants?)\b", re.I)
_BULLET = re.compile(r"\s*(?:[-*•●▪◦–]|\d+[.)])\s")


def _about_prose(block: str) -> bool:
    """A prose paragraph about the employer: it speaks of "we" and "our", never of "you", and asks for
    nothing ("Vericast is a big data company. We receive…"); list items are never about-us prose."""
    if len(block) < 150 or _BULLET.match(block):
        return False
    return len(_WE.findall(block)) >= 2 and not _YOU.search(block) and not _ASKING.search(block)


def content_kind(block: str, cues: Cues | None = None, start: int = 0) -> str | None:
    """The boilerplate kind a paragraph or sentence is by its own words, or None (``cues``: the
    document's cue positions, ``start``: the block's offset in it)."""
    cues = cues or Cues(block)
    best, best_n = None, 0
    for kind in _CUE_PHRASES:
        n = cues.distinct(kind, start, start + len(block), block)
        if n > best_n:
            best, best_n = kind, n
    if best is None:
        return "about" if _about_prose(block) else None
    asking = bool(_ASKING.search(block))
    # Two different cues, or one in a block that asks for nothing (a sentence of pure boilerplate).
    if best_n >= 2 and not (asking and best_n < 3) or (best_n == 1 and not asking and best in ("eeo", "benefits")
                                                        and len(block) < 400):
        return best
    return "about" if _about_prose(block) else None


# Who a sentence is about. Prose about the employer is often written around "you" and under a heading
# that says nothing ("Job description"); a sentence of it still names the employer as its subject:
# "We", "Our mission", "The Data team", "Renesas is", "Their belief". Such a sentence that neither
# speaks to the reader nor asks for anything describes the employer.
_LEAD = r"(?:[^,.;:!?]{0,80},\s*)?"  # "At Acme, we …", "Harnessing a decade of data, our model …"
_EMPLOYER_SUBJECT = re.compile(
    _LEAD + r"(?:we|we're|we've|we'll|our|us|their|they|they're|its|the\s+(?:[\w&-]+\s+){0,4}?"
    r"(?:team|group|division|department|organi[sz]ation|company|business|platform|product|mission))\b", re.I)
# …unless the sentence is about the person sought: "We are seeking engineers who …".
_SEEKING = re.compile(r"\b(?:seek(?:s|ing)?|looking for|hiring|searching for|recruiting|want(?:s|ed)?|"
                      r"need(?:s)?\s+(?:a|an|someone|people|engineers?)|who (?:is|are|has|have|can|will)|"
                      r"ideal candidate|join (?:us|our|the))\b", re.I)
_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+(?=\s|$)|$)")
_NAME_WORD = re.compile(r"[A-Z][\w&.-]*[A-Za-z0-9]")


def employer_names(title_block: str) -> frozenset[str]:
    """Capitalised words of a posting's title block after its first line (company name, place):
    a sentence whose subject is one of them ("Renesas is …", "Aircall offers …") is about the employer."""
    words: set[str] = set()
    for line in title_block.split("\n")[1:]:
        line = re.sub(r"`[^`]*`|\[[^\]]*\]\([^)]*\)", " ", line)
        words.update(w for w in _NAME_WORD.findall(line) if len(w) > 2)
    return frozenset(words)


def _about_sentence(sentence: str, names: frozenset[str]) -> bool:
    if _YOU.search(sentence) or _ASKING.search(sentence) or _SEEKING.search(sentence):
        return False
    if _EMPLOYER_SUBJECT.match(sentence):
        return True
    first = _NAME_WORD.match(sentence)
    return bool(first and first.group(0).removesuffix("'s").removesuffix("’s") in names)


def about_sentences(text: str, start: int, end: int, names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(start, end) of the sentences of the prose paragraph ``text[start:end]`` that describe the
    employer (list items are the posting's own points and are never read so)."""
    if end - start < 60 or any(_BULLET.match(line) or line.lstrip().startswith(("#", "|"))
                               for line in text[start:end].split("\n")):
        return []
    out = []
    for m in _SENTENCE.finditer(text, start, end):
        s = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        if m.end() - s >= 30 and _about_sentence(text[s:m.end()], names):
            out.append((s, m.end()))
    return out


_BLOCK_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of ``text`` (parts between blank lines)."""
    out, pos = [], 0
    for m in _BLOCK_BREAK.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def blocks(text: str) -> list[tuple[int, int]]:
    """Paragraphs of ``text``; a paragraph over 600 characters on one line is cut into sentences."""
    out = paragraphs(text)
    fine = []
    for s, e in out:
        para = text[s:e]
        if e - s > 600 and para.count("\n") < 3:
            p = s
            for m in _SENTENCE_BREAK.finditer(text, s, e):
                fine.append((p, m.start()))
                p = m.end()
            fine.append((p, e))
        else:
            lines = para.split("\n")
            if len(lines) > 1 and e - s > 300:  # a list: each line may be its own kind
                p = s
                for line in lines:
                    fine.append((p, p + len(line)))
                    p += len(line) + 1
            else:
                fine.append((s, e))
    return [(s, e) for s, e in fine if e > s]
