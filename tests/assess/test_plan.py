"""The learning plan teaches only what is missing, one skill per choice, and people read labels, not ids."""

from __future__ import annotations

import re

from skillradar.assess import assess
from skillradar.records import Document

from .conftest import TODAY

RESUME = Document(source="r.txt", kind="resume", text=(
    "Experience\nData Analyst, FinServ — 2022 – Present\n"
    "- Built a RAG assistant over ChromaDB with GPT-4; evaluated retrieval quality.\n"
    "- Automated weekly reporting in Python.\n"))


def _posting(text: str) -> Document:
    return Document(source="p.txt", kind="posting", text=text)


def test_the_plan_never_teaches_a_skill_the_resume_shows_through_a_narrower_one(taxonomy):
    """pgvector builds on vector databases; Chroma is a vector database, so only PostgreSQL is to learn first."""
    a = assess(RESUME, posting=_posting("Requirements\n- Experience with pgvector.\n- Python.\n"),
               taxonomy=taxonomy, today=TODAY)
    plan = {p.skill_id: p for p in a.plan}
    assert "db.pgvector" in plan and "db.postgresql" in plan
    assert "db.vector-databases" not in plan
    assert plan["db.pgvector"].prerequisites_met == ("db.vector-databases",)
    gap = next(g for g in a.gaps if g.skill_id == "db.pgvector")
    assert "1 of 2 prerequisites shown (Vector databases)" in gap.reason  # a label, not an id


def test_one_gap_and_one_skill_to_learn_per_choice_the_posting_offers(taxonomy):
    a = assess(RESUME, posting=_posting("Requirements\n- Orchestration tools such as Airflow, Prefect, or Dagster.\n"
                                        "- Python.\n"), taxonomy=taxonomy, today=TODAY)
    options = {"mlops.airflow", "data.prefect", "data.dagster"}
    rows = [g for g in a.gaps if g.skill_id in options | {a for g in a.gaps for a in g.alternatives}]
    assert len(rows) == 1  # one choice, one gap: any one of them meets it
    gap = rows[0]
    assert gap.skill_id == "mlops.airflow" and set(gap.alternatives) == options - {"mlops.airflow"}
    assert gap.display == "Apache Airflow (or Dagster, Prefect)"
    assert a.to_dict()["gaps"][0]["alternatives_labels"] == ["Dagster", "Prefect"]
    chosen = [p for p in a.plan if p.skill_id in options]
    assert len(chosen) == 1 and "would do instead" in chosen[0].why
    assert chosen[0].skill_id == "mlops.airflow" and chosen[0].resources  # the one with something to read


def test_of_equal_options_the_gap_names_the_one_the_posting_names_first(taxonomy):
    a = assess(RESUME, posting=_posting("Requirements\n- Familiarity with one or more of the following:\n"
                                        "  - PyTorch\n  - TensorFlow\n  - JAX\n"), taxonomy=taxonomy, today=TODAY)
    assert [(g.skill_id, g.alternatives) for g in a.gaps] == [("fw.pytorch", ("fw.jax", "fw.tensorflow"))]


def test_an_option_also_wanted_on_its_own_is_the_one_gap_and_says_what_it_closes(taxonomy):
    """"Python or R", Python also asked for on its own line: learning Python meets both."""
    resume = Document(source="r.txt", kind="resume", text="Experience\nAnalyst, Acme — 2022 – Present\n"
                                                           "- Built Tableau dashboards.\n")
    a = assess(resume, posting=_posting("Requirements\n- Strong Python or R skills.\n- Python 3 on Linux.\n"),
               taxonomy=taxonomy, today=TODAY)
    by_id = {g.skill_id: g for g in a.gaps}
    assert "lang.r" not in by_id and "lang.python" in by_id
    assert "learning it also meets R" in by_id["lang.python"].reason


def test_missing_core_skills_come_before_missing_soft_skills(taxonomy):
    """Without market figures a posting's gaps are ordered by the same AI/ML centrality as its score."""
    resume = Document(source="r.txt", kind="resume", text="Experience\nAnalyst, Acme — 2022 – Present\n"
                                                           "- Built Tableau dashboards.\n")
    a = assess(resume, posting=_posting("Requirements\n- Excellent communication skills.\n- Kubernetes.\n\n"
                                        "Nice to have\n- PyTorch.\n"), taxonomy=taxonomy, today=TODAY)
    by_id = {g.skill_id: g for g in a.gaps}
    assert by_id["fw.pytorch"].requirement == "preferred" and by_id["soft.communication"].requirement == "required"
    order = [g.skill_id for g in a.gaps]
    assert order.index("fw.pytorch") < order.index("mlops.kubernetes") < order.index("soft.communication")


def test_people_read_labels_and_the_json_keeps_ids_with_labels(taxonomy, tmp_path):
    from skillradar.report.html import render_assessment_html
    from skillradar.report.markdown import render_assessment_markdown

    posting = _posting("Requirements\n- pgvector and Kubernetes.\n- LLMs (PaLM, OpenAI GPT, or similar).\n"
                       "- PyTorch or TensorFlow.\n")
    a = assess(RESUME, posting=posting, taxonomy=taxonomy, today=TODAY)
    d = a.to_dict()
    steps = [p for p in d["plan"] if p["after"]]
    assert steps and all(len(p["after_labels"]) == len(p["after"]) for p in steps)
    assert all(taxonomy.get(i).label == lab for p in steps for i, lab in zip(p["after"], p["after_labels"]))
    via = [m for m in d["matched"] if m.get("via")]
    assert via and all(m["via_label"] == taxonomy.get(m["via"]).label for m in via)

    ids = re.compile(r"(?<![\w/.#-])(?:" + "|".join(re.escape(s.id) for s in taxonomy) + r")(?![\w-])")
    for shown in (render_assessment_markdown(a), _table(a), _visible(render_assessment_html(a))):
        assert not ids.findall(shown)


def _table(a) -> str:
    from rich.console import Console

    from skillradar.cli import assess_cmd

    console = Console(record=True, width=200, force_terminal=False)
    old = assess_cmd.stdout
    assess_cmd.stdout = console
    try:
        assess_cmd._print_assessment(a)
    finally:
        assess_cmd.stdout = old
    return console.export_text()


def _visible(html: str) -> str:
    """The text a reader sees: no tags, no style sheet."""
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)
