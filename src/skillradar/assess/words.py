"""Plain-language explanations of an assessment, for the person it is about.

The ``reason`` of a gap and the ``why`` of a matched skill hold the arithmetic (factors, closeness,
importance): exact, and what a reviewer checks. A job seeker needs the same facts in words: what the
target asks, what the résumé shows that comes close and where, and what to do about it. This module
writes those sentences from the same credits the score used, so words and numbers never disagree;
it computes nothing that the score does not.
"""

from __future__ import annotations

from ..taxonomy import Taxonomy
from .targets import Target, TargetSkill
from .resume import ResumeProfile, SkillEvidence
from .importance import is_model_work
from .score import Credit, core_depth, related_ids

__all__ = ["where_shown", "gap_summary", "match_summary", "plan_resources"]

_WHERE = {
    "experience": "in your work experience",
    "projects": "in a project",
    "responsibilities": "in work you describe",
    "certifications": "in a certification",
    "education": "in your education",
    "summary": "in your summary",
    "about": "in your profile",
    "skills": "only in your skills list",
    None: "in your résumé, but not under a heading such as Experience or Projects",
}


def _best(se: SkillEvidence):
    return max(se.evidence, key=lambda e: (e.strength, -e.start))


def where_shown(se: SkillEvidence) -> str:
    """Where the résumé shows a skill, by its strongest mention: "only in your skills list",
    "in your work experience (2019 – 2021)", "in a role that manages the work (Product Manager)"."""
    best = _best(se)
    if best.section == "claimed":
        return "by your own word (“I have this”), not in the résumé"
    if best.aim:
        return f"only as something you are looking for (“{best.aim}”)"
    where = _WHERE.get(best.section, f"in your {best.section} section")
    if best.section == "skills" and any(e.section != "skills" for e in se.evidence):
        others = [e for e in se.evidence if e.section != "skills"]  # "only" would not be true
        where = f"in your skills list, and less strongly in {len(others)} other place{'s' if len(others) != 1 else ''}"
        ages = [e.years_ago for e in others if e.years_ago is not None]
        if ages and all(e.recency < 1.0 for e in others):
            where += f" (the latest about {min(ages):.0f} years ago)"
    if best.entry:
        where += f" ({best.entry})"
    if best.role:
        where += f", in a role that sells, manages or reports on the work rather than doing it (“{best.role}”)"
    if best.proficiency:
        where += f", rated {best.proficiency}"
    return where


def _ask(ts: TargetSkill, target: Target, demand: dict[str, float] | None) -> str:
    if target.source == "posting":
        ask = {"required": "Required in the posting", "preferred": "A nice-to-have in the posting",
               None: "Named in the posting without saying whether it is required"}.get(ts.requirement, "Named in the posting")
    elif target.source == "curated":
        ask = (f"Part of the curated {target.label} profile"
               + (f" ({ts.requirement})" if ts.requirement else ""))
    else:
        share = f"{ts.demand:.0%}" if ts.demand is not None else "some"
        ask = f"Asked in {share} of the {target.label} postings in the database"
    if ts.years:
        ask += f", with {ts.years:g}+ years"
    if demand is not None and ts.demand is None:
        share = demand.get(ts.skill_id, 0.0)
        ask += (f" (and in {share:.0%} of all postings in the market database)" if share >= 0.005
                else " (and in almost none of the postings in the market database)")
    return ask


def _label(tax: Taxonomy, skill_id: str) -> str:
    skill = tax.find(skill_id)
    return skill.label if skill else skill_id


def _list(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else ", ".join(labels[:-1]) + " and " + labels[-1]


def _close(ts: TargetSkill, c: Credit, profile: ResumeProfile, tax: Taxonomy, prereqs: list[str]) -> str | None:
    """What the résumé shows that earns partial credit, in words (the same basis the score used)."""
    if c.kind == "none" or not c.via or c.via not in profile.skills:
        return None
    se = profile.skills[c.via]
    where = where_shown(se)
    if c.kind == "implied":
        return f"you show {se.label}, which builds on it, {where}"
    if c.via in related_ids(tax, ts.skill_id):
        return f"you show a related skill, {se.label}, {where}"
    skill, other = tax.find(ts.skill_id), tax.find(c.via)
    if c.via in prereqs:
        return f"you show {se.label}, which it builds on, {where}"
    if skill is not None and other is not None and skill.group == other.group:
        return f"you show {se.label}, from the same area ({tax.group_label(skill.family, skill.group)}), {where}"
    # the transfer credit: the résumé's strongest AI/ML core skills count a little towards any core skill
    top = [profile.skills[s].label for s in core_depth(profile, tax)[1] if s in profile.skills] or [se.label]
    return f"your other AI/ML skills ({_list(top)}) count a little towards it"


def gap_summary(ts: TargetSkill, c: Credit, profile: ResumeProfile, tax: Taxonomy, target: Target, *,
                demand: dict[str, float] | None = None, prerequisites_met: tuple[str, ...] = (),
                closeness: float = 0.0) -> str:
    """One gap in words: "Required in the posting, and you show a related skill, pandas, only in your
    skills list. You already show Python, which it builds on." The figures stay in ``reason``."""
    skill = tax.find(ts.skill_id)
    prereqs = [p for p in (skill.prerequisites if skill else ()) if p in tax]
    close = _close(ts, c, profile, tax, prereqs)
    others = [p for p in prereqs if p != c.via or close is None]
    have = [_label(tax, p) for p in others if p in prerequisites_met]
    missing = [_label(tax, p) for p in others if p not in prerequisites_met]
    if close is None:
        close = (f"you already show {_list(have)}, which it builds on" if have
                 else "your résumé shows nothing close to it")
        have = []
    parts = [f"{_ask(ts, target, demand)}, and {close}."]
    if ts.alternatives:
        parts.append(f"{_list(sorted(_label(tax, a) for a in ts.alternatives))} would do instead.")
    if have:
        parts.append(f"You also show {_list(have)}, which it builds on.")
    if missing:
        parts.append(f"It builds on {_list(missing)}, which your résumé does not show yet: the plan puts "
                     f"{'it' if len(missing) == 1 else 'them'} first.")
    practice = profile.practice
    if c.value > 0 and practice is not None and practice.factor < 1.0 and skill is not None and is_model_work(skill, tax):
        parts.append("AI/ML skills count at half weight until your résumé describes model work you did."
                     if practice.count == 0 else
                     f"AI/ML skills count at {practice.factor:.0%} until a second sentence describes model work you did.")
    if closeness >= 0.5:
        parts.append("You are close to it: a quick win.")
    return " ".join(parts)


def match_summary(ts: TargetSkill, c: Credit, profile: ResumeProfile, tax: Taxonomy) -> str:
    """One matched skill in words: where it is shown, and how to make it count more where it can."""
    se = profile.skills[ts.skill_id if c.kind == "direct" else c.via]
    where = where_shown(se)
    if c.kind == "narrower":
        out = f"Shown through {se.label}, a kind of {ts.label}, {where}."
    elif c.kind == "alternative":
        out = f"The target accepts {se.label} instead, and you show it {where}."
    else:
        out = f"Shown {where}."
    best = _best(se)
    tips = []
    if best.section == "claimed":
        tips.append("It counts like a skill in your skills list; describe where you used it to earn full credit.")
    elif best.aim or best.section == "skills":
        tips.append("A sentence about where you used it recently, in your experience or a project, would count more.")
    elif best.recency < 1.0 and best.years_ago is not None:
        tips.append(f"Last shown about {best.years_ago:.0f} years ago, so it counts less than recent work.")
    if c.kind == "direct" and ts.years and se.years is not None and se.years < ts.years:
        tips.append(f"The target asks for {ts.years:g}+ years; your résumé shows about {se.years:g}.")
    if len(se.evidence) > 1 and "other place" not in where:
        out = out[:-1] + f" ({len(se.evidence)} mentions)."
    return " ".join([out, *tips])


def plan_resources(skill_id: str, tax: Taxonomy) -> tuple[list[dict], str | None]:
    """Learning resources for a plan step that has none of its own: those of the broader skill it is a
    kind of (nearest first), each marked with the skill it is for; else a plain note that there is none."""
    skill = tax.find(skill_id)
    if skill is None:
        return [], "no learning resource is listed for this skill"
    seen, todo = set(), list(skill.broader)
    while todo:
        bid = todo.pop(0)
        if bid in seen or bid not in tax:
            continue
        seen.add(bid)
        broader = tax.get(bid)
        if broader.resources:
            return ([{"title": r.title, "url": r.url, "for": bid, "for_label": broader.label} for r in broader.resources],
                    None)
        todo.extend(broader.broader)
    if skill.family in ("soft", "thinking"):
        return [], "no course is listed for this skill: it is learned and shown through work, so describe where you used it"
    return [], "no learning resource is listed for this skill in the taxonomy yet"
