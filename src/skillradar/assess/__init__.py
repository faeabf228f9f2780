"""Assess a person against a posting or a role: scores per family with evidence, gaps and a plan.

>>> from skillradar.assess import assess
>>> a = assess("examples/resume.md", role="llm-engineer")   # doctest: +SKIP
>>> a.overall, a.to_dict()["gaps"][0]["skill_id"]              # doctest: +SKIP
"""

from .api import Assessment, assess, build_target, load_document, rank, roles_and_warnings
from .plan import Gap, PlanStep
from .profile import NoTargetSkills, Target, TargetSkill, list_roles, validate_roles

__all__ = [
    "Assessment", "assess", "rank", "build_target", "load_document", "list_roles", "roles_and_warnings",
    "validate_roles", "Target", "TargetSkill", "Gap", "PlanStep", "NoTargetSkills",
]
