"""Assess a person against a posting or a role: scores per family with evidence, gaps and a plan.

>>> from skillradar.assess import assess
>>> a = assess("examples/resume.md", role="llm-engineer")   # doctest: +SKIP
>>> a.overall, a.to_dict()["gaps"][0]["skill_id"]              # doctest: +SKIP
"""

from __future__ import annotations

from ..pipeline import Pipeline
from ..taxonomy import Taxonomy
from .api import Assessment, load_document, roles_and_warnings
from .plan import Gap, PlanStep
from .ranking import Ranking
from .targets import NoTargetSkills, Target, TargetSkill, list_roles, validate_roles

__all__ = [
    "Assessment", "Ranking", "assess", "rank", "build_target", "load_document", "list_roles", "roles_and_warnings",
    "validate_roles", "Target", "TargetSkill", "Gap", "PlanStep", "NoTargetSkills",
]


def _pipeline(taxonomy: Taxonomy | str | None, pipeline: Pipeline | None) -> Pipeline:
    return pipeline if pipeline is not None else Pipeline(taxonomy)


def assess(resume, *, posting=None, role: str | None = None, taxonomy=None, pipeline: Pipeline | None = None,
           **options) -> Assessment:
    """Assess a résumé (path or Document) against a posting (path or Document) or a role.

    ``taxonomy`` (a Taxonomy, bundled name or file; default ``genai``) or a ready ``pipeline`` reads
    the documents. Other options: ``db`` (market database: measured roles, demand for gap order),
    ``target`` (a prebuilt Target), ``today``, ``plan`` (see ``Pipeline.assess``).

    Raises:
        FileMissing, EmptyText and other InputErrors for unreadable files; UnknownRole;
        NoTargetSkills when the posting names no skill.
    """
    return _pipeline(taxonomy, pipeline).assess(resume, posting=posting, role=role, **options)


def rank(resumes, *, posting=None, role: str | None = None, taxonomy=None, pipeline: Pipeline | None = None,
         **options) -> Ranking:
    """Rank résumés for one posting or role, best first: the rows, the unreadable résumés and, with
    ``groups``, the fairness audit (see ``Pipeline.rank``). Iterating gives the rows, then the failed."""
    return _pipeline(taxonomy, pipeline).rank(resumes, posting=posting, role=role, **options)


def build_target(*, posting=None, role: str | None = None, taxonomy=None, pipeline: Pipeline | None = None,
                 **options) -> Target:
    """The target from a posting (path or Document) or a role name (see ``Pipeline.target``)."""
    return _pipeline(taxonomy, pipeline).target(posting=posting, role=role, **options)
