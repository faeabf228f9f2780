"""Emerging skills: terms the taxonomy does not know whose share of postings rises.

For every posting in scope, the candidate phrases of its demand text (``phrases.candidates``: not
about-us, benefits, EEO or how-to-apply text; never overlapping a span the taxonomy matched) are
collected under their normalised key, and each key counts once per posting. Keys the taxonomy knows
(any label, alias or spelling variant of the skills stored in the database, or of ``taxonomy``) are
left out, as are single capitalised words that the corpus also writes in lower case (ordinary words
at the start of a bullet) and a phrase's part that nearly always comes with the whole phrase (of
"causal trace" inside "causal trace auditing", only the whole is kept).

Each key seen in at least ``min_postings`` dated postings is tested as ``market trends`` tests a
skill (``stats._two_proportion_p``: a two-sided pooled z-test of the share before vs. on/after the
split, Fisher's exact test where an expected count is below 5), with Benjamini–Hochberg q-values over
every key tested. The rows are the keys whose share rose, ordered by q, then p; each with the n of
both periods and example contexts (a short snippet and the posting id).
"""

from __future__ import annotations

import datetime as dt

from ..errors import EmptySplit, UsageError

__all__ = ["emerging_terms", "EMERGING_COLUMNS", "MIN_POSTINGS", "taxonomy_keys"]

EMERGING_COLUMNS = ["term", "key", "forms", "postings", "postings_before", "postings_after", "total_before",
                    "total_after", "share_before", "share_after", "diff", "p_value", "q_value", "test", "examples"]
MIN_POSTINGS = 5
# A capitalised single word is an ordinary word when the corpus writes it in lower case in more than
# this share as many postings as it writes it capitalised.
_LOWER_SHARE = 0.25
# A part of a phrase is dropped when at most this share of its postings lack the whole phrase.
_NESTED_SHARE = 0.1
_SNIPPET = 45


def taxonomy_keys(forms) -> tuple[set[str], set[str]]:
    """(keys, keys without spaces) of taxonomy forms, with the lexicon's spelling variants: a candidate
    matching either is a skill the taxonomy has."""
    from ..detect.lexicon import spelling_variants
    from ..textnorm import fold
    from .phrases import _TOKEN, normalise

    keys = set()
    for form in forms:
        if not form or not str(form).strip():
            continue
        folded = fold(str(form))
        for variant in [folded, *spelling_variants(str(form), folded)]:
            toks = _TOKEN.findall(variant)
            if toks:
                keys.add(normalise(toks))
        keys.add(normalise(_TOKEN.findall(str(form))))
    keys.discard("")
    return keys, {k.replace(" ", "") for k in keys}


def _forms(con, taxonomy) -> list[str]:
    from .skillnames import _has_table

    forms = [r[0] for r in con.execute("SELECT label FROM skills WHERE label IS NOT NULL").fetchall()]
    forms += [r[0] for r in con.execute("SELECT skill_id FROM skills").fetchall() if "." not in r[0]]
    if _has_table(con, "skill_aliases"):
        forms += [r[0] for r in con.execute("SELECT alias FROM skill_aliases").fetchall()]
    if taxonomy is not None:
        from ..taxonomy import Taxonomy, load_taxonomy

        tax = taxonomy if isinstance(taxonomy, Taxonomy) else load_taxonomy(taxonomy)
        for s in tax.skills:
            forms += [s.label, *s.aliases, *s.ambiguous]
    return forms


def _median_split(dates: list[dt.date]) -> dt.date:
    """The date that splits the dated postings in two halves as nearly as whole days allow."""
    ordered = sorted(dates)
    split = ordered[len(ordered) // 2]
    if split == ordered[0]:  # many postings on the first date: the next date up
        later = [d for d in ordered if d > split]
        if not later:
            raise UsageError(f"every dated posting in scope has the same date ({split}): nothing to compare")
        split = later[0]
    return split


def _snippet(text: str, start: int, end: int) -> str:
    """The words around ``text[start:end]`` within its line (a bullet is a line), white space collapsed."""
    line_lo = text.rfind("\n", 0, start) + 1
    line_hi = text.find("\n", end)
    line_hi = len(text) if line_hi < 0 else line_hi
    lo, hi = max(line_lo, start - _SNIPPET), min(line_hi, end + _SNIPPET)
    if lo > line_lo and not text[lo - 1].isspace():  # cut at a word boundary
        cut = text.find(" ", lo, start)
        lo = cut + 1 if cut >= 0 else start
    if hi < line_hi and not text[hi].isspace():
        cut = text.rfind(" ", end, hi)
        hi = cut if cut >= 0 else end
    core = " ".join(text[lo:hi].split())
    return ("…" if lo > line_lo else "") + core + ("…" if hi < line_hi else "")


def emerging_terms(db=None, *, split=None, min_postings: int = MIN_POSTINGS, taxonomy=None,
                   title_contains: str | None = None, since=None, until=None, examples: int = 3, filters=None,
                   **kw) -> dict:
    """Terms outside the taxonomy whose share of dated postings rose after ``split`` (default: the
    median date of the dated postings in scope).

    Returns ``{"rows", "split", "tested", "candidates", "total_before", "total_after", "undated",
    "min_postings"}``; ``rows`` (columns ``EMERGING_COLUMNS``) are the rising terms, ordered by
    ``q_value``, ``p_value``, then the larger rise; ``tested`` is the number of terms the
    Benjamini–Hochberg correction ran over (rising or not); ``examples`` is a list of
    ``{"posting_id", "date", "text"}`` from the latest postings."""
    import numpy as np
    from statsmodels.stats.multitest import multipletests

    from .filters import make_filters
    from .counting import where as _where
    from .stats import _iso, _two_proportion_p
    from .store import reading as _connection

    if min_postings < 1:
        raise UsageError(f"min_postings must be at least 1 (got {min_postings})", params=("min_postings",))
    if examples < 0:
        raise UsageError(f"examples must be 0 or more (got {examples})", params=("examples",))
    split_d = _iso(split, "split")
    filters = make_filters(filters, title_contains=title_contains, since=since, until=until, **kw)
    with _connection(db) as con:
        where, params = _where(con, filters)  # the filters of every market query (filters.py)
        posts = con.execute(f"SELECT id, date, company FROM postings {where} ORDER BY seq", params).fetchall()
        known, known_flat = taxonomy_keys(_forms(con, taxonomy))
        dated = [d for _i, d, _c in posts if d is not None]
        if not dated:
            raise UsageError(f"none of the {len(posts)} postings in scope has a date: emerging terms compare periods "
                             "(give a date column at ingest)" if posts else "no postings in scope")
        split_date = dt.date.fromisoformat(split_d) if split_d else _median_split(dated)
        n1 = sum(1 for d in dated if d < split_date)
        n2 = len(dated) - n1
        if not n1 or not n2:
            raise EmptySplit(f"split {split_date} leaves no dated postings {'before' if not n1 else 'on or after'} "
                             f"it ({n1} before, {n2} on or after)", params=("split",))
        post_sets, kinds, forms, word_of, lower_df, key_of = _collect(_texts(con, where, params), known, known_flat)
        is_dated = np.array([d is not None for _i, d, _c in posts], bool)
        after = np.array([d is not None and d >= split_date for _i, d, _c in posts], bool)
        keep = {}
        for key, idxs in post_sets.items():
            if kinds[key] == {"cap"} and lower_df.get(key, 0) > _LOWER_SHARE * len(idxs):
                continue
            arr = np.frombuffer(idxs, dtype=np.int32) if len(idxs) else np.zeros(0, np.int32)
            if int(is_dated[arr].sum()) >= min_postings:
                keep[key] = arr
        keep = _drop_nested(keep, word_of)
        keys = sorted(keep)
        result = {"rows": [], "split": split_date.isoformat(), "tested": len(keys), "candidates": len(post_sets),
                  "total_before": n1, "total_after": n2, "undated": len(posts) - len(dated),
                  "min_postings": min_postings}
        if not keys:
            return result
        x2 = np.array([int(after[keep[k]].sum()) for k in keys], float)
        x1 = np.array([int(is_dated[keep[k]].sum()) for k in keys], float) - x2
        p, tests = _two_proportion_p(x1, n1, x2, n2)
        q = np.clip(multipletests(p, method="fdr_bh")[1], 0.0, 1.0)
        rows = []
        for k, a, b, pi, qi, t in zip(keys, x1, x2, p, q, tests):
            if b / n2 <= a / n1:
                continue
            ranked = sorted(forms[k].items(), key=lambda kv: (-kv[1], kv[0]))
            rows.append(dict(term=ranked[0][0], key=key_of[k], forms=[f for f, _c in ranked[1:4]],
                             postings=len(keep[k]), postings_before=int(a), postings_after=int(b), total_before=n1,
                             total_after=n2, share_before=a / n1, share_after=b / n2, diff=b / n2 - a / n1,
                             p_value=float(pi), q_value=float(qi), test=str(t), examples=[]))
        rows.sort(key=lambda r: (r["q_value"], r["p_value"], -r["diff"], r["key"]))
        if examples:
            _add_examples(con, rows, keep, posts, examples)
    result["rows"] = rows
    return result


_BATCH = 2000


def _texts(con, where: str, params: list):
    """``(index, id, company, text, taxonomy spans)`` of the postings in scope in ``seq`` order, read a
    batch at a time so a large corpus never sits in memory whole."""
    lo, hi = con.execute(f"SELECT min(seq), max(seq) FROM postings {where}", params).fetchone()
    if lo is None:
        return
    clause = (where + " AND" if where else "WHERE") + " seq >= ? AND seq < ?"
    idx = 0
    for start in range(int(lo), int(hi) + 1, _BATCH):
        bounds = [start, start + _BATCH]
        batch = con.execute(f"SELECT id, company, text FROM postings {clause} ORDER BY seq", params + bounds).fetchall()
        if not batch:
            continue
        spans: dict[str, list[tuple[int, int]]] = {}
        for pid, s, e in con.execute(f'SELECT posting_id, start, "end" FROM mentions WHERE posting_id IN '
                                     f"(SELECT id FROM postings {clause})", params + bounds).fetchall():
            if s is not None and e is not None:
                spans.setdefault(pid, []).append((int(s), int(e)))
        for pid, company, text in batch:
            yield idx, pid, company, text or "", spans.get(pid, [])
            idx += 1


def _collect(texts, known: set[str], known_flat: set[str]):
    """Per candidate term (keyed without spaces: "data sets" and "datasets" are one term): the postings
    it occurs in (compact arrays of indices), its kinds, surface forms and words; and per lower-case
    word the postings writing it so."""
    from array import array

    from .phrases import candidates

    def is_known(key: str) -> bool:
        if key in known or key.replace(" ", "") in known_flat:
            return True
        parts = key.split()
        return any(" ".join(parts[i:j]) in known for i in range(len(parts)) for j in range(i + 1, len(parts) + 1)
                   if j - i < len(parts))

    post_sets: dict[str, array] = {}
    kinds: dict[str, set[str]] = {}
    forms: dict[str, dict[str, int]] = {}
    word_of: dict[str, tuple[str, ...]] = {}
    key_of: dict[str, str] = {}
    lower_df: dict[str, int] = {}
    verdict: dict[str, bool] = {}
    for idx, _pid, company, text, spans in texts:
        occ, lower = candidates(text, spans, company)
        for w in lower:
            lower_df[w] = lower_df.get(w, 0) + 1
        seen: set[str] = set()
        for o in occ:
            ok = verdict.get(o.key)
            if ok is None:
                ok = verdict[o.key] = not is_known(o.key)
            if not ok:
                continue
            cid = o.key.replace(" ", "")
            kinds.setdefault(cid, set()).add(o.kind)
            f = forms.setdefault(cid, {})
            f[o.surface] = f.get(o.surface, 0) + 1
            word_of.setdefault(cid, o.words)
            key_of.setdefault(cid, o.key)
            if cid not in seen:
                seen.add(cid)
                post_sets.setdefault(cid, array("i")).append(idx)
    return post_sets, kinds, forms, word_of, lower_df, key_of


def _drop_nested(keep: dict, word_of: dict) -> dict:
    """Leave out a phrase's part when nearly all its postings have the whole phrase."""
    from .phrases import normalise

    drop = set()
    for key, arr in keep.items():
        ws = word_of[key]
        if len(ws) < 2:
            continue
        whole = set(arr.tolist())
        for i in range(len(ws)):
            for j in range(i + 1, len(ws) + 1):
                if j - i == len(ws):
                    continue
                part = normalise(ws[i:j]).replace(" ", "")
                if part in keep and part not in drop:
                    posts = keep[part]
                    missing = sum(1 for x in posts.tolist() if x not in whole)
                    if missing <= _NESTED_SHARE * len(posts):
                        drop.add(part)
    return {k: v for k, v in keep.items() if k not in drop}


def _add_examples(con, rows: list[dict], keep: dict, posts: list, n: int) -> None:
    """Up to ``n`` snippets per row, from its latest postings (one per posting)."""
    from .phrases import candidates

    cache: dict[int, list] = {}
    for r in rows:
        cid = r["key"].replace(" ", "")
        idxs = sorted(keep[cid].tolist(), key=lambda i: (posts[i][1] is not None, posts[i][1] or dt.date.min, i),
                      reverse=True)[:n]
        for i in idxs:
            pid, date, company = posts[i]
            text = con.execute("SELECT text FROM postings WHERE id = ?", [pid]).fetchone()[0] or ""
            if i not in cache:
                spans = [(int(s), int(e)) for s, e in con.execute(
                    'SELECT start, "end" FROM mentions WHERE posting_id = ? AND start IS NOT NULL', [pid]).fetchall()]
                cache[i] = candidates(text, spans, company)[0]
            hit = next((o for o in cache[i] if o.key.replace(" ", "") == cid), None)
            if hit is not None:
                r["examples"].append({"posting_id": pid, "date": date.isoformat() if date else None,
                                      "text": _snippet(text, hit.start, hit.end)})
