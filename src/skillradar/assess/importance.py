"""How much a skill matters to a job, from the scoring tier the taxonomy gives it.

Which skill sits in which tier is the taxonomy's data (``taxonomy.tiers``: the bundled taxonomy's
``tiers:`` rules, ESCO's reuse levels); what a tier is worth, and which rules apply to AI/ML model
work, is the scorer's, here. A taxonomy that declares no tiers weighs every skill the same and gets
none of the model-work rules.
"""

from __future__ import annotations

from ..taxonomy import Taxonomy

__all__ = ["IMPORTANCE", "MODEL_WORK_TIERS", "skill_importance", "is_model_work", "is_core_work",
           "named_general", "is_task", "tiers_warning"]

#: How much a skill matters to a posting by its tier. What a target skill tells about fit is how much
#: more often people who do the job show it than people who do not: testers, analysts and DBAs show
#: SQL, testing and integration in their daily work, and every résumé claims communication and
#: teamwork, while only AI/ML people show model work. Real postings list many generic skills (up to 30
#: soft and general ones beside 7 core ones), so at higher factors a long résumé of generic work
#: outscored a short one of model work (bench/RESULTS.md, issue 11).
IMPORTANCE = {
    "core": 1.0,  # what the job is about (the bundled taxonomy: the AI/ML technical core)
    "ml-ops": 1.0,  # ML-specific operations (the mlops group, not general DevOps)
    "general": 0.2,  # general technical skills: languages, cloud, databases, data tools, DevOps, BI
    "other": 0.05,  # soft skills, thinking skills, domain knowledge: claimed by nearly everyone
}
#: Tiers that are AI/ML model work in a taxonomy that declares ``model_work`` (see ``score``).
MODEL_WORK_TIERS = ("core", "ml-ops")


def skill_importance(skill, taxonomy: Taxonomy) -> tuple[float, str]:
    """How central a skill is to the job (a factor on its posting weight), and the reason."""
    tier = taxonomy.tier_of(skill.id)
    if tier is None:
        return 1.0, ""
    return IMPORTANCE[tier.name], tier.why


def is_model_work(skill, taxonomy: Taxonomy) -> bool:
    """An AI/ML core or ML-operations skill of a taxonomy whose core is model work: its credit follows
    the résumé's practice and a lone one counts less (``score.credit_for``)."""
    if not taxonomy.tiers.model_work:
        return False
    tier = taxonomy.tier_of(skill.id)
    return tier is not None and tier.name in MODEL_WORK_TIERS


def is_core_work(skill, taxonomy: Taxonomy) -> bool:
    """An AI/ML core skill (not operations): another skill of its group earns it partial credit."""
    if not taxonomy.tiers.model_work:
        return False
    tier = taxonomy.tier_of(skill.id)
    return tier is not None and tier.name == "core"


def named_general(skill_id: str, taxonomy: Taxonomy) -> bool:
    """A skill the tiers name, by its id, as general practice (Docker inside the mlops group): it neither
    earns nor gives same-area credit."""
    tier = taxonomy.tier_of(skill_id)
    return tier is not None and tier.name == "general" and tier.by == "skill"


def is_task(skill, taxonomy: Taxonomy) -> bool:
    """A modelling task (sentiment analysis, object detection): a ``practice`` skill of a task group."""
    return skill.type == "practice" and skill.group in taxonomy.tiers.task_groups


def tiers_warning(taxonomy: Taxonomy) -> dict | None:
    """The warning an assessment under a taxonomy without tiers carries, so that the fallback (every
    skill weighs the same) is stated, never silent; None when the taxonomy has tiers."""
    if taxonomy.tiers:
        return None
    return {"code": "no_scoring_tiers",
            "message": f"taxonomy '{taxonomy.name}' declares no scoring tiers: every skill weighs by its requirement "
                       "level alone (none counts as core or generic), and the AI/ML model-work rules do not apply; "
                       "add a 'tiers:' list to a YAML taxonomy to weigh them (README: Scoring tiers)"}
