"""Must-have skills for ``rank --must``: a knock-out filter on top of the score.

Why: a recruiter who cannot hire without, say, PyTorch does not want a candidate who lacks it ranked
third because of many other skills. The score stays as it is (it still says how close the résumé
is); résumés lacking a must-have are listed after all the others, marked, with the missing skills
named, rather than dropped, so nobody disappears from the list without a reason.
"""

from __future__ import annotations

import difflib

from ..errors import UnknownSkill
from ..taxonomy import Taxonomy

__all__ = ["resolve_must", "missing_musts"]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def resolve_must(specs, tax: Taxonomy, option: str = "must") -> list[str]:
    """Skill ids for ``specs`` given as id, label or alias (case and spacing ignored), in order, once each.
    ``option`` names where the names came from in the error message (a parameter, or a CLI flag).

    Raises:
        UnknownSkill: a spec names no skill; the message lists close ids, labels and aliases.
    """
    names: dict[str, str] = {}
    for s in tax:
        for name in (s.id, s.label, *s.aliases):
            names.setdefault(_norm(name), s.id)
    out: list[str] = []
    for spec in specs:
        sid = names.get(_norm(spec))
        if sid is None:
            close = difflib.get_close_matches(_norm(spec), list(names), n=5, cutoff=0.6)
            shown = ", ".join(f"{c} ({names[c]})" if c != names[c] else c for c in close)
            hint = f" Close names: {shown}." if close else " See `skillradar taxonomy list`."
            raise UnknownSkill(f"{option} '{spec}' is not a skill of taxonomy '{tax.name}'.{hint}", params=(option,))
        if sid not in out:
            out.append(sid)
    return out


def missing_musts(must_ids: list[str], shown: set[str], tax: Taxonomy) -> list[str]:
    """The must-have ids a résumé lacks. ``shown``: ids with evidence in the résumé or credited as met.

    A skill that is a kind of a must-have counts for it (Llama for "Large language models"), as in
    the score."""
    have = set(shown)
    for sid in shown:
        skill = tax.find(sid)
        if skill is not None:
            have.update(skill.broader)
    return [m for m in must_ids if m not in have]
