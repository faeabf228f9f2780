"""An assessment as Markdown (for terminals, pull requests and notes)."""

from __future__ import annotations

from ..assess.plan import gap_name

__all__ = ["render_assessment_markdown"]


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_assessment_markdown(assessment) -> str:
    d = assessment.to_dict()
    t = d["target"]
    name = t["source"] if t["kind"] == "posting" else f"{t.get('label', t['name'])} (`{t['name']}`, {t.get('profile_source')})"
    out = [f"# {_cell(d['resume'])} vs {_cell(name)}", "", f"**Overall: {d['overall']:.1f} / 100**", ""]
    if t.get("note"):
        out += [f"_{_cell(t['note'])}_", ""]
    out += ["## Families", "", "| family | score | explanation |", "|---|---:|---|"]
    for f, info in d["families_detail"].items():
        score = "–" if info["score"] is None else f"{info['score']:.1f}"
        out.append(f"| {f} | {score} | {_cell(info['explanation'])} |")
    out += ["", "## Matched", "", "| skill | weight | credit | evidence |", "|---|---:|---:|---|"]
    for m in d["matched"]:
        ev = "; ".join(f"“{_cell(e['text'])}” ({e['section'] or 'no section'}, {e['start']}–{e['end']})"
                       for e in m["evidence"][:3])
        via = f"via {_cell(m.get('via_label') or m['via'])}: " if m.get("via") else ""
        out.append(f"| {_cell(m['label'])} | {m['weight']:g} | {m['credit']:.2f} | {via}{ev} |")
    if d.get("practice"):
        pr = d["practice"]
        out += ["", "## AI/ML practice", "", f"{_cell(pr['explanation'])} (AI/ML core credit ×{pr['factor']:g})."]
        if not pr["sentences"]:
            out.append("Describe the models you built, trained or evaluated in your experience: without such a "
                       "sentence, AI/ML skills count at half weight.")
    out += ["", "## Gaps (most important first)", "", "| skill | requirement | importance | reason |", "|---|---|---:|---|"]
    for g in d["gaps"]:
        out.append(f"| {_cell(gap_name(g))} | {g['requirement'] or 'named'} | {g['importance']:.3f} | {_cell(g['reason'])} |")
    out += ["", "## Learning plan (prerequisites first)", ""]
    for i, p in enumerate(d["plan"], 1):
        after = f" — after {_cell(', '.join(p.get('after_labels') or p['after']))}" if p["after"] else ""
        out.append(f"{i}. **{_cell(p['label'])}**{after} ({_cell(p['why'])})")
        for r in p["resources"]:
            out.append(f"   - [{_cell(r['title'])}]({r['url']})")
    if not d["plan"]:
        out.append("Nothing to learn for this target.")
    return "\n".join(out) + "\n"
