"""An assessment as Markdown (for terminals, pull requests and notes).

Each gap and matched skill is said in words; the figures behind a gap follow on a secondary line.
Evidence is placed by line (by page for a PDF). A heading is written only with something under it.
"""

from __future__ import annotations

from .evidence import distinct, family_words, plan_why, quoted
from .radar import FAMILY_LABELS
from .target import target_phrase

__all__ = ["render_assessment_markdown"]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _section(out: list[str], heading: str, body: list[str]) -> None:
    """Append ``## heading`` and ``body``, only when the body says something."""
    if any(line.strip() for line in body):
        out += ["", f"## {heading}", "", *body]


def render_assessment_markdown(assessment) -> str:
    d = assessment.to_dict()
    t = d["target"]
    out = [f"# {_cell(d['resume'])} vs {_cell(target_phrase(t))}", "", f"**Overall: {d['overall']:.1f} / 100**"]
    if t.get("note"):
        out += ["", f"_{_cell(t['note'])}_"]
    if d.get("claimed"):
        out += ["", f"_Counted on your word (“I have this”): {_cell(', '.join(d.get('claimed_labels') or d['claimed']))}_"]
    out += ["", "100 means every skill the target asks for, shown at full strength (in recent work, done by you); "
                "compare scores for the same target, not across targets."]

    fam = ["| family | score | in words |", "|---|---:|---|"]
    for f, info in d["families_detail"].items():
        score = "–" if info["score"] is None else f"{info['score']:.1f}"
        fam.append(f"| {FAMILY_LABELS.get(f, f)} | {score} | {_cell(family_words(info))} |")
    _section(out, "Families", fam)

    pr = d.get("practice")
    if pr is not None:
        text = f"{_cell(pr['explanation'][0].upper() + pr['explanation'][1:])} (AI/ML core credit ×{pr['factor']:g})."
        if not pr["sentences"]:
            text += (" Describe a model you built, trained or evaluated in your experience or a project: without "
                     "such a sentence, AI/ML skills count at half weight.")
        _section(out, "AI/ML practice", [text])

    gaps = []
    for i, g in enumerate(d["gaps"], 1):
        gaps.append(f"{i}. **{_cell(g['label'])}**: {_cell(g.get('summary') or g['reason'])}")
        figures = _cell(g["reason"]).replace("_", "\\_").replace("*", "\\*")
        gaps.append(f"   _The numbers: importance {g['importance']:.3f}; {figures}_")
    _section(out, "Gaps, most important first", gaps or ["No gaps: every skill the target asks for is shown."])

    plan = []
    for i, p in enumerate(d["plan"], 1):
        after = f", after {_cell(', '.join(p.get('after_labels') or p['after']))}" if p["after"] else ""
        plan.append(f"{i}. **{_cell(p['label'])}** ({_cell(plan_why(p['why'], t))}{after})")
        fors = sorted({r["for_label"] for r in p["resources"] if r.get("for_label")})
        if fors:
            plan.append(f"   - for {_cell(', '.join(fors))}, which it is part of:")
        for r in p["resources"]:
            plan.append(f"   - [{_cell(r['title'])}]({r['url']})")
        if not p["resources"]:
            note = p.get("resources_note") or "no learning resource is listed for this skill"
            plan.append(f"   - {_cell(note[0].upper() + note[1:])}.")
    _section(out, f"Learning plan: {len(d['plan'])} steps, prerequisites first",
             plan or ["Nothing to learn for this target."])

    matched = ["| skill | where | evidence |", "|---|---|---|"]
    for m in d["matched"]:
        ev = "; ".join(quoted(e) for e in distinct(m["evidence"])[:3])
        via = f" (via {_cell(m.get('via_label') or m['via'])})" if m.get("via") else ""
        matched.append(f"| {_cell(m['label'])}{via} | {_cell(m.get('summary') or m['why'])} | {_cell(ev)} |")
    _section(out, "Skills you show, and where", matched if d["matched"] else
             ["No skill the target asks for is shown in the résumé."])
    return "\n".join(out) + "\n"
