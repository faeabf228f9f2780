"""Where a piece of evidence is, in the words a reader uses to find it: a line, or a PDF's page.

Offsets index the text as read (what ``skillradar text`` prints) and stay in the JSON for programs;
people look for "line 14" in a text file or "page 2" in a PDF. A PDF's lines as read are its
paragraphs, not the lines on the page, so for a PDF the page is what is given.
"""

from __future__ import annotations

__all__ = ["distinct", "family_words", "place", "plan_why", "quoted"]


def place(ev: dict) -> str:
    """"page 2" for a PDF, "line 14" otherwise; "" for evidence without a span (a claimed skill)."""
    if ev.get("section") == "claimed":
        return "your own word"
    if ev.get("page"):
        return f"page {ev['page']}"
    return f"line {ev['line']}" if ev.get("line") else ""


def distinct(evidence: list[dict]) -> list[dict]:
    """Evidence with repeats of the same words at the same place left out ("Python" twice on line 1)."""
    seen, out = set(), []
    for ev in evidence:
        key = (" ".join(str(ev.get("text", "")).lower().split()), place(ev))
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def quoted(ev: dict, limit: int = 60) -> str:
    """The evidence text in quotes with its place: “PyTorch” (line 14)."""
    if ev.get("section") == "claimed":
        return "“I have this” (your own word)"
    text = " ".join(str(ev.get("text", "")).split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    where = place(ev)
    return f"“{text}”" + (f" ({where})" if where else "")


def plan_why(why: str, target: dict | None = None) -> str:
    """A plan step's ``why`` in words: "gap" is what the target asks for; "prerequisite of X" comes first."""
    asker = "the posting" if (target or {}).get("kind") == "posting" else "the role" if target else "the target"
    if why == "gap":
        return f"asked for by {asker}"
    if why.startswith("gap; "):
        return f"asked for by {asker}; " + why[5:]
    if why.startswith("prerequisite of "):
        return "needed first for " + why[len("prerequisite of "):]
    return why


def family_words(info: dict) -> str:
    """A family's counts in words: "4 of 14 skills asked for are shown, 7 more in part"."""
    n, got, part = info["target_skills"], info["matched"], info["partial"]
    if not n:
        return "the target asks for no skill of this family"
    words = f"{got} of {n} skill{'s' if n != 1 else ''} asked for {'is' if got == 1 or n == 1 else 'are'} shown"
    return words + (f", {part} more in part" if part else "")
