"""No gap, and nothing in the plan, is a skill the résumé shows: itself, an alternative the posting
accepts, or a narrower skill. Checked on every test résumé against every test posting."""

from __future__ import annotations

import datetime as dt

import pytest

from skillradar.assess import build_target
from skillradar.assess.api import _assess_profile
from skillradar.assess.resume import understand_resume
from skillradar.assess.score import narrower_ids
from skillradar.extract import extract_document
from skillradar.readers import read_path

from .conftest import POSTINGS, RESUMES

SETS = ["", "blind", "written"]


@pytest.fixture(scope="module")
def targets(taxonomy):
    return [build_target(posting=p, taxonomy=taxonomy) for p in sorted(POSTINGS.iterdir()) if p.is_file()]


@pytest.mark.parametrize("folder", SETS)
def test_no_gap_or_plan_step_is_a_skill_the_resume_shows(taxonomy, targets, folder):
    files = sorted(f for f in (RESUMES / folder).iterdir() if f.suffix in (".txt", ".md") and f.stem != "README")
    assert files
    for path in files:
        doc = read_path(path, kind="resume")
        extraction = extract_document(doc, taxonomy=taxonomy, kind="resume")
        shown = {m.skill_id for m in extraction.mentions if m.requirement != "negated"}
        profile = understand_resume(extraction, doc, today=dt.date(2026, 6, 1))
        for target in targets:
            a = _assess_profile(profile, target, taxonomy)
            alternatives = {t.skill_id: set(t.alternatives) for t in target.skills}
            for gap in a.gaps:
                kinds = narrower_ids(taxonomy, gap.skill_id)
                assert gap.skill_id not in shown, (path.name, target.name, gap.skill_id)
                assert not alternatives[gap.skill_id] & shown, (path.name, target.name, gap.skill_id)
                assert not kinds & shown, (path.name, target.name, gap.skill_id, sorted(kinds & shown))
            met = {m["skill_id"] for m in a.matched}
            for step in a.plan:
                assert step.skill_id not in met and step.skill_id not in shown, (path.name, step.skill_id)
                assert not narrower_ids(taxonomy, step.skill_id) & shown, (path.name, step.skill_id)
