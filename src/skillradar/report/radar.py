"""A radar (spider) chart of the five family scores as inline SVG: no script, no network."""

from __future__ import annotations

import math
from html import escape

from ..taxonomy.load import default_families

__all__ = ["radar_svg", "FAMILY_COLOURS", "FAMILY_LABELS"]

# The axis names are the bundled taxonomy's short family labels (``short:`` in taxonomy.yaml), so the
# families are named in one place; a family without one is shown by its id.
FAMILY_LABELS = {f: v["short"] for f, v in default_families().items()}
FAMILY_COLOURS = {
    "technical": "#2f6fdb",
    "data": "#0f9d8a",
    "thinking": "#b4670e",
    "soft": "#9c3fb8",
    "domain": "#c23b4a",
}


def _point(cx: float, cy: float, radius: float, i: int, n: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * i / n
    return cx + radius * math.cos(angle), cy + radius * math.sin(angle)


def radar_svg(scores: dict[str, float | None], *, size: int = 340, title: str = "Family scores") -> str:
    """SVG markup for ``scores`` (family → 0–100 or None). A family without a score is drawn at the
    centre and labelled "not asked"; its axis is dashed."""
    fams = list(scores)
    n = len(fams)
    cx = cy = size / 2
    r = size / 2 - 70
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="{size}" height="{size}" '
             f'role="img" aria-labelledby="radar-title" class="radar">',
             f'<title id="radar-title">{escape(title)}</title>']
    for level in (25, 50, 75, 100):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(cx, cy, r * level / 100, i, n) for i in range(n)))
        parts.append(f'<polygon points="{pts}" fill="none" stroke="#d8dde6" stroke-width="1"/>')
        x, y = _point(cx, cy, r * level / 100, 0, n)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 3:.1f}" font-size="9" fill="#8a94a6">{level}</text>')
    for i, fam in enumerate(fams):
        x, y = _point(cx, cy, r, i, n)
        dash = ' stroke-dasharray="3 3"' if scores[fam] is None else ""
        parts.append(f'<line x1="{cx:.1f}" y1="{cy:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke="#c3cad6"{dash}/>')
        lx, ly = _point(cx, cy, r + 26, i, n)
        anchor = "middle" if abs(lx - cx) < 10 else ("start" if lx > cx else "end")
        value = scores[fam]
        shown = "not asked" if value is None else f"{value:.0f}"
        colour = FAMILY_COLOURS.get(fam, "#333")
        parts.append(f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="{anchor}" font-size="12" font-weight="600" '
                     f'fill="{colour}">{escape(FAMILY_LABELS.get(fam, fam))}</text>')
        parts.append(f'<text x="{lx:.1f}" y="{ly + 14:.1f}" text-anchor="{anchor}" font-size="11" '
                     f'fill="#5b6475">{escape(shown)}</text>')
    pts = [_point(cx, cy, r * (scores[f] or 0) / 100, i, n) for i, f in enumerate(fams)]
    poly = " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)
    parts.append(f'<polygon points="{poly}" fill="#2f6fdb" fill-opacity="0.18" stroke="#2f6fdb" stroke-width="2"/>')
    for (x, y), fam in zip(pts, fams):
        if scores[fam] is not None:
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{FAMILY_COLOURS.get(fam, "#333")}"/>')
    parts.append("</svg>")
    return "".join(parts)
