"""Skills a posting offers as alternatives: "PyTorch or TensorFlow", "AWS, GCP or Azure".

A posting that asks for "Tableau, matplotlib or ggplot2" wants one of them, not all three; scoring
each as a separate requirement punishes everybody who knows only one. A run of mentions on one line
joined only by commas, slashes and "or" (with at least one "or" or slash, and no "and") is such a
group. Parentheses nest: in "Python (pandas, scikit-learn) or R" the alternatives are Python and R,
and pandas and scikit-learn belong to Python's parenthesis.
"""

from __future__ import annotations

import re

from ..records import Mention

__all__ = ["alternative_groups", "alternative_lists"]

_JOINER = re.compile(r"\s*(?:,|/|\bor\b|\band/or\b|,\s*or\b)\s*(?:(?:,|/|\bor\b)\s*)*", re.I)


def _strip_parens(between: str) -> str | None:
    """``between`` without complete parenthesised parts; ``None`` when a parenthesis opens or closes unmatched."""
    out, depth = [], 0
    for ch in between:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif depth == 0:
            out.append(ch)
    return "".join(out) if depth == 0 else None


def alternative_groups(text: str, mentions: list[Mention] | tuple[Mention, ...], group_of=None) -> list[frozenset[str]]:
    """Groups of skill ids the text offers as alternatives to one another (each of two or more ids)."""
    return [frozenset(m.skill_id for m in run) for run in alternative_lists(text, mentions, group_of)]


def alternative_lists(text: str, mentions: list[Mention] | tuple[Mention, ...], group_of=None) -> list[tuple[Mention, ...]]:
    """The "X or Y" lists in the text, each as its mentions (of two or more distinct skills), in text order.

    ``group_of(skill_id)`` gives a skill's taxonomy group (for slash-joined lists); without it every
    skill counts as its own group, so a slash alone never makes alternatives.
    """
    group_of = group_of or (lambda skill_id: skill_id)
    lines: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.requirement != "negated":
            lines.setdefault(text.rfind("\n", 0, m.start) + 1, []).append(m)
    groups: list[tuple[Mention, ...]] = []
    for line_start, ms in sorted(lines.items()):
        ms.sort(key=lambda m: m.start)
        open_runs: dict[int, tuple[list[Mention], list[str]]] = {}  # paren depth -> (run, its joints)
        closed: list[tuple[list[Mention], list[str]]] = []
        for m in ms:
            depth = _depth(text, line_start, m.start)
            for d in [d for d in open_runs if d > depth]:
                closed.append(open_runs.pop(d))
            run = open_runs.get(depth)
            joint = _joint(text[run[0][-1].end:m.start]) if run else None
            if run and joint is not None:
                run[0].append(m)
                run[1].append(joint)
            else:
                if run:
                    closed.append(run)
                open_runs[depth] = ([m], [])
        closed.extend(open_runs.values())
        for run, joints in sorted(closed, key=lambda r: r[0][0].start):
            groups.extend(_split(run, joints, group_of))
    return groups


def _split(run: list[Mention], joints: list[str], group_of) -> list[tuple[Mention, ...]]:
    """The alternatives in one list: all of it when it says "or"; else its slash-joined pieces.

    A slash alone is ambiguous ("Python/SQL" usually means both), so slash-joined skills count as
    alternatives only when ``group_of`` puts them in one taxonomy group ("PyTorch/TensorFlow").
    """
    if "or" in joints:
        return [tuple(run)] if len({m.skill_id for m in run}) > 1 else []
    pieces, cur = [], [run[0]]
    for m, joint in zip(run[1:], joints):  # "PyTorch/TensorFlow, Kubernetes": the slash binds tighter
        if joint == "slash":
            cur.append(m)
        else:
            pieces.append(cur)
            cur = [m]
    pieces.append(cur)
    return [tuple(piece) for piece in pieces
            if len({m.skill_id for m in piece}) > 1 and len({group_of(m.skill_id) for m in piece}) == 1]


def _depth(text: str, start: int, end: int) -> int:
    """Parentheses open at ``end`` since ``start`` (never below zero)."""
    depth = 0
    for ch in text[start:end]:
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
    return depth


def _joint(between: str) -> str | None:
    """How ``between`` joins two list items: ``"or"``, ``"slash"``, ``"comma"``, or ``None`` if it does not."""
    if "\n" in between:
        return None
    flat = _strip_parens(between)
    if flat is None or not _JOINER.fullmatch(flat):
        return None
    if re.search(r"\bor\b", flat, re.I):
        return "or"
    return "slash" if "/" in flat else "comma"
