"""Lexical matching of taxonomy labels and aliases with Aho–Corasick, leftmost-longest, exact spans.

Matching runs over a folded copy of the text (see ``textnorm``) so "Retrieval-Augmented  Generation"
and "retrieval augmented generation" meet the same entry; every hit is mapped back to the original
offsets, so ``text[start:end]`` is always the evidence as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import ahocorasick

from ..taxonomy.model import Taxonomy
from ..textnorm import fold, fold_with_map
from .ambiguity import everyday_use, list_links, technical_evidence
from .base import Hit
from .entity import in_proper_name, is_organisation, organisation_spans
from .prescan import Prescan

__all__ = ["Hit", "Lexicon", "lexicon_for"]


@dataclass(frozen=True, slots=True)
class _Entry:
    skill_id: str
    method: str
    form: str  # the surface form as written in the taxonomy (for case-sensitive ambiguous forms)
    ambiguous: bool
    sure: frozenset[str] = frozenset()  # other writings of an ambiguous key that are unambiguous ("LLaMA")


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class Lexicon:
    """An automaton over every label and alias of one taxonomy. Build once, reuse for many texts."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, _Entry] = {}
        for skill in taxonomy.skills:
            ambiguous = {fold(a) for a in skill.ambiguous}
            for method, form in [("exact", skill.label)] + [("alias", a) for a in skill.aliases]:
                key = fold(form)
                old = entries.get(key)
                if old is not None and old.ambiguous and old.skill_id == skill.id and key not in {
                        fold(a) for a in skill.ambiguous if a.strip() == form.strip()}:
                    entries[key] = replace(old, sure=old.sure | {form.strip()})  # "LLaMA" beside "Llama"
                if not key or key in entries:
                    continue  # first claimant wins; validate reports the clash
                entries[key] = _Entry(skill.id, method, form.strip(), key in ambiguous)
        # Spellings of the same name that real postings use ("Lang chain", "Llama2", "GPT3.5",
        # "Open AI APIs"), added after every taxonomy form so that a listed form always wins.
        for key, entry in list(entries.items()):
            for variant in spelling_variants(entry.form, key):
                if variant not in entries:
                    entries[variant] = _Entry(entry.skill_id, "alias", entry.form, entry.ambiguous)
        self._keys = entries
        # One-character forms ("R", "C") would fire at every letter in the automaton; they are found
        # with str.find on the original text instead (case-exact when ambiguous).
        self._single: list[tuple[str, _Entry]] = []
        for key, entry in entries.items():
            if len(key) == 1:
                self._single.append((entry.form if entry.ambiguous else key, entry))
            else:
                self._automaton.add_word(key, (len(key), entry))
        self.size = len(entries)
        self._has_automaton = len(entries) > len(self._single)
        if self._has_automaton:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """All accepted hits in ``text``, leftmost-longest, non-overlapping, in text order."""
        if not self.size or not text:
            return []
        folded, origin = fold_with_map(text)
        candidates: list[tuple[int, int, _Entry]] = []
        n = len(folded)
        matches = self._automaton.iter(folded) if self._has_automaton else ()
        for end_idx, (length, entry) in matches:
            start = end_idx - length + 1
            end = end_idx + 1
            if start > 0:
                ch = folded[start - 1]
                if ch.isalnum() or ch == "_":
                    continue  # (?<!\w) semantics: "ML" is not found inside "HTML"
            if end < n:
                ch = folded[end]
                if ch.isalnum() or ch == "_":
                    continue  # (?!\w) semantics: "C++" is not found inside "C++11"
            candidates.append((start, end, entry))
        for form, entry in self._single:
            hay = text if entry.ambiguous else folded
            i = hay.find(form)
            while i != -1:
                if not ((i > 0 and _is_word(hay[i - 1])) or (i + 1 < len(hay) and _is_word(hay[i + 1]))):
                    f = i if hay is folded else _folded_index(origin, i)
                    candidates.append((f, f + 1, entry))
                i = hay.find(form, i + 1)
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        hits: list[Hit] = []
        last_end = -1
        for start, end, entry in candidates:
            if start < last_end:
                continue
            o_start, o_end = origin[start], origin[end - 1] + 1
            exact_case = True
            if len(entry.form) == 2 and entry.form.isupper() and text[o_start:o_end].islower():
                continue  # "AI", "ML", "BI" are written in capitals; "ai" is a word of another language
            if entry.ambiguous and text[o_start:o_end] in entry.sure:
                entry = replace(entry, ambiguous=False)
            if entry.ambiguous:
                written = text[o_start:o_end]
                if written != entry.form:
                    # "go", "kafka": a lower-case writing of a capitalised form may still be the tool, but
                    # needs stronger evidence; all-caps forms ("R", "REST", "BERT") count only as written.
                    if entry.form.isupper() or not written.islower():
                        continue
                    exact_case = False
            last_end = end
            hits.append(Hit(entry.skill_id, o_start, o_end, entry.method, _confidence(entry, o_end - o_start),
                            entry.ambiguous, exact_case))
        hits = _coordinated(text, folded, origin, hits, self._keys)
        if " as " in text or " As " in text:
            hits = _roles_as_fields(text, hits, self._keys)
        orgs = organisation_spans(text)
        hits = [h for h in hits if not is_organisation(text, h.start, h.end, orgs)
                and not (h.end - h.start == 2 and text[h.start:h.end].isupper() and text[h.start:h.end].isalpha()
                         and self.taxonomy.get(h.skill_id).type in _FIELD_TYPES
                         and in_proper_name(text, h.start, h.end))]
        if "://" in text or "www." in text or "@" in text:  # "apply/ai-mlops-engineer" in a link is no skill
            # without an "@" only the web-address half of _LINK can match: that half alone, tried where it can start
            found = _LINK.finditer(text) if "@" in text else _WEB_LINK.finditer(text)
            links = [(m.start(), m.end()) for m in found]
            hits = [h for h in hits if not any(s <= h.start < e for s, e in links)]
        return _resolve_ambiguous(text, hits)


# Initialisms of fields ("AI", "ML", "NLP") can be part of a name; of tools ("AWS") they are the tool.
_FIELD_TYPES = frozenset({"knowledge", "concept", "practice"})
_WEB_ADDRESS = r"(?:https?://|www\.)[^\s)\]>\"']+"
_LINK = re.compile(_WEB_ADDRESS + r"|[\w.+-]+@[\w-]+\.[\w.]+")
_WEB_LINK = Prescan(re.compile(_WEB_ADDRESS))
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LETTER_DIGIT = re.compile(r"(?<=[a-z])[ ]?(?=\d)")


_SPELLINGS = (("isation", "ization"), ("ization", "isation"), ("ise ", "ize "), ("ize ", "ise "), ("yse", "yze"),
              ("yze", "yse"), ("modelling", "modeling"), ("modeling", "modelling"), ("labelling", "labeling"),
              ("labeling", "labelling"))


def spelling_variants(form: str, key: str) -> list[str]:
    """Other spellings of a taxonomy form, folded: split CamelCase ("LangChain" → "lang chain"),
    letters and digits joined or apart ("llama 2" ↔ "llama2", "gpt 4" ↔ "gpt4"), British and American
    spellings, two words written as one ("finetuning"), the last word of a name in the other number
    ("openai api" → "openai apis", "ml pipelines" → "ml pipeline")."""
    out = set()
    if _CAMEL.search(form):
        out.add(fold(_CAMEL.sub(" ", form.strip())))
    for k in list(out) + [key]:
        joined = re.sub(r"(?<=[a-z]) (?=\d)", "", k)
        spaced = re.sub(r"(?<=[a-z])(?=\d)", " ", k)
        out.update({joined, spaced})
    for k in list(out) + [key]:  # British and American spellings: "visualisation" ↔ "visualization"
        for a, b in _SPELLINGS:
            if a in k:
                out.add(k.replace(a, b))
    words = key.split(" ")
    if len(words) == 2 and all(w.isalpha() for w in words) and len(key) >= 9 and min(map(len, words)) >= 3:
        out.add("".join(words))  # "fine tuning" → "finetuning", "data set" → "dataset"
    for k in list(out) + [key]:
        last = k.rsplit(" ", 1)[-1]
        if " " not in k or not last.isalpha() or len(last) < 3:
            continue  # one word changes sense with its number: "initiative(s)", "architecture(s)"
        if not k.endswith("s"):
            out.add(k + "s")
        elif not k.endswith(("ss", "us", "is", "ics")) and len(last) > 4:
            out.add(k[:-1])  # "ml pipelines" → "ml pipeline"
    out.discard(key)
    return [v for v in out if len(v) > 2]


# "communication and collaboration skills", "written and verbal communication": the words before a
# matched phrase, joined to it by and / or / & / a comma, share its other words.
_COORD_BEFORE = re.compile(r"([a-z][a-z0-9+#.]*)(?:,? (?:and|or|&|as well as)|,|/) ?$")
# …and the word after one, as the last item of the list or before more: "training and deployment",
# "analytics, betting and fantasy". The word must end the list (no noun of its own follows).
_COORD_AFTER = re.compile(r"(?:,? (?:and|or|&)|,|/) ?([a-z][a-z0-9+#-]*)(?=[,.;:)/]|\s+(?:and|or|&)\b|\s*$|\s*\n)")


def _coordinated(text: str, folded: str, origin, hits: list[Hit], keys: dict) -> list[Hit]:
    """Add the hits that a coordinated phrase implies: "X and Y skills" names "X skills" too (when
    that is a taxonomy form), "X and Y communication" names "X communication", and "model training
    and deployment" names "model deployment"."""
    extra = []
    taken = [(h.start, h.end) for h in hits]
    for h in hits:
        f_start = _folded_index(origin, h.start)
        f_end = _folded_index(origin, h.end - 1) + 1
        phrase = folded[f_start:f_end]
        if " " not in phrase:
            continue
        first, rest = phrase.split(" ", 1)
        last_head, last_rest = phrase.rsplit(" ", 1)
        pos = f_start
        for _ in range(3):  # at most three coordinated words back
            before = folded[max(0, pos - 6):pos]
            if not ("," in before or "/" in before or "&" in before or " and" in before or " or" in before
                    or "well as" in before):
                break  # most phrases follow no coordinator: skip the regex
            m = _COORD_BEFORE.search(folded, max(0, pos - 40), pos)
            if not m:
                break
            word = m.group(1)
            entry = keys.get(f"{word} {rest}") or keys.get(f"{word} {last_rest}")
            if entry is None:
                break
            o_start, o_end = origin[m.start(1)], origin[m.end(1) - 1] + 1
            if not any(s < o_end and o_start < e for s, e in taken):
                extra.append(Hit(entry.skill_id, o_start, o_end, "alias", 0.9, entry.ambiguous))
                taken.append((o_start, o_end))
            pos = m.start(1)
        # forwards: "model training and deployment" names "model deployment", "sports analytics, betting"
        # names "sports betting" (a listed taxonomy form only)
        head = first if " " not in last_head else last_head
        pos = f_end
        for _ in range(3):
            m = _COORD_AFTER.match(folded, pos)
            if not m:
                break
            word = m.group(1)
            entry = keys.get(f"{head} {word}") or keys.get(f"{first} {word}")
            if entry is None or entry.ambiguous:
                break
            o_start, o_end = origin[m.start(1)], origin[m.end(1) - 1] + 1
            if not text[o_start:o_end].islower():
                break  # "Computer Science, Engineering": a capitalised item is a name of its own
            if any(s < o_end and o_start < e for s, e in taken):
                break  # the word starts a phrase of its own ("model training and data pipelines")
            extra.append(Hit(entry.skill_id, o_start, o_end, "alias", 0.9, entry.ambiguous))
            taken.append((o_start, o_end))
            pos = m.end(1)
    extra.extend(_shared_head(text, folded, origin, keys, taken))
    if not extra:
        return hits
    return sorted(hits + extra, key=lambda h: h.start)


# "recommendation/feed systems", "fraud or risk models": the first word of a coordinated pair takes the
# words after the second ("recommendation systems") even where the second's own phrase is no taxonomy
# form, so no hit above started the walk back.
_PAIR = re.compile(r"\b([a-z][a-z0-9+#-]*)(?: ?/ ?|,? (?:and|or|&) )([a-z][a-z0-9+#-]*) ([a-z][a-z0-9+#-]*)")


_NOT_A_MODIFIER = frozenset("a an the its their our your his her this that these those other others any some all "
                            "each every more most such".split())


def _shared_head(text: str, folded: str, origin, keys: dict, taken: list) -> list[Hit]:
    out = []
    for m in _PAIR.finditer(folded):
        o_start, o_end = origin[m.start(1)], origin[m.end(1) - 1] + 1
        if any(s < o_end and o_start < e for s, e in taken):
            continue
        if m.group(2) in _NOT_A_MODIFIER:
            continue  # "conflict and its resolution"
        entry = keys.get(f"{m.group(1)} {m.group(3)}")
        if entry is None or entry.ambiguous or keys.get(m.group(1)) is not None:
            continue
        out.append(Hit(entry.skill_id, o_start, o_end, "alias", 0.9, False))
        taken.append((o_start, o_end))
    return out


# "5+ years of experience as a Data Scientist", "as a Platform Engineer, ML DevOps Engineer, or Data
# Engineer": a role held names its field (data science, data engineering), which the job asks for.
_AS_ROLE_LEAD = re.compile(r"\b(?:as|in the role of)\s+(?:an?\s+)?(?=[A-Z])")
_HELD = re.compile(r"\b(?:experience|experienced|background|worked|years?|career|tenure)\b", re.I)
_ROLE = re.compile(r"((?:[A-Z][\w/+.-]*\s+){1,3}?)(Engineer|Developer|Scientist|Analyst|Architect|Researcher)s?\b")
_ROLE_GLUE = re.compile(r"\s*(?:,\s*(?:or\s+|and\s+)?|\s+(?:or|and)\s+)(?:an?\s+)?")
_FIELD_OF = {"Engineer": ("engineering",), "Developer": ("development",), "Scientist": ("science",),
             "Analyst": ("analysis", "analytics"), "Architect": ("architecture",), "Researcher": ("research",)}


def _roles_as_fields(text: str, hits: list[Hit], keys: dict) -> list[Hit]:
    """Add the field each role held names ("experience as a Software Engineer" → software
    engineering) where no other hit covers the role and the field is a taxonomy form."""
    extra = []
    for lead in _AS_ROLE_LEAD.finditer(text):
        clause = text[max(0, lead.start() - 80):lead.start()]
        if not _HELD.search(clause[max(clause.rfind("."), clause.rfind("\n")) + 1:]):
            continue  # "hiring as our first Data Scientist", "work as a Data Engineer": no role held
        pos = lead.end()
        for _ in range(4):
            role = _ROLE.match(text, pos)
            if not role:
                break
            start, end = role.start(), role.end()
            words = fold(role.group(1)).strip()
            if not any(h.start < end and start < h.end for h in hits):
                for field in _FIELD_OF[role.group(2)]:
                    entry = keys.get(f"{words} {field}")
                    if entry is not None and not entry.ambiguous:
                        extra.append(Hit(entry.skill_id, start, end, "alias", 0.85, False))
                        break
            glue = _ROLE_GLUE.match(text, end)
            if not glue:
                break
            pos = glue.end()
    if not extra:
        return hits
    return sorted(hits + extra, key=lambda h: h.start)


def _folded_index(origin, offset: int) -> int:
    """Index in the folded text of the character at ``offset`` of the original text."""
    if isinstance(origin, range):
        return offset
    import bisect

    return bisect.bisect_left(origin, offset)


def _confidence(entry: _Entry, length: int) -> float:
    base = 0.99 if entry.method == "exact" else 0.95
    if length <= 2:
        base -= 0.05
    return base


def _resolve_ambiguous(text: str, hits: list[Hit]) -> list[Hit]:
    """Keep an ambiguous hit only where its context says it means the technology.

    Written as in the taxonomy ("Spark"), a form needs a listed neighbour or a cue word nearby; its
    neighbours may be plain hits or other ambiguous ones not used in an everyday sense ("Spark and
    Kafka" vouch for each other, "go to market" vouches for nothing). Written in lower case
    ("kafka"), it needs a listed neighbour that is itself accepted, found by spreading acceptance
    along lists. Only the hits listed next to each one are ever looked at (``list_links``), so the
    cost is linear in the number of hits, however long the text or its lines.
    """
    if not any(h.ambiguous for h in hits):
        return hits
    links = list_links(text, hits)
    everyday = {i for i, h in enumerate(hits) if h.ambiguous and everyday_use(text, h.start, h.end)}
    vouches = [not h.ambiguous or (h.exact_case and i not in everyday) for i, h in enumerate(hits)]
    accepted: dict[int, Hit] = {}
    for i, h in enumerate(hits):
        if not h.ambiguous:
            accepted[i] = h
        elif h.exact_case and i not in everyday:
            verdict = technical_evidence(text, h.start, h.end, [hits[j] for j in links[i] if vouches[j]])
            if verdict is not None:
                accepted[i] = h._replace(confidence=verdict)
    # An accepted ambiguous hit vouches like a plain one, so acceptance runs along a list: in "AWS,
    # Azure, Snowflake or Tableau" Azure vouches for Snowflake, and Snowflake then for Tableau.
    waiting = {i for i, h in enumerate(hits) if h.ambiguous and h.exact_case and i not in accepted
               and i not in everyday}
    _spread(accepted, waiting, links, lambda i, j: hits[i]._replace(confidence=0.85))
    # Lower-case writings ("kafka") count only next to an accepted neighbour; an ambiguous one vouches
    # only with a cue word near the lower-case form.
    pending = {i for i, h in enumerate(hits) if h.ambiguous and not h.exact_case and i not in everyday}

    def lower_case(i: int, j: int) -> Hit | None:
        verdict = technical_evidence(text, hits[i].start, hits[i].end, [accepted[j]], listed_only=True)
        return None if verdict is None else hits[i]._replace(confidence=verdict - 0.1)

    _spread(accepted, pending, links, lower_case)
    return [accepted[i] for i in sorted(accepted)]


def _spread(accepted: dict[int, Hit], candidates: set[int], links: list[list[int]], accept) -> None:
    """Accept candidates listed next to accepted hits, repeatedly (each link is followed once).

    ``accept(i, j)`` gives candidate ``i``'s hit when accepted neighbour ``j`` vouches for it, or None.
    """
    queue = list(accepted)
    while queue and candidates:
        j = queue.pop()
        for i in links[j]:
            if i in candidates:
                hit = accept(i, j)
                if hit is not None:
                    accepted[i] = hit
                    candidates.discard(i)
                    queue.append(i)


def lexicon_for(taxonomy: Taxonomy) -> Lexicon:
    """The taxonomy's lexicon, built on first use and kept with the taxonomy."""
    return taxonomy.derived("lexicon", lambda: Lexicon(taxonomy))
