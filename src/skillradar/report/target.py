"""How every output names what a résumé was assessed against, with the role's source always stated.

One wording for the CLI table, Markdown, the HTML report and (mirrored in ``web/static/assess.js``)
the web page: a posting by its file name; a role as a *curated* profile (editorial weights) or a
*measured* one (shares of a market database's postings), never silently one or the other.
"""

from __future__ import annotations

from pathlib import PurePath

__all__ = ["SOURCE_WORDS", "target_phrase", "target_source"]

#: The role sources, as ``target.profile_source`` and ``roles`` name them, in words.
SOURCE_WORDS = {
    "curated": "curated profile (editorial weights, not market figures)",
    "measured": "profile measured from the postings of the market database",
}


def target_source(t: dict) -> str:
    """``posting``, ``curated`` or ``measured``."""
    return "posting" if t.get("kind") == "posting" else str(t.get("profile_source") or "curated")


def target_phrase(t: dict) -> str:
    """"the posting job.txt", "the curated role profile LLM engineer (llm-engineer)", "the role Data
    scientist, measured from 120 postings in the market database"."""
    if t.get("kind") == "posting":
        source = str(t.get("source") or "")
        name = "the pasted text" if source.endswith("_text") else PurePath(source).name or source
        return f"the posting {name}"
    label, name = t.get("label") or t.get("name"), t.get("name")
    named = label if label == name else f"{label} ({name})"
    if target_source(t) == "measured":
        n = t.get("postings")
        return f"the role {named}, measured from {n} postings in the market database"
    return f"the curated role profile {named}"
