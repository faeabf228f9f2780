"""Issue 13: roll-up through ``broader``, significance-ranked co-occurrence, thin data said in words."""

from __future__ import annotations

import json

import pytest

from skillradar.market import stats

TAXONOMY = """
name: rollup-test
version: "r1"
skills:
  - {id: genai.genai, label: Generative AI, family: technical, group: g}
  - {id: genai.llm, label: Large language models, family: technical, group: g, aliases: [LLM, LLMs], broader: [genai.genai]}
  - {id: genai.llama, label: Llama, family: technical, group: g, type: tool, broader: [genai.llm]}
  - {id: genai.rag, label: Retrieval-augmented generation, family: technical, group: g, aliases: [RAG]}
  - {id: lang.python, label: Python, family: technical, group: g, type: language}
"""


@pytest.fixture
def rollup_db(tmp_path):
    """Four postings: Llama alone, LLMs alone, Llama + LLMs, Python alone."""
    import pandas as pd

    from skillradar.market.ingest import ingest_files
    from skillradar.taxonomy import load_taxonomy

    tax_path = tmp_path / "tax.yaml"
    tax_path.write_text(TAXONOMY)
    tax = load_taxonomy(tax_path)
    texts = ["Requirements:\n- Experience with Llama.", "Requirements:\n- Experience with LLMs.",
             "Requirements:\n- LLMs, in particular Llama.", "Requirements:\n- Python."]
    path = tmp_path / "p.csv"
    pd.DataFrame({"description": texts}).to_csv(path, index=False)
    db = tmp_path / "r.duckdb"
    ingest_files([path], db=db, taxonomy=tax)
    return db


def test_rollup_counts_broader_once_per_posting(rollup_db):
    rows = {r["skill_id"]: r for r in stats.top(rollup_db)}
    assert rows["genai.llama"]["postings"] == 2 and rows["genai.llama"]["via_narrower"] == 0
    assert rows["genai.llm"]["postings"] == 3 and rows["genai.llm"]["via_narrower"] == 1
    assert rows["genai.genai"]["postings"] == 3 and rows["genai.genai"]["via_narrower"] == 3
    assert rows["genai.llm"]["share"] == 3 / 4 and rows["genai.llm"]["total"] == 4
    old = {r["skill_id"]: r for r in stats.top(rollup_db, rollup=False)}
    assert old["genai.llm"]["postings"] == 2 and "genai.genai" not in old
    assert all(r["via_narrower"] == 0 for r in old.values())


def test_rollup_in_trends_and_monthly_and_cli(rollup_db, capsys):
    from skillradar.cli import main

    assert {r["skill_id"] for r in stats.monthly(rollup_db, top_n=10)} == set()  # undated: no months
    assert main(["market", "top", "--db", str(rollup_db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert list(rows[0]) == stats.TOP_COLUMNS and "via_narrower" in rows[0]
    assert {r["skill_id"]: r["postings"] for r in rows}["genai.llm"] == 3
    assert main(["market", "top", "--db", str(rollup_db), "--no-rollup", "--format", "json"]) == 0
    assert {r["skill_id"]: r["postings"] for r in json.loads(capsys.readouterr().out)}["genai.llm"] == 2

