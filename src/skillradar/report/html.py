"""A self-contained HTML page for one assessment: radar chart, gaps, plan and highlighted résumé.

One file, inline CSS and SVG, no script and no network: it opens the same offline, in a mail client
or in an archive ten years from now. Every piece of text from the inputs is escaped.
"""

from __future__ import annotations

from html import escape

from ..assess.plan import gap_name

from .radar import FAMILY_COLOURS, FAMILY_LABELS, radar_svg

__all__ = ["render_assessment_html"]

_CSS = """
:root { --ink:#1d2433; --muted:#5b6475; --line:#e3e7ee; --bg:#f6f7fb; --card:#fff; --accent:#2f6fdb; }
* { box-sizing:border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; }
header { background:linear-gradient(120deg,#1d2b53,#2f6fdb); color:#fff; padding:28px 40px 24px; }
header h1 { margin:0 0 4px; font-size:22px; font-weight:650; letter-spacing:.2px; }
header .sub { opacity:.85; font-size:14px; }
header .score { float:right; text-align:right; }
header .score b { font-size:44px; line-height:1; display:block; }
header .score span { font-size:12px; opacity:.8; text-transform:uppercase; letter-spacing:1px; }
main { max-width:1180px; margin:0 auto; padding:24px 28px 48px; display:grid;
  grid-template-columns:minmax(0,1fr) minmax(0,1fr); gap:20px; }
section.card { background:var(--card); border:1px solid var(--line); border-radius:12px; padding:18px 22px; }
section.wide { grid-column:1 / -1; }
h2 { font-size:15px; text-transform:uppercase; letter-spacing:1.2px; color:var(--muted); margin:0 0 12px; }
table { width:100%; border-collapse:collapse; font-size:14px; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { color:var(--muted); font-weight:600; font-size:12px; text-transform:uppercase; letter-spacing:.6px; }
.note { color:var(--muted); font-size:13px; }
.radar-wrap { display:flex; gap:18px; align-items:center; flex-wrap:wrap; }
.legend { list-style:none; padding:0; margin:0; font-size:13px; }
.legend li { margin:3px 0; }
.swatch { display:inline-block; width:12px; height:12px; border-radius:3px; margin-right:6px; vertical-align:-1px; }
.bar { position:relative; height:10px; background:#edf0f5; border-radius:5px; overflow:hidden; min-width:120px; }
.bar i { position:absolute; left:0; top:0; bottom:0; border-radius:5px; }
.gap-row td:first-child { width:34%; }
.req { font-size:11px; padding:1px 7px; border-radius:9px; background:#eef2fb; color:#2f4a8a; white-space:nowrap; }
.req.required { background:#fde8ea; color:#9b1c2c; }
.req.preferred { background:#e7f6ef; color:#1d6b47; }
.reason { color:var(--muted); font-size:12.5px; }
ol.plan { margin:0; padding-left:22px; }
ol.plan li { margin:0 0 10px; }
ol.plan .after { color:var(--muted); font-size:12.5px; }
ol.plan a { color:var(--accent); text-decoration:none; }
ol.plan a:hover { text-decoration:underline; }
pre.resume { white-space:pre-wrap; word-wrap:break-word; font:13.5px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
  background:#fbfcfe; border:1px solid var(--line); border-radius:8px; padding:16px; margin:0; max-height:720px; overflow:auto; }
mark { border-radius:3px; padding:0 2px; color:inherit; }
footer { grid-column:1 / -1; color:var(--muted); font-size:12px; text-align:center; }
@media (max-width: 860px) { main { grid-template-columns:1fr; } header .score { float:none; text-align:left; margin-bottom:8px; } }
span.pii { background:#eceff3; color:#555; border-radius:3px; padding:0 3px; font-size:.9em; }
@media print { body { background:#fff; } section.card { break-inside:avoid; } pre.resume { max-height:none; } }
"""


def _tint(colour: str, alpha: str = "33") -> str:
    return colour + alpha


def _highlight(text: str, matched: list[dict], *, keep_pii: bool = False) -> str:
    """The résumé text, escaped, with every matched evidence span wrapped in a coloured <mark> and,
    unless ``keep_pii``, personal data replaced by typed placeholders (a report is a file that gets
    shared; the evidence spans are protected from redaction, and personal data wins any overlap)."""
    spans = []
    for m in matched:
        if m.get("via"):
            continue  # met through an alternative skill: its own row marks that evidence
        colour = FAMILY_COLOURS.get(m.get("family", ""), "#888888")
        for ev in m["evidence"]:
            spans.append((ev["start"], ev["end"], m["label"], colour))
    spans.sort()
    pii: list[tuple[int, int, str]] = []
    if not keep_pii:
        from ..privacy import redact

        pii = [(i.start, i.end, f"[{i.type}]") for i in
               redact(text, protect=[(a, b) for a, b, _l, _c in spans]).items]
    events = sorted([(a, b, "pii", p, "") for a, b, p in pii] +
                    [(a, b, "mark", label, colour) for a, b, label, colour in spans],
                    key=lambda e: (e[0], e[2] != "pii"))
    out, pos = [], 0
    for start, end, what, label, colour in events:
        if start < pos or end > len(text):
            continue  # overlapping spans: the first (personal data first) wins
        out.append(escape(text[pos:start]))
        if what == "pii":
            out.append(f'<span class="pii" title="personal data removed">{escape(label)}</span>')
        else:
            out.append(f'<mark style="background:{_tint(colour)};box-shadow:inset 0 -2px 0 {colour}" '
                       f'title="{escape(label)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _posting_check_card(findings: list[dict]) -> str:
    """A card listing the posting language check's findings (gender-coded, exclusionary, needless)."""
    if not findings:
        return ('<section class="card wide"><h2>Posting language check</h2><p class="note">No gender-coded or '
                'exclusionary wording and no needless requirement found.</p></section>')
    rows = "".join(f"<tr><td><b>{escape(f['term'])}</b></td><td>{escape(f['category'])}</td>"
                   f"<td class=\"reason\">{escape(f['suggestion'])}<br><small>{escape(f['source'])}</small></td></tr>"
                   for f in findings)
    return ('<section class="card wide"><h2>Posting language check</h2><table><tr><th>wording</th><th>category</th>'
            f'<th>suggestion and basis</th></tr>{rows}</table></section>')


def render_assessment_html(assessment, *, keep_pii: bool = False, posting_check: list[dict] | None = None) -> str:
    """The HTML page for an :class:`~skillradar.assess.Assessment`; personal data in the résumé text
    is redacted unless ``keep_pii``; ``posting_check`` (findings of the posting language check) adds
    a section when the target is a posting."""
    from ..privacy.source_names import safe_source_name

    d = assessment.to_dict()
    d["resume"] = safe_source_name(d["resume"], keep_pii=keep_pii) or "résumé"  # file names carry names
    t = d["target"]
    target_name = t["source"] if t["kind"] == "posting" else f"{t.get('label', t['name'])} ({t['name']})"
    kind = "posting" if t["kind"] == "posting" else {"curated": "curated role profile",
                                                     "market": "role profile measured from postings"}.get(t.get("profile_source"), "role")
    html = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>skillradar · {escape(d['resume'])} vs {escape(target_name)}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header>",
        f'<div class="score"><b>{d["overall"]:.0f}</b><span>overall / 100</span></div>',
        f"<h1>{escape(d['resume'])}</h1>",
        f'<div class="sub">assessed against the {escape(kind)} <b>{escape(target_name)}</b> · '
        f"{len(d['matched'])} of {len(d['target_skills'])} target skills shown · {len(d['gaps'])} gaps</div>",
    ]
    if t.get("note"):
        html.append(f'<div class="sub">{escape(t["note"])}</div>')
    html.append("</header><main>")

    # radar + legend + family table
    legend = "".join(
        f'<li><span class="swatch" style="background:{FAMILY_COLOURS[f]}"></span>{escape(FAMILY_LABELS[f])}: '
        f'{"not asked by the target" if v is None else f"{v:.1f}"}</li>'
        for f, v in d["families"].items())
    html.append('<section class="card"><h2>Families</h2><div class="radar-wrap">'
                + radar_svg(d["families"]) + f'<ul class="legend">{legend}</ul></div>'
                '<p class="note">Highlight colours in the résumé below follow the same legend.</p></section>')
    rows = "".join(
        f"<tr><td><b>{escape(FAMILY_LABELS.get(f, f))}</b></td>"
        f"<td>{'–' if info['score'] is None else format(info['score'], '.1f')}</td>"
        f"<td class=\"reason\">{escape(info['explanation'])}</td></tr>"
        for f, info in d["families_detail"].items())
    html.append(f'<section class="card"><h2>How the scores were made</h2><table><tr><th>family</th><th>score</th>'
                f'<th>explanation</th></tr>{rows}</table>'
                f'<p class="note">{escape(d["method"]["overall"])}. Credit: {escape(d["method"]["credit"])}. '
                f'Weights: {escape(d["method"]["weights"])}.</p></section>')

    # practice: does the résumé describe model work?
    pr = d.get("practice")
    if pr is not None:
        from ..privacy import redact_if

        items = "".join(f"<li>{escape(redact_if(' '.join(e['text'].split()), keep_pii))}</li>"
                        for e in pr["evidence"][:3])
        tip = ("" if pr["sentences"] else
               '<p class="note">Describe the models you built, trained or evaluated in your experience: without '
               "such a sentence, AI/ML skills count at half weight.</p>")
        html.append(f'<section class="card"><h2>AI/ML practice</h2><p>{pr["sentences"]} sentence'
                    f'{"s" if pr["sentences"] != 1 else ""} describe model work · AI/ML core credit ×{pr["factor"]:g}</p>'
                    + (f'<ul class="practice">{items}</ul>' if items else "") + tip + "</section>")

    # gaps
    top = max((g["importance"] for g in d["gaps"]), default=1.0) or 1.0
    gap_rows = []
    for g in d["gaps"]:
        fam = next((s["family"] for s in d["target_skills"] if s["skill_id"] == g["skill_id"]), "")
        colour = FAMILY_COLOURS.get(fam, "#888")
        width = 100 * g["importance"] / top
        req = g["requirement"] or "named"
        gap_rows.append(
            f'<tr class="gap-row"><td><b>{escape(gap_name(g))}</b> <span class="req {escape(req)}">{escape(req)}</span></td>'
            f'<td><div class="bar" title="importance {g["importance"]:.3f}"><i style="width:{width:.1f}%;background:{colour}"></i></div>'
            f'<div class="reason">{escape(g["reason"])}</div></td></tr>')
    html.append('<section class="card"><h2>Gaps, most important first</h2>'
                + (f"<table>{''.join(gap_rows)}</table>" if gap_rows else '<p class="note">No gaps: every target skill is shown.</p>')
                + "</section>")

    # plan
    steps = []
    for p in d["plan"]:
        after = (f'<div class="after">after {escape(", ".join(p.get("after_labels") or p["after"]))}</div>'
                 if p["after"] else "")
        res = " · ".join(f'<a href="{escape(r["url"])}">{escape(r["title"])}</a>' for r in p["resources"])
        steps.append(f"<li><b>{escape(p['label'])}</b> <span class=\"reason\">({escape(p['why'])})</span>{after}"
                     + (f"<div>{res}</div>" if res else "") + "</li>")
    html.append('<section class="card"><h2>Learning plan (prerequisites first)</h2>'
                + (f'<ol class="plan">{"".join(steps)}</ol>' if steps else '<p class="note">Nothing to learn for this target.</p>')
                + "</section>")

    # matched
    mrows = "".join(
        f"<tr><td><span class=\"swatch\" style=\"background:{FAMILY_COLOURS.get(m['family'], '#888')}\"></span>"
        f"<b>{escape(m['label'])}</b></td><td>{m['weight']:g}</td><td>{m['credit']:.2f}</td>"
        f"<td class=\"reason\">{escape(m['why'])}</td></tr>" for m in d["matched"])
    html.append('<section class="card wide"><h2>Matched skills and why they count</h2>'
                + (f"<table><tr><th>skill</th><th>weight</th><th>credit</th><th>evidence and weight</th></tr>{mrows}</table>"
                   if mrows else '<p class="note">No target skill is shown in the résumé.</p>') + "</section>")

    html.append('<section class="card wide"><h2>Résumé with evidence highlighted</h2>'
                f'<pre class="resume">{_highlight(assessment.resume_text, d["matched"], keep_pii=keep_pii)}</pre></section>')
    if posting_check is not None:
        html.append(_posting_check_card(posting_check))
    html.append('<footer>Made by skillradar, offline. Curated role weights are editorial judgements, not market figures.'
                "</footer></main></body></html>")
    return "\n".join(html)
