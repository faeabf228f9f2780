"""Skills a posting offers as alternatives: "PyTorch or TensorFlow", "AWS, GCP or Azure".

A posting that asks for "Tableau, matplotlib or ggplot2" wants one of them, not all three; scoring
each as a separate requirement punishes everybody who knows only one. A run of mentions on one line
joined only by commas, slashes, "and" and "or" is a list; it is a group of alternatives when

* it says "or" (pieces joined by "and" are read apart: "PyTorch or JAX and Docker");
* it ends in "or similar", "or equivalent", "or comparable", "or other …" ("PaLM, GPT, LLaMA, or
  similar"), even when a named item is not a skill we know;
* a lead-in offers a choice or examples: "e.g.", "such as", "like", "for example", "any of",
  "at least one of", "one or more of", "one of" ("Cloud experience, e.g. AWS, GCP");
* a slash joins skills of one taxonomy group ("PyTorch/TensorFlow"; "Python/SQL" usually means both).

A line that ends in such a choice ("Familiarity with one or more of the following:") makes the
bullets below it one group, and a choice followed by a parenthesis makes what it holds one group
("at least one of ML areas (recommendation systems; NLP; CV, time series)"). Words written together ("OpenAI GPT") are one item. Parentheses nest:
in "Python (pandas, scikit-learn) or R" the alternatives are Python and R. A broader skill named
right before a group of its kinds ("vector databases (ChromaDB, Pinecone, pgvector, or similar)")
joins it, so another vector database the posting did not list meets the requirement too.
"""

from __future__ import annotations

import re

from ..records import Mention

__all__ = ["alternative_groups", "alternative_lists"]

_JOINER = re.compile(r"\s*(?:,|/|\bor\b|\band/or\b|,\s*or\b)\s*(?:(?:,|/|\bor\b)\s*)*", re.I)
_AND = re.compile(r"\s*,?\s*(?:\band\b|&)\s*", re.I)
_CHOICE = r"(?:any(?:\s+one)?|at\s+least\s+one|one\s+or\s+more|one)\s+of"
_EXAMPLE = r"(?:\be\.\s?g\b\.?|\beg\.|\bfor\s+(?:example|instance)|\bsuch\s+as|\blike)"
# Items we do not know may stand between the cue and the first skill ("e.g. Gemini, AWS").
_UNKNOWN_ITEMS = r"(?:[^,;.()\n:]{1,40},\s*)*"
_LEAD_IN = re.compile(rf"(?:\b{_CHOICE}(?:\s+the\s+following)?(?:\s+[\w/-]+){{0,3}}?|{_EXAMPLE})\s*[,:]?\s*[(\[]?\s*"
                      rf"{_UNKNOWN_ITEMS}$", re.I)
_TAIL = re.compile(r"(?:\s*,\s*[^,;.()\n:]{1,40}?)*\s*,?\s*[(\[]?\s*(?:and/)?or\s+(?:an?\s+)?(?:similar|equivalents?|"
                   r"comparable|other|another|alternatives?|related|alike|the\s+like)\b", re.I)
# A choice whose items follow in brackets, whatever separates them.
_PAREN_CHOICE = re.compile(rf"\b{_CHOICE}(?:\s+[\w/-]+){{0,3}}?\s*\(", re.I)
# A line that hands the choice to the bullets below it.
_BLOCK_LEAD_IN = re.compile(rf"\b{_CHOICE}(?:(?:\s+the\s+following)?(?:\s+[\w/-]+){{0,3}}?\s*:|\s+the\s+following)?"
                            r"\s*\)?\s*$", re.I)
# "Kubeflow or other MLOps tools", "Kafka (or other message brokers)": the category after it is a choice too.
_OR_OTHER = re.compile(r"\s*,?\s*(\(\s*)?(?:and/)?or\s+(?:any\s+)?(?:other|another|similar|equivalent|comparable)\s+",
                       re.I)
# A category and its example: "MLOps tools like MLflow", "message brokers such as RabbitMQ".
_EXAMPLE_JOINT = re.compile(rf"\s*(?:[\w-]+\s+)?{_EXAMPLE}\s*[,:]?\s*", re.I)
_BULLET = re.compile(r"([ \t]*)(?:[-*•·–]|\d+[.)])\s")
_SHORT_ITEM = 4  # words in a bullet of a flattened list ("- LangChain"); a longer bullet ends the list


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


def alternative_groups(text: str, mentions: list[Mention] | tuple[Mention, ...], group_of=None,
                       kind_of=None) -> list[frozenset[str]]:
    """Groups of skill ids the text offers as alternatives to one another (each of two or more ids)."""
    return [frozenset(m.skill_id for m in run) for run in alternative_lists(text, mentions, group_of, kind_of)]


def alternative_lists(text: str, mentions: list[Mention] | tuple[Mention, ...], group_of=None,
                      kind_of=None) -> list[tuple[Mention, ...]]:
    """The lists of alternatives in the text, each as its mentions (of two or more distinct skills), in text order.

    ``group_of(skill_id)`` gives a skill's taxonomy group (for slash-joined lists); without it every
    skill counts as its own group, so a slash alone never makes alternatives. ``kind_of(a, b)`` says
    whether skill ``a`` is a kind of ``b`` (taxonomy ``broader``); without it no broader skill joins.
    """
    group_of = group_of or (lambda skill_id: skill_id)
    kind_of = kind_of or (lambda a, b: False)
    lines: dict[int, list[Mention]] = {}
    for m in mentions:
        if m.requirement != "negated":
            lines.setdefault(text.rfind("\n", 0, m.start) + 1, []).append(m)
    groups: list[tuple[Mention, ...]] = []
    for line_start, ms in sorted(lines.items()):
        ms.sort(key=lambda m: m.start)
        line_end = _line_end(text, line_start)
        for run, joints in _runs(text, line_start, ms):
            before = max([p.end for p in ms if p.end <= run[0].start] + [line_start])
            after = min([n.start for n in ms if n.start >= run[-1].end] + [line_end])
            tail = _TAIL.match(text, run[-1].end, after)
            if tail and "(" in tail.group(0) and any(tail.end() <= n.start < _closing(text, tail.end(), line_end)
                                                     for n in ms):
                tail = None  # "Databricks, Kafka (or other message brokers)": the bracket is about Kafka
            cued = bool(_LEAD_IN.search(text, before, run[0].start) or tail)
            for group in _split(run, joints, group_of, cued):
                groups.append(_with_head(text, ms, group, kind_of))
    groups.extend(_block_lists(text, lines, kind_of))
    groups.extend(_paren_choices(text, lines))
    return sorted(groups, key=lambda g: (g[0].start, -len(g)))


def _line_end(text: str, line_start: int) -> int:
    end = text.find("\n", line_start)
    return len(text) if end == -1 else end


def _runs(text: str, line_start: int, ms: list[Mention]) -> list[tuple[list[Mention], list[str]]]:
    """Runs of mentions on one line joined by list punctuation, each with its joints, per parenthesis depth."""
    open_runs: dict[int, tuple[list[Mention], list[str]]] = {}  # paren depth -> (run, its joints)
    closed: list[tuple[list[Mention], list[str]]] = []
    for m in ms:
        depth = _depth(text, line_start, m.start)
        for d in [d for d in open_runs if d > depth]:
            closed.append(open_runs.pop(d))
        run = open_runs.get(depth)
        outer = open_runs.get(depth - 1) if run is None and depth else None
        if outer is not None and (o := _OR_OTHER.fullmatch(text, outer[0][-1].end, m.start)) and o.group(1):
            closed.append(([outer[0][-1], m], ["or"]))  # "Kafka (or other message brokers)": a choice of two
            continue
        joint = _joint(text[run[0][-1].end:m.start]) if run else None
        if joint == "example" and "or" not in run[1]:
            joint = None  # "cloud platforms such as AWS": the cue before AWS's own list decides
        if run and joint is not None:
            run[0].append(m)
            run[1].append(joint)
        else:
            if run:
                closed.append(run)
            open_runs[depth] = ([m], [])
    closed.extend(open_runs.values())
    return sorted(closed, key=lambda r: r[0][0].start)


def _split(run: list[Mention], joints: list[str], group_of, cued: bool) -> list[tuple[Mention, ...]]:
    """The alternatives in one list: all of it when a cue offers a choice; else its pieces that say "or";
    else its slash-joined pieces of one taxonomy group.

    A slash alone is ambiguous ("Python/SQL" usually means both), so slash-joined skills count as
    alternatives only when ``group_of`` puts them in one taxonomy group ("PyTorch/TensorFlow").
    """
    def distinct(piece) -> bool:
        return len({m.skill_id for m in piece}) > 1

    if cued:  # "such as PyTorch and big data technologies": an "and" to another kind of skill ends the examples
        end = next((k + 1 for k, (j, m) in enumerate(zip(joints, run[1:]))
                    if j == "and" and group_of(m.skill_id) != group_of(run[k].skill_id)), len(run))
        run, joints = run[:end], joints[:end - 1]
        return [tuple(run)] if distinct(run) and any(j != "adj" for j in joints) else []
    if "or" in joints:
        out, cur, cur_joints = [], [run[0]], []
        for m, joint in zip(run[1:], joints):  # "PyTorch or JAX and Docker": the "and" ends the choice
            if joint == "and":
                if "or" in cur_joints and distinct(cur):
                    out.append(tuple(cur))
                cur, cur_joints = [m], []
            else:
                cur.append(m)
                cur_joints.append(joint)
        if "or" in cur_joints and distinct(cur):
            out.append(tuple(cur))
        return out
    pieces, cur, cur_joints = [], [run[0]], []
    for m, joint in zip(run[1:], joints):  # "PyTorch/TensorFlow, Kubernetes": the slash binds tighter
        if joint in ("slash", "adj"):
            cur.append(m)
            cur_joints.append(joint)
        else:
            pieces.append((cur, cur_joints))
            cur, cur_joints = [m], []
    pieces.append((cur, cur_joints))
    return [tuple(piece) for piece, piece_joints in pieces
            if "slash" in piece_joints and distinct(piece) and len({group_of(m.skill_id) for m in piece}) == 1]


def _with_head(text: str, ms: list[Mention], group: tuple[Mention, ...], kind_of) -> tuple[Mention, ...]:
    """``group`` with the broader skill named right before it ("vector databases (X, Y, or similar)")."""
    earlier = [p for p in ms if p.end <= group[0].start]
    if not earlier:
        return group
    head = earlier[-1]
    between = re.sub(r"\be\.\s?g\.|\bi\.\s?e\.", " ", text[head.end:group[0].start], flags=re.I)
    if len(between) > 40 or re.search(r"[.;]|\band\b|&|\bor\b", between, re.I):
        return group
    if head.skill_id in {m.skill_id for m in group} or not any(kind_of(m.skill_id, head.skill_id) for m in group):
        return group
    return (head, *group)


def _block_lists(text: str, lines: dict[int, list[Mention]], kind_of) -> list[tuple[Mention, ...]]:
    """Bullets under a line that offers a choice ("one or more of the following:"), one group per list."""
    out = []
    pos = 0
    while True:
        end = text.find("\n", pos)
        if end == -1:
            break
        if _BLOCK_LEAD_IN.search(text, pos, end):
            lead = _BULLET.match(text, pos, end)
            indent = len(lead.group(1)) if lead else -1
            members: list[Mention] = []
            nested = None  # are the items indented under the lead-in, or a flattened list at its level?
            nxt = end + 1
            while nxt < len(text):
                line_end = _line_end(text, nxt)
                bullet = _BULLET.match(text, nxt, line_end)
                if not text[nxt:line_end].strip():
                    nxt = line_end + 1
                    continue  # blank lines between the bullets of one list
                if bullet is None:
                    break
                deeper = len(bullet.group(1)) > indent
                nested = deeper if nested is None else nested
                if not deeper and (nested or len(text[bullet.end():line_end].split()) > _SHORT_ITEM):
                    break
                members.extend(m for m in sorted(lines.get(nxt, ()), key=lambda m: m.start))
                nxt = line_end + 1
            if len({m.skill_id for m in members}) > 1:
                out.append(_with_head(text, sorted(lines.get(pos, ()), key=lambda m: m.start) + members,
                                      tuple(members), kind_of))
        pos = end + 1
    return out


def _paren_choices(text: str, lines: dict[int, list[Mention]]) -> list[tuple[Mention, ...]]:
    """The mentions inside the brackets after a choice ("at least one of (X; Y; Z)"), one group each."""
    out = []
    for line_start, ms in lines.items():
        for cue in _PAREN_CHOICE.finditer(text, line_start, _line_end(text, line_start)):
            close = _closing(text, cue.end(), _line_end(text, line_start))
            inside = sorted((m for m in ms if cue.end() <= m.start and m.end <= close), key=lambda m: m.start)
            if len({m.skill_id for m in inside}) > 1:
                out.append(tuple(inside))
    return out


def _closing(text: str, start: int, end: int) -> int:
    """Where the parenthesis opened just before ``start`` closes (``end`` if not on the line)."""
    depth = 1
    for i in range(start, end):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i
    return end


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
    """How ``between`` joins two list items: ``"or"``, ``"slash"``, ``"comma"``, ``"and"``, ``"adj"``
    (only spaces: one item, "OpenAI GPT"), ``"example"`` (a category and its example: "MLOps tools like
    MLflow", a choice only beside an "or"), or ``None`` if it does not."""
    if "\n" in between:
        return None
    if not between.strip():
        return "adj"
    if (o := _OR_OTHER.fullmatch(between)) and not o.group(1):
        return "or"  # "Kubeflow or other MLOps tools"
    if _EXAMPLE_JOINT.fullmatch(between):
        return "example"
    flat = _strip_parens(between)
    if flat is None:
        return None
    if _AND.fullmatch(flat):
        return "and"
    if not _JOINER.fullmatch(flat):
        return None
    if re.search(r"\bor\b", flat, re.I):
        return "or"
    return "slash" if "/" in flat else "comma"
