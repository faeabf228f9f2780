"""Realistic posting variants for throughput runs: the hand-written postings in bench/corpus/ with
their bullet lists shuffled, companies and cities swapped and, optionally, two postings joined to
reach ~3 KB. Deterministic for a seed."""

from __future__ import annotations

import random
import re
from pathlib import Path

from skillradar.readers import read_path

CORPUS = Path(__file__).parent / "corpus"
_COMPANIES = ["Northwind Analytics", "Harbor Health Systems", "Cobalt Commerce", "Meridian Cloud Partners",
              "Quantia Labs", "Lumen AI Research", "Brightline Software", "Atlas Creative Tools",
              "Fjord Retail Group", "Parley Learning"]
_OTHERS = ["Kestrel Data", "Orchid Robotics", "Tidewater Bank", "Saffron Media", "Granite Logistics",
           "Pioneer Energy", "Juniper Legal", "Beacon Insurance", "Willow Pharma", "Ember Games"]
_CITIES = ["Berlin", "London", "Paris", "Amsterdam", "Toronto", "New York", "Oslo", "Boston", "Lisbon", "Remote"]


def base_texts() -> list[str]:
    """The text of every hand-written posting (as the readers give it)."""
    return [read_path(p).text for p in sorted(CORPUS.iterdir()) if p.suffix in (".md", ".txt", ".html")]


def _shuffle_bullets(text: str, rng: random.Random) -> str:
    out, block = [], []
    for line in text.split("\n") + [""]:
        if re.match(r"\s*([-*•]|\d+\.)\s", line):
            block.append(line)
            continue
        if block:
            rng.shuffle(block)
            out.extend(block)
            block = []
        out.append(line)
    return "\n".join(out[:-1])


def variants(n: int, *, seed: int = 0, join: int = 1) -> list[str]:
    """``n`` posting texts; ``join`` postings glued together per text (2 gives ~3 KB documents)."""
    rng = random.Random(seed)
    bases = base_texts()
    out = []
    for _ in range(n):
        parts = []
        for _j in range(join):
            text = _shuffle_bullets(rng.choice(bases), rng)
            for name in _COMPANIES:
                text = text.replace(name, rng.choice(_OTHERS))
            for city in _CITIES[:-1]:
                if city in text and rng.random() < 0.5:
                    text = text.replace(city, rng.choice(_CITIES))
            parts.append(text)
        out.append("\n\n".join(parts))
    return out
