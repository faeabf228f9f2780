"""Fairness: the wording of job postings and the audit of résumé rankings.

Public API::

    skillradar.fairness.language.check_posting(text) -> list[dict]   # findings with exact spans
    skillradar.fairness.audit.audit_ranking(ranking, groups) -> dict # selection rates, impact ratio
    skillradar.fairness.audit.load_groups_csv(path) -> dict[str, str]
"""
