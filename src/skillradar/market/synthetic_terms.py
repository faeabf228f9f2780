"""Planting terms the taxonomy does not know into a synthetic corpus, to check skill discovery.

``plant_terms`` adds to each posting of ``synthetic.generate`` (with a probability that moves
linearly from ``p_start`` to ``p_end`` over the corpus' date range) one requirement bullet naming a
term, written with the generator's own bullet templates so it reads like the taxonomy skills around
it. The draw for a posting is a hash of the seed, the term and the posting's text: an exact repost
gets the same bullets as its original, so deduplication still sees a copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib

__all__ = ["plant_terms", "parse_plant"]


def _unit(*parts: str) -> float:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def plant_terms(rows: list[dict], terms: dict[str, tuple[float, float]], *, seed: int = 0,
                start: str = "2023-01-01", days: int = 730) -> tuple[list[dict], dict]:
    """``(rows, truth)``: copies of ``rows`` with the bullets planted, and per term its probabilities,
    kind (rising, falling or flat) and the number of postings it was planted in."""
    from .synthetic import _REQ

    t0 = dt.date.fromisoformat(start)
    out, counts = [], {t: 0 for t in terms}
    for row in rows:
        text = row["description"]
        t = (dt.date.fromisoformat(row["date_posted"]) - t0).days / max(1, days - 1)
        t = min(1.0, max(0.0, t))
        bullets = []
        for term, (p0, p1) in sorted(terms.items()):
            if _unit(str(seed), term, text) < p0 + (p1 - p0) * t:
                pick = int(_unit(str(seed), "template", term, text) * len(_REQ))
                bullets.append(_REQ[pick].format(s=term, y=1 + pick % 5))
                counts[term] += 1
        if bullets:
            if "\nRequirements:\n" in text:
                text = text.replace("\nRequirements:\n", "\nRequirements:\n" + "\n".join(bullets) + "\n", 1)
            else:
                text = text.replace("\n\nWhat we offer:", "\n\nRequirements:\n" + "\n".join(bullets) + "\n\nWhat we offer:", 1)
        out.append(dict(row, description=text))
    truth = {term: {"p_start": p0, "p_end": p1, "postings": counts[term],
                    "kind": "rising" if p1 > p0 else "falling" if p1 < p0 else "flat"}
             for term, (p0, p1) in sorted(terms.items())}
    return out, truth


def parse_plant(specs: list[str]) -> dict[str, tuple[float, float]]:
    """``["Quillstream:0.03:0.35", …]`` as ``{term: (p_start, p_end)}``; a malformed one is a usage error."""
    from ..errors import UsageError

    out = {}
    for spec in specs:
        term, _, probs = spec.rpartition(":")
        term, _, first = term.rpartition(":")
        try:
            p0, p1 = float(first), float(probs)
        except ValueError:
            p0 = p1 = -1.0
        if not term.strip() or not (0 <= p0 <= 1 and 0 <= p1 <= 1):
            raise UsageError(f"plant_term must be TERM:P_START:P_END with probabilities in [0, 1] (got '{spec}')",
                             params=("plant_term",))
        out[term.strip()] = (p0, p1)
    return out
