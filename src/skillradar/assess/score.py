"""Scores: how much of a target a résumé covers, overall and per family, each number explained.

For every target skill the person earns a *credit* between 0 and 1:

* direct — the skill's own evidence strength (section × recency, see ``resume``), lowered when the
  résumé states fewer years than the target asks for;
* related — ``RELATED_CREDIT`` × the strength of a skill the taxonomy marks as related
  (``Skill.related``, either direction), e.g. TensorFlow for PyTorch;
* narrower — the full strength of a skill that is a kind of it (taxonomy ``broader``: Llama work
  is LLM work, XGBoost is gradient boosting);
* alternative — the full strength of a skill the posting accepts instead ("PyTorch or TensorFlow"), or of
  a kind of it;
* implied — ``IMPLIED_CREDIT`` × the strength of a skill that has this one as a prerequisite
  (someone who builds RAG systems knows LLMs to some degree).

The best of these counts (a summary's "LLMs" does not hide Llama fine-tuned in a project). A score is ``100 × Σ weight × credit / Σ weight`` over the target's
skills (all of them for ``overall``, those of one family for a family score); a family the target
asks nothing of has no score (``None``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..records import FAMILIES
from ..taxonomy import Taxonomy
from .importance import is_core_work, is_model_work, named_general
from .targets import Target, TargetSkill
from .resume import ResumeProfile

__all__ = ["Credit", "MET", "narrower_ids", "RELATED_CREDIT", "IMPLIED_CREDIT", "SIBLING_CREDIT", "TRANSFER_CREDIT",
           "LONE_CORE_FACTOR", "core_depth", "core_skills", "credit_for", "family_scores", "related_ids"]

#: Credit kinds that count as the skill being shown (not a gap): its own evidence, evidence of a
#: narrower skill, or of an alternative the posting accepts.
MET = ("direct", "narrower", "alternative")
RELATED_CREDIT = 0.5
IMPLIED_CREDIT = 0.5
#: Partial credit for a core AI/ML skill through another skill the résumé shows in the same taxonomy
#: group (object detection for segmentation, LightGBM for XGBoost, LoRA for fine-tuning).
SIBLING_CREDIT = 0.4
#: Partial credit for a core skill through the résumé's AI/ML core elsewhere (skills transfer within the
#: core): this × the mean strength of the résumé's three strongest core skills (missing ones count 0),
#: so one stray mention of "machine learning" earns little and a body of AI/ML work earns more.
TRANSFER_CREDIT = 0.35
TRANSFER_DEPTH = 3
#: Factor on AI/ML core credit when the résumé shows only one AI/ML core skill. People who do AI/ML work
#: show several (a model, its framework, its kind of learning); one AI/ML term alone in a résumé is
#: weak evidence and often another sense of the word: a power engineer's "Transformer", a lawyer's
#: "LLM" degree, a DBA's "SSMS" or "clustering".
LONE_CORE_FACTOR = 0.5


@dataclass(frozen=True, slots=True)
class Credit:
    value: float
    kind: str  # direct | narrower | alternative | related | implied | none
    via: str | None  # the related or more advanced skill that gave partial credit
    explanation: str


def related_ids(taxonomy: Taxonomy, skill_id: str) -> list[str]:
    """Skills related to ``skill_id`` in either direction, sorted."""
    out = set(taxonomy.get(skill_id).related) if skill_id in taxonomy else set()
    index = _reverse_index(taxonomy)
    out |= index[0].get(skill_id, set())
    out.discard(skill_id)
    return sorted(out)


def narrower_ids(taxonomy: Taxonomy, skill_id: str) -> frozenset[str]:
    """Skills that are a kind of ``skill_id``, directly or through other broader skills (taxonomy ``broader``)."""
    return taxonomy.narrower(skill_id)


def _reverse_index(taxonomy: Taxonomy) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(skills that name each skill as related, skills that need each skill first), kept with the taxonomy."""
    def build():
        rel: dict[str, set[str]] = {}
        dependents: dict[str, set[str]] = {}
        for s in taxonomy:
            for r in s.related:
                rel.setdefault(r, set()).add(s.id)
            for p in s.prerequisites:
                dependents.setdefault(p, set()).add(s.id)
        return rel, dependents

    return taxonomy.derived("assess.reverse", build)


def credit_for(ts: TargetSkill, resume: ResumeProfile, taxonomy: Taxonomy) -> Credit:
    """The credit a résumé earns for one target skill, with the reason in words.

    For an AI/ML core skill the credit is then scaled by the résumé's practice factor: naming core
    skills without describing any model work earns half (see ``practice``); and by
    ``LONE_CORE_FACTOR`` when it is the only AI/ML core skill the résumé shows.
    """
    credit = _credit(ts, resume, taxonomy)
    skill = taxonomy.find(ts.skill_id)
    if credit.value <= 0 or skill is None or not is_model_work(skill, taxonomy):
        return credit
    practice = resume.practice
    if practice is not None and practice.factor < 1.0:
        credit = Credit(round(credit.value * practice.factor, 4), credit.kind, credit.via,
                        f"{credit.explanation}; AI/ML practice ×{practice.factor:g}: {practice.why(resume.text)}")
    core = core_skills(resume, taxonomy)
    if len(core) == 1 and LONE_CORE_FACTOR < 1.0:
        only = resume.skills[next(iter(core))].label
        credit = Credit(round(credit.value * LONE_CORE_FACTOR, 4), credit.kind, credit.via,
                        f"{credit.explanation}; ×{LONE_CORE_FACTOR:g}: {only} is the only AI/ML core skill the "
                        "résumé shows, and one AI/ML term alone is weak evidence")
    return credit


def _credit(ts: TargetSkill, resume: ResumeProfile, taxonomy: Taxonomy) -> Credit:
    best: Credit | None = None
    se = resume.skills.get(ts.skill_id)
    if se is not None and se.evidence:
        value, why = _with_years(se.strength, se.why(), se.years, ts.years)
        best = Credit(round(value, 4), "direct", None, why)
    # A narrower skill or an accepted alternative shown more strongly counts instead: "LLMs" named in a
    # summary, Llama fine-tuned in a project. The years asked weigh on it as on the skill itself.
    for nid in sorted(narrower_ids(taxonomy, ts.skill_id)):  # Llama work is LLM work
        nse = resume.skills.get(nid)
        if nse is None or not nse.evidence:
            continue
        years = se.years if se is not None and se.years is not None else nse.years  # "ML: less than a year" caps it
        value, why = _with_years(nse.strength, f"shown through {nse.label}, a kind of {ts.label}: {nse.why()}",
                                 years, ts.years)
        if best is None or round(value, 4) > best.value:
            best = Credit(round(value, 4), "narrower", nid, why)
    for aid in ts.alternatives:  # the posting accepts this one instead, or any kind of it
        for sid in (aid, *sorted(narrower_ids(taxonomy, aid))):
            alt = resume.skills.get(sid)
            if alt is None or not alt.evidence:
                continue
            kind = "" if sid == aid else f", a kind of {taxonomy.get(aid).label}"
            value, why = _with_years(alt.strength, f"the posting accepts {alt.label}{kind} instead, shown: {alt.why()}",
                                     alt.years, ts.years)
            if best is None or round(value, 4) > best.value:
                best = Credit(round(value, 4), "alternative", sid, why)
    if best is not None:
        return best
    for rid in related_ids(taxonomy, ts.skill_id):
        s = resume.strength(rid)
        if s > 0:
            c = Credit(round(RELATED_CREDIT * s, 4), "related", rid,
                       f"partial credit {RELATED_CREDIT:g} × {s:.2f} through the related skill "
                       f"{resume.skills[rid].label} ({resume.skills[rid].why()})")
            if best is None or (c.value, c.via) > (best.value, best.via or ""):
                best = c
    for did in sorted(_reverse_index(taxonomy)[1].get(ts.skill_id, ())):
        s = resume.strength(did)
        if s > 0:
            c = Credit(round(IMPLIED_CREDIT * s, 4), "implied", did,
                       f"partial credit {IMPLIED_CREDIT:g} × {s:.2f} implied by the more advanced skill "
                       f"{resume.skills[did].label}, which builds on it")
            if best is None or c.value > best.value:
                best = c
    skill = taxonomy.find(ts.skill_id)
    if best is None and skill is not None and is_core_work(skill, taxonomy) and not named_general(skill.id, taxonomy):
        for sid in sorted(resume.skills):
            other = taxonomy.find(sid)
            if other is None or other.group != skill.group or named_general(sid, taxonomy) or sid == ts.skill_id:
                continue
            s = resume.strength(sid)
            if s > 0 and (best is None or SIBLING_CREDIT * s > best.value):
                best = Credit(round(SIBLING_CREDIT * s, 4), "related", sid,
                              f"partial credit {SIBLING_CREDIT:g} × {s:.2f} through {resume.skills[sid].label}, "
                              f"shown in the same area ({taxonomy.group_label(skill.family, skill.group)})")
    if skill is not None and is_model_work(skill, taxonomy) and TRANSFER_CREDIT > 0:
        depth, top = core_depth(resume, taxonomy)
        value = round(TRANSFER_CREDIT * depth, 4)
        if value > 0 and (best is None or value > best.value):
            best = Credit(value, "related", top[0] if top else None,
                          f"partial credit {TRANSFER_CREDIT:g} × {depth:.2f}: AI/ML core skills shown elsewhere in the "
                          f"résumé transfer ({', '.join(resume.skills[t].label for t in top)})")
    return best or Credit(0.0, "none", None, "no evidence in the résumé")


def _with_years(value: float, why: str, shown: float | None, asked: float | None) -> tuple[float, str]:
    """Credit lowered when the résumé states fewer years than the target asks: × (0.8 + 0.2 × shown / asked)."""
    if asked and shown is not None and shown < asked:
        factor = 0.8 + 0.2 * shown / asked
        return value * factor, f"{why}; {shown:g} of the {asked:g} years asked (×{factor:.2f})"
    return value, why


def core_skills(resume: ResumeProfile, taxonomy: Taxonomy) -> frozenset[str]:
    """The AI/ML core skills the résumé shows (ids)."""
    cached = resume._cache.get("core_skills")
    if cached is None:
        cached = frozenset(s for s in resume.skills if (k := taxonomy.find(s)) is not None and is_model_work(k, taxonomy))
        resume._cache["core_skills"] = cached
    return cached


def core_depth(resume: ResumeProfile, taxonomy: Taxonomy) -> tuple[float, list[str]]:
    """Mean strength of the résumé's ``TRANSFER_DEPTH`` strongest AI/ML core skills, and their ids."""
    cached = resume._cache.get("core_depth")
    if cached is not None:
        return cached
    scored = []
    for sid in resume.skills:
        sk = taxonomy.find(sid)
        if sk is not None and is_model_work(sk, taxonomy):
            scored.append((resume.strength(sid), sid))
    scored.sort(key=lambda x: (-x[0], x[1]))
    top = scored[:TRANSFER_DEPTH]
    out = (sum(v for v, _ in top) / TRANSFER_DEPTH, [sid for _, sid in top])
    resume._cache["core_depth"] = out
    return out


def family_scores(target: Target, credits: dict[str, Credit], family_ids: Sequence[str] = FAMILIES,
                  ) -> tuple[float, dict[str, float | None], dict[str, dict]]:
    """Overall score, per-family scores and per-family details (weights, counts, explanation).

    ``family_ids``: the taxonomy's (``Taxonomy.family_ids``); the five of the contract for a taxonomy
    that declares none (ESCO), so that every assessment carries the same keys."""
    def score(skills: list[TargetSkill]) -> float | None:
        total = sum(t.weight for t in skills)
        if total <= 0:
            return None
        return round(100.0 * sum(t.weight * credits[t.skill_id].value for t in skills) / total, 1)

    overall = score(list(target.skills)) or 0.0
    families: dict[str, float | None] = {}
    detail: dict[str, dict] = {}
    for fam in family_ids:
        members = [t for t in target.skills if t.family == fam]
        families[fam] = score(members)
        got = [t.skill_id for t in members if credits[t.skill_id].kind in MET]
        partial = [t.skill_id for t in members if credits[t.skill_id].kind in ("related", "implied")]
        if not members:
            why = "the target asks for no skill of this family, so it is not scored"
        else:
            why = (f"{len(got)} of {len(members)} target skills shown"
                   + (f", {len(partial)} with partial credit" if partial else "")
                   + f"; score = 100 × Σ(weight × credit) / Σ weight = 100 × "
                   f"{sum(t.weight * credits[t.skill_id].value for t in members):.2f} / {sum(t.weight for t in members):.2f}")
        detail[fam] = {"score": families[fam], "target_skills": len(members), "matched": len(got),
                       "partial": len(partial), "explanation": why}
    return overall, families, detail
