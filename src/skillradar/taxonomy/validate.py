"""Checks a taxonomy and reports every problem with the file and line to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import FAMILIES
from ..textnorm import fold
from .load import Located
from .model import SKILL_TYPES
from .tiers import TIER_NAMES

__all__ = ["Problem", "validate"]

_ESCO_URI = re.compile(r"^http://data\.europa\.eu/esco/skill/[0-9a-f-]{36}$")
_ID = re.compile(r"^[a-z0-9][a-z0-9._+#-]*$")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def validate(located: Located, *, strict_families: bool = True) -> list[Problem]:
    """Every problem in the taxonomy: duplicate ids, an alias claimed by two skills, unknown family or
    group, unknown prerequisite, related or broader id, prerequisite and broader cycles, malformed ESCO URIs and URLs,
    and in its scoring tiers unknown tiers, skill ids, groups or families, and names claimed twice.

    ``strict_families`` is off for external taxonomies (ESCO, generic CSV) that may have no families.
    """
    tax = located.taxonomy
    families = tax.family_ids or FAMILIES  # the families it declares (a YAML without any gets the five)
    problems: list[Problem] = []

    def at(i: int, msg: str) -> None:
        file, line = located.where.get(i, ("?", 0))
        problems.append(Problem(file, line, msg))

    first_index: dict[str, int] = {}
    surface_owner: dict[str, tuple[str, int]] = {}
    for i, s in enumerate(tax.skills):
        if s.id in first_index:
            j = first_index[s.id]
            at(i, f"duplicate id '{s.id}' (first defined at line {located.where.get(j, ('?', 0))[1]})")
            continue
        first_index[s.id] = i
        if strict_families and not _ID.match(s.id):
            at(i, f"id '{s.id}' should be lower-case letters, digits and . _ - + #")
        if strict_families or s.family:
            if s.family not in families:
                at(i, f"skill '{s.id}': unknown family '{s.family}' (use one of {', '.join(families)})")
            else:
                groups = tax.families.get(s.family, {}).get("groups") or {}
                if groups and s.group not in groups:
                    at(i, f"skill '{s.id}': unknown group '{s.group}' in family '{s.family}' "
                          f"(known: {', '.join(groups)})")
        if strict_families and s.type not in SKILL_TYPES:
            at(i, f"skill '{s.id}': unknown type '{s.type}' (use one of {', '.join(SKILL_TYPES)})")
        for form in (s.label, *s.aliases):
            key = fold(form)
            if not key:
                at(i, f"skill '{s.id}': empty label or alias")
                continue
            owner = surface_owner.get(key)
            if owner and owner[0] != s.id:
                at(i, f"alias '{form}' of '{s.id}' is already claimed by '{owner[0]}'")
            else:
                surface_owner[key] = (s.id, i)
        for form in s.ambiguous:
            if fold(form) not in {fold(x) for x in (s.label, *s.aliases)}:
                at(i, f"skill '{s.id}': ambiguous form '{form}' is neither its label nor an alias")
        if s.esco_uri and not _ESCO_URI.match(s.esco_uri):
            at(i, f"skill '{s.id}': '{s.esco_uri}' is not an ESCO skill URI")
        for r in s.resources:
            if not r.url.startswith("https://"):
                at(i, f"skill '{s.id}': resource URL '{r.url}' must start with https://")

    for i, s in enumerate(tax.skills):
        for ref_kind, refs in (("prerequisite", s.prerequisites), ("related skill", s.related),
                               ("broader skill", s.broader)):
            for ref in refs:
                if ref not in first_index:
                    at(i, f"skill '{s.id}': unknown {ref_kind} '{ref}'")
                elif ref == s.id:
                    at(i, f"skill '{s.id}' lists itself as {ref_kind}")

    problems += _tier_problems(tax, families)

    for cycle in _cycles(tax, "prerequisites"):
        at(first_index[cycle[0]], "prerequisite cycle: " + " -> ".join(cycle + [cycle[0]]))
    for cycle in _cycles(tax, "broader"):
        at(first_index[cycle[0]], "broader cycle (a skill would be a kind of itself): " + " -> ".join(cycle + [cycle[0]]))
    return problems


def _cycles(tax, relation: str) -> list[list[str]]:
    """Each cycle of a relation between skills ("prerequisites" or "broader") once (depth-first search with colours)."""
    graph: dict[str, list[str]] = {}
    for s in tax.skills:  # the first definition of a duplicated id counts, as everywhere else
        graph.setdefault(s.id, [p for p in getattr(s, relation) if p in tax and p != s.id])
    colour: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []
    seen_cycles: set[frozenset] = set()

    def visit(node: str) -> None:
        colour[node] = 1
        stack.append(node)
        for nxt in graph.get(node, ()):
            if colour.get(nxt, 0) == 0:
                visit(nxt)
            elif colour.get(nxt) == 1:
                cyc = stack[stack.index(nxt):]
                key = frozenset(cyc)
                if key not in seen_cycles:
                    seen_cycles.add(key)
                    cycles.append(list(cyc))
        stack.pop()
        colour[node] = 2

    for node in graph:
        if colour.get(node, 0) == 0:
            visit(node)
    return cycles


def _tier_problems(tax, families) -> list[Problem]:
    """Problems of the ``tiers:`` rules and ``model_work:`` (see ``tiers``), at the line of each name."""
    import difflib

    tiers = tax.tiers
    problems: list[Problem] = []
    groups = {g for f in tax.families.values() for g in (f.get("groups") or {})}
    if not groups:  # a taxonomy without declared groups: the groups its skills use
        groups = {s.group for s in tax.skills if s.group}
    claimed: dict[tuple[str, str], int] = {}
    model_groups: set[str] = set()
    for rule in tiers.rules:
        file, line = rule.where
        if rule.tier not in TIER_NAMES:
            problems.append(Problem(file, line, f"tiers: unknown tier '{rule.tier}' (use one of {', '.join(TIER_NAMES)})"))
        if not (rule.skills or rule.groups or rule.families):
            problems.append(Problem(file, line, f"tiers: the rule for '{rule.tier}' names no skills, groups or families"))
        for key, names, known in (("skills", rule.skills, None), ("groups", rule.groups, groups),
                                  ("families", rule.families, set(families))):
            for name in names:
                at = rule.lines.get((key, name), line)
                if (name not in tax) if known is None else (name not in known):
                    what = {"skills": "skill id", "groups": "group", "families": "family"}[key]
                    pool = [sk.id for sk in tax.skills] if known is None else sorted(known)
                    close = difflib.get_close_matches(name, pool, n=1)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    problems.append(Problem(file, at, f"tiers: unknown {what} '{name}'{hint}"))
                    continue
                first = claimed.get((key, name))
                if first is not None:
                    problems.append(Problem(file, at, f"tiers: {key[:-1] if key != 'families' else 'family'} "
                                                      f"'{name}' is already named at line {first}: only the first "
                                                      "rule counts, remove one"))
                else:
                    claimed[(key, name)] = at
                if key == "groups" and rule.tier in ("core", "ml-ops"):
                    model_groups.add(name)
    if tiers.model_work:
        file, line = tiers.where
        if not tiers.rules:
            problems.append(Problem(file, line, "model_work: the taxonomy declares no tiers: add a 'tiers:' list "
                                                "with core (and ml-ops) rules, or remove model_work"))
        for name in tiers.task_groups:
            at = tiers.lines.get(name, line)
            if name not in groups:
                problems.append(Problem(file, at, f"model_work: unknown task group '{name}'"))
            elif name not in model_groups:
                problems.append(Problem(file, at, f"model_work: task group '{name}' is not named by a core or "
                                                  "ml-ops tiers rule, so its skills are no model work"))
    return problems
