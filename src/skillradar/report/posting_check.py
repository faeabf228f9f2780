"""The employer's report: a posting's language check as one self-contained HTML page.

Why apart from the job seeker's report: the check (gender-coded words, exclusionary wording, needless
requirements) is advice to whoever writes the posting; a job seeker cannot act on it. One page holds
every posting checked, each with a table of its findings (wording, line, suggestion, basis) and its
text with the findings highlighted. Inline CSS, no script, no network; every input text is escaped.
"""

from __future__ import annotations

from html import escape

from .html import BASE_CSS

__all__ = ["render_posting_check_html"]

_COLOURS = {
    "masculine-coded": "#2f6fdb",
    "feminine-coded": "#9c3fb8",
    "exclusionary": "#c23b4a",
    "needless-requirement": "#b4670e",
}
_WORDS = {
    "masculine-coded": "masculine-coded word",
    "feminine-coded": "feminine-coded word",
    "exclusionary": "exclusionary wording",
    "needless-requirement": "needless requirement",
}


def _highlighted(text: str, findings: list[dict]) -> str:
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: (f["start"], -f["end"])):
        if f["start"] < pos:
            continue
        colour = _COLOURS.get(f["category"], "#888888")
        out.append(escape(text[pos:f["start"]]))
        out.append(f'<mark style="background:{colour}33;box-shadow:inset 0 -2px 0 {colour}" '
                   f'title="{escape(_WORDS.get(f["category"], f["category"]))}">{escape(text[f["start"]:f["end"]])}</mark>')
        pos = f["end"]
    out.append(escape(text[pos:]))
    return "".join(out)


def _section(name: str, text: str, findings: list[dict], summary: dict) -> str:
    counts = ", ".join(f"{n} {_WORDS[c]}{'s' if n != 1 else ''}" for c, n in summary["counts"].items() if n)
    head = (f'<section class="card wide"><h2>{escape(name)}</h2>'
            f"<p>{escape(counts or 'No gender-coded or exclusionary wording and no needless requirement found')}"
            f" · gender coding leans {escape(summary['gender_lean'])}.</p>")
    if not findings:
        return head + "</section>"
    rows = "".join(
        f'<tr><td><span class="swatch" style="background:{_COLOURS.get(f["category"], "#888")}"></span>'
        f'<b>{escape(f["term"])}</b></td><td>{escape(_WORDS.get(f["category"], f["category"]))}</td>'
        f'<td>{text.count(chr(10), 0, f["start"]) + 1}</td>'
        f'<td>{escape(f["suggestion"])}<br><small class="note">{escape(f["source"])}</small></td></tr>'
        for f in findings)
    return (head + f"<table><tr><th>wording</th><th>kind</th><th>line</th><th>suggestion and basis</th></tr>{rows}</table>"
            f'<details><summary>the posting, with the wording highlighted</summary>'
            f'<pre class="resume">{_highlighted(text, findings)}</pre></details></section>')


def render_posting_check_html(results: list[dict]) -> str:
    """The page for ``results``: ``[{"source", "text", "findings", "summary"}]`` (failed inputs left out)."""
    legend = " ".join(f'<span class="swatch" style="background:{c}"></span>{escape(_WORDS[k])}'
                      for k, c in _COLOURS.items())
    body = "".join(_section(r["source"], r["text"], r["findings"], r["summary"]) for r in results)
    n = len(results)
    return "\n".join([
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>skillradar · posting language check ({n} posting{'s' if n != 1 else ''})</title>",
        f"<style>{BASE_CSS}</style></head><body>",
        "<header><h1>Posting language check</h1>",
        f'<div class="sub">For whoever writes the posting: {n} posting{"s" if n != 1 else ""} checked for gender-coded '
        "words, exclusionary wording and needless requirements. Each finding names its basis.</div></header>",
        f'<main><section class="card wide"><p class="note">{legend}</p></section>{body}',
        "<footer>Made by skillradar, offline. Gender-coded word lists: Gaucher, Friesen &amp; Kay (2011). "
        "A finding is a prompt to reread the sentence, not a verdict.</footer></main></body></html>",
    ])
