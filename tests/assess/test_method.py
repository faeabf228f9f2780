"""The scoring method in words is written from the score's constants: every number it states is one of
them, changing one changes the text, and the AI/ML parts follow the taxonomy's tiers."""

from __future__ import annotations

import re

from skillradar.assess import method
from skillradar.assess.dates import OLD_FACTOR, OLD_YEARS, RECENT_YEARS
from skillradar.assess.importance import IMPORTANCE
from skillradar.assess.involvement import INVOLVEMENT, ROLE_FACTOR, WEAK_FACTOR
from skillradar.assess.practice import PRACTICE_FACTORS
from skillradar.assess.resume import SECTION_FACTORS
from skillradar.assess.score import (IMPLIED_CREDIT, LONE_CORE_FACTOR, RELATED_CREDIT, SIBLING_CREDIT,
                                     TRANSFER_CREDIT)
from skillradar.assess.targets import REQUIREMENT_WEIGHTS
from skillradar.taxonomy import Taxonomy
from skillradar.taxonomy.tiers import TierRule, Tiers


def _constants() -> set[str]:
    values = [*SECTION_FACTORS.values(), *INVOLVEMENT.values(), ROLE_FACTOR, WEAK_FACTOR, RELATED_CREDIT,
              IMPLIED_CREDIT, SIBLING_CREDIT, TRANSFER_CREDIT, *PRACTICE_FACTORS, LONE_CORE_FACTOR,
              *REQUIREMENT_WEIGHTS.values(), *IMPORTANCE.values(), OLD_FACTOR, 1.0]
    return {str(float(v)) for v in values} | {str(RECENT_YEARS), str(OLD_YEARS), "100"}


def test_every_number_in_the_method_is_a_constant(taxonomy):
    m = method.scoring_method("posting", taxonomy)
    text = " ".join(m.values())
    numbers = set(re.findall(r"(?<![\w.])\d+(?:\.\d+)?", text))
    assert numbers and numbers <= _constants(), numbers - _constants()
    n = method._n
    for fragment in (
        f"experience {n(SECTION_FACTORS['experience'])}", f"skills list {n(SECTION_FACTORS['skills'])}",
        f"1.0 within {RECENT_YEARS} years, down to {n(OLD_FACTOR)} at {OLD_YEARS}+ years",
        f"talking about the skill {n(INVOLVEMENT['talking'])}", f"reports on the work {n(ROLE_FACTOR)}",
        f"× {n(WEAK_FACTOR)} when rated basic", f"related skill {n(RELATED_CREDIT)} × its strength",
        f"builds on it {n(IMPLIED_CREDIT)} × its strength", f"same area {n(SIBLING_CREDIT)} × its strength",
        f"else {n(TRANSFER_CREDIT)} × the mean strength", f"× {n(PRACTICE_FACTORS[0])} when no sentence",
        f"× {n(LONE_CORE_FACTOR)} when it is the only AI/ML core skill",
        f"required {n(REQUIREMENT_WEIGHTS['required'])}, named {n(REQUIREMENT_WEIGHTS[None])}",
        f"AI/ML core {n(IMPORTANCE['core'])}, general technical {n(IMPORTANCE['general'])}",
    ):
        assert fragment in text, fragment


def test_changing_a_constant_changes_the_text(taxonomy, monkeypatch):
    monkeypatch.setattr(method, "RELATED_CREDIT", 0.45)
    monkeypatch.setattr(method, "TRANSFER_DEPTH", 4)
    monkeypatch.setattr(method, "IMPORTANCE", {**IMPORTANCE, "general": 0.25, "ml-ops": 0.9})
    monkeypatch.setattr(method, "SECTION_FACTORS", {**SECTION_FACTORS, "summary": 0.65})
    m = method.scoring_method("posting", taxonomy)
    assert "related skill 0.45 × its strength" in m["credit"]
    assert "the résumé's four strongest AI/ML core skills" in m["credit"]
    assert "education 0.7, summary 0.65" in m["credit"]
    assert "general technical 0.25" in m["weights"] and "ML operations 0.9" in m["weights"]


def test_the_method_follows_the_taxonomy_tiers(taxonomy):
    plain = Taxonomy("esco-like", "1", taxonomy.skills[:3],
                     tiers=Tiers((TierRule("general", "shared", skills=(taxonomy.skills[0].id,)),), source="x"))
    untiered = Taxonomy("flat", "1", taxonomy.skills[:3])
    for tax, weights in ((plain, "importance by the taxonomy's tiers (general 0.2, other 0.05)"),
                         (untiered, "(every skill alike: the taxonomy declares no scoring tiers)")):
        m = method.scoring_method("posting", tax)
        assert "AI/ML" not in m["credit"] and "practice" not in m["credit"]
        assert weights in m["weights"], m["weights"]
    assert method.scoring_method("curated", untiered)["weights"] == "curated: editorial judgements, not market figures"
