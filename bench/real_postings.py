"""Extraction quality on real postings labelled by reading (tests/data/real/postings).

Measures, per split, against the labels in ``postings/labels/<id>.json`` (see LABELLING.md):
- precision: tool mentions that overlap a labelled mention of the same skill (or one of its ``also``);
- recall: labelled mentions found (all of them, and those whose skill the taxonomy has), and distinct
  labelled skills per posting found anywhere in it;
- requirement level: agreement on the mentions both found, where the posting asks for skills;
- demand leaks: tool mentions counted as demand that sit in about / benefits / EEO / apply text.

    .venv/bin/python bench/real_postings.py --split tune [--errors]
    .venv/bin/python bench/real_postings.py --split heldout      # once per change; never tune on it
    .venv/bin/python bench/real_postings.py --split tune --ids p094-p123   # part of a split

``--errors`` lists every false positive and miss with its context; it refuses the held-out split.
``--ids`` keeps only the listed postings of the split (``p004,p007`` or ranges ``p094-p123``), e.g. to
compare the tuning postings added on 2026-12-03 (p094-p123) with the first 30.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT / "tests" / "data" / "real" / "postings"
DEMAND_KINDS = {"responsibilities", "requirements", "preferred"}
NON_DEMAND_KINDS = {"about", "benefits", "eeo", "apply"}
SECTION_KINDS = DEMAND_KINDS | NON_DEMAND_KINDS | {"title", "other"}


class LabelError(ValueError):
    """A label that cannot be placed in its posting's text."""


def _renamed() -> dict[str, str]:
    """``new:<Name>`` labels whose skill the taxonomy has gained since, with its id (labels stay as
    written; this map follows the taxonomy)."""
    path = REAL / "new_skills.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def resolve(text: str, label: dict) -> tuple[list[tuple[int, str]], list[dict]]:
    """Section starts and mentions of one label file as offsets into ``text``.

    Raises LabelError naming every piece of text that is not found, so labels can be mended.
    """
    renamed = _renamed()
    problems = []
    sections = []
    for sec in label.get("sections", []):
        at = text.find(sec["at"])
        if at < 0:
            problems.append(f"section 'at' not found: {sec['at']!r}")
        elif sec["kind"] not in SECTION_KINDS:
            problems.append(f"unknown section kind {sec['kind']!r}")
        else:
            sections.append((at, sec["kind"]))
    sections.sort()
    mentions = []
    for m in label.get("mentions", []):
        c = text.find(m["context"])
        q = m["context"].find(m["quote"]) if c >= 0 else -1
        if c < 0 or q < 0:
            problems.append(f"mention not found: context={m['context']!r} quote={m['quote']!r}")
            continue
        start = c + q
        skill = renamed.get(m["skill"], m["skill"])
        mentions.append({**m, "skill": skill, "start": start, "end": start + len(m["quote"]),
                         "ids": {skill, *(renamed.get(a, a) for a in m.get("also", []))}})
    if problems:
        raise LabelError(f"{label.get('id')}: " + "; ".join(problems))
    return sections, mentions


def kind_at(sections: list[tuple[int, str]], offset: int) -> str:
    kind = "title"
    for at, k in sections:
        if at <= offset:
            kind = k
        else:
            break
    return kind


def parse_ids(spec: str) -> set[str]:
    """``p004,p094-p096`` -> {"p004", "p094", "p095", "p096"}; raises ValueError on a malformed part."""
    ids = set()
    for part in (p.strip() for p in spec.split(",")):
        if not part:
            continue
        first, _, last = part.partition("-")
        if not last:
            ids.add(first)
            continue
        if not (first[:1] == last[:1] == "p" and first[1:].isdigit() and last[1:].isdigit()):
            raise ValueError(f"--ids: {part!r} is not a range like p094-p123")
        width = len(first) - 1
        ids.update(f"p{n:0{width}d}" for n in range(int(first[1:]), int(last[1:]) + 1))
    return ids


def load(split: str, ids: set[str] | None = None) -> list[dict]:
    rows = list(csv.DictReader((REAL / "index.csv").open(encoding="utf-8")))
    out = []
    for row in rows:
        if row.get("split") != split or (ids is not None and row["id"] not in ids):
            continue
        label_path = REAL / "labels" / f"{row['id']}.json"
        if not label_path.exists():
            continue
        out.append({"id": row["id"], "path": REAL / "raw" / f"{row['id']}.txt",
                    "label": json.loads(label_path.read_text(encoding="utf-8"))})
    return out


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def measure(items: list[dict], *, semantic: bool = False, phrases: bool = False, errors: bool = False) -> dict:
    from skillradar.extract import extract_path
    from skillradar.taxonomy import load_taxonomy

    tax = load_taxonomy(None)
    known = {s.id for s in tax.skills}
    c = Counter()
    by_method = Counter()
    fp_by_skill, fn_by_skill = Counter(), Counter()
    for item in items:
        text = item["path"].read_text(encoding="utf-8")
        sections, gold = resolve(text, item["label"])
        ex = extract_path(item["path"], kind="posting", semantic=semantic, phrases=phrases)
        found_gold = set()
        doc_tool_ids = {m.skill_id for m in ex.mentions}
        for m in ex.mentions:
            if m.section == "title":  # the labels leave the job title untagged (LABELLING.md): not scored
                c["title_mentions"] += 1
                continue
            c["tool"] += 1
            by_method[m.method, "tool"] += 1
            match = next((g for g in gold if m.skill_id in g["ids"] and overlaps(m.start, m.end, g["start"], g["end"])),
                         None)
            gold_kind = kind_at(sections, m.start)
            if getattr(m, "demand", m.section not in NON_DEMAND_KINDS) and gold_kind in NON_DEMAND_KINDS:
                c["leaks"] += 1
                if errors:
                    print(f"LEAK {item['id']} [{gold_kind}] {m.skill_id} {text[max(0, m.start - 50):m.end + 30]!r}")
            if match is None:
                fp_by_skill[m.skill_id] += 1
                if errors:
                    print(f"FP   {item['id']} {m.skill_id} {m.text!r} ({m.method}, {m.section}) "
                          f"{text[max(0, m.start - 60):m.end + 40]!r}")
                continue
            c["tp"] += 1
            by_method[m.method, "tp"] += 1
            found_gold.add(id(match))
            if gold_kind in DEMAND_KINDS:
                c["level_n"] += 1
                if m.requirement == match.get("requirement"):
                    c["level_ok"] += 1
                elif errors:
                    print(f"LVL  {item['id']} {m.skill_id} tool={m.requirement} gold={match.get('requirement')} "
                          f"[{gold_kind}/{m.section}] {text[max(0, m.start - 70):m.end + 40]!r}")
        for g in gold:
            in_tax = g["skill"] in known
            c["gold"] += 1
            c["gold_tax"] += in_tax
            if id(g) in found_gold:
                c["gold_found"] += 1
                c["gold_tax_found"] += in_tax
            else:
                fn_by_skill[g["skill"]] += 1
                if errors:
                    print(f"MISS {item['id']} {g['skill']} {g['quote']!r} in {g['context']!r}")
        doc_skills = {g["skill"] for g in gold}
        c["doc_skills"] += len(doc_skills)
        c["doc_skills_found"] += sum(1 for s in doc_skills
                                     if any(s == g["skill"] and g["ids"] & doc_tool_ids for g in gold))
    res = {
        "postings": len(items),
        "tool_mentions": c["tool"],
        "gold_mentions": c["gold"],
        "precision": c["tp"] / c["tool"] if c["tool"] else None,
        "recall": c["gold_found"] / c["gold"] if c["gold"] else None,
        "recall_in_taxonomy": c["gold_tax_found"] / c["gold_tax"] if c["gold_tax"] else None,
        "recall_doc_skills": c["doc_skills_found"] / c["doc_skills"] if c["doc_skills"] else None,
        "requirement_accuracy": c["level_ok"] / c["level_n"] if c["level_n"] else None,
        "requirement_n": c["level_n"],
        "demand_leaks": c["leaks"],
        "title_mentions_not_scored": c["title_mentions"],
    }
    for method in sorted({k[0] for k in by_method}):
        n = by_method[method, "tool"]
        res[f"precision_{method}"] = by_method[method, "tp"] / n if n else None
        res[f"n_{method}"] = n
    if errors:
        print("top false-positive skills:", fp_by_skill.most_common(25))
        print("top missed skills:", fn_by_skill.most_common(40))
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="tune", choices=["tune", "heldout"])
    ap.add_argument("--errors", action="store_true", help="list false positives and misses (tune split only)")
    ap.add_argument("--semantic", action="store_true", help="also run the semantic stage")
    ap.add_argument("--phrases", action="store_true", help="also run the phrased-skill detector (detect.spans)")
    ap.add_argument("--check-labels", action="store_true", help="only check that every label resolves")
    ap.add_argument("--ids", help="only these postings of the split: p004,p007 or p094-p123")
    args = ap.parse_args(argv)
    if args.errors and args.split == "heldout":
        print("refusing: the held-out split is measured, never read for errors", file=sys.stderr)
        return 2
    try:
        ids = parse_ids(args.ids) if args.ids else None
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    items = load(args.split, ids)
    if ids is not None and not items:
        print(f"--ids: none of {args.ids} is a labelled posting of the {args.split} split", file=sys.stderr)
        return 2
    if args.check_labels:
        bad = 0
        for item in items:
            try:
                resolve(item["path"].read_text(encoding="utf-8"), item["label"])
            except LabelError as exc:
                bad += 1
                print(exc)
        print(f"{len(items) - bad} of {len(items)} label files resolve")
        return 1 if bad else 0
    res = measure(items, semantic=args.semantic, phrases=args.phrases, errors=args.errors)
    print(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
