"""Gaps ordered by importance, and a learning plan in prerequisite order.

Importance of a gap = requirement factor × demand × (0.5 + 0.5 × closeness):

* requirement factor — required 1.0, named without a cue 0.75, preferred 0.5;
* demand — the skill's share of postings in the market DB when one is given (for a measured role,
  its share among that role's postings); else the curated weight for a curated role, else 1.0;
* closeness — how near the person already is: the partial credit a related skill gives, or the
  fraction of the skill's prerequisites the résumé shows, whichever is larger. A close gap is a
  quick win, so it ranks higher.

The plan holds the gaps plus their missing prerequisites (transitively), sorted so that a skill
always comes after its prerequisites (Kahn's algorithm, most important first among the ready). It
never teaches a skill the résumé already shows — itself, through a narrower skill (Chroma shows vector
databases) or through an alternative the posting accepts — and of gaps the posting offers as
alternatives ("Airflow, Prefect or Dagster") it teaches the most important one: any one meets them all.
Everything a person reads names skills by their labels; ids stay in the JSON for programs.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from ..taxonomy import Taxonomy
from .profile import Target, TargetSkill
from .resume import ResumeProfile
from .score import MET, Credit, narrower_ids

__all__ = ["Gap", "PlanStep", "REQUIREMENT_FACTORS", "find_gaps", "learning_plan", "shows"]

REQUIREMENT_FACTORS = {"required": 1.0, None: 0.75, "preferred": 0.5}


@dataclass(frozen=True, slots=True)
class Gap:
    skill_id: str
    label: str
    weight: float
    requirement: str | None
    reason: str
    importance: float
    closeness: float
    partial_credit: float
    alternatives: tuple[str, ...] = ()  # skills the posting accepts instead (all gaps too, or it would be met)

    def to_dict(self) -> dict:
        out = {"skill_id": self.skill_id, "label": self.label, "weight": self.weight,
               "requirement": self.requirement, "reason": self.reason, "importance": self.importance,
               "closeness": self.closeness, "partial_credit": self.partial_credit}
        if self.alternatives:
            out["alternatives"] = list(self.alternatives)
        return out


@dataclass(frozen=True, slots=True)
class PlanStep:
    skill_id: str
    label: str
    after: tuple[str, ...]
    resources: tuple[tuple[str, str], ...]
    why: str
    prerequisites_met: tuple[str, ...]
    after_labels: tuple[str, ...] = ()
    prerequisites_met_labels: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"skill_id": self.skill_id, "label": self.label, "after": list(self.after),
                "after_labels": list(self.after_labels),
                "resources": [{"title": t, "url": u} for t, u in self.resources], "why": self.why,
                "prerequisites_met": list(self.prerequisites_met),
                "prerequisites_met_labels": list(self.prerequisites_met_labels)}


def shows(resume: ResumeProfile, taxonomy: Taxonomy, skill_id: str, credits: dict[str, Credit] | None = None) -> bool:
    """Whether the résumé shows a skill: itself, a narrower skill, or (for a target skill) what the posting accepts."""
    if credits is not None and skill_id in credits and credits[skill_id].kind in MET:
        return True
    return resume.strength(skill_id) > 0 or any(resume.strength(n) > 0 for n in narrower_ids(taxonomy, skill_id))


def _label(taxonomy: Taxonomy, skill_id: str) -> str:
    skill = taxonomy.find(skill_id)
    return skill.label if skill else skill_id


def find_gaps(target: Target, credits: dict[str, Credit], resume: ResumeProfile, taxonomy: Taxonomy,
              demand: dict[str, float] | None = None) -> list[Gap]:
    """Target skills the résumé does not show, most important first (ties by skill id)."""
    gaps = []
    for ts in target.skills:
        c = credits[ts.skill_id]
        if c.kind in MET:
            continue  # shown, through a narrower skill, or through one the posting accepts instead
        d, d_why = _demand(ts, target, demand)
        skill = taxonomy.find(ts.skill_id)
        prereqs = list(skill.prerequisites) if skill else []
        have = [p for p in prereqs if shows(resume, taxonomy, p, credits)]
        prereq_close = len(have) / len(prereqs) if prereqs else 0.0
        closeness = round(max(c.value, prereq_close), 4)
        factor = REQUIREMENT_FACTORS.get(ts.requirement, 0.75)
        importance = round(factor * d * (0.5 + 0.5 * closeness), 4)
        level = ts.requirement or "named (no requirement cue)"
        parts = [f"{level} (×{factor:g})", d_why]
        if ts.alternatives:
            parts.append(f"the posting accepts {_or(taxonomy, ts.alternatives)} instead")
        if c.kind in ("related", "implied"):
            parts.append(c.explanation)
        if prereqs:
            parts.append(f"{len(have)} of {len(prereqs)} prerequisites shown"
                         + (f" ({', '.join(_label(taxonomy, p) for p in have)})" if have else ""))
        parts.append(f"closeness {closeness:.2f} → importance {importance:.3f}")
        reason = "; ".join(parts)
        gaps.append(Gap(ts.skill_id, ts.label, ts.weight, ts.requirement, reason, importance, closeness, c.value,
                        tuple(ts.alternatives)))
    gaps.sort(key=lambda g: (-g.importance, -g.weight, g.skill_id))
    return gaps


def _demand(ts: TargetSkill, target: Target, demand: dict[str, float] | None) -> tuple[float, str]:
    if ts.demand is not None:
        return ts.demand, f"market demand {ts.demand:.0%} of the role's postings"
    if demand is not None:
        share = demand.get(ts.skill_id, 0.0)
        return share, f"market demand {share:.0%} of postings in the database"
    if target.source == "curated":
        return ts.weight, f"curated (editorial) weight {ts.weight:g}, not a market figure"
    return 1.0, "no market data (equal demand assumed)"


def _or(taxonomy: Taxonomy, ids) -> str:
    labels = sorted(_label(taxonomy, i) for i in ids)
    return ", ".join(labels[:-1]) + " or " + labels[-1] if len(labels) > 1 else labels[0]


def _resources(taxonomy: Taxonomy, skill_id: str) -> bool:
    skill = taxonomy.find(skill_id)
    return bool(skill and skill.resources)


def _one_per_choice(gaps: list[Gap]) -> list[Gap]:
    """The gaps to learn: of gaps the posting offers as alternatives, the most important one."""
    chosen: list[Gap] = []
    for g in gaps:  # most important first
        if not any(a in {c.skill_id for c in chosen} for a in g.alternatives):
            chosen.append(g)
    ids = {c.skill_id for c in chosen}
    # "Python or R" with Python also wanted on its own: learning Python meets R as well
    return [g for g in chosen if not any(a in ids for a in g.alternatives)]


def learning_plan(gaps: list[Gap], resume: ResumeProfile, taxonomy: Taxonomy,
                  credits: dict[str, Credit] | None = None) -> list[PlanStep]:
    """Gaps and their missing prerequisites, each after its prerequisites, with resources.

    ``credits`` (the target skills' credits) keep out prerequisites the résumé meets through what the
    posting accepts instead.
    """
    # of equally important choices, teach one with learning resources (Airflow's docs, not a bare Dagster)
    gaps = _one_per_choice(sorted(gaps, key=lambda g: (-g.importance, not _resources(taxonomy, g.skill_id))))
    priority: dict[str, float] = {g.skill_id: g.importance for g in gaps}
    why: dict[str, str] = {g.skill_id: f"gap; {_or(taxonomy, g.alternatives)} would do instead" if g.alternatives else "gap"
                           for g in gaps}
    # add missing prerequisites transitively; a prerequisite inherits the priority of what needs it
    stack = [g.skill_id for g in gaps]
    while stack:
        sid = stack.pop()
        skill = taxonomy.find(sid)
        if skill is None:
            continue
        for p in skill.prerequisites:
            if p not in taxonomy or shows(resume, taxonomy, p, credits):
                continue
            if p not in priority:
                why[p] = f"prerequisite of {taxonomy.get(sid).label}"
                priority[p] = priority[sid]
                stack.append(p)
            elif priority[sid] > priority[p]:
                priority[p] = priority[sid]
                stack.append(p)
    nodes = set(priority)
    deps = {n: sorted(p for p in taxonomy.get(n).prerequisites if p in nodes) if n in taxonomy else [] for n in nodes}
    dependents: dict[str, list[str]] = {n: [] for n in nodes}
    for n, ps in deps.items():
        for p in ps:
            dependents[p].append(n)
    indegree = {n: len(ps) for n, ps in deps.items()}
    ready = [(-priority[n], n) for n in nodes if indegree[n] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, n = heapq.heappop(ready)
        order.append(n)
        for d in dependents[n]:
            indegree[d] -= 1
            if indegree[d] == 0:
                heapq.heappush(ready, (-priority[d], d))
    if len(order) < len(nodes):  # a cycle (the taxonomy validator forbids them): keep the rest stable
        order += sorted(nodes - set(order), key=lambda n: (-priority[n], n))
    steps = []
    for n in order:
        skill = taxonomy.find(n)
        met = tuple(p for p in (skill.prerequisites if skill else ()) if shows(resume, taxonomy, p, credits))
        steps.append(PlanStep(
            skill_id=n, label=skill.label if skill else n, after=tuple(deps[n]),
            resources=tuple((r.title, r.url) for r in (skill.resources if skill else ())),
            why=why[n], prerequisites_met=met, after_labels=tuple(_label(taxonomy, p) for p in deps[n]),
            prerequisites_met_labels=tuple(_label(taxonomy, p) for p in met),
        ))
    return steps
