"""The work of ingest that one posting needs and no other: everything except deduplication and storing.

Redacting contacts, the exact-duplicate key, the shingles and LSH band keys, skill extraction (on the
original text, spans moved onto the redacted one), per-skill levels, facets and salary statements
depend on the posting alone, so they run wherever the engine puts them (in this process, in worker
processes or on a Dask cluster) and in any order, while deduplication and the writes stay in the one
process that holds the database, in input order. Results are plain tuples, dicts and NumPy arrays:
cheap to send between processes.

A posting whose extraction fails comes back with an ``error`` instead of its mentions; the rest of
its batch is unaffected.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from ..detect.sections import NON_DEMAND
from . import dedup, salary_store
from .facets import facets_for
from .redact import redact_contacts

__all__ = ["prepare_many", "levels", "LEVELS"]

LEVELS = ("required", "preferred", "mentioned", "negated")  # strongest first
_LEVEL_OF = {"required": 0, "preferred": 1, None: 2, "negated": 3}

_TAXONOMIES: dict = {}


def _stable_taxonomy(tax):
    """One Taxonomy object per content hash in this process, so the lexicon cache is reused."""
    return _TAXONOMIES.setdefault(tax.content_hash, tax)


def levels(mentions: list[tuple]) -> dict[str, str]:
    """Each skill's strongest level in one posting, from the mentions that ask for it: those in
    about-us, benefits, EEO or how-to-apply text are stored but are not demand."""
    best: dict[str, int] = {}
    for m in mentions:
        if m[6] in NON_DEMAND:
            continue
        rank = _LEVEL_OF[m[4]]
        if m[0] not in best or rank < best[m[0]]:
            best[m[0]] = rank
    return {sid: LEVELS[r] for sid, r in best.items()}


def prepare_one(pid: str, text: str, title, extra: dict | None, taxonomy) -> dict:
    """What ingest stores and decides with, for one posting (see the module docstring)."""
    from ..extract import extract_text

    stored, spans, shift = redact_contacts(text)
    words = dedup.normalise(stored)
    sh = dedup.shingles(words)
    out = dict(stored=stored, redactions=len(spans), key=dedup.exact_key(words), shingles=sh,
               bands=dedup.band_keys(dedup.minhash(sh)), facets=facets_for(title, text, extra),
               extra_json=None, mentions=[], levels={}, pay=salary_store.salary_rows(pid, stored), error=None)
    if extra:
        out["extra_json"] = redact_contacts(json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str))[0]
    try:
        # no language notice: ingest reads the mentions only
        ms = extract_text(text, source="-", kind="posting", taxonomy=taxonomy, language_check=False).mentions
    except Exception as exc:  # noqa: BLE001 - one posting's failure must not lose its batch
        out["error"] = f"{type(exc).__name__}: {exc}"
        return out
    raw = [(m.skill_id, m.start, m.end, m.text, m.requirement, m.years, m.section, m.method, m.confidence) for m in ms]
    moved = []
    for m in raw:
        s, e = shift(m[1]), shift(m[2])
        moved.append((m[0], s, e, stored[s:e], m[4], m[5], m[6], m[7], m[8]))
    out["mentions"] = moved
    out["levels"] = levels(raw)
    return out


def prepare_many(items: list[tuple], taxonomy, on_done: Callable[[int], None] | None = None) -> list[dict]:
    """``prepare_one`` over ``(id, text, title, extra)`` items, in order; ``on_done(1)`` after each."""
    tax = _stable_taxonomy(taxonomy)
    out = []
    for pid, text, title, extra in items:
        out.append(prepare_one(pid, text, title, extra, tax))
        if on_done is not None:
            on_done(1)
    return out
