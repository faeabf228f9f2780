"""The assessment entry points: ``assess`` one résumé against a posting or a role (``ranking`` ranks many)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DatabaseProblem, EmptyText, FileMissing, UnknownRole, UsageError
from ..records import FAMILIES, Document
from ..taxonomy import Taxonomy
from .importance import tiers_warning
from .method import scoring_method
from .plan import Gap, PlanStep, find_gaps, learning_plan, shows
from .targets import Target, role_target, target_from_posting
from .resume import ResumeProfile, understand_resume
from .score import MET, Credit, credit_for, family_scores
from .words import gap_summary, match_summary, plan_resources

__all__ = ["Assessment", "assess", "build_target", "load_document", "roles_and_warnings"]


@dataclass
class Assessment:
    """One résumé assessed against one target. ``to_dict()`` is the CONTRACT's JSON object."""

    resume: str
    target: Target
    overall: float
    families: dict[str, float | None]
    families_detail: dict[str, dict]
    matched: list[dict]
    gaps: list[Gap]
    plan: list[PlanStep]
    partial: list[dict] = field(default_factory=list)
    resume_text: str = field(default="", repr=False)
    warnings: list[dict] = field(default_factory=list)
    practice: dict | None = None  # sentences describing model work (see ``practice``)
    gap_words: dict[str, str] = field(default_factory=dict)  # skill id -> the gap in plain words (``words``)
    plan_extra: dict[str, dict] = field(default_factory=dict)  # skill id -> resources of a broader skill, or a note
    claimed: list[str] = field(default_factory=list)  # skills the person said they have ("I have this")
    claimed_labels: list[str] = field(default_factory=list)
    resume_page_starts: tuple[int, ...] = field(default=(), repr=False)  # a PDF's page starts in resume_text
    method: dict[str, str] = field(default_factory=dict)  # how the score is made, in words (``method``)

    def to_dict(self) -> dict:
        out = {
            "resume": self.resume,
            "target": self.target.to_dict(),
            "overall": self.overall,
            "families": dict(self.families),
            "matched": self.matched,
            "gaps": [{**g.to_dict(), "summary": self.gap_words.get(g.skill_id, "")} for g in self.gaps],
            "plan": [_plan_step(p, self.plan_extra.get(p.skill_id)) for p in self.plan],
            "families_detail": self.families_detail,
            "target_skills": [t.to_dict() for t in self.target.skills],
            "method": self.method,
        }
        if self.practice is not None:
            out["practice"] = self.practice
        if self.claimed:
            out["claimed"] = list(self.claimed)
            out["claimed_labels"] = list(self.claimed_labels)
        if self.warnings:
            out["warnings"] = self.warnings
        return out


def _plan_step(step: PlanStep, extra: dict | None) -> dict:
    """A plan step's JSON; one without resources of its own gets a broader skill's, marked ``for``, or
    a ``resources_note`` saying plainly that there is none."""
    out = step.to_dict()
    if extra:
        out["resources"] = out["resources"] or extra["resources"]
        if extra.get("note"):
            out["resources_note"] = extra["note"]
    return out


# --------------------------------------------------------------------------------------- inputs


def load_document(path_or_doc, *, kind: str) -> Document:
    """A Document from a path (any format the readers know) or a Document / Extraction given as is."""
    if isinstance(path_or_doc, Document):
        return path_or_doc
    path = str(path_or_doc)
    try:
        from ..readers import read_path  # the readers package (txt, md, html, pdf, docx)
    except ImportError:
        read_path = None
    if read_path is not None:
        doc = read_path(path, kind=kind)
    else:  # plain-text fallback while the readers are not installed
        p = Path(path)
        if not p.is_file():
            raise FileMissing(f"no such file: '{path}'", source=path)
        data = p.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            from ..errors import DecodeError

            raise DecodeError(f"not UTF-8 text (byte {exc.start}); save it as UTF-8", source=path) from exc
        text = text[1:] if text.startswith("\ufeff") else text
        doc = Document(source=path, text=text, format=p.suffix.lstrip(".") or "txt", kind=kind)
    if not doc.text.strip():
        raise EmptyText("the file holds no text to assess", source=path)
    return doc


if TYPE_CHECKING:  # the pipeline calls these functions with itself: no import at run time
    from ..pipeline import Pipeline


def build_target(*, pipeline: Pipeline, posting=None, role: str | None = None, db=None,
                 count_boilerplate: bool = False, role_source: str = "auto") -> Target:
    """The target from a posting (path or Document) or a role name (curated, or measured with ``db``).

    ``count_boilerplate``: a posting's skills named only in about-us, benefits, EEO or how-to-apply text
    are targets too (by default they are not: "life insurance" is offered, not asked for).
    ``role_source``: ``auto`` (measured when ``db`` knows the role), ``curated`` or ``measured``.
    ``pipeline``: what reads the posting, with its taxonomy."""
    pipe = pipeline
    tax = pipe.taxonomy
    if (posting is None) == (role is None):
        raise UsageError("give exactly one target: a posting or a role", params=("posting", "role"))
    if posting is not None:
        if isinstance(posting, Target):
            return posting
        doc = load_document(posting, kind="posting")
        return target_from_posting(pipe.extract(doc, kind="posting"), tax, doc.text,
                                   count_boilerplate=count_boilerplate)
    return role_target(role, tax, db=db, source=role_source)


def _market_demand(db, target: Target) -> dict[str, float] | None:
    """Each skill's share of all postings in the DB (for gap importance), when the market part is there."""
    if db is None or target.source == "measured":
        return None
    try:
        from ..market import stats
    except ImportError:
        return None
    return {r["skill_id"]: float(r["share"]) for r in stats.top(db)}


def _db_warning(err: DatabaseProblem, fallback: str) -> dict:
    return {"code": err.code, "message": f"{err.message} ({fallback})"}


def _target_and_demand(*, posting, role, db, pipe: Pipeline, target: Target | None = None,
                       role_source: str = "auto"):
    """(target, market demand, warnings). A database that cannot be read does not stop an assessment
    against a posting or a curated role: they go on without market figures, with a warning."""
    warnings: list[dict] = []
    if target is None:
        try:
            target = build_target(posting=posting, role=role, db=db, pipeline=pipe, role_source=role_source)
        except DatabaseProblem as err:
            if role is None or role_source == "measured":
                raise
            try:
                target = build_target(role=role, db=None, pipeline=pipe)
            except UnknownRole:
                raise err from err.__cause__  # a measured role needs the database
            warnings.append(_db_warning(err, "used the curated profile, without market figures"))
            return target, None, warnings
    try:
        demand = _market_demand(db, target)
    except DatabaseProblem as err:
        warnings.append(_db_warning(err, "gaps are ranked without market demand"))
        demand = None
    return target, demand, warnings


def roles_and_warnings(db=None) -> tuple[list[dict], list[dict]]:
    """(roles, warnings) for listings: the curated roles always, measured ones when ``db`` can be read."""
    from .targets import list_roles

    try:
        return list_roles(db), []
    except DatabaseProblem as err:
        return list_roles(None), [_db_warning(err, "only the curated roles are listed")]


# --------------------------------------------------------------------------------------- assess


def assess(resume, *, pipeline: Pipeline, posting=None, role: str | None = None, db=None,
           target: Target | None = None, today: _dt.date | None = None, plan: bool = True,
           claimed=None, role_source: str = "auto") -> Assessment:
    """Assess a résumé (path or Document) against a posting (path or Document) or a role.

    Args:
        resume: the résumé file path, or a :class:`~skillradar.records.Document`.
        posting: a posting file path or Document (exclusive with ``role``).
        role: a role name from ``skillradar roles``.
        role_source: ``auto`` (the measured profile when ``db`` knows the role, else the curated one),
            ``curated`` or ``measured``; the target's ``profile_source`` always says which was used.
        db: a market DuckDB path: measured role profiles and market demand for gap importance.
        target: a prebuilt target (what ``rank`` uses to read a posting once).
        plan: build the learning plan (``rank`` skips it).
        today: reference date for recency and "Present" (default: today).
        pipeline: what reads the documents, with its taxonomy (``skillradar.assess.assess`` builds
            one from ``taxonomy=``).
        claimed: skills (ids, labels or aliases) the person says they have although the résumé does not
            show them ("I have this"): each counts as a skill the résumé lists (see ``claims``).

    Raises:
        FileMissing, EmptyText and other InputErrors for unreadable files; UnknownRole;
        NoTargetSkills when the posting names no skill.
    """
    pipe = pipeline
    tax = pipe.taxonomy
    target, demand, db_warnings = _target_and_demand(posting=posting, role=role, db=db, pipe=pipe, target=target,
                                                     role_source=role_source)
    doc = load_document(resume, kind="resume")
    extraction = pipe.extract(doc, kind="resume")
    profile = understand_resume(extraction, doc, today=today, taxonomy=tax)
    claimed_ids: list[str] = []
    if claimed:
        from .claims import add_claims
        from .must import resolve_must

        claimed_ids = resolve_must(claimed, tax, option="claimed")
        add_claims(profile, claimed_ids, tax)
    result = _assess_profile(profile, target, tax, demand=demand, with_plan=plan)
    result.claimed = claimed_ids
    result.claimed_labels = [_label(tax, c) for c in claimed_ids]
    result.resume_page_starts = tuple(doc.page_starts)
    result.warnings[:0] = db_warnings + [w for w in (tiers_warning(tax),) if w]
    return result


def _assess_profile(profile: ResumeProfile, target: Target, tax: Taxonomy, *, demand=None,
                    with_plan: bool = True) -> Assessment:
    credits: dict[str, Credit] = {t.skill_id: credit_for(t, profile, tax) for t in target.skills}
    overall, families, detail = family_scores(target, credits, tax.family_ids or FAMILIES)
    matched, partial = [], []
    for t in target.skills:
        c = credits[t.skill_id]
        if c.kind in MET:
            se = profile.skills[t.skill_id if c.kind == "direct" else c.via]
            row = {
                "skill_id": t.skill_id, "label": t.label, "weight": t.weight, "family": t.family,
                "requirement": t.requirement, "credit": c.value,
                "evidence": [e.to_dict() for e in se.evidence],
                "years": se.years, "why": f"{c.explanation}. Weight: {t.why}",
                "summary": match_summary(t, c, profile, tax),
            }
            if c.kind != "direct":
                row["via"] = c.via  # the evidence is of this skill: a kind of it, or one the posting accepts instead
                row["via_label"] = se.label
            matched.append(row)
        elif c.kind != "none":
            partial.append({"skill_id": t.skill_id, "label": t.label, "credit": c.value, "via": c.via,
                            "via_label": _label(tax, c.via), "why": c.explanation})
    matched.sort(key=lambda m: (-m["weight"] * m["credit"], m["skill_id"]))
    gaps = find_gaps(target, credits, profile, tax, demand)
    plan = learning_plan(gaps, profile, tax, credits) if with_plan else []
    warnings = [n.to_dict() for n in profile.notices]
    return Assessment(
        resume=profile.source, target=target, overall=overall, families=families, families_detail=detail,
        matched=matched, gaps=gaps, plan=plan, partial=partial, resume_text=profile.text, warnings=warnings,
        practice=profile.practice.to_dict(profile.text) if profile.practice is not None else None,
        gap_words=_gap_words(gaps, target, credits, profile, tax, demand) if with_plan else {},
        plan_extra=_plan_extra(plan, tax), method=scoring_method(target.source, tax),
    )


def _gap_words(gaps: list[Gap], target: Target, credits: dict[str, Credit], profile: ResumeProfile,
               tax: Taxonomy, demand) -> dict[str, str]:
    """Each gap in plain words (see ``words``), from the credits the score used."""
    by_id = {t.skill_id: t for t in target.skills}
    out = {}
    for g in gaps:
        skill = tax.find(g.skill_id)
        met = tuple(p for p in (skill.prerequisites if skill else ()) if shows(profile, tax, p, credits))
        out[g.skill_id] = gap_summary(by_id[g.skill_id], credits[g.skill_id], profile, tax, target, demand=demand,
                                      prerequisites_met=met, closeness=g.closeness)
    return out


def _plan_extra(plan: list[PlanStep], tax: Taxonomy) -> dict[str, dict]:
    out = {}
    for step in plan:
        if not step.resources:
            resources, note = plan_resources(step.skill_id, tax)
            out[step.skill_id] = {"resources": resources, "note": note}
    return out


def _label(tax: Taxonomy, skill_id: str | None) -> str | None:
    skill = tax.find(skill_id) if skill_id else None
    return skill.label if skill else skill_id
