"""What a posting is, besides its skills: seniority, contract type, sector and whether it is synthetic,
derived once at ingest and stored on the posting so filters are a plain WHERE clause.

- ``seniority``: the seniority words of the title, by the same rules that keep a Senior and a Principal
  requisition apart in deduplication (:func:`.dedup_rules.seniority`), stored as ``",senior,staff,"``;
  ``""`` for a title with no seniority word, NULL without a title. Numbered levels (``II``, ``L4``) are
  kept in the stored value but are not offered as filter values: companies number them differently.
- ``contract_type``: from a column of the input (``contract_type``, ``employment_type``, ``job_type``,
  ``work_type`` …), else a labelled line of the text ("Employment type: Full-time", "Contract:
  Permanent"), else the title ("(Contract)", "Intern"); normalised to :data:`CONTRACT_TYPES`. A column
  value that names no known type is ``other``; text and titles only count when they name one.
- ``sector``: the first non-empty ``sector`` / ``industry`` / ``industries`` … column, as given.
- ``synthetic``: true when the input row says so (a ``synthetic`` column, as ``market demo-corpus``
  writes), so tables and charts can say the corpus is not the labour market.

Postings stored before these columns existed are filled in by :func:`backfill` (ingest and reextract
run it); queries refuse facet filters on a database that has not had it (:func:`require`).
"""

from __future__ import annotations

import json
import re

from .dedup_rules import SENIORITY_WORDS, seniority

__all__ = ["SENIORITY_VALUES", "CONTRACT_TYPES", "FACETS_VERSION", "facets_for", "contract_type_of", "backfill",
           "stored", "require", "UNSPECIFIED"]

#: Bump when a rule changes: the next ingest or reextract recomputes every stored posting's facets.
FACETS_VERSION = "1"
UNSPECIFIED = "unspecified"
SENIORITY_VALUES = SENIORITY_WORDS + (UNSPECIFIED,)
CONTRACT_TYPES = ("full-time", "part-time", "contract", "temporary", "internship", "permanent", "freelance",
                  "volunteer", "other", UNSPECIFIED)

_CONTRACT_WORDS = {
    "fulltime": "full-time", "full": "full-time", "ft": "full-time",
    "parttime": "part-time", "part": "part-time", "pt": "part-time",
    "contract": "contract", "contractor": "contract", "contracttohire": "contract", "fixedterm": "contract",
    "b2b": "contract", "c2c": "contract", "1099": "contract",
    "temporary": "temporary", "temp": "temporary", "seasonal": "temporary", "perdiem": "temporary",
    "intern": "internship", "internship": "internship", "apprenticeship": "internship", "trainee": "internship",
    "permanent": "permanent", "perm": "permanent", "regular": "permanent",
    "freelance": "freelance", "freelancer": "freelance",
    "volunteer": "volunteer", "unpaid": "volunteer",
}
# Column values that say where, not on what terms (LinkedIn's work_type mixes both).
_NOT_CONTRACT = {"remote", "hybrid", "onsite", "inoffice", "office", "other", "na", "none", "unknown", "notspecified"}
_CONTRACT_COLUMNS = ("contracttype", "employmenttype", "typeofemployment", "typeofcontract", "jobtype",
                     "formattedworktype", "worktype", "employment", "contract")
_SECTOR_COLUMNS = ("sector", "industry", "industries", "companyindustry", "jobindustries", "industryname",
                   "businesssector", "companysector")
_LABELLED = re.compile(
    r"^[\s*#>_-]*(?:employment|job|contract|position|work|role|engagement)?[\s*_]*type(?: of (?:contract|employment))?"
    r"[\s*_]*:[\s*_]*(.{2,60})$|^[\s*#>_-]*contract[\s*_]*:[\s*_]*(.{2,60})$", re.IGNORECASE | re.MULTILINE)
_WORDS = re.compile(r"[a-z0-9]+")
# In a title, these always name the terms; "contract" and "temporary" only as a marker ("(Contract)",
# "- Contract", "Contract role"), never in "Smart Contract Engineer" or "Contract Manager".
_TITLE_ANYWHERE = re.compile(r"\b(intern(?:ship)?|part[- ]time|fixed[- ]term|freelancer?|contract[- ]to[- ]hire)\b", re.I)
_TITLE_MARKED = re.compile(r"(?<!smart )\b(contract(?:or)?|temporary|temp)\b(?=\s*(?:$|[)\]|/,–-]|role\b|position\b|"
                           r"basis\b|only\b|assignment\b))", re.I)


def _key(name) -> str:
    return re.sub(r"[^a-z0-9]", "", str(name).lower())


def _normalise(value: str) -> str | None:
    """The contract type a short value names ("Full Time", "FULL_TIME", "B2B contract"), or None."""
    squashed = _key(value)
    if squashed in _CONTRACT_WORDS:
        return _CONTRACT_WORDS[squashed]
    words = _WORDS.findall(str(value).lower().replace("_", " "))
    for i, w in enumerate(words):
        pair = w + words[i + 1] if i + 1 < len(words) else None
        if pair in _CONTRACT_WORDS:
            return _CONTRACT_WORDS[pair]
        if w in _CONTRACT_WORDS and w not in ("full", "part", "ft", "pt", "regular"):
            return _CONTRACT_WORDS[w]
    return None


def _from_columns(extra: dict, names: tuple[str, ...]) -> tuple[str, object] | None:
    by_key = {}
    for k, v in (extra or {}).items():
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        by_key.setdefault(_key(k), v)
    for name in names:
        if name in by_key:
            return name, by_key[name]
    return None


def contract_type_of(title: str | None, text: str | None, extra: dict | None) -> str | None:
    """The posting's contract type (one of :data:`CONTRACT_TYPES` but ``unspecified``), or None."""
    found = None
    for name in _CONTRACT_COLUMNS:
        hit = _from_columns(extra, (name,))
        if hit is None:
            continue
        value = hit[1]
        values = value if isinstance(value, list) else [value]
        kinds = [_normalise(str(v)) for v in values]
        kind = next((k for k in kinds if k), None)
        if kind:
            return kind
        if found is None and not all(_key(v) in _NOT_CONTRACT for v in values):
            found = "other"
    if found:
        return found
    for m in _LABELLED.finditer(text or ""):
        kind = _normalise((m.group(1) or m.group(2) or "").split(",")[0])
        if kind:
            return kind
    m = _TITLE_ANYWHERE.search(title or "") or _TITLE_MARKED.search(title or "")
    return _normalise(m.group(1)) if m else None
    return None


def _sector(extra: dict | None) -> str | None:
    hit = _from_columns(extra, _SECTOR_COLUMNS)
    if hit is None:
        return None
    value = hit[1]
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v is not None)
    value = str(value).strip()
    return value or None


def _truthy(value) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("true", "1", "yes", "y", "t")


def facets_for(title: str | None, text: str | None, extra: dict | None) -> dict:
    """``{"seniority", "contract_type", "sector", "synthetic"}`` of one posting, as stored."""
    words = seniority(title)
    return {
        "seniority": None if words is None else ("," + ",".join(sorted(words)) + ",") if words else "",
        "contract_type": contract_type_of(title, text, extra),
        "sector": _sector(extra),
        "synthetic": bool(extra) and any(_key(k) == "synthetic" and _truthy(v) for k, v in extra.items()),
    }


def stored(con) -> bool:
    """Whether every stored posting has its facets under the current rules."""
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'facets_version'").fetchone()
    except Exception:  # noqa: BLE001 - a database without the meta table has no facets either
        return False
    return bool(row) and row[0] == FACETS_VERSION


def require(con, what: str) -> None:
    """Refuse a facet filter on a database whose postings have no facets yet, saying how to add them."""
    if not stored(con):
        from ..errors import OutdatedDatabase

        raise OutdatedDatabase(f"{what} needs seniority, contract type and sector stored on each posting, which this "
                               "market database does not have yet (written by an older version): run "
                               "`skillradar market reextract` once to add them")


def backfill(con, batch_size: int = 5000) -> int:
    """Compute and store the facets of every posting (rules changed, or written before they existed);
    returns how many. One transaction, so a killed run leaves the old state and the next run redoes it."""
    import pandas as pd

    if stored(con):
        return 0
    ids = [r[0] for r in con.execute("SELECT id FROM postings ORDER BY seq").fetchall()]
    con.execute("BEGIN TRANSACTION")
    try:
        for start in range(0, len(ids), batch_size):
            frame = pd.DataFrame({"id": ids[start:start + batch_size]})
            con.register("_fids", frame)
            try:
                rows = con.execute("SELECT p.id, p.title, p.text, p.extra FROM postings p JOIN _fids USING (id)").fetchall()
            finally:
                con.unregister("_fids")
            out = []
            for pid, title, text, extra in rows:
                try:
                    fields = json.loads(extra) if extra else {}
                except ValueError:
                    fields = {}
                f = facets_for(title, text, fields if isinstance(fields, dict) else {})
                out.append((pid, f["seniority"], f["contract_type"], f["sector"], f["synthetic"]))
            upd = pd.DataFrame(out, columns=["id", "seniority", "contract_type", "sector", "synthetic"], dtype=object)
            con.register("_fupd", upd)
            try:
                con.execute("UPDATE postings SET seniority = _fupd.seniority, contract_type = _fupd.contract_type, "
                            "sector = _fupd.sector, synthetic = CAST(_fupd.synthetic AS BOOLEAN) FROM _fupd "
                            "WHERE postings.id = _fupd.id")
            finally:
                con.unregister("_fupd")
        con.execute("INSERT OR REPLACE INTO meta VALUES ('facets_version', ?)", [FACETS_VERSION])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return len(ids)
