"""Fairness audit of a résumé ranking: selection rate per self-reported group and the impact ratio.

"Selected" means ranked in the top half: rank ≤ ceil(n / 2) over the whole ranking (n résumés), so
one résumé out of one, two out of four, three out of five are selected. Per group the selection
rate is selected / count (computed with fairlearn's ``MetricFrame`` and ``selection_rate``); the
impact ratio is the lowest group rate divided by the highest, and the four-fifths rule of thumb
(US EEOC Uniform Guidelines, 29 CFR 1607.4(D)) holds when it is at least 0.8.

Résumés without a group (blank in the groups file, or not listed) are counted as ``ungrouped`` and
left out of the per-group rates; a groups row naming a résumé that is not in the ranking is an
error, as is a file without ``resume`` and ``group`` columns.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

from ..errors import GroupsFileError

__all__ = ["audit_ranking", "load_groups_csv", "parse_groups_csv", "GroupsFileError", "FOUR_FIFTHS"]

FOUR_FIFTHS = 0.8
SMALL_GROUP = 5


def load_groups_csv(path: str | Path, *, resumes: list[str] | None = None) -> dict[str, str]:
    """Read a ``resume,group`` CSV into ``{resume: group}`` (blank groups are left out).

    Args:
        path: the CSV (UTF-8, a header row with at least ``resume`` and ``group``; other columns
            are ignored; header names are matched case-insensitively).
        resumes: if given, every résumé in the file must be one of these (as given on the
            command line).

    Raises:
        GroupsFileError: unreadable file, missing columns, a résumé listed twice with different
            groups, or a résumé not in ``resumes``.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError as exc:
        raise GroupsFileError(f"groups file {path} does not exist", source=str(path)) from exc
    except OSError as exc:
        raise GroupsFileError(f"cannot read groups file {path}: {exc}", source=str(path)) from exc
    return parse_groups_csv(raw, str(path), resumes=resumes)


def parse_groups_csv(raw: bytes, path: str, *, resumes: list[str] | None = None) -> dict[str, str]:
    """:func:`load_groups_csv` for bytes already read (an upload); ``path`` names it in messages."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GroupsFileError(f"groups file {path} is not UTF-8 (byte {exc.start})", source=str(path)) from exc
    reader = csv.DictReader(text.splitlines())
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("resume", "group") if c not in header]
    if missing:
        found = ", ".join(reader.fieldnames or []) or "no header"
        raise GroupsFileError(
            f"groups file {path} needs the columns resume,group; missing {', '.join(missing)} (found: {found})",
            source=str(path),
        )
    col = {h.strip().lower(): h for h in reader.fieldnames}
    groups: dict[str, str] = {}
    for line_no, row in enumerate(reader, start=2):
        resume = (row.get(col["resume"]) or "").strip()
        group = (row.get(col["group"]) or "").strip()
        if not resume:
            continue
        if resume in groups and group and groups[resume] != group:
            raise GroupsFileError(
                f"groups file {path} line {line_no}: '{resume}' is listed with two groups "
                f"('{groups[resume]}' and '{group}')", source=str(path))
        if group:
            groups[resume] = group
    if resumes is not None:
        _check_known(groups, resumes, str(path))
    return groups


def _check_known(groups: dict[str, str], resumes, where: str | None) -> None:
    known = set(resumes)
    unknown = [r for r in groups if r not in known]
    if unknown:
        shown = ", ".join(f"'{u}'" for u in unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise GroupsFileError(
            f"the groups file names résumés that are not in the ranking: {shown} "
            "(the resume column must hold each path exactly as given on the command line)",
            source=where,
        )


def audit_ranking(ranking: list[dict], groups: dict[str, str]) -> dict:
    """Selection rate per group among the top half of ``ranking`` and the impact ratio.

    Args:
        ranking: rows with at least ``resume`` and ``rank`` (1 = best; ``overall`` is not needed).
        groups: ``{resume: group}`` as read by :func:`load_groups_csv`.

    Returns:
        ``{"groups": {g: {"count", "selected", "selection_rate"}}, "impact_ratio", "four_fifths_ok",
        "selected_definition": "top half", "cutoff_rank", "ungrouped", "warnings"}``. With fewer than
        two groups the impact ratio is null and ``four_fifths_ok`` is null.

    Raises:
        GroupsFileError: a grouped résumé is not in the ranking.
    """
    resumes = [row["resume"] for row in ranking]
    _check_known(groups, resumes, None)
    n = len(ranking)
    cutoff = math.ceil(n / 2)
    selected = {row["resume"]: int(row["rank"]) <= cutoff for row in ranking}
    grouped = [r for r in resumes if r in groups]
    warnings: list[str] = []
    per_group: dict[str, dict] = {}
    if grouped:
        from fairlearn.metrics import MetricFrame, count, selection_rate

        y = [int(selected[r]) for r in grouped]
        frame = MetricFrame(metrics={"selection_rate": selection_rate, "count": count},
                            y_true=y, y_pred=y, sensitive_features=[groups[r] for r in grouped])
        table = frame.by_group
        for g in sorted(table.index, key=str):
            cnt = int(table.loc[g, "count"])
            sel = sum(1 for r in grouped if groups[r] == g and selected[r])
            per_group[str(g)] = {"count": cnt, "selected": sel, "selection_rate": float(table.loc[g, "selection_rate"])}
    rates = [v["selection_rate"] for v in per_group.values()]
    if len(rates) >= 2:
        top = max(rates)
        impact = (min(rates) / top) if top > 0 else 1.0
        ok = impact >= FOUR_FIFTHS
    else:
        impact, ok = None, None
        warnings.append("fewer than two groups: no impact ratio")
    small = [g for g, v in per_group.items() if v["count"] < SMALL_GROUP]
    if small:
        warnings.append(f"groups with fewer than {SMALL_GROUP} résumés ({', '.join(small)}): "
                        "rates this small say little")
    ungrouped = n - len(grouped)
    return {
        "groups": per_group,
        "impact_ratio": impact,
        "four_fifths_ok": ok,
        "selected_definition": "top half",
        "cutoff_rank": cutoff,
        "ungrouped": ungrouped,
        "warnings": warnings,
    }
