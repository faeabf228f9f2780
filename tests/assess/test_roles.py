"""The curated role profiles validate against the bundled taxonomy (every skill id exists)."""

from __future__ import annotations

from skillradar.assess import validate_roles
from skillradar.assess.targets import curated_roles

REQUIRED_ROLES = {"ml-engineer", "llm-engineer", "data-scientist", "mlops-engineer", "ai-researcher",
                  "ai-product-manager", "prompt-engineer", "data-engineer"}


def test_roles_file_validates(taxonomy):
    problems = validate_roles(taxonomy)
    assert not problems, "\n".join(str(p) for p in problems)


def test_required_roles_present():
    assert REQUIRED_ROLES <= {r["id"] for r in curated_roles()}


def test_validator_reports_unknown_ids_with_lines(taxonomy):
    text = "source: curated\nroles:\n  - id: x\n    label: X\n    skills:\n      - {id: no.such-skill, weight: 2, requirement: maybe}\n"
    problems = [str(p) for p in validate_roles(taxonomy, text)]
    assert any("roles.yaml:6" in p and "unknown skill id 'no.such-skill'" in p for p in problems)
    assert any("weight" in p for p in problems) and any("requirement" in p for p in problems)


def test_curated_targets_are_labelled_editorial(taxonomy):
    from skillradar.assess import build_target

    t = build_target(role="ml-engineer", taxonomy=taxonomy)
    assert t.source == "curated" and "not market figures" in t.note
    assert all("curated (editorial)" in s.why for s in t.skills)
