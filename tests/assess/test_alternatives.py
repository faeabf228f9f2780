"""Skills a posting offers as alternatives ("PyTorch or TensorFlow"): found, weighed once, met by any one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.assess import assess, build_target
from skillradar.assess.alternatives import alternative_groups
from skillradar.extract import extract_document
from skillradar.records import Document

from .._examples import examples
from .conftest import TODAY

# unambiguous names of distinct skills, as a posting would write them
NAMES = {"PyTorch": "fw.pytorch", "TensorFlow": "fw.tensorflow", "JAX": "fw.jax", "Keras": "fw.keras",
         "AWS": "cloud.aws", "Azure": "cloud.azure", "Tableau": "viz.tableau", "Snowflake": "db.snowflake",
         "Kubernetes": "mlops.kubernetes", "scikit-learn": "fw.scikit-learn"}


def _groups(taxonomy, line: str, group_of=None):
    text = "Requirements\n" + line + "\n"
    ex = extract_document(Document(source="p.txt", text=text, kind="posting"), taxonomy=taxonomy, kind="posting")
    return [set(g) for g in alternative_groups(text, ex.mentions, group_of)]


@pytest.mark.parametrize("line, expected", [
    ("- 2+ years with Python (pandas, scikit-learn) or R.", [{"lang.python", "lang.r"}]),
    ("- Data visualization (Tableau, matplotlib or ggplot2) and clear communication.",
     [{"viz.tableau", "viz.matplotlib", "viz.ggplot2"}]),
    ("- AWS, GCP or Azure; Docker.", [{"cloud.aws", "cloud.gcp", "cloud.azure"}]),
    ("- PyTorch and TensorFlow.", []),
    ("- Python, SQL, and Spark.", []),
    ("- PyTorch or JAX (TensorFlow a plus).", [{"fw.pytorch", "fw.jax"}]),
])
def test_alternative_lists(taxonomy, line, expected):
    assert _groups(taxonomy, line) == expected


def _related_groups(taxonomy, text: str):
    """Groups read with the taxonomy's groups and ``broader`` relation, as targets read them."""
    from skillradar.assess.score import narrower_ids

    ex = extract_document(Document(source="p.txt", text=text, kind="posting"), taxonomy=taxonomy, kind="posting")
    return [set(g) for g in alternative_groups(text, ex.mentions, lambda s: taxonomy.get(s).group,
                                               lambda a, b: a in narrower_ids(taxonomy, b))]


@pytest.mark.parametrize("line, expected", [
    # "or similar" after a list, with two words for one item ("OpenAI GPT") and LLaMA in its own case
    ("- Hands-on experience with large language models (PaLM, OpenAI GPT, LLaMA, or similar).",
     [{"genai.llm", "genai.gemini", "genai.openai-api", "genai.gpt", "genai.llama"}]),
    # an item we do not know still belongs to the choice
    ("- Hands-on experience with large language models (PaLM, OpenAI GPT, Falcon-X, or similar).",
     [{"genai.llm", "genai.gemini", "genai.openai-api", "genai.gpt"}]),
    ("- Experience with vector databases (ChromaDB, Pinecone, pgvector, or similar).",
     [{"db.vector-databases", "db.chroma", "db.pinecone", "db.pgvector"}]),
    ("- Experience with AWS, GCP, or other cloud providers.", [{"cloud.aws", "cloud.gcp"}]),
    ("- PyTorch, TensorFlow or equivalent.", [{"fw.pytorch", "fw.tensorflow"}]),
    # "or other" a category: the category is a choice too, with the example it gives (real postings' lines)
    ("- Experience working with Kubeflow Pipelines or other MLOps tools like MLFlow.",
     [{"mlops.kubeflow", "mlops.mlops", "mlops.mlflow"}]),
    ("- Experience with Databricks, Kafka (or other message brokers)", [{"data.kafka", "se.message-queues"}]),
    # a category and its example without an "or" is no choice
    ("- Experience with machine learning frameworks like PyTorch.", []),
    ("- PyTorch or TensorFlow, and cloud platforms like AWS.", [{"fw.pytorch", "fw.tensorflow"}]),
    # a lead-in that offers a choice or examples
    ("- Cloud experience, e.g. AWS, GCP.", [{"cloud.cloud-computing", "cloud.aws", "cloud.gcp"}]),
    ("- Cloud platforms such as AWS and Azure.", [{"cloud.cloud-computing", "cloud.aws", "cloud.azure"}]),
    ("- Experience with at least one of Docker, Kubernetes.", [{"mlops.docker", "mlops.kubernetes"}]),
    ("- Any of: TensorFlow, PyTorch, JAX.", [{"fw.tensorflow", "fw.pytorch", "fw.jax"}]),
    ("- Experience with one of Tableau, Power BI.", [{"viz.tableau", "viz.power-bi"}]),
    # an "and" to another kind of skill ends the examples (a real posting's line)
    ("- Hands-on experience with machine learning frameworks such as PyTorch and big data technologies.", []),
    ("- Specialization in at least one of ML areas (Recommendation systems; NLP; computer vision, time-series).",
     [{"ml.recommender-systems", "nlp.nlp", "cv.computer-vision", "stats.time-series-analysis"}]),
    # no choice: "and" lists stay requirements; an "and" ends an "or" choice
    ("- Python, SQL, and Spark.", []),
    ("- PyTorch or JAX and Docker.", [{"fw.pytorch", "fw.jax"}]),
    ("- Experience in Python and SQL; Tableau or Power BI.", [{"viz.tableau", "viz.power-bi"}]),
])
def test_choices_and_examples_are_alternatives(taxonomy, line, expected):
    assert _related_groups(taxonomy, "Requirements\n" + line + "\n") == expected


@pytest.mark.parametrize("text, expected", [
    # "Haystack" (an everyday word too) counts as a short item listed below other tools
    ("Requirements\n- Familiarity with one or more of the following:\n  - LangChain\n  - LlamaIndex\n  - Haystack\n"
     "- Strong communication skills and Python.\n", {"fw.langchain", "fw.llamaindex", "fw.haystack"}),
    ("Requirements\n- Familiarity with one or more of the following:\n- LangChain\n- LlamaIndex\n"
     "- Strong communication skills and Python.\n", {"fw.langchain", "fw.llamaindex"}),
    ("Nice to have, any of the following:\n\n* LangChain\n\n* LlamaIndex\n\nAbout us\nWe love Python.\n",
     {"fw.langchain", "fw.llamaindex"}),
])
def test_bullets_under_a_choice_are_one_group(taxonomy, text, expected):
    assert _related_groups(taxonomy, text) == [expected]


def test_a_slash_makes_alternatives_only_within_one_kind_of_skill(taxonomy):
    def group_of(skill_id):
        return taxonomy.get(skill_id).group

    assert _groups(taxonomy, "- PyTorch/TensorFlow, Kubernetes.", group_of) == [{"fw.pytorch", "fw.tensorflow"}]
    assert _groups(taxonomy, "- Python/SQL.", group_of) == []  # usually means both
    assert _groups(taxonomy, "- PyTorch/TensorFlow.") == []  # without groups a slash is never enough


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(st.sampled_from(sorted(NAMES)), min_size=2, max_size=5, unique=True),
       st.sampled_from(["or", "and"]))
def test_a_list_is_alternatives_exactly_when_it_says_or(taxonomy, names, word):
    line = "- Experience with " + ", ".join(names[:-1]) + f" {word} " + names[-1] + "."
    found = _groups(taxonomy, line)
    if word == "or":
        assert found == [{NAMES[n] for n in names}]
    else:
        assert found == []


def _posting(text: str) -> Document:
    return Document(source="p.txt", text=text, kind="posting")


def test_alternatives_share_one_weight_and_any_one_meets_them(taxonomy):
    both = build_target(posting=_posting("Requirements\n- PyTorch and TensorFlow.\n- Python.\n"), taxonomy=taxonomy)
    either = build_target(posting=_posting("Requirements\n- PyTorch or TensorFlow.\n- Python.\n"), taxonomy=taxonomy)
    w_both = {t.skill_id: t.weight for t in both.skills}
    w_either = {t.skill_id: t for t in either.skills}
    assert w_either["fw.pytorch"].weight == pytest.approx(w_both["fw.pytorch"] / 2)
    assert w_either["fw.tensorflow"].alternatives == ("fw.pytorch",)
    assert "one of 2 alternatives" in w_either["fw.tensorflow"].why

    resume = Document(source="r.txt", text="Experience\nML Engineer, Acme — 2022 – present\n"
                      "- Trained detection models in PyTorch.\n- Python services.\n")
    a_both = assess(resume, posting=both, taxonomy=taxonomy, today=TODAY)
    a_either = assess(resume, posting=either, taxonomy=taxonomy, today=TODAY)
    assert a_either.overall > a_both.overall
    assert "fw.tensorflow" not in {g.skill_id for g in a_either.gaps}
    assert "fw.tensorflow" in {g.skill_id for g in a_both.gaps}
    row = next(m for m in a_either.to_dict()["matched"] if m["skill_id"] == "fw.tensorflow")
    assert row["via"] == "fw.pytorch" and "accepts PyTorch instead" in row["why"]
    for ev in row["evidence"]:  # the evidence is the alternative's, and reproduces the résumé text
        assert resume.text[ev["start"]:ev["end"]] == ev["text"] == "PyTorch"


def test_a_skill_also_asked_for_on_its_own_is_not_an_alternative(taxonomy):
    target = build_target(posting=_posting("Requirements\n- Python.\n- Python or R for analysis.\n"),
                          taxonomy=taxonomy)
    by_id = {t.skill_id: t for t in target.skills}
    assert by_id["lang.python"].alternatives == ()  # wanted for itself, at its full weight
    assert by_id["lang.r"].alternatives == ("lang.python",)  # met by Python, which is wanted anyway


def test_a_narrower_skill_meets_its_broader_one(taxonomy):
    """Fine-tuning Llama is LLM work: the taxonomy's ``broader`` relation makes LLMs met, not a gap."""
    from skillradar.assess.score import narrower_ids

    assert {"genai.llama", "genai.gpt"} <= narrower_ids(taxonomy, "genai.llm")
    assert "genai.llama" in narrower_ids(taxonomy, "genai.generative-ai")  # through LLMs
    posting = _posting("Requirements\n- Experience with LLMs and vector databases.\n")
    resume = Document(source="r.txt", text="Experience\nAI Engineer, Acme — 2023 – present\n"
                      "- Fine-tuned Llama 3 models on support tickets; built retrieval over pgvector.\n")
    a = assess(resume, posting=posting, taxonomy=taxonomy, today=TODAY)
    assert {"genai.llm", "db.vector-databases"}.isdisjoint({g.skill_id for g in a.gaps})
    rows = {m["skill_id"]: m for m in a.to_dict()["matched"]}
    assert rows["genai.llm"]["via"] == "genai.llama" and "a kind of Large language models" in rows["genai.llm"]["why"]
    for ev in rows["db.vector-databases"]["evidence"]:
        assert resume.text[ev["start"]:ev["end"]] == ev["text"]


def test_a_stronger_kind_counts_over_a_weak_direct_mention(taxonomy):
    """"LLMs" only in the skills list, Llama fine-tuned in a project: the project is the evidence."""
    posting = _posting("Requirements\n- Experience with LLMs.\n")
    resume = Document(source="r.txt", text="Experience\nAI Engineer, Acme — 2024 – present\n"
                      "- Fine-tuned Llama 3 models on support tickets.\nSkills\nLLMs, Python\n")
    a = assess(resume, posting=posting, taxonomy=taxonomy, today=TODAY)
    row = next(m for m in a.to_dict()["matched"] if m["skill_id"] == "genai.llm")
    assert row["via"] == "genai.llama" and row["credit"] > 0.6  # the listed "LLMs" alone would give 0.6 at most


def test_any_kind_of_the_broader_skill_meets_an_example_list(taxonomy):
    """"vector databases (Pinecone, pgvector, or similar)": FAISS is a similar one."""
    posting = _posting("Requirements\n- Experience with vector databases (Pinecone, pgvector, or similar).\n")
    resume = Document(source="r.txt", text="Experience\nML Engineer, Acme — 2024 – present\n"
                      "- Built semantic search over FAISS indexes.\n")
    a = assess(resume, posting=posting, taxonomy=taxonomy, today=TODAY)
    assert not a.gaps
    rows = {m["skill_id"]: m for m in a.to_dict()["matched"]}
    assert rows["db.pinecone"]["via"] == "db.faiss" and "a kind of Vector databases" in rows["db.pinecone"]["why"]
