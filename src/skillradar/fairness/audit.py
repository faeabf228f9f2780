"""Fairness audit of a résumé ranking: selection rate per self-reported group and the impact ratio.

"Selected" means ranked within the cut-off: by default the top half, rank ≤ ceil(n / 2) over the
whole ranking (n résumés), so one résumé out of one, two out of four, three out of five are
selected; ``select_top=N`` selects the first N, ``select_share=X`` the first ceil(n × X), because a
recruiter who interviews five of thirty is not selecting half. Per group the selection
rate is selected / count (computed with fairlearn's ``MetricFrame`` and ``selection_rate``); the
impact ratio is the lowest group rate divided by the highest, and the four-fifths rule of thumb
(US EEOC Uniform Guidelines, 29 CFR 1607.4(D)) holds when it is at least 0.8.

A group smaller than ``min_group`` (default 5) keeps its count and rate but is left out of the
impact ratio and marked ``comparable: false``: a group of one person has a rate of 0 or 1, and a
ratio built on it ("impact ratio 0.00") says nothing about the ranking. With fewer than two groups
large enough, there is no ratio, and the audit says why.

Résumés without a group (blank in the groups file, or not listed) are counted as ``ungrouped`` and
left out of the per-group rates. A groups row names a résumé by its path as given on the command
line, by the same path resolved (``./cv/a.pdf`` and ``/home/me/cv/a.pdf``) or by its file name when
no other résumé has that name; a row that matches no résumé is an error that quotes its line, as
is a file without ``resume`` and ``group`` columns.
"""

from __future__ import annotations

import csv
import math
import os
from pathlib import Path, PurePath

from ..errors import GroupsFileError, UsageError

__all__ = ["audit_ranking", "load_groups_csv", "parse_groups_csv", "match_groups", "selection_cutoff",
           "GroupsFileError", "FOUR_FIFTHS", "SMALL_GROUP"]

FOUR_FIFTHS = 0.8
SMALL_GROUP = 5


def load_groups_csv(path: str | Path, *, resumes: list[str] | None = None) -> dict[str, str]:
    """Read a ``resume,group`` CSV into ``{resume: group}`` (blank groups are left out).

    Args:
        path: the CSV (UTF-8, a header row with at least ``resume`` and ``group``; other columns
            are ignored; header names are matched case-insensitively).
        resumes: if given, every row must match one of these (see :func:`match_groups`) and the
            keys are these résumés as given on the command line.

    Raises:
        GroupsFileError: unreadable file, missing columns, a résumé listed twice with different
            groups, or rows that match no résumé of ``resumes`` (their lines are named).
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
    rows = _read_rows(raw, path)
    if resumes is not None:
        return match_groups(rows, resumes, path)
    groups: dict[str, str] = {}
    for line_no, resume, group in rows:
        _put(groups, resume, group, f"groups file {path} line {line_no}: '{resume}'", path)
    return groups


def _read_rows(raw: bytes, path: str) -> list[tuple[int, str, str]]:
    """``(line, resume, group)`` for every row naming a résumé with a group (blank groups are dropped)."""
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
    rows = []
    for line_no, row in enumerate(reader, start=2):
        resume = (row.get(col["resume"]) or "").strip()
        group = (row.get(col["group"]) or "").strip()
        if resume and group:
            rows.append((line_no, resume, group))
    return rows


def _put(groups: dict[str, str], resume: str, group: str, what: str, where: str | None) -> None:
    if resume in groups and groups[resume] != group:
        raise GroupsFileError(f"{what} is listed with two groups ('{groups[resume]}' and '{group}')", source=where)
    groups[resume] = group


def _resolved(path: str) -> str:
    return os.path.realpath(os.path.expanduser(path))


def match_groups(rows, resumes, where: str | None = None) -> dict[str, str]:
    """``{résumé as given: group}`` from groups rows ``(line or None, name, group)``.

    Why: people write the groups file by hand or from a spreadsheet, rarely with the paths exactly as
    typed for ``rank``. A row matches a résumé by the path as given, else by the resolved path, else by
    the file name when exactly one résumé has it.

    Raises:
        GroupsFileError: rows that match no résumé (all of them listed, with their lines), a file name
            shared by several résumés, or one résumé given two groups.
    """
    resumes = list(resumes)
    exact = set(resumes)
    by_path: dict[str, list[str]] = {}
    by_name: dict[str, list[str]] = {}
    for r in resumes:
        by_path.setdefault(_resolved(r), []).append(r)
        by_name.setdefault(PurePath(r).name, []).append(r)
    groups: dict[str, str] = {}
    unmatched: list[str] = []
    for line, name, group in rows:
        label = f"line {line} '{name}'" if line is not None else f"'{name}'"
        if name in exact:
            hit = name
        elif len(by_path.get(_resolved(name), [])) == 1:
            hit = by_path[_resolved(name)][0]
        else:
            same = by_name.get(PurePath(name).name, [])
            if len(same) > 1:
                raise GroupsFileError(
                    f"groups file {where or ''} {label}: several résumés are named "
                    f"{PurePath(name).name} ({', '.join(same[:3])}); give the path".replace("  ", " "),
                    source=where)
            if not same:
                unmatched.append(label)
                continue
            hit = same[0]
        _put(groups, hit, group, f"groups file {where} {label}" if where else label, where)
    if unmatched:
        shown = ", ".join(unmatched[:10]) + (f" and {len(unmatched) - 10} more" if len(unmatched) > 10 else "")
        raise GroupsFileError(
            f"rows of the groups file that match no résumé in the ranking: {shown} (a row names a résumé "
            "by its path as given, its full path or its file name)", source=where)
    return groups


def selection_cutoff(n: int, *, select_top: int | None = None, select_share: float | None = None) -> tuple[int, str]:
    """``(cutoff rank, how it was chosen)``: the top half by default, or the first N, or a share.

    Raises:
        UsageError: both given, N below 1, or a share outside (0, 1].
    """
    if select_top is not None and select_share is not None:
        raise UsageError("give at most one of select_top and select_share", params=("select_top", "select_share"))
    if select_top is not None:
        if select_top < 1:
            raise UsageError(f"select_top must be at least 1 (got {select_top})", params=("select_top",))
        return min(select_top, n), f"top {select_top}"
    if select_share is not None:
        if not 0 < select_share <= 1:
            raise UsageError(f"select_share must be a share above 0 and at most 1, such as 0.2 (got {select_share})",
                             params=("select_share",))
        return math.ceil(n * select_share), f"top {select_share:.0%}"
    return math.ceil(n / 2), "top half"


def audit_ranking(ranking: list[dict], groups: dict[str, str], *, min_group: int = SMALL_GROUP,
                  select_top: int | None = None, select_share: float | None = None) -> dict:
    """Selection rate per group among the selected résumés of ``ranking`` and the impact ratio.

    Args:
        ranking: rows with at least ``resume`` and ``rank`` (1 = best; ``overall`` is not needed).
        groups: ``{resume: group}``; keys match as in :func:`match_groups`.
        min_group: groups with fewer résumés are left out of the impact ratio ("too few to compare").
        select_top, select_share: the cut-off (see :func:`selection_cutoff`); default the top half.

    Returns:
        ``{"groups": {g: {"count", "selected", "selection_rate", "comparable"}}, "impact_ratio",
        "four_fifths_ok", "selected_definition", "cutoff_rank", "min_group", "ratio_note", "ungrouped",
        "warnings"}``. With fewer than two comparable groups the impact ratio and ``four_fifths_ok``
        are null and ``ratio_note`` says why.

    Raises:
        GroupsFileError: a grouped résumé is not in the ranking. UsageError: a bad cut-off or min_group.
    """
    if min_group < 1:
        raise UsageError(f"min_group must be at least 1 (got {min_group})", params=("min_group",))
    resumes = [row["resume"] for row in ranking]
    groups = match_groups([(None, k, g) for k, g in groups.items()], resumes)
    n = len(ranking)
    cutoff, definition = selection_cutoff(n, select_top=select_top, select_share=select_share)
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
            per_group[str(g)] = {"count": cnt, "selected": sel,
                                 "selection_rate": float(table.loc[g, "selection_rate"]),
                                 "comparable": cnt >= min_group}
    rates = [v["selection_rate"] for v in per_group.values() if v["comparable"]]
    small = [g for g, v in per_group.items() if not v["comparable"]]
    if len(rates) >= 2:
        top = max(rates)
        impact = (min(rates) / top) if top > 0 else 1.0
        ok, note = impact >= FOUR_FIFTHS, None
    else:
        impact, ok = None, None
        note = ("too few to compare: fewer than two groups of at least "
                f"{min_group} résumés" if len(per_group) >= 2 else "fewer than two groups: no impact ratio")
        warnings.append(note)
    if small:
        warnings.append(f"groups with fewer than {min_group} résumés ({', '.join(small)}): too few to compare, "
                        "left out of the impact ratio")
    if ok is False:
        warnings.append(f"impact ratio {impact:.2f} is below four-fifths ({FOUR_FIFTHS}): "
                        "the selection rates of the groups differ enough to look into")
    return {
        "groups": per_group,
        "impact_ratio": impact,
        "four_fifths_ok": ok,
        "selected_definition": definition,
        "cutoff_rank": cutoff,
        "min_group": min_group,
        "ratio_note": note,
        "ungrouped": n - len(grouped),
        "warnings": warnings,
    }
