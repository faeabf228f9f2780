"""What kind of text each part of a document is: requirements, benefits, an EEO notice, a résumé's
experience …

Two readers, because real postings use both:

* **Headings.** A short heading-like line (or an inline label, "Nice to have: Kubernetes") is read by
  a small naive-Bayes model whose word weights are learned from ``data/headings.tsv``: real headings
  with their kind. Headings in the wild are many ("What we need to see", "How you stand out",
  "We'd love to hear from you if you have:"); the words they share with known ones decide, so a new
  wording needs a line of data, not code. A line whose words are mostly unknown is not a heading.
* **Content.** Benefits, equal-opportunity, application and about-the-company text often comes with no
  heading at all, or under a heading that says nothing ("Additional information"). Paragraphs (or, in
  one-line postings, sentences) with strong cues of such boilerplate ("without regard to race",
  "dental, vision", "401(k)") take that kind whatever heading they sit under (see ``boilerplate``).

Mentions in ``about``, ``benefits``, ``eeo`` and ``apply`` text are kept with their section but are not
demand (see ``NON_DEMAND``): a posting that offers "life insurance" does not ask for insurance skills.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from importlib import resources

from .boilerplate import Cues, about_sentences, blocks, content_kind, employer_names, paragraphs

__all__ = ["SECTIONS", "NON_DEMAND", "classify_heading", "SectionMap", "title_block_end"]

SECTIONS = (
    "title", "requirements", "nice_to_have", "responsibilities", "skills", "experience", "projects",
    "education", "certifications", "summary", "about", "benefits", "eeo", "apply",
)
NON_DEMAND = frozenset({"title", "about", "benefits", "eeo", "apply"})
# Sections whose prose asks for skills: a sentence there that names the employer ("We use Spark")
# still says what the job needs.
_ASKING_SECTIONS = frozenset({"requirements", "nice_to_have", "skills", "experience", "education"})

# Data kinds → section names (``preferred`` is stored as the long-standing ``nice_to_have``).
_KIND_NAMES = {"preferred": "nice_to_have"}
# A résumé heading kind read in a posting means the posting's requirement of it, and the reverse.
_IN_POSTING = {"skills": "requirements", "experience": "requirements", "education": "requirements",
               "certifications": "requirements", "summary": "responsibilities", "projects": "responsibilities"}
# A résumé is read with résumé headings only: its "Education" is never a posting's requirement.
_RESUME_KINDS = frozenset({"skills", "experience", "projects", "education", "certifications", "summary"})

_WORD = re.compile(r"[a-z]+")
_CONTRACTIONS = {"ll": "will", "re": "are", "ve": "have", "d": "would", "s": ""}


def _tokens(words: str) -> list[str]:
    """Lower-case word stems of a heading, contractions expanded ("you'll" → you, will)."""
    low = words.lower().replace("\u2019", "'")
    out = []
    for w in _WORD.findall(low):
        w = _CONTRACTIONS.get(w, w)
        if not w:
            continue
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return out


class _HeadingModel:
    """Each heading word (and word pair) votes for the kinds of the known headings that use it, in
    proportion to how many of them do; the votes multiply (a naive-Bayes product of per-word
    posteriors). Unlike a multinomial model it does not favour kinds with few examples for words it
    has never seen with them."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        self.df: dict[str, Counter] = {}
        self.kinds: set[str] = set()
        self.known: dict[str, set[str]] = {}  # a heading seen as such: its own kind(s) decide
        self.heads: Counter = Counter()  # how many known headings end with each word
        for kind, heading in rows:
            self.kinds.add(kind)
            self.heads.update(_tokens(heading)[-1:])
            self.known.setdefault(" ".join(_tokens(heading)), set()).add(kind)
            for f in set(self._features(heading)):
                self.df.setdefault(f, Counter())[kind] += 1
        self.vocab = {f for f in self.df if " " not in f}

    @staticmethod
    def _features(heading: str) -> list[str]:
        toks = _tokens(heading)
        return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]

    def posteriors(self, heading: str, min_known: float = 0.6, kinds: frozenset[str] | None = None) -> dict[str, float]:
        """Posterior of each kind (of ``kinds``, default all) for a heading, or {} when too few of its
        words are known."""
        toks = _tokens(heading)
        if not toks:
            return {}
        # The last word is a heading's head ("Mandatory requirements", "Key qualifications"): a head that
        # ends many known headings counts twice, so one unfamiliar modifier does not unmake a heading
        # (a company's "Proof Technology" ends none).
        head = 1 if len(toks) > 1 and len(toks[-1]) > 3 and self.heads[toks[-1]] >= _HEAD_MIN else 0
        known = sum(1 for t in toks if t in self.vocab) + head
        if known / (len(toks) + head) < min_known:
            return {}
        kinds = self.kinds if kinds is None else self.kinds & kinds
        seen = self.known.get(" ".join(toks), set()) & kinds
        if seen:
            return {kd: 1 / len(seen) for kd in seen}
        k = len(kinds)
        scores = dict.fromkeys(kinds, 0.0)
        for f in self._features(heading):
            counts = self.df.get(f)
            if not counts:
                continue
            n = sum(counts.values())
            for kind in kinds:
                scores[kind] += math.log((counts[kind] + _BETA) / (n + _BETA * k))
        z = max(scores.values())
        weights = {kd: math.exp(v - z) for kd, v in scores.items()}
        norm = sum(weights.values())
        return {kd: w / norm for kd, w in weights.items()}


_HEAD_MIN = 4  # known headings a word must end to count as a head noun
_BETA = 0.1  # additive smoothing of each word's vote: small, so one telling word ("benefits") decides


@functools.lru_cache(maxsize=1)
def _model() -> _HeadingModel:
    rows = []
    text = resources.files(__package__).joinpath("data/headings.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            kind, heading = line.split("\t", 1)
            rows.append((kind, heading.strip()))
    return _HeadingModel(rows)


# A résumé heading that names whose certificates or courses follow: one or two capitalised words (an
# issuer such as IBM, AWS, Coursera) before the heading word, which alone decides the kind.
_ISSUER_HEADING = re.compile(r"(?:[A-Z][\w&.'’-]*\s+){1,2}((?i:certifications?|certificates?|courses|trainings?))$")
# A company's name after "About" or "Why": one to four capitalised words, none of them a pronoun or
# article ("About You" asks for the reader, "About Anyscale" describes the employer).
_COMPANY_NAME = r"(?!(?i:you|the|this|our|us|me|your|a|an|we)\b)[A-Z0-9][\w.&'’-]*(?:\s+[A-Z0-9][\w.&'’-]*){0,3}"
_WHY_NAME = re.compile(r"(?i:why)\s+(?:(?i:join|work\s+(?:at|for|with))\s+)?" + _COMPANY_NAME + r"\??$")
_ABOUT_NAME = re.compile(r"(?i:about)\s+" + _COMPANY_NAME + "$")


def classify_heading(words: str, kind: str = "posting", min_posterior: float = 0.5,
                     min_known: float = 0.6) -> str | None:
    """The section a heading's words name, for a document of ``kind``, or None when it is no heading.

    ``min_known`` is the share of its words that known headings use: a line that is only plausibly a
    heading (no colon, no markup) must be made of heading words almost entirely.
    """
    words = words.strip(" \t-*#:_!.?…")
    if not words or len(words) > 64:
        return None
    if _ABOUT_NAME.match(words) or _WHY_NAME.match(words):  # "About Anyscale", "Why Shipwell"
        return "about" if kind != "resume" else None
    resume = kind == "resume"
    by_name: dict[str, float] = {}
    for label, p in _model().posteriors(words, min_known, _RESUME_KINDS if resume else None).items():
        name = _KIND_NAMES.get(label, label)
        name = name if resume else _IN_POSTING.get(name, name)
        by_name[name] = by_name.get(name, 0.0) + p
    if not by_name:
        if resume and (named := _ISSUER_HEADING.match(words)):  # "IBM Certifications", "AWS Certificates"
            return classify_heading(named.group(1), kind, min_posterior=0.8, min_known=1.0)
        return None
    best = max(by_name, key=by_name.get)
    if best == "requirements" and _OPTIONAL_HEADING.search(words):
        return "nice_to_have"  # "Good-to-have technical skills": the skills words say what, these say how much
    if resume and best == "skills" and _duties(words, min_known):
        return None  # "Key responsibilities:" under a job: its duties, so the job's section goes on
    return best if by_name[best] >= min_posterior else None


def _duties(words: str, min_known: float) -> bool:
    """Whether a heading read as a résumé's skills names a job's duties instead ("Key responsibilities",
    "Key result areas"): its words are those of posting duty headings more than of skills headings."""
    votes = _model().posteriors(words, min_known, frozenset({"skills", "responsibilities"}))
    return votes.get("responsibilities", 0.0) > votes.get("skills", 0.0)


# "**", "__", "_ **Plus:**_": markdown emphasis, nested ("* " alone opens a list item, not a heading)
_EMPHASIS = r"(?:(?:\*\*\*|\*\*|___|__|_|\*(?![ \t]))[ \t]*){0,2}"
_HEADING_CANDIDATE = re.compile(
    r"[ \t]{0,3}(?:#{1,6}[ \t]*)?" + _EMPHASIS + r"[A-Za-z][A-Za-z0-9 ,&'’/()!?.…-]{1,62}?[ \t]*" + _EMPHASIS
    + r"[:!?…]?[ \t]*" + _EMPHASIS + r"$")
# A heading that says its items are optional, in whatever words it names them.
_OPTIONAL_HEADING = re.compile(r"(?i)\b(?:(?:nice|good|great)[ -]to[ -]haves?|a plus|bonus|preferred|optional|not required|willing to learn|"
                               r"(?:don['’]t|do not|doesn['’]t) (?:have|need) to)\b")
# A list item that is only an emphasised label ending with a colon: it heads the items below it.
_BULLET_SUBHEADING = re.compile(r"[ \t]*[-*•●▪◦·][ \t]+(?:\*\*|__)([A-Za-z][^*_\n:]{1,60}?)[ \t]*:?[ \t]*(?:\*\*|__)[ \t]*:?[ \t]*$")
_BULLET_LINE = re.compile(r"\s*(?:[-*•●▪◦·]|\d{1,2}[.)])\s")
_GLUED_HEADING = re.compile(r"(?<=[a-z.)])([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})[ \t]*$")
_SETEXT = re.compile(r"\s{0,3}(?:=+|-{3,})\s*$")
_INLINE_CANDIDATE = re.compile(
    r"[ \t]*(?:[-*•·][ \t]*)?(?:\*\*|__)?([A-Za-z][A-Za-z &'’/-]{1,40}?)"
    r"(?:(?:\*\*|__)?[ \t]*[:–—](?:\*\*|__)?[ \t]+|[ \t]+[•*●·][ \t]+)\S")  # "Label: …", "**Label:** …"


def _heading_strength(line: str, underlined: bool) -> float | None:
    """How sure the layout makes us that ``line`` is a heading, as the share of heading words its
    text then needs: marked up, underlined or ending with a colon (0.6); short and in Title or UPPER
    case (0.8); else None."""
    s = line.strip()
    words = s.strip("*_# ").split()
    if underlined or s.rstrip("*_ ").endswith((":", "…", "...")) or (s.endswith(("!", "?")) or s.startswith(("#", "**", "__"))) and len(words) <= 8:
        return 0.6
    if len(words) > 8 or s.endswith((".", ",", ";")):
        return None
    caps = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha())
    return 0.8 if caps >= max(1, len(words) - 3) else None  # Title case, small words aside


def title_block_end(text: str) -> int:
    """End of a posting's title block: its first paragraph when that is at most four short lines
    with no sentence in them (title, company, location) and the posting goes on after it, else 0."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    if end < 0 or not text[end:].strip():
        return 0
    lines = [line for line in text[start:end].split("\n") if line.strip()]
    if not lines or len(lines) > 4 or any(len(line) > 250 or line.rstrip().endswith((".", ":")) for line in lines):
        return 0
    return end


class SectionMap:
    """The section of every offset of one document."""

    def __init__(self, text: str, kind: str = "posting") -> None:
        self.starts: list[int] = []
        self.names: list[str | None] = []
        self.inline: dict[int, str] = {}  # line start -> section named by an inline label
        pos = 0
        lines = text.split("\n")
        for k, line in enumerate(lines):
            n = len(line)
            sec = None
            if 2 < n <= 80 and _HEADING_CANDIDATE.match(line):
                underlined = bool(k + 1 < len(lines) and _SETEXT.match(lines[k + 1]))
                need = _heading_strength(line, underlined)
                sec = classify_heading(line, kind, min_known=need) if need is not None else None
                if sec:
                    self.starts.append(pos)
                    self.names.append(sec)
            if not sec and n <= 80 and (sub := _BULLET_SUBHEADING.match(line)):
                # "  *  **Essential Technical Skills:**" alone on its line: a heading inside a list
                sec = classify_heading(sub.group(1), kind)
                if sec:
                    self.starts.append(pos)
                    self.names.append(sec)
            if (not sec and kind != "resume" and 2 < n <= 160 and line.rstrip(" *_").endswith(":")
                    and not _BULLET_LINE.match(line) and _OPTIONAL_HEADING.search(line)):
                sec = "nice_to_have"  # "**Our Tech Stack** _(You don't have to excel in all, but willing to learn them):_"
                self.starts.append(pos)
                self.names.append(sec)
            if not sec and n > 12 and line.rstrip()[-1:].isalpha() and (glued := _GLUED_HEADING.search(line)):
                # "…Less than 1 year monthsCompany Details": text converters glue a heading to a line's end
                glued_sec = classify_heading(glued.group(1), kind, min_known=1.0, min_posterior=0.8)
                if glued_sec:
                    self.starts.append(pos + glued.start(1))
                    self.names.append(glued_sec)
            # the line may still open with a label of its own ("TECHNICAL SKILLS • SQL • … Education Details")
            if not sec and n > 4 and (0 < line.find(":", 0, 48) or any(c in line[:48] for c in "–—•●")
                                      or " * " in line[:48]):
                m = _INLINE_CANDIDATE.match(line)
                if m:
                    sec = classify_heading(m.group(1), kind, min_posterior=0.7, min_known=0.8)
                    if sec:
                        self.inline[pos] = sec
            pos += n + 1
        # Boilerplate by content, in postings only (a résumé's "Benefits analyst" work is experience).
        self.spans: list[tuple[int, int]] = []
        self.span_names: list[str] = []
        if kind != "resume":
            title_end = title_block_end(text)
            if title_end:
                self.spans.append((0, title_end))
                self.span_names.append("title")
            cues = Cues(text)
            names = employer_names(text[:title_end])
            for s, e in blocks(text):
                if s < title_end:
                    continue
                found = content_kind(text[s:e], cues, s)
                if found and self._heading_at(s) not in NON_DEMAND - {found}:
                    self.spans.append((s, e))
                    self.span_names.append(found)
            # a sentence about the employer inside a job's prose ("The Data team enables …")
            taken = list(self.spans)
            for s, e in paragraphs(text):
                if e <= title_end or self._heading_at(s) in _ASKING_SECTIONS | NON_DEMAND:
                    continue
                for span in about_sentences(text, max(s, title_end), e, names):
                    if not any(a < span[1] and span[0] < b for a, b in taken):
                        self.spans.append(span)
                        self.span_names.append("about")
            order = sorted(range(len(self.spans)), key=self.spans.__getitem__)
            self.spans = [self.spans[i] for i in order]
            self.span_names = [self.span_names[i] for i in order]

    def _heading_at(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.names[i] if i >= 0 else None

    def at(self, offset: int, line_start: int) -> str | None:
        if self.spans:
            i = bisect.bisect_right(self.spans, (offset, float("inf"))) - 1
            if i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]:
                return self.span_names[i]
        if line_start in self.inline:
            return self.inline[line_start]
        return self._heading_at(offset)
