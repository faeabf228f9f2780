"""Checks a taxonomy and reports every problem with the file and line to fix."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import FAMILIES
from ..textnorm import fold
from .load import Located
from .model import SKILL_TYPES

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
    group, unknown prerequisite, related or broader id, prerequisite and broader cycles, malformed ESCO URIs and URLs.

    ``strict_families`` is off for external taxonomies (ESCO, generic CSV) that may have no families.
    """
    tax = located.taxonomy
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
            if s.family not in FAMILIES:
                at(i, f"skill '{s.id}': unknown family '{s.family}' (use one of {', '.join(FAMILIES)})")
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
