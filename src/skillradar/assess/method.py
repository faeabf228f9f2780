"""The scoring method in words (an assessment's ``method``), written from the constants the score uses.

The explanation states every factor a credit or a weight can take; written by hand it drifted from the
code whenever a factor was tuned. Here each number is the constant itself, and the parts that apply
only to some taxonomies (the AI/ML model-work rules, the tiers' factors) follow the taxonomy in use.
"""

from __future__ import annotations

from ..taxonomy import Taxonomy
from .dates import OLD_FACTOR, OLD_YEARS, RECENT_YEARS
from .importance import IMPORTANCE
from .involvement import INVOLVEMENT, ROLE_FACTOR, WEAK_FACTOR
from .practice import PRACTICE_FACTORS
from .resume import SECTION_FACTORS
from .score import IMPLIED_CREDIT, LONE_CORE_FACTOR, RELATED_CREDIT, SIBLING_CREDIT, TRANSFER_CREDIT, TRANSFER_DEPTH
from .targets import REQUIREMENT_WEIGHTS

__all__ = ["scoring_method"]

_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
#: How the method names the tiers of a taxonomy whose core is AI/ML model work (the bundled one).
_MODEL_WORK_TIERS = {"core": "AI/ML core", "ml-ops": "ML operations", "general": "general technical",
                     "other": "soft/thinking/domain"}


def _n(x: float) -> str:
    """A factor as the method writes it: 1.0, 0.95, 0.5."""
    return str(float(x))


def _sections() -> str:
    f = SECTION_FACTORS
    ed = (f"education/summary {_n(f['education'])}" if f["education"] == f["summary"]
          else f"education {_n(f['education'])}, summary {_n(f['summary'])}")
    return (f"experience {_n(f['experience'])}, projects {_n(f['projects'])}, certifications "
            f"{_n(f['certifications'])}, {ed}, skills list {_n(f['skills'])}")


def _credit(model_work: bool) -> str:
    text = (
        f"direct evidence strength = section factor ({_sections()}) × recency "
        f"(1.0 within {RECENT_YEARS} years, down to {_n(OLD_FACTOR)} at {OLD_YEARS}+ years) × involvement (in dated "
        f"entries: a verb of doing {_n(INVOLVEMENT['hands-on'])}, none {_n(INVOLVEMENT['neutral'])}, talking about "
        f"the skill {_n(INVOLVEMENT['talking'])}; anywhere: naming other people's team or job "
        f"{_n(INVOLVEMENT['others'])}, inside a job whose title sells, manages, advises on or reports on the work "
        f"{_n(ROLE_FACTOR)}) × {_n(WEAK_FACTOR)} when rated basic; named only as an aim ('looking for an LLM role') "
        "it counts as listed; a skill the posting accepts instead ('X or Y') or that is a kind of it (Llama for LLMs) "
        f"its full strength; related skill {_n(RELATED_CREDIT)} × its strength; a more advanced skill that builds on "
        f"it {_n(IMPLIED_CREDIT)} × its strength"
    )
    if not model_work:
        return text
    depth = _WORDS.get(TRANSFER_DEPTH, str(TRANSFER_DEPTH))
    none, one = PRACTICE_FACTORS[0], PRACTICE_FACTORS[min(1, len(PRACTICE_FACTORS) - 1)]
    return text + (
        f"; for AI/ML core skills, another skill of the same area {_n(SIBLING_CREDIT)} × its strength, else "
        f"{_n(TRANSFER_CREDIT)} × the mean strength of the résumé's {depth} strongest AI/ML core skills; AI/ML core "
        f"credit × {_n(none)} when no sentence of the résumé describes building, training or evaluating a model, "
        f"× {_n(one)} when one does, and × {_n(LONE_CORE_FACTOR)} when it is the only AI/ML core skill the résumé "
        "shows"
    )


def _importance(taxonomy: Taxonomy) -> str:
    """The factor by tier, as it follows the requirement weights ("…, × importance (…)")."""
    tiers = taxonomy.tiers
    if not tiers:
        return " (every skill alike: the taxonomy declares no scoring tiers)"
    if tiers.model_work:
        parts = [f"{_MODEL_WORK_TIERS[t]} {_n(IMPORTANCE[t])}" for t in IMPORTANCE
                 if not (t == "ml-ops" and IMPORTANCE["ml-ops"] == IMPORTANCE["core"])]  # then part of the core
        return ", × importance (" + ", ".join(parts) + ")"
    used = {r.tier for r in tiers.rules} | {"other"}
    return ", × importance by the taxonomy's tiers (" + ", ".join(
        f"{t} {_n(IMPORTANCE[t])}" for t in IMPORTANCE if t in used) + ")"


def scoring_method(source: str, taxonomy: Taxonomy) -> dict[str, str]:
    """The ``method`` object of an assessment against a target from ``source`` (posting, curated or
    measured) under ``taxonomy``: how the overall score, a credit and a weight are made."""
    if source == "posting":
        w = REQUIREMENT_WEIGHTS
        weights = (f"posting: required {_n(w['required'])}, named {_n(w[None])}, preferred {_n(w['preferred'])}"
                   f"{_importance(taxonomy)}, ÷ n for one of n alternatives")
    elif source == "curated":
        weights = "curated: editorial judgements, not market figures"
    else:
        weights = "measured: share of the role's postings / the top share"
    return {
        "overall": "100 × Σ(weight × credit) / Σ weight over the target's skills",
        "credit": _credit(taxonomy.tiers.model_work),
        "weights": weights,
    }
