"""How ``rank`` shows its rows to people (table and CSV), apart from the command's options.

Why a module of its own: the JSON keeps ids and paths exactly as given (programs join on them), while
a recruiter reading 30 rows wants skill labels and file names; this is where the two part ways.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

__all__ = ["display_names", "flat_rows", "SCORE_HINT"]

# Why: a recruiter saw a top score of 28 and took it for a failing grade. The score is Σ(weight × credit)
# / Σ weight over the posting's skills, and full credit needs recent, hands-on work evidence, so a
# strong candidate often lands far below 100.
SCORE_HINT = ("Scores are relative to this posting: 100 would be every skill it asks for, shown at full "
              "strength (done recently, at work); 0 = none of them. Top scores well below 100 are usual: "
              "compare candidates with each other, not across postings.")


def display_names(paths: list[str]) -> dict[str, str]:
    """``{path as given: what the table shows}``: the file name, or, where two résumés share a file
    name, the shortest ending of the path that tells them apart ("updated25/r004.txt" beside
    "livecareer24/r004.txt"), so no two rows look alike and none shows a long path. Never a resolved
    path."""
    parts = {p: PurePath(p).parts for p in paths}
    depth = dict.fromkeys(paths, 1)
    pending = list(paths)
    while pending:  # lengthen the endings that still clash, one level at a time
        tails = Counter(parts[p][-depth[p]:] for p in paths)
        pending = [p for p in pending if tails[parts[p][-depth[p]:]] > 1 and depth[p] < len(parts[p])]
        for p in pending:
            depth[p] += 1
    return {p: str(PurePath(*parts[p][-depth[p]:])) if parts[p] else p for p in paths}


def flat_rows(ranked: list[dict]) -> list[dict]:
    """Rows for ``emit_rows``: skills by label joined with "; " (labels hold spaces), résumé by file
    name in ``resume`` and the path as given in ``path``."""
    shown = display_names([r["resume"] for r in ranked])
    out = []
    for r in ranked:
        out.append({
            **r,
            "resume": shown[r["resume"]],
            "path": r["resume"],
            "top_matched": "; ".join(r.get("top_matched_labels") or r["top_matched"]),
            "top_gaps": "; ".join(r.get("top_gaps_labels") or r["top_gaps"]),
        })
    return out


def audit_lines(audit: dict) -> list[str]:
    """The fairness audit as plain lines, the same for the table (stdout) and the CSV (stderr).

    Why: the JSON carried the small-group warning and the four-fifths flag while the table dropped
    them, so a recruiter saw "impact ratio 0.00" from a group of one person and no warning."""
    ratio = audit["impact_ratio"]
    head = f"Fairness audit (selected: {audit['selected_definition']}, ranks 1–{audit['cutoff_rank']}): "
    if ratio is None:
        head += f"no impact ratio, {audit.get('ratio_note') or 'fewer than two groups'}"
    else:
        flag = "meets" if audit["four_fifths_ok"] else "BELOW"
        head += f"impact ratio {ratio:.2f} ({flag} the four-fifths rule of thumb, 0.80)"
    lines = [head]
    for g, v in audit["groups"].items():
        if v.get("comparable", True):
            lines.append(f"  {g}: selection rate {v['selection_rate']:.0%} ({v['selected']}/{v['count']})")
        else:
            lines.append(f"  {g}: {v['selected']}/{v['count']} selected, too few to compare "
                         f"(fewer than {audit.get('min_group')} résumés)")
    if audit.get("ungrouped"):
        lines.append(f"  without a group: {audit['ungrouped']}")
    lines += [f"  warning: {w}" for w in audit.get("warnings", [])]
    return lines


def add_audit_columns(rows: list[dict], audit: dict, groups: dict[str, str]) -> None:
    """Per-row ``group`` and ``selected`` (yes/no) in place, so a CSV carries the audit's inputs."""
    for row in rows:
        row["group"] = groups.get(row["path"], "")
        row["selected"] = "yes" if int(row["rank"]) <= audit["cutoff_rank"] else "no"
