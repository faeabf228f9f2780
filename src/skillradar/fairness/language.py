"""Posting language check: gender-coded words, exclusionary wording, needless degree requirements.

``check_posting(text)`` returns findings ``{category, term, start, end, suggestion, source}`` in text
order, where ``text[start:end] == term``. Categories:

- ``masculine-coded`` / ``feminine-coded``: word stems from Gaucher, Friesen & Kay (2011)
  (``data/gender_coded.yaml``). A word that is part of a skill mention ("data analysis",
  "Responsible AI") is not reported: there it names the skill, not a trait.
- ``exclusionary``: wording that screens out by age, national origin, sex, disability or religion
  ("native speaker", "young and dynamic", "digital native", "recent graduate", "culture fit" …).
- ``needless-requirement``: degree demands without "or equivalent experience" ("Bachelor's degree
  required", "PhD required", "degree from a top university", GPA cut-offs).

``summarize(findings)`` counts them and says which way the gender coding leans.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

__all__ = ["check_posting", "summarize", "CATEGORIES"]

CATEGORIES = ("masculine-coded", "feminine-coded", "exclusionary", "needless-requirement")
_DATA = Path(__file__).parent / "data"
_EQUIVALENT = re.compile(r"\bor (?:an? )?(?:equivalent|comparable|similar|relevant)\b|\bor equivalent\b|"
                         r"\bequivalent (?:practical |work |professional )?experience\b|\bnot required\b|"
                         r"\bnice to have\b|\bpreferred\b|\bor similar\b", re.I)
_SENTENCE_END = re.compile(r"[.!?;\n](?:\s|$)|\n")


@functools.lru_cache(maxsize=1)
def _gender_lists():
    data = yaml.safe_load((_DATA / "gender_coded.yaml").read_text(encoding="utf-8"))
    not_coded = {w.lower() for w in data.get("not_coded", [])}
    rules = []
    for category, key in (("masculine-coded", "masculine"), ("feminine-coded", "feminine")):
        for stem in data[key]:
            body = re.escape(stem.rstrip("*")).replace("\\-", "[- ]?")
            tail = r"[\w'’-]*" if stem.endswith("*") else ""
            rules.append((category, stem, re.compile(r"(?<![\w-])" + body + tail + r"(?![\w])", re.I)))
    return rules, not_coded, data["source"]


@functools.lru_cache(maxsize=1)
def _wording_rules():
    data = yaml.safe_load((_DATA / "exclusionary.yaml").read_text(encoding="utf-8"))
    rules = []
    for category, key in (("exclusionary", "exclusionary"), ("needless-requirement", "needless_requirement")):
        for entry in data[key]:
            rx = re.compile(r"(?<![\w])" + entry["pattern"] + r"(?![\w])", re.I)
            rules.append((category, rx, entry["suggestion"], entry["source"]))
    return rules


_GENDER_SUGGESTION = {
    "masculine-coded": "balance with communal wording, or describe the task instead of the trait",
    "feminine-coded": "balance with agentic wording, or describe the task instead of the trait",
}


def _sentence(text: str, start: int, end: int) -> str:
    a = start
    while a > 0 and not (text[a - 1] in ".!?;\n" and (a == len(text) or text[a].isspace() or text[a - 1] == "\n")):
        a -= 1
    m = _SENTENCE_END.search(text, end)
    b = m.start() if m else len(text)
    return text[a:b]


def _skill_spans(text: str, taxonomy) -> list[tuple[int, int]]:
    try:
        from ..detect.lexicon import lexicon_for
        from ..taxonomy import load_taxonomy

        tax = load_taxonomy(taxonomy)
        return [(h.start, h.end) for h in lexicon_for(tax).find(text)]
    except Exception:  # the check works without a taxonomy
        return []


def check_posting(text: str, *, taxonomy=None, gender: bool = True) -> list[dict]:
    """Findings in a job posting, in text order (ties: longer first).

    Args:
        text: the posting.
        taxonomy: whose multi-word skill mentions exempt a gender-coded word inside them.
        gender: also report gender-coded words (on by default).
    """
    findings: list[dict] = []
    taken: list[tuple[int, int]] = []
    for category, rx, suggestion, source in _wording_rules():
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            while e > s and text[e - 1] in " ,.;":
                e -= 1
            if category == "needless-requirement" and _EQUIVALENT.search(_sentence(text, s, e)):
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            taken.append((s, e))
            findings.append({"category": category, "term": text[s:e], "start": s, "end": e,
                             "suggestion": suggestion, "source": source})
    if gender:
        rules, not_coded, source = _gender_lists()
        skills = [(a, b) for a, b in _skill_spans(text, taxonomy) if " " in text[a:b].strip()]
        seen: set[tuple[int, int]] = set()
        for category, stem, rx in rules:
            for m in rx.finditer(text):
                s, e = m.start(), m.end()
                if (s, e) in seen or m.group(0).lower() in not_coded:
                    continue
                if any(a <= s and e <= b for a, b in skills):
                    continue
                if any(s < te and ts < e for ts, te in taken):
                    continue
                seen.add((s, e))
                findings.append({"category": category, "term": text[s:e], "start": s, "end": e,
                                 "suggestion": _GENDER_SUGGESTION[category], "source": f"{source} (stem '{stem}')"})
    findings.sort(key=lambda f: (f["start"], -(f["end"] - f["start"])))
    return findings


def summarize(findings: list[dict]) -> dict:
    """Counts per category and the lean of the gender coding (``masculine``, ``feminine``, ``neutral``)."""
    counts = {c: 0 for c in CATEGORIES}
    for f in findings:
        counts[f["category"]] = counts.get(f["category"], 0) + 1
    diff = counts["masculine-coded"] - counts["feminine-coded"]
    lean = "masculine" if diff > 0 else "feminine" if diff < 0 else "neutral"
    return {"counts": counts, "gender_lean": lean}
