"""Synthetic job-ad sentences around ESCO labels (written here; no posting text is copied).

A label that opens with a verb ("manage budgets") is a task; otherwise it is a field or tool
("Python (computer programming)", "marketing"). Each kind has its own frames, some naming a second
skill so the model learns to find one skill among several in a sentence, as real ads do.
"""

from __future__ import annotations

import random
import re

_PAREN = re.compile(r"\s*\([^)]*\)")

TASK = [
    "You will {x}.",
    "Ability to {x}.",
    "The successful candidate will {x}.",
    "Responsibilities include the need to {x}.",
    "You should be able to {x} with little supervision.",
    "Proven ability to {x} in a fast-paced environment.",
    "{X} on a daily basis.",
    "We are looking for someone who can {x}.",
    "Your role: {x} and report to the team lead.",
    "- {X}",
    "Help us {x}.",
    "Experience in how to {x} is required.",
]
TASK_TWO = [
    "You will {x} and {y}.",
    "Ability to {y} as well as {x}.",
    "Day to day you {x}; you also {y}.",
    "{X}, {y} and support colleagues.",
]
FIELD = [
    "Experience with {x}.",
    "Knowledge of {x} is a plus.",
    "Strong background in {x}.",
    "Familiarity with {x} is required.",
    "Proficient in {x}.",
    "Hands-on experience using {x} in production.",
    "Good understanding of {x}.",
    "{X} experience is an advantage.",
    "Solid skills in {x}.",
    "- {X}",
    "You have worked with {x} before.",
]
FIELD_TWO = [
    "Experience with {x} and {y}.",
    "Knowledge of {y} or {x}.",
    "You know {x}; {y} is nice to have.",
    "Skills: {y}, {x}.",
]

VERBS_HINT = ("ing",)


def is_task(text: str) -> bool:
    w = text.split()[0].lower() if text.split() else ""
    return w in TASK_OPENERS


TASK_OPENERS: set[str] = set()  # filled by the training script from esco_source.opening_words


def _plain(text: str) -> str:
    return _PAREN.sub("", text).strip() or text


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def sentence(rng: random.Random, form: str, other: str | None) -> str:
    task = is_task(form)
    x = _plain(form) if rng.random() < 0.7 else form
    if other is not None and is_task(other) == task:
        frame = rng.choice(TASK_TWO if task else FIELD_TWO)
        y = _plain(other)
        return frame.replace("{X}", _cap(x)).replace("{x}", x).replace("{y}", y)
    frame = rng.choice(TASK if task else FIELD)
    return frame.replace("{X}", _cap(x)).replace("{x}", x)


def first_sentence(text: str, max_words: int = 40) -> str:
    m = re.search(r"(?<=[a-z0-9)])\.\s", text)
    s = text[: m.start() + 1] if m else text
    return " ".join(s.split()[:max_words])
