"""The roles file shipped with the taxonomy (``data/roles.yaml``): curated role profiles and the title
patterns that group market postings into roles.

Two parts, one file, because they name the same roles: a curated role's ``market:`` is the name of the
market role whose measured profile (``--db``) stands in for it. Both are data, read here for the
assessment (``assess.targets``) and the market (``market.profiles``), and checked by
``validate_roles`` (also run by ``skillradar taxonomy validate``), which names the line to fix.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

__all__ = ["RoleProblem", "curated_roles", "market_role_patterns", "validate_roles"]


@dataclass(frozen=True, slots=True)
class RoleProblem:
    line: int
    message: str

    def __str__(self) -> str:
        return f"roles.yaml:{self.line}: {self.message}"


def _roles_text() -> str:
    return (resources.files("skillradar.taxonomy") / "data" / "roles.yaml").read_text(encoding="utf-8")


def _value(mapping_node, key: str):
    return next((v.value for k, v in mapping_node.value if k.value == key), None)


@functools.lru_cache(maxsize=4)
def _roles_data(text: str | None = None) -> tuple[dict, dict]:
    """The parsed roles file and the line of every role, role skill, market role and title pattern
    (for validation messages)."""
    text = text if text is not None else _roles_text()
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else {}
    finally:
        loader.dispose()
    lines: dict = {}
    for key, value in (root.value if root is not None else []):
        if key.value == "roles":
            for r_node in value.value:
                rid = _value(r_node, "id")
                lines[rid] = r_node.start_mark.line + 1
                for k, v in r_node.value:
                    if k.value == "skills":
                        for s_node in v.value:
                            lines[(rid, _value(s_node, "id"))] = s_node.start_mark.line + 1
        elif key.value == "market_roles" and value.tag.endswith(":seq"):
            for m_node in value.value:
                if not m_node.tag.endswith(":map"):
                    continue
                name = _value(m_node, "name")
                lines[("market", name)] = m_node.start_mark.line + 1
                for k, v in m_node.value:
                    if k.value == "titles" and v.tag.endswith(":seq"):
                        for p_node in v.value:
                            lines[("title", name, p_node.value)] = p_node.start_mark.line + 1
    return data or {}, lines


def curated_roles() -> list[dict]:
    """The curated role profiles shipped with the taxonomy, as plain mappings."""
    return list(_roles_data()[0].get("roles") or [])


def market_role_patterns(text: str | None = None) -> dict[str, tuple[str, ...]]:
    """``{market role name: title patterns}`` in the file's order: the first role whose
    (case-insensitive) pattern matches a posting title is the title's role."""
    return {str(r["name"]): tuple(str(p) for p in r.get("titles") or ())
            for r in _roles_data(text)[0].get("market_roles") or [] if isinstance(r, dict) and r.get("name")}


def validate_roles(taxonomy, text: str | None = None) -> list[RoleProblem]:
    """Every problem in the roles file: unknown skill ids, bad weights or levels, duplicates; market
    roles without titles, patterns that do not compile, and a curated role's ``market:`` that names no
    market role."""
    data, lines = _roles_data(text)
    problems: list[RoleProblem] = []
    if data.get("source") != "curated":
        problems.append(RoleProblem(1, "the file must say `source: curated` (its weights are editorial)"))
    market = _market_problems(data, lines, problems)
    seen_roles: set[str] = set()
    for role in data.get("roles") or []:
        rid = role.get("id")
        line = lines.get(rid, 0)
        if not rid or not role.get("label"):
            problems.append(RoleProblem(line, "each role needs an id and a label"))
        if rid in seen_roles:
            problems.append(RoleProblem(line, f"duplicate role id '{rid}'"))
        seen_roles.add(rid)
        if role.get("market") is not None and str(role["market"]).lower() not in market:
            problems.append(RoleProblem(line, f"role '{rid}': market '{role['market']}' is no market role "
                                              f"(one of {', '.join(market.values()) or 'none'})"))
        seen: set[str] = set()
        skills = role.get("skills") or []
        if not skills:
            problems.append(RoleProblem(line, f"role '{rid}' has no skills"))
        for s in skills:
            sid = s.get("id")
            sline = lines.get((rid, sid), line)
            if sid not in taxonomy:
                problems.append(RoleProblem(sline, f"role '{rid}': unknown skill id '{sid}'"))
            if sid in seen:
                problems.append(RoleProblem(sline, f"role '{rid}': skill '{sid}' listed twice"))
            seen.add(sid)
            w = s.get("weight")
            if not isinstance(w, (int, float)) or not 0 < w <= 1:
                problems.append(RoleProblem(sline, f"role '{rid}', skill '{sid}': weight must be a number in (0, 1]"))
            if s.get("requirement") not in ("required", "preferred"):
                problems.append(RoleProblem(sline, f"role '{rid}', skill '{sid}': requirement must be required or preferred"))
    return problems


def _market_problems(data: dict, lines: dict, problems: list[RoleProblem]) -> dict[str, str]:
    """Check ``market_roles`` (into ``problems``); returns ``{lower-case name: name}`` of the good ones."""
    entries = data.get("market_roles")
    if not isinstance(entries, list) or not entries:
        problems.append(RoleProblem(1, "the file needs a `market_roles:` list (name and title patterns of each "
                                       "role measured from market postings)"))
        return {}
    names: dict[str, str] = {}
    for entry in entries:
        if not isinstance(entry, dict) or not entry.get("name"):
            problems.append(RoleProblem(0, "each market role needs a name and titles"))
            continue
        name = str(entry["name"])
        line = lines.get(("market", entry["name"]), 0)
        if name.lower() in names:
            problems.append(RoleProblem(line, f"duplicate market role '{name}'"))
        names[name.lower()] = name
        titles = entry.get("titles")
        if not isinstance(titles, list) or not titles:
            problems.append(RoleProblem(line, f"market role '{name}' needs a list of title patterns"))
            continue
        for pattern in titles:
            pline = lines.get(("title", entry["name"], pattern), line)
            try:
                re.compile(str(pattern), re.I)
            except re.error as exc:
                problems.append(RoleProblem(pline, f"market role '{name}': title pattern {pattern!r} is not a valid "
                                                   f"regular expression ({exc})"))
    return names
