"""Sentences that say what a person wants, not what they have done: "Looking for an LLM engineering role".

A career changer names the skills of the job they want ("seeking a GenAI role", "eager to fine-tune
LLMs", a "Career objective" section). Those words show the aim, not the skill: such a mention counts
no more than a skills-list entry, and such a sentence is never model-building practice.
"""

from __future__ import annotations

import re

from ..detect.context import section_at

__all__ = ["aim_at", "is_aim_sentence"]

_AIM = re.compile(
    r"\b(?:(?:looking for|seek(?:s|ing)?) (?:an?|new|my|the next|opportunit\w*|roles?|positions?|jobs?|work)\b|"
    r"(?:looking|seeking) to|aspir(?:e|es|ing|ations?)\b|interested in|eager to|keen to|"
    r"wants? to|would (?:like|love) to|hop(?:e|es|ing) to|career (?:objective|goal)s?|"
    r"(?:to )?transition(?:ing)? (?:into|to))", re.I)
# A heading of a section that is all aim: "Objective", "Career objective", "Career goals".
_AIM_HEADING = re.compile(r"^[\s#*_]*(?:career |professional )?(?:objectives?|goals?)[\s*_:]*$", re.I)
# Where a sentence ends: punctuation, or a line break before a new item (bullet, number, blank line).
_END = re.compile(r"[.;!?](?=\s|$)|\n\s*(?:\n|[-*•·–]\s|\d+[.)]\s)|[.;!?:]\s*\n")


def is_aim_sentence(sentence: str) -> bool:
    """Whether one sentence states an aim ("Seeking a role where I can build LLM agents")."""
    return bool(_AIM.search(sentence))


def aim_at(text: str, start: int, section=None) -> str | None:
    """The aim cue ("looking for", "Career objective") when the mention at ``start`` follows one in its
    sentence or sits in an objective section, else ``None``.

    ``section`` is ``section_at(text)`` when the caller has one (a résumé has many mentions).
    """
    left = max((m.end() for m in _END.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
    cue = _AIM.search(text, left, start)
    if cue:
        return cue.group(0)
    section = section or section_at(text, "resume")
    if section(start) != "summary":
        return None
    line_start = text.rfind("\n", 0, start) + 1
    while line_start > 0:  # up to the heading that opened this section
        prev = text.rfind("\n", 0, line_start - 1) + 1
        if section(prev) != "summary":
            break
        line_start = prev
    line_end = text.find("\n", line_start)
    heading = _AIM_HEADING.match(text, line_start, len(text) if line_end == -1 else line_end)
    return heading.group(0).strip(" \t#*_:") if heading else None
