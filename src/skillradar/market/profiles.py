"""Role profiles measured from stored postings: which skills postings for a role ask for, how often
(weight = share among the role's postings) and how (the dominant requirement level).

Titles are grouped into common role names by case-insensitive regular expressions, first match wins
(so "Generative AI Engineer" is an LLM engineer, not a generic AI engineer); the names and patterns
are the ``market_roles`` of ``taxonomy/data/roles.yaml``.
"""

from __future__ import annotations

import re

from ..choices import unknown_choice
from ..errors import UnknownRole
from ..taxonomy.roles import market_role_patterns
from .store import reading as _connection

__all__ = ["ROLE_PATTERNS", "role_of", "role_profile", "measured_roles"]

#: Title patterns of each measured role, in order (first match wins): data, in the taxonomy's roles.yaml
#: (``market_roles``), checked by ``validate_roles``.
ROLE_PATTERNS: dict[str, tuple[str, ...]] = market_role_patterns()
_COMPILED = {role: re.compile("|".join(p), re.I) for role, p in ROLE_PATTERNS.items()}


def role_of(title: str | None) -> str | None:
    """The role name a posting title belongs to, or None."""
    if not title:
        return None
    for role, pattern in _COMPILED.items():
        if pattern.search(title):
            return role
    return None


def find_role(name: str, option: str = "role") -> str:
    """The measured role ``name`` means (case-insensitive), else UnknownRole naming ``option`` (the CLI
    passes ``--role``), every measured role and the closest one."""
    for role in ROLE_PATTERNS:
        if role.lower() == name.strip().lower():
            return role
    raise UnknownRole("unknown measured role: " + unknown_choice(option, name, ROLE_PATTERNS))


_find_role = find_role


def _titles_for(con, match) -> list[str]:
    return [t for (t,) in con.execute("SELECT DISTINCT title FROM postings WHERE title IS NOT NULL").fetchall()
            if match(t)]


def role_profile(db, role_name: str, title_patterns=None, *, min_share: float = 0.0) -> list[dict]:
    """Skills of the postings whose title matches the role.

    Args:
        db: a path or an open DuckDB connection.
        role_name: a name of ``ROLE_PATTERNS`` (case-insensitive) or any name when patterns are given.
        title_patterns: regular expressions (case-insensitive) for titles; default the role's own.
        min_share: leave out skills below this share.

    Returns:
        ``[{skill_id, label, family, weight, requirement, postings, total}]`` by weight descending,
        ties by skill_id; ``weight`` = share of the role's postings mentioning the skill (not negated),
        ``requirement`` = the level most of them give it: ``required``, ``preferred`` or None.
    """
    if title_patterns:
        rx = re.compile("|".join(f"(?:{p})" for p in title_patterns), re.I)

        def match(t):
            return bool(rx.search(t))
    else:
        role = _find_role(role_name)

        def match(t):
            return role_of(t) == role
    import pandas as pd

    with _connection(db) as con:
        titles = _titles_for(con, match)
        if not titles:
            return []
        con.register("_titles", pd.DataFrame({"title": titles}))
        try:
            total = con.execute("SELECT count(*) FROM postings JOIN _titles USING (title)").fetchall()[0][0]
            rows = con.execute("""
                SELECT ps.skill_id, coalesce(s.label, ps.skill_id), s.family, count(*) AS n,
                       count(*) FILTER (WHERE level = 'required'), count(*) FILTER (WHERE level = 'preferred'),
                       count(*) FILTER (WHERE level = 'mentioned')
                FROM postings p JOIN _titles USING (title) JOIN posting_skills ps ON ps.posting_id = p.id
                     LEFT JOIN skills s ON s.skill_id = ps.skill_id
                WHERE ps.level <> 'negated'
                GROUP BY ps.skill_id, s.label, s.family""").fetchall()
        finally:
            con.unregister("_titles")
    out = []
    for sid, label, family, n, req, pref, plain in rows:
        weight = n / total
        if weight < min_share:
            continue
        level = max((req, 2, "required"), (pref, 1, "preferred"), (plain, 0, None))[2]
        out.append(dict(skill_id=sid, label=label, family=family, weight=weight, requirement=level, postings=int(n),
                        total=int(total)))
    out.sort(key=lambda d: (-d["weight"], d["skill_id"]))
    return out


def measured_roles(db, *, min_postings: int = 1) -> list[dict]:
    """Roles with postings in the database: ``[{role, postings, source: "measured"}]`` by postings desc."""
    counts: dict[str, int] = {}
    with _connection(db) as con:
        for title, n in con.execute("SELECT title, count(*) FROM postings WHERE title IS NOT NULL GROUP BY title").fetchall():
            role = role_of(title)
            if role:
                counts[role] = counts.get(role, 0) + n
    out = [dict(role=r, postings=n, source="measured") for r, n in counts.items() if n >= min_postings]
    out.sort(key=lambda d: (-d["postings"], d["role"]))
    return out
