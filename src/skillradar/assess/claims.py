"""Skills a person says they have that the résumé does not show ("I have this").

Why: a job seeker reading the gaps often knows a skill the résumé leaves out, and wants to see what
the score would be once the résumé says so. Rather than a second scoring path (in a browser or
elsewhere), a claim becomes one more piece of evidence and the one scorer runs again. A claim counts
as a skill the résumé only *lists* (skills-section strength, ``SECTION_FACTORS["skills"]``): saying
you have a skill is not showing it in work, and the words of the assessment say so.
"""

from __future__ import annotations

from .resume import SECTION_FACTORS, Evidence, ResumeProfile, SkillEvidence

__all__ = ["CLAIMED", "add_claims"]

#: The ``section`` of a claimed skill's evidence (it has no span: start = end = 0, text "").
CLAIMED = "claimed"


def add_claims(profile: ResumeProfile, skill_ids, taxonomy) -> ResumeProfile:
    """``profile`` with one claimed piece of evidence for each of ``skill_ids`` (ids of ``taxonomy``).

    A skill the résumé already shows keeps its own evidence too; the score takes the best. Derived
    figures cached on the profile (strengths, AI/ML depth) are dropped so that they are recomputed.
    """
    factor = SECTION_FACTORS["skills"]
    for sid in skill_ids:
        skill = taxonomy.get(sid)  # UnknownSkill for an id the taxonomy lacks
        se = profile.skills.get(sid)
        if se is None:
            se = profile.skills[sid] = SkillEvidence(sid, skill.label, skill.family)
        if any(e.section == CLAIMED for e in se.evidence):
            continue
        se.evidence.append(Evidence(start=0, end=0, text="", section=CLAIMED, line=0, strength=factor,
                                    section_factor=factor, recency=1.0, entry=None, years_ago=None))
    profile._strengths.clear()
    profile._cache.clear()
    return profile
