"""Verb–object phrases: the verb of a list of verbs reaches the object they share."""

from __future__ import annotations

import pytest

from skillradar.extract import extract_text


def _ids(line: str) -> set[str]:
    return {m.skill_id for m in extract_text("Responsibilities:\n- " + line + "\n", kind="posting").mentions}


@pytest.mark.parametrize("line", [
    "Deploying, monitoring, and optimizing machine learning models",   # real postings, tune split
    "automate the deployment, testing, and monitoring of AI/ML models",
    "deploying, maintaining, and updating ML models in production",
])
def test_a_verb_in_a_list_of_verbs_reaches_the_shared_object(line):
    assert "mlops.model-serving" in _ids(line)


@pytest.mark.parametrize("line", [
    "deploy the web service and analyse logs of models",     # 'and' before a new clause
    "deploy dashboards and build models",
])
def test_and_before_a_new_clause_does_not_join(line):
    assert "mlops.model-serving" not in _ids(line)


@pytest.mark.parametrize("line, found", [
    ("Collaborate with stakeholders to understand requirements and translate them", True),
    ("Work closely with customers to understand their messaging outreach requirements", True),
    ("Collaborate with cross-functional teams to gather requirements, define data schemas", True),
    ("translate that into technical requirements", False),   # 'into': the other side of the translation
    ("Partner with engineers to understand data needs", False),
])
def test_understanding_and_gathering_requirements_is_requirements_analysis(line, found):
    assert ("think.requirements-analysis" in _ids(line)) is found
