"""Targets to assess against: a job posting, a curated role profile, or a role measured from a market DB.

A target is a list of skills, each with a weight (0–1), a requirement level and the reason for its
weight. Three sources:

* a posting: skills extracted from it; ``required`` > unspecified > ``preferred``; negated skills
  ("no Kubernetes needed") are not targets;
* a curated role (``taxonomy/data/roles.yaml``): weights are editorial judgements, labelled
  ``source: curated`` and never presented as market figures;
* a measured role (``--db``): the skills' shares among the postings of that role in the market
  database, computed by ``skillradar.market.profiles`` when that module is installed.

Words: a *target* is what a résumé is assessed against; a *role profile* is a role's skills with
weights, ``curated`` (roles.yaml) or ``measured`` (market postings), and becomes a target here; the
*résumé profile* (``resume.ResumeProfile``) is what a résumé shows. (This module was ``profile``;
``skillradar.assess.profile`` still imports.)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from ..choices import closest
from ..errors import NoTargetSkills, UnknownRole, UsageError
from ..records import Extraction
from ..taxonomy import Taxonomy
from ..taxonomy.roles import RoleProblem, curated_roles, validate_roles
from .alternatives import alternative_lists
from .importance import IMPORTANCE, skill_importance

__all__ = [
    "TargetSkill", "Target", "NoTargetSkills", "REQUIREMENT_WEIGHTS", "IMPORTANCE", "skill_importance", "target_from_posting", "curated_roles",
    "role_target", "list_roles", "validate_roles", "RoleProblem", "ROLE_SOURCES",
]

#: Weight of a posting skill by requirement level (unspecified = named in the posting without a cue).
REQUIREMENT_WEIGHTS = {"required": 1.0, None: 0.75, "preferred": 0.5}

_LEVEL_RANK = {"required": 0, None: 1, "preferred": 2}


@dataclass(frozen=True, slots=True)
class TargetSkill:
    skill_id: str
    label: str
    family: str
    weight: float
    requirement: str | None  # required | preferred | None (named, no cue)
    why: str  # why the weight is what it is
    years: float | None = None  # years the target asks for
    demand: float | None = None  # market share when a DB gave one
    alternatives: tuple[str, ...] = ()  # skills the posting accepts instead ("PyTorch or TensorFlow")
    position: int = 0  # where the target first names it (posting offset, role-file order): ties go to the first named

    def to_dict(self) -> dict:
        out = {"skill_id": self.skill_id, "label": self.label, "family": self.family, "weight": self.weight,
               "requirement": self.requirement, "years": self.years, "demand": self.demand, "why": self.why}
        if self.alternatives:
            out["alternatives"] = list(self.alternatives)
        return out


@dataclass(frozen=True)
class Target:
    kind: str  # posting | role
    name: str  # posting source path or role id
    label: str
    source: str  # posting | curated | measured (from the postings of a market database)
    skills: tuple[TargetSkill, ...]
    postings: int | None = None  # postings a measured role was computed from
    note: str = ""
    extra: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """The CONTRACT's ``target`` object (kind plus source or name), with extra keys."""
        if self.kind == "posting":
            out = {"kind": "posting", "source": self.name}
        else:
            out = {"kind": "role", "name": self.name, "label": self.label, "profile_source": self.source}
            if self.postings is not None:
                out["postings"] = self.postings
        if self.note:
            out["note"] = self.note
        out["skills"] = len(self.skills)
        return out


# --------------------------------------------------------------------------------------- postings


def target_from_posting(extraction: Extraction, taxonomy: Taxonomy, text: str | None = None, *,
                        count_boilerplate: bool = False) -> Target:
    """The skills a posting asks for, one per skill id, at the strongest level the posting states.

    ``count_boilerplate`` also takes skills named only in about-us, benefits, EEO or how-to-apply text.
    With the posting's ``text``, skills it offers only as alternatives ("PyTorch or TensorFlow") share
    one skill's weight between them, and showing any one of them meets them all (see ``alternatives``).
    """
    best: dict[str, tuple] = {}
    negated: set[str] = set()
    count: dict[str, int] = {}
    first: dict[str, int] = {}
    years_of: dict[str, float] = {}
    for m in extraction.mentions:
        if not m.demand and m.section != "title" and not count_boilerplate:  # about-us, benefits, EEO, how to
            continue  # apply: offered, not asked (the title names the role: its skills are "named" targets)
        if m.requirement == "negated":
            negated.add(m.skill_id)
            continue
        count[m.skill_id] = count.get(m.skill_id, 0) + 1
        first[m.skill_id] = min(m.start, first.get(m.skill_id, m.start))
        key = (_LEVEL_RANK.get(m.requirement, 1), m.start)
        cur = best.get(m.skill_id)
        if cur is None or key < cur[0]:
            best[m.skill_id] = (key, m)
        if m.years is not None:
            years_of[m.skill_id] = max(m.years, years_of.get(m.skill_id, 0.0))
    skills = []
    for skill_id, (_key, m) in best.items():
        years = years_of.get(skill_id)
        level = m.requirement
        skill = taxonomy.find(skill_id)
        importance, imp_why = skill_importance(skill, taxonomy) if skill is not None else (1.0, "")
        weight = round(REQUIREMENT_WEIGHTS.get(level, 0.75) * importance, 4)
        cue = {"required": "required", "preferred": "preferred (nice to have)", None: "named without a requirement cue"}[level]
        why = f"{cue} in the posting (line {m.line}: \u201c{m.text}\u201d"
        why += f", {m.section})" if m.section else ")"
        if count[skill_id] > 1:
            why += f"; mentioned {count[skill_id]} times"
        if years:
            why += f"; asks for {years:g}+ years"
        if importance != 1.0:
            why += f"; × {importance:g}: {imp_why}"
        skills.append(TargetSkill(skill_id, m.label, m.family, weight, level, why, years=years,
                                  position=first[skill_id]))
    if text is not None:
        skills = _share_alternatives(skills, extraction, taxonomy, text)
    if not skills:
        only = f" (only negated: {', '.join(sorted(negated))})" if negated else ""
        raise NoTargetSkills(
            f"the posting names no skill of taxonomy '{taxonomy.name}'{only}: nothing to assess against; "
            "check that it is the job posting, or assess against a role with --role",
            source=extraction.source,
        )
    skills.sort(key=lambda t: (-t.weight, t.skill_id))
    return Target("posting", extraction.source, extraction.source, "posting", tuple(skills))


def _share_alternatives(skills: list[TargetSkill], extraction: Extraction, taxonomy: Taxonomy,
                        text: str) -> list[TargetSkill]:
    """Skills named only inside "X or Y" lists: each weighs 1/n of its weight and lists the others."""
    def group_of(skill_id: str) -> str:
        skill = taxonomy.find(skill_id)
        return f"{skill.family}/{skill.group}" if skill is not None else skill_id

    def kind_of(skill_id: str, broader_id: str) -> bool:
        return skill_id in taxonomy.narrower(broader_id)

    lists = alternative_lists(text, extraction.mentions, group_of, kind_of)
    listed = {m.start for run in lists for m in run}
    # a skill also named on its own ("Python" required on another line) is wanted for itself
    alone = {m.skill_id for m in extraction.mentions if m.requirement != "negated" and m.start not in listed}
    others: dict[str, set[str]] = {}
    for run in lists:
        members = {m.skill_id for m in run}
        for sid in members - alone:  # "Python or R" with Python required elsewhere: R is met by Python
            others.setdefault(sid, set()).update(members - {sid})
    out = []
    for t in skills:
        alts = others.get(t.skill_id)
        if not alts:
            out.append(t)
            continue
        n = len(alts) + 1
        labels = ", ".join(taxonomy.get(a).label if a in taxonomy else a for a in sorted(alts))
        out.append(replace(t, weight=round(t.weight / n, 4), alternatives=tuple(sorted(alts)),
                           why=f"{t.why}; one of {n} alternatives (or {labels}): any one of them meets it, "
                               f"so each weighs 1/{n}"))
    return out


# --------------------------------------------------------------------------------------- curated roles


def _find_curated(name: str) -> dict | None:
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    for role in curated_roles():
        names = [role["id"], *(role.get("aliases") or [])]
        if key in {n.lower().replace(" ", "-") for n in names}:
            return role
    return None


def _curated_target(role: dict, taxonomy: Taxonomy) -> Target:
    skills = []
    for i, s in enumerate(role.get("skills") or []):
        skill = taxonomy.find(s["id"])
        if skill is None:
            continue  # validated by tests; an id the taxonomy lacks cannot be assessed
        level = s.get("requirement", "required")
        why = (f"curated (editorial) weight {float(s['weight']):g} for a {role['label']}, {level}"
               + (f": {s['why']}" if s.get("why") else ""))
        skills.append(TargetSkill(skill.id, skill.label, skill.family, float(s["weight"]), level, why, position=i))
    skills.sort(key=lambda t: (-t.weight, t.skill_id))
    return Target("role", role["id"], role["label"], "curated", tuple(skills),
                  note="curated profile: weights are editorial judgements, not market figures")


# --------------------------------------------------------------------------------------- market roles


def _market_profiles():
    """``skillradar.market.profiles`` or None when the market part (duckdb, pandas) is not there."""
    try:
        from ..market import profiles  # type: ignore[attr-defined]
    except ImportError:
        return None
    return profiles


def _measured_roles(db: str | Path) -> list[dict]:
    prof = _market_profiles()
    if prof is None or not hasattr(prof, "measured_roles"):
        return []
    return [dict(r) for r in prof.measured_roles(db)]


def _market_name(name: str) -> str:
    """The market's name for a role: a curated role's ``market`` name, else the name as given."""
    role = _find_curated(name)
    return str(role.get("market") or role["label"]) if role else name


def _measured_target(db: str | Path, name: str, taxonomy: Taxonomy) -> Target | None:
    prof = _market_profiles()
    if prof is None or not hasattr(prof, "role_profile"):
        return None
    market_name = _market_name(name)
    try:
        rows = prof.role_profile(db, market_name)
    except UnknownRole:
        return None
    if not rows:
        return None
    total = rows[0].get("total")
    top = max(float(r["weight"]) for r in rows) or 1.0
    skills = []
    for r in rows:
        skill = taxonomy.find(r["skill_id"])
        share = float(r["weight"])
        if skill is None or share <= 0:
            continue
        level = r.get("requirement")
        weight = round(share / top, 4)
        why = (f"measured: named in {r.get('postings')} of {total} '{market_name}' postings ({share:.0%}); "
               f"weight = share / top share ({top:.0%})" + (f"; mostly {level}" if level else ""))
        skills.append(TargetSkill(skill.id, skill.label, skill.family, weight, level, why, demand=share))
    skills.sort(key=lambda t: (-t.weight, t.skill_id))
    curated = _find_curated(name)
    also = (f"; the curated profile '{curated['id']}' is used with --role-source curated (or without --db)"
            if curated else "")
    return Target("role", market_name, market_name, "measured", tuple(skills), postings=total,
                  note=f"weights are shares of the {total} postings titled as this role{also}")


# --------------------------------------------------------------------------------------- listing and lookup


def list_roles(db: str | Path | None = None) -> list[dict]:
    """Every role ``assess --role`` accepts: curated ones, then (with a DB) measured ones."""
    rows = []
    for r in curated_roles():
        rows.append({"name": r["id"], "label": r["label"], "source": "curated", "postings": None,
                     "skills": len(r.get("skills") or []), "aliases": list(r.get("aliases") or [])})
    if db is not None:
        if _market_profiles() is None:
            raise UsageError("db needs the market part (skillradar.market.profiles), which is not installed; "
                             "leave out db to use the curated role profiles", params=("db",))
        for r in _measured_roles(db):
            rows.append({"name": r["role"], "label": r["role"], "source": "measured", "postings": r.get("postings"),
                         "skills": None, "aliases": []})
    rows.sort(key=lambda r: (r["source"] != "curated", str(r["name"])))
    return rows


#: Where a role's profile comes from: ``auto`` takes the measured one when a database knows the role.
ROLE_SOURCES = ("auto", "curated", "measured")


def role_target(name: str, taxonomy: Taxonomy, *, db: str | Path | None = None, source: str = "auto") -> Target:
    """The target for role ``name``: measured from the DB when one is given and knows the role,
    else the curated profile; ``source`` ``curated`` or ``measured`` asks for one of them (a measured
    one needs ``db``). Unknown names raise UnknownRole listing the known ones."""
    from ..choices import check_choice

    check_choice(source or "auto", ROLE_SOURCES, "role_source")
    if source == "measured":
        if db is None:
            raise UsageError("role_source 'measured' needs a market database (db)", params=("role_source", "db"))
        measured = _measured_target(db, name, taxonomy) if _market_profiles() is not None else None
        if measured is None or not measured.skills:
            known = [r["name"] for r in list_roles(db) if r["source"] == "measured"]
            raise UnknownRole(f"no measured profile for role '{name}' in the market database; measured roles: "
                              f"{', '.join(known) or 'none'} (see `skillradar roles --db PATH`)")
        return measured
    notes = []
    if db is not None and source != "curated":
        if _market_profiles() is None:
            notes.append("market profiles are not available (skillradar.market.profiles missing); "
                         "used the curated profile instead")
        else:
            measured = _measured_target(db, name, taxonomy)
            if measured is not None and measured.skills:
                return measured
            notes.append(f"no measured profile for '{name}' in the market database; used the curated profile instead")
    role = _find_curated(name)
    if role is None:
        known = [r["name"] for r in list_roles(db if db is not None and _market_profiles() is not None else None)]
        guess = closest(name, known)
        raise UnknownRole(f"unknown role '{name}'; known roles: {', '.join(known)} (see `skillradar roles`)"
                          + (f"; did you mean '{guess}'?" if guess else ""))
    target = _curated_target(role, taxonomy)
    if not target.skills:
        raise UnknownRole(f"role '{name}' has no skill that taxonomy '{taxonomy.name}' knows")
    if notes:
        target = Target(target.kind, target.name, target.label, target.source, target.skills,
                        note=target.note + "; " + "; ".join(notes))
    return target
