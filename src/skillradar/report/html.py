"""A self-contained HTML page for one assessment, written for the job seeker it is about.

One file, inline CSS and SVG, no script and no network: it opens the same offline, in a mail client
or in an archive ten years from now. Every piece of text from the inputs is escaped. Each gap and
matched skill is said in words first; the figures behind it are one click away (``<details>``).
Evidence is placed by line (by page for a PDF), and the résumé below carries line numbers and page
marks to find it. The posting language check is for employers: it has its own report
(``report.posting_check``), never this one.
"""

from __future__ import annotations

from html import escape

from .evidence import distinct, family_words, plan_why, quoted
from .radar import FAMILY_COLOURS, FAMILY_LABELS, radar_svg
from .target import target_phrase

__all__ = ["render_assessment_html", "BASE_CSS"]

BASE_CSS = """
:root { --ink:#1d2433; --muted:#5b6475; --line:#e3e7ee; --bg:#f6f7fb; --card:#fff; --accent:#2f6fdb; }
* { box-sizing:border-box; }
body { margin:0; background:var(--bg); color:var(--ink);
  font:15px/1.55 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; }
header { background:linear-gradient(120deg,#1d2b53,#2f6fdb); color:#fff; padding:28px 40px 24px; }
header h1 { margin:0 0 4px; font-size:22px; font-weight:650; letter-spacing:.2px; }
header .sub { opacity:.88; font-size:14px; }
header .score { float:right; text-align:right; }
header .score b { font-size:44px; line-height:1; display:block; }
header .score span { font-size:12px; opacity:.8; text-transform:uppercase; letter-spacing:1px; }
main { max-width:1180px; margin:0 auto; padding:24px 28px 48px; display:grid;
  grid-template-columns:minmax(0,1fr) minmax(0,1fr); gap:20px; align-items:start; }
section.card { background:var(--card); border:1px solid var(--line); border-radius:12px; padding:18px 22px; }
section.wide { grid-column:1 / -1; }
h2 { font-size:15px; text-transform:uppercase; letter-spacing:1.2px; color:var(--muted); margin:0 0 12px; }
table { width:100%; border-collapse:collapse; font-size:14px; }
th, td { text-align:left; padding:7px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { color:var(--muted); font-weight:600; font-size:12px; text-transform:uppercase; letter-spacing:.6px; }
.note { color:var(--muted); font-size:13px; }
.radar-wrap { display:flex; gap:18px; align-items:center; flex-wrap:wrap; }
.legend { list-style:none; padding:0; margin:0; font-size:13px; }
.legend li { margin:3px 0; }
.swatch { display:inline-block; width:12px; height:12px; border-radius:3px; margin-right:6px; vertical-align:-1px; }
.bar { position:relative; height:8px; background:#edf0f5; border-radius:4px; overflow:hidden; margin-top:4px; }
.bar i { position:absolute; left:0; top:0; bottom:0; border-radius:4px; }
td.skill { width:26%; }
.req { font-size:11px; padding:1px 7px; border-radius:9px; background:#eef2fb; color:#2f4a8a; white-space:nowrap; }
.req.required { background:#fde8ea; color:#9b1c2c; }
.req.preferred { background:#e7f6ef; color:#1d6b47; }
.reason, .figures { color:var(--muted); font-size:12.5px; }
details { margin-top:4px; }
details summary { cursor:pointer; color:var(--accent); font-size:12.5px; }
details[open] summary { margin-bottom:4px; }
ol.plan { margin:0; padding-left:22px; columns:2 340px; column-gap:36px; }
ol.plan li { margin:0 0 10px; break-inside:avoid; }
ol.plan .after, ol.plan .none { color:var(--muted); font-size:12.5px; }
a { color:var(--accent); text-decoration:none; }
a:hover { text-decoration:underline; }
ul.evidence { margin:4px 0 0; padding-left:18px; font-size:13px; }
ul.practice { margin:8px 0 0; padding-left:20px; }
pre.resume { white-space:pre-wrap; word-wrap:break-word; font:13.5px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;
  background:#fbfcfe; border:1px solid var(--line); border-radius:8px; padding:14px 16px 14px 0; margin:0; }
pre.resume .l { display:block; min-height:1.6em; padding-left:4.6em; text-indent:-4.6em; }
pre.resume .l::before { content:attr(data-n); display:inline-block; width:3.4em; margin-right:1.2em; text-indent:0;
  text-align:right; color:#9aa3b2; user-select:none; }
pre.resume .page { display:block; margin:6px 0; padding:2px 0 2px 4.6em; color:var(--muted); font:600 12px/1.6 sans-serif;
  border-top:1px dashed var(--line); user-select:none; }
mark { border-radius:3px; padding:0 2px; color:inherit; }
footer { grid-column:1 / -1; color:var(--muted); font-size:12px; text-align:center; }
@media (max-width: 860px) { main { grid-template-columns:1fr; } header .score { float:none; text-align:left; margin-bottom:8px; } }
span.pii { background:#eceff3; color:#555; border-radius:3px; padding:0 3px; font-size:.9em; }
@media print { body { background:#fff; } section.card { break-inside:avoid; } details { display:block; } }
"""


def _tint(colour: str, alpha: str = "33") -> str:
    return colour + alpha


class _Lines:
    """Writes text as numbered lines (one block each, so a wrapped line hangs under its number), keeping
    a mark open across a line break and marking where each PDF page begins."""

    def __init__(self, page_marks: dict[int, int]) -> None:
        self.out: list[str] = []
        self.line = 0
        self.page_marks = page_marks
        self._open_line(0)

    def _open_line(self, offset: int) -> None:
        self.line += 1
        page = self.page_marks.get(offset)
        if page:
            self.out.append(f'<span class="page">page {page}</span>')
        self.out.append(f'<span class="l" data-n="{self.line}">')

    def text(self, text: str, offset: int, wrap: tuple[str, str] = ("", "")) -> None:
        """Escaped ``text`` that starts at ``offset`` of the document, inside ``wrap`` (open, close tags)."""
        pos = 0
        self.out.append(wrap[0])
        while (nl := text.find("\n", pos)) >= 0:
            self.out.append(escape(text[pos:nl]) + wrap[1] + "</span>")
            self._open_line(offset + nl + 1)
            self.out.append(wrap[0])
            pos = nl + 1
        self.out.append(escape(text[pos:]) + wrap[1])

    def skip(self, n: int) -> None:
        """End the line and open ``n`` new ones: the line breaks of text replaced by a placeholder."""
        for _ in range(n):
            self.out.append("</span>")
            self._open_line(-1)

    def html(self) -> str:
        return "".join(self.out) + "</span>"


def _highlight(text: str, matched: list[dict], *, keep_pii: bool = False, page_starts=()) -> str:
    """The résumé text, escaped and line-numbered, with every matched evidence span wrapped in a
    coloured <mark> and, unless ``keep_pii``, personal data replaced by typed placeholders (a report is
    a file that gets shared; the evidence spans are protected from redaction, and personal data wins
    any overlap). A PDF's page starts are marked."""
    spans = []
    for m in matched:  # a skill met through another's evidence marks it too, unless that one already does
        colour = FAMILY_COLOURS.get(m.get("family", ""), "#888888")
        label = m["label"] + (f" (via {m.get('via_label') or m['via']})" if m.get("via") else "")
        for ev in m["evidence"]:
            if ev["end"] > ev["start"]:  # a claimed skill has no span
                spans.append((ev["start"], ev["end"], bool(m.get("via")), label, colour))
    spans.sort()
    pii: list[tuple[int, int, str]] = []
    if not keep_pii:
        from ..privacy import redact

        pii = [(i.start, i.end, f"[{i.type}]") for i in
               redact(text, protect=[(a, b) for a, b, *_ in spans]).items]
    events = sorted([(a, b, "pii", p, "") for a, b, p in pii] +
                    [(a, b, "mark", label, colour) for a, b, _via, label, colour in spans],
                    key=lambda e: (e[0], e[2] != "pii"))
    marks = {}
    for i, start in enumerate(page_starts or ()):
        ls = text.rfind("\n", 0, start) + 1  # a page starting mid-line is marked at its line's start
        marks.setdefault(ls, i + 1)
    lines, pos = _Lines(marks), 0
    for start, end, what, label, colour in events:
        if start < pos or end > len(text):
            continue  # overlapping spans: the first (personal data first, a skill's own evidence next) wins
        lines.text(text[pos:start], pos)
        if what == "pii":
            lines.text(label, start, ('<span class="pii" title="personal data removed">', "</span>"))
            lines.skip(text.count("\n", start, end))  # an address over two lines: keep the numbers true
        else:
            lines.text(text[start:end], start, (f'<mark style="background:{_tint(colour)};box-shadow:inset 0 -2px 0 '
                                                f'{colour}" title="{escape(label)}">', "</mark>"))
        pos = end
    lines.text(text[pos:], pos)
    return lines.html()


def _families_card(d: dict) -> str:
    legend = "".join(
        f'<li><span class="swatch" style="background:{FAMILY_COLOURS[f]}"></span>{escape(FAMILY_LABELS[f])}: '
        f'{"not asked by the target" if v is None else f"{v:.0f}"}</li>'
        for f, v in d["families"].items())
    return ('<section class="card"><h2>Families</h2><div class="radar-wrap">'
            + radar_svg(d["families"]) + f'<ul class="legend">{legend}</ul></div>'
            '<p class="note">Highlight colours in the résumé below follow the same legend.</p></section>')


def _scores_card(d: dict) -> str:
    rows = []
    for f, info in d["families_detail"].items():
        words = family_words(info) + "."
        words = words[0].upper() + words[1:]
        score = "–" if info["score"] is None else format(info["score"], ".0f")
        figures = (f'<details><summary>the numbers</summary><span class="figures">{escape(info["explanation"])}'
                   "</span></details>" if info["target_skills"] else "")
        rows.append(f"<tr><td><b>{escape(FAMILY_LABELS.get(f, f))}</b></td><td>{score}</td>"
                    f"<td>{escape(words)}{figures}</td></tr>")
    m = d["method"]
    return ('<section class="card"><h2>Scores by family</h2><table><tr><th>family</th><th>score</th><th>in words</th></tr>'
            + "".join(rows) + "</table>"
            '<p class="note">100 means every skill the target asks for, shown at full strength: in recent work, '
            "done by you. Compare scores for the same target, not across targets.</p>"
            '<details><summary>How the score is calculated</summary><p class="figures">'
            f'{escape(m["overall"])}. Credit: {escape(m["credit"])}. Weights: {escape(m["weights"])}.</p></details>'
            "</section>")


def _practice_card(pr: dict, keep_pii: bool) -> str:
    from ..privacy import redact_if

    items = "".join(f"<li>{escape(redact_if(' '.join(e['text'].split()), keep_pii))}</li>" for e in pr["evidence"][:3])
    n = pr["sentences"]
    if n:
        head = (f"{n} sentence{'s' if n != 1 else ''} of your résumé describe{'s' if n == 1 else ''} model work you did, "
                f"so your AI/ML skills count at {pr['factor']:.0%}.")
        more = "" if pr["factor"] >= 1 else " One more such sentence would make them count fully."
    else:
        head = "No sentence of your résumé describes building, training or evaluating a model, so your AI/ML skills count at half weight."
        more = " Describe a model you built, trained or evaluated in your experience or a project."
    return (f'<section class="card wide"><h2>AI/ML practice</h2><p>{escape(head + more)}</p>'
            + (f'<ul class="practice">{items}</ul>' if items else "") + "</section>")


def _gaps_card(d: dict) -> str:
    fam_of = {s["skill_id"]: s["family"] for s in d["target_skills"]}
    top = max((g["importance"] for g in d["gaps"]), default=1.0) or 1.0
    rows = []
    for g in d["gaps"]:
        colour = FAMILY_COLOURS.get(fam_of.get(g["skill_id"], ""), "#888")
        req = g["requirement"] or "named"
        width = 100 * g["importance"] / top
        rows.append(
            f'<tr><td class="skill"><b>{escape(g["label"])}</b> <span class="req {escape(req)}">{escape(req)}</span>'
            f'<div class="bar" title="importance, relative to the first gap"><i style="width:{width:.1f}%;background:{colour}"></i></div></td>'
            f'<td>{escape(g.get("summary") or g["reason"])}'
            f'<details><summary>the numbers</summary><span class="figures">importance {g["importance"]:.3f} · '
            f'{escape(g["reason"])}</span></details></td></tr>')
    body = (f"<table>{''.join(rows)}</table>" if rows else '<p class="note">No gaps: every skill the target asks for is shown.</p>')
    return ('<section class="card wide"><h2>Gaps, most important first</h2>'
            '<p class="note">Required skills first, and among them the ones you are closest to: quick wins.</p>'
            + body + "</section>")


def _resources_html(p: dict) -> str:
    res = p.get("resources") or []
    if not res:
        note = p.get("resources_note") or "no learning resource is listed for this skill"
        return f'<div class="none">{escape(note[0].upper() + note[1:])}.</div>'
    links = " · ".join(f'<a href="{escape(r["url"])}">{escape(r["title"])}</a>' for r in res)
    fors = {r.get("for_label") for r in res if r.get("for_label")}
    if fors:
        return f'<div><span class="after">For {escape(", ".join(sorted(fors)))}, which it is part of: </span>{links}</div>'
    return f"<div>{links}</div>"


def _plan_card(d: dict) -> str:
    steps = []
    for p in d["plan"]:
        after = (f'<div class="after">after {escape(", ".join(p.get("after_labels") or p["after"]))}</div>'
                 if p["after"] else "")
        steps.append(f"<li><b>{escape(p['label'])}</b> <span class=\"reason\">({escape(plan_why(p['why'], d['target']))})</span>"
                     f"{after}{_resources_html(p)}</li>")
    return (f'<section class="card wide"><h2>Learning plan: {len(steps)} step{"s" if len(steps) != 1 else ""}, '
            'prerequisites first</h2>'
            + (f'<ol class="plan">{"".join(steps)}</ol>' if steps else '<p class="note">Nothing to learn for this target.</p>')
            + "</section>")


def _matched_card(d: dict) -> str:
    rows = []
    for m in d["matched"]:
        evidence = distinct(m["evidence"])
        ev = "".join(f"<li>{escape(quoted(e))}</li>" for e in evidence[:4])
        more = len(evidence) - 4
        ev += f'<li class="note">and {more} more</li>' if more > 0 else ""
        via = f" (via {escape(m.get('via_label') or m['via'])})" if m.get("via") else ""
        rows.append(
            f"<tr><td class=\"skill\"><span class=\"swatch\" style=\"background:{FAMILY_COLOURS.get(m['family'], '#888')}\"></span>"
            f"<b>{escape(m['label'])}</b>{via}</td>"
            f"<td>{escape(m.get('summary') or m['why'])}<ul class=\"evidence\">{ev}</ul>"
            f"<details><summary>the numbers</summary><span class=\"figures\">weight {m['weight']:g} · credit "
            f"{m['credit']:.2f} · {escape(m['why'])}</span></details></td></tr>")
    return ('<section class="card wide"><h2>Skills you show, and where</h2>'
            + (f"<table>{''.join(rows)}</table>" if rows else '<p class="note">No skill the target asks for is shown in the résumé.</p>')
            + "</section>")


def render_assessment_html(assessment, *, keep_pii: bool = False) -> str:
    """The HTML page for an :class:`~skillradar.assess.Assessment`; personal data in the résumé text
    is redacted unless ``keep_pii``."""
    from ..privacy.source_names import safe_source_name

    d = assessment.to_dict()
    d["resume"] = safe_source_name(d["resume"], keep_pii=keep_pii) or "résumé"  # file names carry names
    t = d["target"]
    against = target_phrase(t)
    claimed = d.get("claimed") or []
    html = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>skillradar · {escape(d['resume'])} vs {escape(against)}</title>",
        f"<style>{BASE_CSS}</style></head><body>",
        "<header>",
        f'<div class="score"><b>{d["overall"]:.0f}</b><span>overall / 100</span></div>',
        f"<h1>{escape(d['resume'])}</h1>",
        f'<div class="sub">assessed against {escape(against)} · {len(d["matched"])} of {len(d["target_skills"])} '
        f'skills asked for are shown · {len(d["gaps"])} gaps</div>',
    ]
    if t.get("note"):
        html.append(f'<div class="sub">{escape(t["note"])}</div>')
    if claimed:
        html.append(f'<div class="sub">Counted on your word (“I have this”): '
                    f'{escape(", ".join(d.get("claimed_labels") or claimed))}</div>')
    html.append("</header><main>")
    html.append(_families_card(d))
    html.append(_scores_card(d))
    if d.get("practice") is not None:
        html.append(_practice_card(d["practice"], keep_pii))
    html.append(_gaps_card(d))
    html.append(_plan_card(d))
    html.append(_matched_card(d))
    pages = getattr(assessment, "resume_page_starts", ())
    html.append('<section class="card wide"><h2>Your résumé, with the evidence highlighted</h2>'
                '<p class="note">Line numbers are those of the text as read (<code>skillradar text</code>)'
                + ("; page marks show where each PDF page begins" if pages else "") + ".</p>"
                f'<pre class="resume">{_highlight(assessment.resume_text, d["matched"], keep_pii=keep_pii, page_starts=pages)}'
                "</pre></section>")
    html.append('<footer>Made by skillradar, offline. Curated role weights are editorial judgements, not market figures. '
                "The posting language check for employers is a separate report: "
                "<code>skillradar check-posting POSTING --report FILE.html</code>.</footer></main></body></html>")
    return "\n".join(html)
