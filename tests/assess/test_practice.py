"""Practice sentences: a résumé that describes building, training or evaluating models, versus one
that only names AI/ML skills from the outside (governance, infrastructure, sales, reporting)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.assess import assess
from skillradar.assess.practice import PRACTICE_FACTORS, find_practice
from skillradar.records import Document

from .._examples import examples
from .conftest import TODAY


@pytest.mark.parametrize("sentence", [
    "- Trained a random survival forest to compare against the Cox model.",
    "- Built the early-delinquency model for personal loans (gradient boosting in Python).",
    "- I fine-tuned a BERT-based intent classifier that routes tickets.",
    "- merchant default model (XGBoost, AUC 0.81)",  # a terse bullet without a verb
    "- Retrained our scoring model as a LightGBM ensemble with 600 features.",
    "- Served real-time predictions from our ranking model on SageMaker.",
    "- PD model for instalment loans. GBM (LightGBM), 410 features, monotone constraints.",  # terse, whole bullet
    "- Built the claims-fraud scoring model, trained on six years of investigated\n  outcomes.",
    "- Replaced manual approvals with a credit score I built (gradient boosting, monotonic constraints).",
    "- We pre-train a policy and value function on logged robot data.",
    "- Fitted a logistic regression and unit-tested the feature code.",  # a model beside a word of testing
])
def test_model_work_is_practice(sentence):
    assert find_practice("Experience\nML Engineer, Acme — 2021 – present\n" + sentence + "\n").count == 1


@pytest.mark.parametrize("sentence", [
    "- Review DPIAs and model cards for ML systems used by the model teams.",
    "- I read model documentation critically but do not build models.",
    "- Built the feature tables the data science team trains its ETA models on.",
    "- Rebuilt the Snowflake warehouse around dbt: 600+ models and tests.",
    "- Built three-statement financial models and monthly forecasts in Excel.",
    "- Developed layouts and computer simulation models of complex manufacturing facilities.",
    "- Designed the star-schema data model in Azure SQL and dbt.",
    "- Hired 31 machine learning engineers to build models for an LLM startup.",
    "- 150+ stories on AI labs, large language models and chip export rules.",
    "- Built the chat interface that calls the client's own model.",
    "- Set up the model-serving platform (KServe + Triton) that ML engineers deploy models to.",
    "- I run the serving infrastructure that our data\n  scientists deploy their models onto.",  # wrapped line
    "- Integrated on-device ML features that other teams trained (Core ML, ML Kit).",
    "- Build demos and proofs of concept for RAG use cases, and help close enterprise deals.",
    "- I build the models behind budgets, forecasts and investment cases.",
    "- Integrated the OpenAI API so support agents get a suggested summary; built the job queue.",
    "- Running the compute platform our data scientists train and serve their models on.",
    "- Built golden-path templates for model-serving services (Helm charts, dashboards).",
    "- Introduced policy-as-code with OPA Gatekeeper.",
    "- Published benchmark results (ResNet-50, BERT, LLM tokens/s) and turned them into battle cards.",
    "- I own the category for AI software: LLM APIs, ML platforms, copilots.",
    "- Good at turning model results into decisions and keeping engineering aligned.",
    # "regression" in software testing, not a model
    "- Designed test cases for integration, regression, and user acceptance testing (UAT).",
    "- Adding new automated tests to improve test coverage for both functional and regression.",
    "- Built the regression suite for the billing service.",
    "- Project: Demand forecasting. Skill set: Hadoop, Map Reduce, HDFS, Hive.",  # 'Map' is no MAP metric
])
def test_talk_near_models_is_not_practice(sentence):
    assert find_practice("Experience\nSomeone, Acme — 2021 – present\n" + sentence + "\n").count == 0


def test_a_skills_list_is_not_a_description():
    assert find_practice("Skills\nModel training, LLM fine-tuning, XGBoost, AUC\n").count == 0
    # a label opening the line, with a heading a text converter glued to its end
    one_line = ("TECHNICAL SKILLS • SQL • R, Python, linear regression, machine learning and statistical "
                "modelling techniques.Education Details \nB.Sc.\n")
    assert find_practice(one_line).count == 0


def test_naming_core_skills_without_model_work_earns_less():
    posting = Document(source="p.txt", kind="posting", text="Requirements\n- LLMs and RAG.\n- PyTorch.\n")
    near = ("Experience\nSRE, Lumora — 2023 – present\n- Run the GPU fleet for LLMs and RAG services in PyTorch "
            "containers; on-call for latency.\n")
    doer = near + "- Fine-tuned an LLM on support tickets and evaluated the RAG pipeline (recall@5 0.82).\n" \
                  "- Trained a PyTorch reranker model for the retrieval step.\n"
    a = assess(Document(source="a.txt", text=near), posting=posting, today=TODAY).to_dict()
    b = assess(Document(source="b.txt", text=doer), posting=posting, today=TODAY).to_dict()
    assert a["overall"] < b["overall"]
    why = {m["skill_id"]: m["why"] for m in a["matched"]}
    assert f"AI/ML practice ×{PRACTICE_FACTORS[0]:g}" in why["genai.llm"]
    assert "no sentence describes" in why["genai.llm"]
    assert all("AI/ML practice" not in m["why"] for m in b["matched"])


def test_practice_is_reported_with_spans_that_reproduce_the_resume(tmp_path):
    from skillradar.report.html import render_assessment_html
    from skillradar.report.markdown import render_assessment_markdown

    text = ("Jane Roe\njane@example.com\n\nExperience\nData Scientist, Acme — 2022 – present\n"
            "- Built the churn model (LightGBM, AUC 0.81) and retrained it monthly.\n- Python and SQL.\n")
    posting = Document(source="p.txt", kind="posting", text="Requirements\n- Machine learning, LightGBM, Python.\n")
    a = assess(Document(source="r.txt", text=text), posting=posting, today=TODAY)
    pr = a.to_dict()["practice"]
    assert pr["sentences"] == 1 and pr["factor"] == PRACTICE_FACTORS[1]
    for ev in pr["evidence"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]
    html = render_assessment_html(a)
    assert "<h2>AI/ML practice</h2>" in html and "Built the churn model" in html
    assert "## AI/ML practice" in render_assessment_markdown(a)
    bare = assess(Document(source="s.txt", text="Skills\nLightGBM, machine learning, Python\n"), posting=posting,
                  today=TODAY)
    assert "count at half weight" in render_assessment_html(bare)


_PIECES = ["Built", "trained", "the churn model", "XGBoost", "AUC 0.81", "the ML team", "do not", "Excel",
           "\n", "\n- ", "\n\n", ". ", "; ", "Skills\n", "Experience\n", "financial model", "é", "  ", "LLM",
           "fine-tuned", "for clients", "—", "(", ")"]


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_practice_spans_are_ordered_sentences_inside_the_text(pieces):
    text = " ".join(pieces)
    p = find_practice(text)
    ends = [0]
    for a, b in p.spans:
        assert ends[-1] <= a < b <= len(text)  # in order, not overlapping, inside the text
        assert "\n\n" not in text[a:b]  # a sentence never runs over a blank line
        ends.append(b)
    assert p.factor == PRACTICE_FACTORS[min(p.count, len(PRACTICE_FACTORS) - 1)]


def _practice_with_skills(taxonomy, text: str) -> int:
    from skillradar.assess.resume import understand_resume
    from skillradar.extract import extract_document

    doc = Document(source="r.txt", kind="resume", text=text)
    return understand_resume(extract_document(doc, taxonomy=taxonomy, kind="resume"), doc, taxonomy=taxonomy,
                             today=TODAY).practice.count


@pytest.mark.parametrize("project", [
    "• Sentiment Analysis   Python, NLP, Apache Spark service in IBM Bluemix.",  # real résumés' project lines
    "description - Text classification using Machine learning Algorithms with python.",
    "- Project: Face recognition for staff attendance, OpenCV.",
])
def test_a_project_named_after_a_modelling_task_is_practice(taxonomy, project):
    text = "Projects\nStudent projects, 2019 - 2020\n" + project + "\n"
    assert _practice_with_skills(taxonomy, text) == 1
    assert find_practice(text).count == 0  # the words alone do not say it: the skills named do


@pytest.mark.parametrize("line", [
    "- Rated and ranked LLM responses for helpfulness and accuracy (RLHF preference data), 4,000+ tasks.",
    "- Supervise 45 annotators working on bounding boxes, semantic segmentation and NER tagging.",
    "- Statistical analysis in SPSS and R: regression and factor analysis; segmentation with cluster analysis.",
    "- Sentiment analysis dashboards for the marketing team, from vendor NLP scores.",  # one AI/ML skill only
    # a wrapped sentence's next line is no project title
    "TPM at a frontier AI lab. I coordinate schedules across research and safety teams, fluent in the vocabulary of\n"
    "fine-tuning, evals and RLHF; my job is making sure the right people decide things on time.",
])
def test_naming_ai_tasks_in_other_work_is_not_practice(taxonomy, line):
    assert _practice_with_skills(taxonomy, "Experience\nSomeone, Acme — 2021 – present\n" + line + "\n") == 0
