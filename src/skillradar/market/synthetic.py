"""A synthetic demonstration corpus of generative-AI job postings, with its ground truth.

Every posting is marked ``synthetic: true``. Postings are built from neutral template sentences plus
one bullet per skill, using surface forms that the given taxonomy really detects (checked with the
extractor when the corpus is generated, so the generator keeps working as the taxonomy grows).

Planted demand over two years (``t`` from 0 at the start to 1 at the end):
- rising skills: probability grows linearly, e.g. 0.08 → 0.40;
- falling skills: 0.35 → 0.10;
- flat skills: a constant between 0.10 and 0.40.
Some postings also carry a negated line ("No prior experience with X needed") for a skill they do
not otherwise mention (negations never count), some carry contact details (to exercise redaction),
and a few percent are reposts: exact copies or copies with one word edited (near-duplicates).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
from pathlib import Path

from .synthetic_long import padding

__all__ = ["generate", "write_corpus", "usable_surfaces"]

_TITLES = ("LLM Engineer", "Machine Learning Engineer", "Data Scientist", "AI Engineer", "Generative AI Engineer",
           "MLOps Engineer", "Data Engineer", "NLP Engineer", "Applied Scientist", "Prompt Engineer",
           "Research Scientist", "Deep Learning Engineer", "Data Analyst", "Software Engineer, AI Platform")
_SENIORITY = ("", "", "Senior ", "Staff ", "Junior ", "Lead ", "Principal ")
_CO_A = ("Nimbus", "Quanta", "Bright", "Helix", "Orbit", "Cobalt", "Lumen", "Vertex", "Pioneer", "Aurora", "Fjord",
         "Sable", "Tandem", "Mosaic", "Beacon", "Kestrel", "Juniper", "Atlas", "Meridian", "Ember")
_CO_B = ("Labs", "Analytics", "Systems", "Health", "Robotics", "Insights", "Logistics", "Media", "Finance", "Works",
         "Dynamics", "Partners")
_ABOUT = (
    "{c} helps hospitals plan their staffing with better forecasts.",
    "{c} builds tools that let small retailers understand their customers.",
    "{c} is a fast-growing company serving insurers across Europe.",
    "At {c} we turn messy documents into answers people can trust.",
    "{c} makes software for logistics teams who move goods every day.",
    "{c} is a remote-first company with offices in three countries.",
    "Founded by former researchers, {c} works with public-sector agencies.",
    "{c} gives media companies smarter ways to organise their archives.",
)
_FILLER = (
    "Our team is small, curious and kind.", "We ship often and listen to our users.",
    "We care about quality and about each other.", "You will join a team of twelve people.",
    "Our customers include some of the largest brands in the region.", "We value clear writing and honest feedback.",
    "The position reports to the head of engineering.", "We recently closed our second funding round.",
    "Our roadmap is ambitious and the problems are real.", "Flexible hours are the norm here.",
)
_RESP = (
    "Design and ship features that reach thousands of users", "Work closely with product managers and designers",
    "Own services from prototype to production", "Improve the reliability of our internal platform",
    "Review code and mentor teammates", "Measure what works and iterate quickly",
    "Write documentation that others enjoy reading", "Talk to customers to understand their workflows",
    "Plan and estimate work with the team", "Help shape our technical direction",
    "Investigate incidents and fix their root causes", "Turn research ideas into dependable products",
)
_REQ = ("- {y}+ years of experience with {s}", "- Strong knowledge of {s}", "- Hands-on experience with {s}",
        "- Proficiency in {s}", "- Proven track record using {s}", "- Solid background in {s}")
_PREF = ("- Familiarity with {s}", "- Exposure to {s}", "- Some experience with {s}", "- Knowledge of {s}")
_NEG = "No prior experience with {s} is needed."
_OFFER = ("- Competitive salary and equity", "- Thirty days of paid holiday", "- A yearly learning budget",
          "- Home-office allowance", "- Parental leave beyond the legal minimum", "- Regular team retreats")
_EDITS = (("Strong", "Solid"), ("team", "group"), ("Design", "Build"), ("customers", "clients"), ("often", "frequently"))


@functools.lru_cache(maxsize=4)
def _surfaces_for(taxonomy) -> tuple[tuple[str, str, bool], ...]:
    from ..extract import extract_text

    out = []
    for skill in taxonomy.skills:
        ambiguous = {a.lower() for a in skill.ambiguous}
        for surface in (skill.label, *skill.aliases):
            if surface.lower() in ambiguous or not surface.strip() or "\n" in surface:
                continue
            probe = f"Requirements:\n- Hands-on experience with {surface}\n"
            ms = extract_text(probe, kind="posting", taxonomy=taxonomy).mentions
            if not (len(ms) == 1 and ms[0].skill_id == skill.id and ms[0].text == surface
                    and ms[0].requirement == "required"):
                continue
            pref = f"Nice to have:\n- Familiarity with {surface}\n"
            ms = extract_text(pref, kind="posting", taxonomy=taxonomy).mentions
            if not (len(ms) == 1 and ms[0].skill_id == skill.id and ms[0].requirement == "preferred"):
                continue
            neg = extract_text(_NEG.format(s=surface), kind="posting", taxonomy=taxonomy).mentions
            negatable = len(neg) == 1 and neg[0].skill_id == skill.id and neg[0].requirement == "negated"
            out.append((skill.id, surface, negatable))
            break
    return tuple(out)


def usable_surfaces(taxonomy=None) -> dict[str, str]:
    """``{skill_id: surface form}`` for every skill the extractor finds cleanly in a template bullet."""
    from ..taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy)
    return {sid: s for sid, s, _n in _surfaces_for(tax)}


# How central a skill is to generative-AI postings, by id prefix: the plan draws most skills from the
# core so the corpus reads like the market it imitates (core 0, general technical 1, the rest 2).
_TIERS = (("genai.", "ml.", "dl.", "fw.", "nlp.", "mlops.", "cv."), ("cloud.", "lang.", "data.", "db.", "stats.", "se."))
# Skills most generative-AI postings name, with a share in the spirit of public posting studies: flat truths.
_ANCHORS = {"lang.python": 0.7, "genai.llm": 0.45, "data.sql": 0.3, "fw.pytorch": 0.3, "soft.communication": 0.3,
            "cloud.aws": 0.25, "mlops.docker": 0.2}


def _tier(skill_id: str) -> int:
    return next((k for k, prefixes in enumerate(_TIERS) if skill_id.startswith(prefixes)), len(_TIERS))


def _plan(ids: list[str], rng: random.Random, max_flat: int) -> dict[str, tuple[float, float]]:
    ids = sorted(ids)
    rng.shuffle(ids)
    anchors = [i for i in sorted(_ANCHORS) if i in ids]
    genai = [i for i in ids if i.startswith(("genai.", "llm.")) and i not in anchors]
    others = [i for i in ids if i not in genai and i not in anchors]
    n_rise = max(1, min(4, len(ids) // 4))
    rising = (genai + others)[:n_rise]
    rest = [i for i in ids if i not in rising and i not in anchors]
    falling_pool = [i for i in rest if i.startswith(("fw.", "lang.", "ml."))] + [i for i in rest if not i.startswith(("fw.", "lang.", "ml."))]
    n_fall = max(1, min(3, len(ids) // 6))
    falling = falling_pool[:n_fall]
    pool = sorted((i for i in rest if i not in falling), key=_tier)  # stable: shuffled within each tier
    room = max(0, max_flat - len(anchors))
    quota = {0: room // 2, 1: room * 3 // 10}
    quota[2] = room - quota[0] - quota[1]
    flat = list(anchors)
    for tier in range(len(_TIERS) + 1):
        flat += [i for i in pool if _tier(i) == tier][:quota[tier]]
    if len(flat) < max_flat:  # small taxonomies: fill from whatever is left
        flat += [i for i in pool if i not in flat][:max_flat - len(flat)]
    plan = {}
    for i in rising:
        plan[i] = (round(rng.uniform(0.05, 0.12), 3), round(rng.uniform(0.35, 0.45), 3))
    for i in falling:
        plan[i] = (round(rng.uniform(0.32, 0.40), 3), round(rng.uniform(0.08, 0.14), 3))
    for i in flat:
        p = _ANCHORS.get(i, round(rng.uniform(0.10, 0.40), 3))
        plan[i] = (p, p)
    return plan


def generate(n: int, *, seed: int = 0, taxonomy=None, start: str = "2023-01-01", days: int = 730,
             repost_rate: float = 0.04, max_flat: int = 20, length: str = "template") -> tuple[list[dict], dict]:
    """``(rows, truth)``: ``n`` posting rows (``id, title, company, location, date_posted, description,
    synthetic``) in date order, and the ground truth (planted probabilities, kinds, split date,
    planted duplicates).

    ``length="real"`` pads each posting to the length of real ones (:mod:`.synthetic_long`, ~5 KB)
    from a random stream of its own: the skills, dates and duplicates drawn are those of the default."""
    from ..taxonomy import load_taxonomy

    if length not in ("template", "real"):
        raise ValueError(f"length must be 'template' or 'real' (got {length!r})")
    tax = load_taxonomy(taxonomy)
    rng = random.Random(seed)
    pad_rng = random.Random(f"{seed}-length") if length == "real" else None
    surfaces = {sid: (s, neg) for sid, s, neg in _surfaces_for(tax)}
    if len(surfaces) < 3:
        raise ValueError("the taxonomy needs at least three skills the extractor can find to plant trends")
    plan = _plan(list(surfaces), rng, max_flat)
    negatable = sorted(sid for sid, (_s, neg) in surfaces.items() if neg)
    t0 = dt.date.fromisoformat(start)
    rows: list[dict] = []
    exact = near = 0
    for i in range(n):
        if rows and rng.random() < repost_rate:
            orig = rows[rng.randrange(max(0, len(rows) - 200), len(rows))]
            text = orig["description"]
            if rng.random() < 0.5:
                exact += 1
            else:
                a, b = rng.choice([e for e in _EDITS if e[0] in text] or [("\n\nWhat we offer", "\n\nWhat we provide")])
                text = text.replace(a, b, 1) if a in text else text + "\nApply today."
                near += 1
            d = min(t0 + dt.timedelta(days=days - 1), dt.date.fromisoformat(orig["date_posted"]) + dt.timedelta(days=rng.randint(0, 10)))
            rows.append(dict(orig, id=f"syn-{seed}-{i}", date_posted=d.isoformat(), description=text))
            continue
        day = rng.randrange(days)
        t = day / max(1, days - 1)
        company = f"{rng.choice(_CO_A)} {rng.choice(_CO_B)}"
        title = rng.choice(_SENIORITY) + rng.choice(_TITLES)
        chosen = [sid for sid, (p0, p1) in sorted(plan.items()) if rng.random() < p0 + (p1 - p0) * t]
        rng.shuffle(chosen)
        req, pref = [], []
        for sid in chosen:
            s = surfaces[sid][0]
            if rng.random() < 0.72:
                req.append(rng.choice(_REQ).format(s=s, y=rng.randint(1, 6)))
            else:
                pref.append(rng.choice(_PREF).format(s=s))
        parts = [f"{title} at {company}", "", "About us:",
                 " ".join([rng.choice(_ABOUT).format(c=company)] + rng.sample(_FILLER, 2)), "",
                 "Responsibilities:"] + ["- " + r for r in rng.sample(_RESP, rng.randint(3, 5))]
        pad = padding(company, pad_rng) if pad_rng is not None else None
        if pad:
            parts[4:4] = pad["story"] + ["", "The role:"] + pad["role"]
            parts += pad["resp"]
        if req:
            parts += ["", "Requirements:"] + req
        if pref:
            parts += ["", "Nice to have:"] + pref
        candidates = [x for x in negatable if x not in chosen]
        if candidates and rng.random() < 0.08:
            parts += ["", _NEG.format(s=surfaces[rng.choice(candidates)][0])]
        parts += ["", "What we offer:"] + rng.sample(_OFFER, 3)
        if pad:
            parts += pad["perks"] + ["", pad["eeo"][0], "", "How to apply:", pad["apply"][0]]
        if rng.random() < 0.1:
            slug = company.lower().replace(" ", "")
            parts += ["", f"Questions? Write to jobs@{slug}.example or call +1 555 010 {rng.randint(1000, 9999)}."]
        rows.append(dict(id=f"syn-{seed}-{i}", title=title, company=company,
                         location=rng.choice(("Berlin", "London", "Remote", "Paris", "Amsterdam", "New York", "Toronto")),
                         date_posted=(t0 + dt.timedelta(days=day)).isoformat(), description="\n".join(parts),
                         synthetic=True))
    rows.sort(key=lambda r: (r["date_posted"], int(r["id"].rsplit("-", 1)[1])))
    split = (t0 + dt.timedelta(days=days // 2)).isoformat()
    truth = {
        "n": n, "seed": seed, "start": start, "days": days, "split": split,
        "taxonomy_version": tax.version, "taxonomy_hash": tax.content_hash,
        "planted": {sid: {"p_start": p0, "p_end": p1,
                          "kind": "rising" if p1 > p0 else "falling" if p1 < p0 else "flat",
                          "surface": surfaces[sid][0]} for sid, (p0, p1) in sorted(plan.items())},
        "rising": sorted(s for s, (a, b) in plan.items() if b > a),
        "falling": sorted(s for s, (a, b) in plan.items() if b < a),
        "flat": sorted(s for s, (a, b) in plan.items() if a == b),
        "exact_duplicates": exact, "near_duplicates": near,
    }
    return rows, truth


def write_corpus(rows: list[dict], out: str | Path, truth: dict | None = None) -> Path | None:
    """Write rows as CSV, JSONL or Parquet (by extension) and the truth next to it (``*.truth.json``)."""
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".jsonl":
        with open(out, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif suffix in (".csv", ".parquet"):
        import pandas as pd

        frame = pd.DataFrame(rows, columns=["id", "title", "company", "location", "date_posted", "description",
                                            "synthetic"])
        if suffix == ".csv":
            from ..csv_cells import write_frame_csv

            write_frame_csv(frame, out)
        else:
            frame.to_parquet(out, index=False)
    else:
        from ..errors import UsageError

        raise UsageError(f"out must end in .csv, .jsonl or .parquet (got '{out.name}')", params=("out",))
    if truth is None:
        return None
    truth_path = out.with_name(out.name.rsplit(".", 1)[0] + ".truth.json")
    truth_path.write_text(json.dumps(truth, indent=1) + "\n", encoding="utf-8")
    return truth_path
