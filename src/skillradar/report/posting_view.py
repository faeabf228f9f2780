"""The posting as the assessment read it: each span naming one of its target skills, marked matched or
missing for this résumé (the web page shows the posting beside the résumé with these highlighted)."""

from __future__ import annotations

__all__ = ["posting_mentions"]


def posting_mentions(mentions, assessment: dict) -> list[dict]:
    """Spans of the posting's target skills, in text order: ``start, end, text, line, skill_id, label,
    family, requirement`` and ``matched`` (the résumé shows it, itself or through what the target accepts).
    Mentions that are not targets (negated ones, benefits or about-us text) are left out."""
    targets = {s["skill_id"] for s in assessment.get("target_skills", [])}
    met = {m["skill_id"] for m in assessment.get("matched", [])}
    out = []
    for m in mentions:
        if m.skill_id not in targets or m.requirement == "negated":
            continue
        out.append({"start": m.start, "end": m.end, "text": m.text, "line": m.line, "skill_id": m.skill_id,
                    "label": m.label, "family": m.family, "requirement": m.requirement,
                    "matched": m.skill_id in met})
    return out
