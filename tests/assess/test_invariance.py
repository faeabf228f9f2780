"""Scores do not move when only name, pronouns, gendered words, age, marital status, nationality or
address change."""

from __future__ import annotations

import re

import pytest

from skillradar.assess import assess
from skillradar.records import Document

from .conftest import EXAMPLES, POSTINGS, RESUMES, TODAY

PERSONAS = [
    {"name": "Maria Gonzalez", "title": "Ms.", "subj": "she", "obj": "her", "poss": "her", "age": "Age: 29",
     "address": "12 Rose Lane, Leeds LS1 4AB, United Kingdom", "role": "chairwoman", "group": "women",
     "marital": "Married, two children", "nationality": "Spanish"},
    {"name": "John Smith", "title": "Mr.", "subj": "he", "obj": "him", "poss": "his", "age": "Age: 58",
     "address": "Apt 5, 900 Market Street, San Francisco, CA 94103", "role": "chairman", "group": "men",
     "marital": "Single", "nationality": "American"},
    {"name": "Alex Kim", "title": "Mx.", "subj": "they", "obj": "them", "poss": "their",
     "age": "Date of birth: 03/04/1971", "address": "Via Roma 7, 20121 Milano, Italy", "role": "chair", "group": "people",
     "marital": "Divorced", "nationality": "South Korean"},
    {"name": "Julia Okonkwo", "title": "Dr.", "subj": "she", "obj": "her", "poss": "her", "age": "Age: 41",
     "address": "PO Box 88, Nairobi 00100, Kenya", "role": "chairwoman", "group": "mothers",
     "marital": "Widowed", "nationality": "Nigerian"},
]

SOURCES = [EXAMPLES / "resume.md", *[RESUMES / f for f in ("cv-001.md", "cv-008.txt", "cv-015.txt", "cv-022.md", "cv-031.txt", "cv-045.md")]]
TARGETS = [{"posting": str(POSTINGS / "llm-engineer.txt")}, {"posting": str(POSTINGS / "data-scientist.md")},
           {"role": "ml-engineer"}, {"role": "ai-product-manager"}]


def _existing(paths):
    out = []
    for p in paths:
        if p.exists():
            out.append(p)
        else:  # the generator picks .md or .txt: accept either
            alt = next(iter(p.parent.glob(p.stem + ".*")), None)
            if alt is not None:
                out.append(alt)
    return out


def _variant(body: str, persona: dict) -> str:
    header = (f"{persona['title']} {persona['name']}\n{persona['address']}\n{persona['age']}\n"
              f"Pronouns: {persona['subj']}/{persona['obj']}\nMarital status: {persona['marital']}\n"
              f"Nationality: {persona['nationality']}\n\n")
    footer = (f"\n\nVolunteering\n{persona['subj'].capitalize()} volunteers as {persona['role']} of a local "
              f"book club for {persona['group']}, and {persona['poss']} references are available on request.\n")
    return header + body + footer


def _scores(doc: Document, target: dict) -> tuple:
    d = assess(doc, today=TODAY, **target).to_dict()
    return (d["overall"], tuple(d["families"].items()), tuple(m["skill_id"] for m in d["matched"]),
            tuple((g["skill_id"], g["importance"]) for g in d["gaps"]), tuple(p["skill_id"] for p in d["plan"]))


@pytest.mark.parametrize("source", _existing(SOURCES), ids=lambda p: p.name)
def test_scores_ignore_personal_details(source):
    body = source.read_text(encoding="utf-8")
    # drop the résumé's own first line (the name) so only the persona header names the person
    body = body.split("\n", 1)[1] if "\n" in body else body
    for target in TARGETS:
        results = {p["name"]: _scores(Document(source=f"{p['name']}.txt", text=_variant(body, p)), target)
                   for p in PERSONAS}
        first = next(iter(results.values()))
        for name, res in results.items():
            assert res == first, f"{source.name} vs {target}: scores differ for {name}"


def test_pronoun_swap_inside_text():
    text = (EXAMPLES / "resume.md").read_text(encoding="utf-8")
    swapped = re.sub(r"\bI\b", "She", text)
    a = _scores(Document(source="a.md", text=text), TARGETS[0])
    b = _scores(Document(source="b.md", text=swapped), TARGETS[0])
    assert a == b


@pytest.mark.parametrize("target", TARGETS[:2], ids=["llm-posting", "ds-posting"])
def test_third_person_pronouns_do_not_move_the_score(target):
    """A résumé written in the third person ("They trained their churn model") scores the same for
    every pronoun: the practice and involvement rules must not read "they" or "their" as other people."""
    body = ("Summary\n{S} builds machine learning systems; {p} favourite work is LLM evaluation.\n\n"
            "Experience\nML Engineer, Acme — 2021 – present\n"
            "- {S} trained {p} churn model with LightGBM and deployed it on Kubernetes.\n"
            "- {S} fine-tuned an LLM for support tickets; {s} evaluated it with RAG metrics.\n"
            "- With {o} team, {s} built a PyTorch forecasting model (MAE 4.1).\n")
    forms = [("She", "she", "her", "her"), ("He", "he", "his", "him"), ("They", "they", "their", "them")]
    results = {S: _scores(Document(source=f"{S}.txt", text=body.format(S=S, s=s, p=p, o=o)), target)
               for S, s, p, o in forms}
    assert len(set(results.values())) == 1, results
