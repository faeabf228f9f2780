"""Gaps ordered by importance, and a learning plan in prerequisite order.

Importance of a gap = requirement factor × demand × (0.5 + 0.5 × closeness):

* requirement factor — required 1.0, named without a cue 0.75, preferred 0.5;
* demand — the skill's share of postings in the market DB when one is given (for a measured role,
  its share among that role's postings); else the curated weight for a curated role; else, for a
  posting, how central the skill is to AI/ML work, the same factor its score weight has (a missing
  AI/ML core skill comes before a missing soft skill);
* closeness — how near the person already is: the partial credit a related skill gives, or the
  fraction of the skill's prerequisites the résumé shows, whichever is larger. A close gap is a
  quick win, so it ranks higher.

A choice the posting offers ("Airflow, Prefect or Dagster", "one or more of: PyTorch, TensorFlow, JAX")
is one gap, not one per option: any one of them meets it. Its row names the option to learn (the
most important, then one with learning resources, then the one the posting names first) and lists the
others as ``alternatives``. An option the posting also wants on its own ("Python or R", and Python
required elsewhere) is the one to learn: it closes both.

The plan holds the gaps plus their missing prerequisites (transitively), sorted so that a skill
always comes after its prerequisites (Kahn's algorithm, most important first among the ready). It
never teaches a skill the résumé already shows — itself, through a narrower skill (Chroma shows vector
databases) or through an alternative the posting accepts.
Everything a person reads names skills by their labels; ids stay in the JSON for programs.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, replace

from ..taxonomy import Taxonomy
from .importance import skill_importance
from .targets import Target, TargetSkill
from .resume import ResumeProfile
from .score import MET, Credit, narrower_ids

__all__ = ["Gap", "PlanStep", "REQUIREMENT_FACTORS", "find_gaps", "gap_name", "learning_plan", "shows"]

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
    alternative_labels: tuple[str, ...] = ()  # the same skills by label, for people

    def to_dict(self) -> dict:
        out = {"skill_id": self.skill_id, "label": self.label, "weight": self.weight,
               "requirement": self.requirement, "reason": self.reason, "importance": self.importance,
               "closeness": self.closeness, "partial_credit": self.partial_credit}
        if self.alternatives:
            out["alternatives"] = list(self.alternatives)
            out["alternatives_labels"] = list(self.alternative_labels)
        return out

    @property
    def display(self) -> str:
        """The gap as people read it: "PyTorch (or JAX, TensorFlow)" for a choice."""
        return gap_name(self.to_dict())


def gap_name(row: dict) -> str:
    """A gap row of the JSON as people read it: its label, and for a choice the other options
    ("PyTorch (or JAX, TensorFlow)")."""
    others = row.get("alternatives_labels") or []
    return f"{row['label']} (or {', '.join(others)})" if others else row["label"]


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
        d, d_why = _demand(ts, target, demand, taxonomy)
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
                        tuple(ts.alternatives), tuple(_label(taxonomy, a) for a in ts.alternatives)))
    position = {ts.skill_id: (ts.position, ts.skill_id) for ts in target.skills}
    gaps = _one_per_choice(sorted(gaps, key=lambda g: (-g.importance, not _resources(taxonomy, g.skill_id),
                                                        position[g.skill_id])), taxonomy)
    gaps.sort(key=lambda g: (-g.importance, -g.weight, g.skill_id))
    return gaps


def _demand(ts: TargetSkill, target: Target, demand: dict[str, float] | None,
            taxonomy: Taxonomy) -> tuple[float, str]:
    if ts.demand is not None:
        return ts.demand, f"market demand {ts.demand:.0%} of the role's postings"
    if demand is not None:
        share = demand.get(ts.skill_id, 0.0)
        return share, f"market demand {share:.0%} of postings in the database"
    if target.source == "curated":
        return ts.weight, f"curated (editorial) weight {ts.weight:g}, not a market figure"
    skill = taxonomy.find(ts.skill_id)
    if target.source == "posting" and skill is not None:
        importance, why = skill_importance(skill, taxonomy)
        return importance, f"no market data; ×{importance:g}: {why}"
    return 1.0, "no market data (equal demand assumed)"


def _or(taxonomy: Taxonomy, ids) -> str:
    labels = sorted(_label(taxonomy, i) for i in ids)
    return ", ".join(labels[:-1]) + " or " + labels[-1] if len(labels) > 1 else labels[0]


def _resources(taxonomy: Taxonomy, skill_id: str) -> bool:
    skill = taxonomy.find(skill_id)
    return bool(skill and skill.resources)


def _one_per_choice(gaps: list[Gap], taxonomy: Taxonomy | None = None) -> list[Gap]:
    """One gap per choice the posting offers: the first of its options in ``gaps``' order, with the
    other options as its alternatives. With ``taxonomy``, an option wanted on its own ("Python or R",
    Python also required) says in its reason which choices it closes as well."""
    chosen: list[Gap] = []
    for g in gaps:  # most important first
        if not any(a in {c.skill_id for c in chosen} for a in g.alternatives):
            chosen.append(g)
    ids = {c.skill_id for c in chosen}
    # "Python or R" with Python also wanted on its own: learning Python meets R as well
    kept = [g for g in chosen if not any(a in ids for a in g.alternatives)]
    if taxonomy is None:
        return kept
    by_id = {g.skill_id: g for g in kept}
    closes: dict[str, list[str]] = {}
    for g in gaps:  # an option whose kept alternative does not list it back: that one is wanted on its own
        closer = next((by_id[a] for a in g.alternatives if a in by_id), None)
        if g.skill_id not in by_id and closer is not None and g.skill_id not in closer.alternatives:
            closes.setdefault(closer.skill_id, []).append(g.label)
    return [replace(g, reason=f"{g.reason}; learning it also meets {_or_labels(closes[g.skill_id])}: the posting "
                              f"accepts {g.label} instead") if g.skill_id in closes else g for g in kept]


def _or_labels(labels: list[str]) -> str:
    labels = sorted(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1] if len(labels) > 1 else labels[0]


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
