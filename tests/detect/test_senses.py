"""Senses of skill words read from their neighbours (detect/senses.py)."""

import pytest

from skillradar.extract import extract_text


def _ids(text):
    return [(m.text, m.skill_id) for m in extract_text(text, kind="posting").mentions]


@pytest.mark.parametrize("text, word, expected", [
    ("Deploying, monitoring, and optimizing machine learning models", "monitoring", "mlops.model-monitoring"),
    ("Own monitoring of deployed ML models in production", "monitoring", "mlops.model-monitoring"),
    ("Set up monitoring and alerting with Datadog", "monitoring", "se.monitoring"),
    ("Add monitoring, alerting and drift detection", "monitoring", "se.monitoring"),
    # the cue must stand in the same clause
    ("Build dashboards and monitoring. Train ML models", "monitoring", "se.monitoring"),
    ("Stay up to date with AWS security practices", "security", "cloud.cloud-security"),
    ("Knowledge of web security protocols", "security", "se.web-security"),
    ("Experience in security engineering for banks", "security engineering", "se.cybersecurity"),
])
def test_general_word_takes_the_sense_its_neighbours_show(text, word, expected):
    assert (word, expected) in _ids(text)


def test_refinement_needs_the_narrower_skill_in_the_taxonomy():
    from skillradar.detect.base import Hit
    from skillradar.detect.senses import refine_senses

    hit = Hit("se.monitoring", 0, 10, "alias", 0.9)
    text = "monitoring ML models"
    assert refine_senses(text, [hit], {"se.monitoring"}) == [hit]
    assert refine_senses(text, [hit], {"se.monitoring", "mlops.model-monitoring"})[0][0] == "mlops.model-monitoring"


def test_years_of_industry_experience_is_not_domain_knowledge():
    assert not any(s == "dom.industry-knowledge" for _, s in _ids("8+ years of industry experience applying ML"))


def test_company_names_with_words_before_the_suffix_are_organisations():
    text = "Worked at Ray Engineering Limited as a site engineer; later used Ray for distributed training."
    found = [(m.text, m.skill_id) for m in extract_text(text, kind="resume").mentions]
    assert found.count(("Ray", "fw.ray")) <= 1
    assert not any(m.start < 30 for m in extract_text(text, kind="resume").mentions if m.skill_id == "fw.ray")


def test_ssms_the_sql_server_tool_is_not_state_space_models():
    assert not any(m.skill_id == "dl.state-space-models"
                   for m in extract_text("Tools: SSMS, SQL Server, T-SQL", kind="resume").mentions)
    assert any(m.skill_id == "dl.state-space-models"
               for m in extract_text("Built SSMs and transformers in PyTorch", kind="resume").mentions)


@pytest.mark.parametrize("text, word, skill", [
    ("Experience designing power transformers and substations.", "transformers", "genai.transformers"),
    ("Master of Laws (LLM) or JD preferred", "LLM", "genai.llm"),
    ("Knowledge of database clustering and replication in PostgreSQL", "clustering", "ml.clustering"),
    ("Write regression tests for the API", "regression", "stats.regression-analysis"),
    # the algorithms of a model, not the computer-science subject
    ("Design and implement advanced machine learning models and algorithms", "algorithms", "se.algorithms"),
    ("Advanced quantization algorithms research and development", "algorithms", "se.algorithms"),
])
def test_a_sense_outside_the_field_is_no_mention(text, word, skill):
    assert (word, skill) not in _ids(text)


@pytest.mark.parametrize("text, word, skill", [
    ("Fine-tune transformers and diffusion models", "transformers", "genai.transformers"),
    ("Use LLMs to review legal contracts", "LLMs", "genai.llm"),
    ("Customer segmentation with clustering and regression", "clustering", "ml.clustering"),
    ("Write regression tests for the API", "regression", "se.testing"),
    ("Advanced knowledge in AWS environment (Spark, Athena, Presto, EMR, Redshift)", "EMR", "data.aws-glue"),
    ("Experience modeling data structures in transactional platforms", "data structures", "data.data-modeling"),
    ("Strong knowledge of algorithms and data structures", "algorithms and data structures", "se.algorithms"),
    ("Develop methods and algorithms from first principles", "algorithms", "se.algorithms"),
    ("Fit regression models to sales data", "regression models", "stats.regression-analysis"),
])
def test_the_fields_own_sense_stays(text, word, skill):
    assert (word, skill) in _ids(text)


@pytest.mark.parametrize("text, word, expected", [
    ("Collaborate with product teams on transfer", "Collaborate", "soft.cross-functional-collaboration"),
    ("collaborate with key stakeholders to build", "collaborate", "soft.cross-functional-collaboration"),
    ("Collaborate on machine learning projects", "Collaborate", "soft.collaboration"),
    ("Collaborate with our ML Engineers to design models", "Collaborate", "soft.collaboration"),
])
def test_collaborating_with_other_functions_is_cross_functional(text, word, expected):
    assert (word, expected) in _ids(text)


def test_algorithms_are_the_cs_subject_only_without_a_machine_learning_sense():
    assert ("algorithms", "se.algorithms") in _ids("Strong understanding of data structures, algorithms, and OO design")
    assert ("algorithms", "se.algorithms") in _ids("Experience with time and space-efficient algorithms")
    for text in ("Design and implement advanced machine learning models and algorithms",
                 "Advanced quantization algorithms research and development",
                 "Knowledge of core AI/ML techniques and algorithms"):
        assert not any(s == "se.algorithms" for _, s in _ids(text)), text


def test_a_form_that_is_itself_a_role_names_the_job_unless_held():
    assert not any(s == "data.analytics-engineering"
                   for _, s in _ids("Givebutter is looking for a passionate Analytics Engineer to join our Data team."))
    assert ("Analytics Engineer", "data.analytics-engineering") in _ids(
        "Have 2+ years of experience as an Analytics Engineer or similar role.")


@pytest.mark.parametrize("text, word, expected", [
    ("Able to prioritise for impact and move fast", "prioritise", "soft.time-management"),
    ("effectively prioritize workload to meet deadlines", "prioritize", "soft.time-management"),
    ("identify and prioritize opportunities for AI integration", "prioritize", "think.use-case-identification"),
    ("guide direction and prioritization of which problems to solve", "prioritization", "think.product-thinking"),
])
def test_prioritising_is_time_management_unless_it_picks_opportunities_or_problems(text, word, expected):
    assert (word, expected) in _ids(text)


def test_innovation_of_a_product_or_valued_by_the_employer_is_not_asked():
    for text in ("with the aim of driving user success and product innovation.",
                 "While we value innovation, we don't engage in prolonged R&D.",
                 "Accelerate innovation by rapidly prototyping", "at the forefront of AI innovation"):
        assert not any(s == "think.innovation" for _, s in _ids(text)), text
    assert ("innovation", "think.innovation") in _ids("Drive innovation and continuous improvement in data engineering")
