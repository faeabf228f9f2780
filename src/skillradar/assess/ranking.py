"""Ranking résumés for one target: the one call behind ``skillradar rank``, ``POST /api/rank`` and
``Pipeline.rank``.

``rank`` assesses every résumé against one posting or role and returns a :class:`Ranking`: the ranked
rows best first, the résumés that could not be read (each with its error), and with ``groups`` the
fairness audit of the ranking. ``Ranking.to_dict()`` is the CONTRACT's JSON, so the surfaces print one
object built in one place. A failed résumé never stops the batch, nor the audit: it has no rank, so it
is left out of the audit, which says so.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import InputError, SkillradarError, UsageError
from ..records import Document
from .api import _assess_profile, _label, _target_and_demand, load_document
from .importance import tiers_warning
from .resume import understand_resume
from .targets import Target

if TYPE_CHECKING:
    from ..pipeline import Pipeline

__all__ = ["Ranking", "rank"]


@dataclass
class Ranking(Sequence):
    """Résumés ranked for one target.

    ``rows``: one per ranked résumé, best first (``resume, overall, rank, families, top_matched, …``);
    ``failed``: ``{"resume", "error": {code, message}}`` for each résumé that could not be read;
    ``audit``: the fairness audit when groups were given, else None; ``groups``: then each résumé's
    group (``{résumé as given: group}``); ``warnings``: ``{code, message}`` about the ranking as a whole
    (a database that could not be read, a taxonomy without scoring tiers).

    As a sequence it is ``rows`` followed by ``failed``, the list ``rank`` used to return.
    """

    rows: list[dict]
    failed: list[dict]
    target: Target
    audit: dict | None = None
    warnings: list[dict] = field(default_factory=list)
    groups: dict[str, str] | None = None

    def to_dict(self) -> dict:
        """``{"ranking": rows then failed, "audit": … or null}`` (CONTRACT), and ``warnings`` when any."""
        out: dict = {"ranking": list(self), "audit": self.audit}
        if self.warnings:
            out["warnings"] = list(self.warnings)
        return out

    def __len__(self) -> int:
        return len(self.rows) + len(self.failed)

    def __getitem__(self, index):
        return (self.rows + self.failed)[index]

    def __iter__(self):
        yield from self.rows
        yield from self.failed


def _name(resume) -> str:
    return str(resume.source if isinstance(resume, Document) else resume)


def _check_audit_options(groups, min_group: int, select_top, select_share) -> None:
    """Bad audit options are usage errors before any résumé is read."""
    if groups is None and (select_top is not None or select_share is not None):
        raise UsageError("select_top and select_share set the fairness audit's cut-off: give groups too",
                         params=("select_top", "select_share", "groups"))
    if min_group < 1:
        raise UsageError(f"min_group must be at least 1 (got {min_group})", params=("min_group",))
    if groups is not None:
        from ..fairness.audit import selection_cutoff

        selection_cutoff(1, select_top=select_top, select_share=select_share)


def _groups_of(groups, names: list[str]) -> dict[str, str]:
    """``{résumé as given: group}`` from a groups CSV path or a mapping (keys matched to the résumés by
    path as given, full path or file name; see ``fairness.audit.match_groups``)."""
    from ..fairness.audit import load_groups_csv, match_groups

    if isinstance(groups, (str, Path)):
        return load_groups_csv(groups, resumes=names)
    if isinstance(groups, Mapping):
        return match_groups([(None, str(k), str(v)) for k, v in groups.items() if str(v).strip()], names)
    raise UsageError("groups must be a CSV file (resume,group) or a mapping of résumé to group", params=("groups",))


def _audit(rows: list[dict], failed: list[dict], groups: dict[str, str], **options) -> dict:
    try:
        from ..fairness.audit import audit_ranking
    except ImportError as exc:  # fairlearn is the 'fairness' extra
        from ..errors import MissingExtra

        raise MissingExtra("the ranking audit", "fairness", "fairlearn") from exc
    unread = [f["resume"] for f in failed if f["resume"] in groups]
    audit = audit_ranking(rows, {r: g for r, g in groups.items() if r not in set(unread)}, **options)
    if unread:
        shown = ", ".join(unread[:5]) + (f" and {len(unread) - 5} more" if len(unread) > 5 else "")
        audit["warnings"].append(f"{len(unread)} grouped résumé(s) could not be read and are left out of the "
                                 f"audit: {shown}")
    return audit


def rank(resumes, *, pipeline: Pipeline, posting=None, role: str | None = None, db=None, top: int = 5,
         today: _dt.date | None = None, on_error=None, must=None, on_progress=None, role_source: str = "auto",
         groups=None, min_group: int = 5, select_top: int | None = None, select_share: float | None = None,
         unreadable: Sequence[tuple[str, SkillradarError]] = ()) -> Ranking:
    """Rank résumés for one target, best first (ties by résumé path); one row per résumé.

    Each row: ``resume, overall, rank, families, top_matched, top_gaps`` (ids), ``top_matched_labels,
    top_gaps_labels`` (the same skills by label), ``practice`` (how many sentences describe model
    work, see ``practice``). A résumé that cannot be read goes to ``failed`` with its error and, when
    given, ``on_error(source, err)`` is called; the batch goes on. ``on_progress(1)`` is called as
    each résumé is done.

    Args:
        resumes: paths or :class:`~skillradar.records.Document` objects.
        posting, role, role_source, db: the target, as for ``assess`` (exactly one of posting and role).
        top: matched skills and gaps listed per row.
        must: skills (id, label or alias) a résumé must show; with it every row gains ``knocked_out``
            and ``must_missing`` (ids), ``must_missing_labels`` and ``knock_out_reason``, and
            knocked-out rows come after all the others (see ``must``).
        groups: self-reported groups for a fairness audit: a CSV file ``resume,group`` or a mapping
            ``{résumé: group}``; a résumé is named by its path as given, its full path or its file name.
        min_group, select_top, select_share: the audit's options (see ``fairness.audit``).
        unreadable: ``(name, error)`` of résumés the caller could not read (an upload that is no
            document): listed after the other failed ones.

    Raises:
        UsageError for bad options (before any résumé is read); UnknownSkill for a ``must`` that is no
        skill; GroupsFileError for a groups file row that names no résumé; UnknownRole; NoTargetSkills.
    """
    from .must import missing_musts, resolve_must

    pipe = pipeline
    tax = pipe.taxonomy
    resumes = list(resumes)
    _check_audit_options(groups, min_group, select_top, select_share)
    must_ids = resolve_must(must, tax) if must else []
    target, demand, warnings = _target_and_demand(posting=posting, role=role, db=db, pipe=pipe,
                                                  role_source=role_source)
    group_map = _groups_of(groups, [_name(r) for r in resumes] + [n for n, _ in unreadable]) \
        if groups is not None else None
    rows, failed = [], []
    for r in resumes:
        name = _name(r)
        try:
            doc = load_document(r, kind="resume")
            profile = understand_resume(pipe.extract(doc, kind="resume"), doc, today=today, taxonomy=tax)
            a = _assess_profile(profile, target, tax, demand=demand, with_plan=False)
        except InputError as err:
            failed.append({"resume": name, "error": err.to_dict()})
            if on_error:
                on_error(name, err)
            continue
        finally:
            if on_progress:
                on_progress(1)
        row = {
            "resume": name, "overall": a.overall, "families": a.families,
            "top_matched": [m["skill_id"] for m in a.matched[:top]],
            "top_gaps": [g.skill_id for g in a.gaps[:top]],
            # labels beside the ids: people read the table and CSV, programs join on the ids
            "top_matched_labels": [m["label"] for m in a.matched[:top]],
            "top_gaps_labels": [g.label for g in a.gaps[:top]],
            "practice": a.practice["sentences"] if a.practice else None,
        }
        if must_ids:
            lacking = missing_musts(must_ids, set(profile.skills) | {m["skill_id"] for m in a.matched}, tax)
            labels = [_label(tax, m) or m for m in lacking]
            row.update({"knocked_out": bool(lacking), "must_missing": lacking, "must_missing_labels": labels,
                        "knock_out_reason": f"lacks must-have: {', '.join(labels)}" if lacking else None})
        rows.append(row)
    failed += [{"resume": name, "error": err.to_dict()} for name, err in unreadable]
    rows.sort(key=lambda row: (row.get("knocked_out", False), -float(row["overall"]), row["resume"]))  # type: ignore[arg-type]
    ranked = [{"resume": r["resume"], "overall": r["overall"], "rank": i,
               **{k: v for k, v in r.items() if k not in ("resume", "overall", "rank")}}
              for i, r in enumerate(rows, 1)]
    audit = (_audit(ranked, failed, group_map, min_group=min_group, select_top=select_top, select_share=select_share)
             if group_map is not None else None)
    warnings += [w for w in (tiers_warning(tax),) if w]
    return Ranking(ranked, failed, target, audit, warnings, group_map)
