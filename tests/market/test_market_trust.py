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



def _fisher_rows(db, **kw):
    from scipy.stats import fisher_exact
    from statsmodels.stats.multitest import multipletests

    rows = stats.cooccur(db, **kw)
    p = []
    for r in rows:
        n, a, b, both = r["total"], r["postings_skill"], r["postings_other"], r["both"]
        p.append(fisher_exact([[both, a - both], [b - both, n - a - b + both]], alternative="greater")[1])
    return rows, p, (multipletests(p, method="fdr_bh")[1] if p else [])


def test_cooccur_min_support_fisher_and_bh(corpus_db):
    db, _s = corpus_db
    skill = stats.top(db)[0]["skill_id"]
    rows, p, q = _fisher_rows(db, skill=skill)
    assert rows and all(r["both"] >= 3 for r in rows)
    assert rows == sorted(rows, key=lambda r: (r["q_value"], r["p_value"], -r["lift"], r["other_id"]))
    for r, pi, qi in zip(rows, p, q):
        assert r["p_value"] == pytest.approx(pi, rel=1e-6, abs=1e-12)
        assert r["q_value"] == pytest.approx(qi, rel=1e-6, abs=1e-12)
        assert r["lift"] == pytest.approx(r["both"] * r["total"] / (r["postings_skill"] * r["postings_other"]))
    every = stats.cooccur(db, skill=skill, min_both=1)
    assert {r["other_id"] for r in stats.cooccur(db, skill=skill, min_both=60)} == {
        r["other_id"] for r in every if r["both"] >= 60} != {r["other_id"] for r in every}
    by_lift = stats.cooccur(db, skill=skill, sort="lift")
    assert by_lift == sorted(by_lift, key=lambda r: (-r["lift"], r["other_id"]))
    for bad in ({"min_both": 0}, {"sort": "p"}):
        with pytest.raises(Exception) as err:
            stats.cooccur(db, skill=skill, **bad)
        assert getattr(err.value, "code", "") == "bad_usage"


def test_pairs_below_support_are_not_shown_nor_tested(rollup_db):
    assert stats.cooccur(rollup_db, skill="genai.llama") == []  # seen together once only
    (row,) = stats.cooccur(rollup_db, skill="genai.llama", min_both=1)
    assert (row["other_id"], row["both"], row["q_value"]) == ("genai.llm", 1, row["p_value"])


def test_cooccur_skill_by_label_or_alias_with_suggestions(corpus_db):
    db, _s = corpus_db
    assert stats.cooccur(db, skill="rag", min_both=1)[0]["skill_id"] == "genai.rag"
    assert stats.cooccur(db, skill="Retrieval-Augmented Generation", min_both=1)[0]["skill_id"] == "genai.rag"
    assert stats.cooccur(db, skill="GENAI.RAG", min_both=1)[0]["skill_id"] == "genai.rag"
    from skillradar.errors import UsageError

    with pytest.raises(UsageError) as err:
        stats.cooccur(db, skill="Retrieval augmented generaton")
    assert err.value.code == "unknown_skill" and "genai.rag" in str(err.value)
    with pytest.raises(UsageError) as err:
        stats.cooccur(db, skill="Pyhton")
    assert "lang.python" in str(err.value)


def test_cooccur_cli_says_what_it_did(corpus_db, capsys):
    from skillradar.cli import main

    db, _s = corpus_db
    assert main(["market", "cooccur", "--db", str(db), "--skill", "RAG", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert isinstance(rows, list) and rows[0]["skill_id"] == "genai.rag" and "q_value" in rows[0]
    assert main(["market", "cooccur", "--db", str(db), "--skill", "RAG", "--min-both", "100000"]) == 0
    assert "no skill appears with RAG in at least 100000 postings" in capsys.readouterr().err
    assert main(["market", "cooccur", "--db", str(db), "--skill", "Ragg"]) == 2
    assert "genai.rag" in capsys.readouterr().err
    assert main(["market", "cooccur", "--db", str(db), "--skill", "rag", "--sort", "nope"]) == 2


def test_cooccur_says_when_nothing_is_significant(rollup_db, capsys):
    from skillradar.cli import main

    assert main(["market", "cooccur", "--db", str(rollup_db), "--skill", "llama", "--min-both", "1"]) == 0
    err = capsys.readouterr().err
    assert "nothing significant" in err and "q < 0.05" in err


@pytest.fixture
def thin_db(tmp_path, mtax):
    """30 postings in 2024-01, 2 in 2024-02, none in 2024-03, 30 in 2024-04; Python in a third of them."""
    import pandas as pd

    from skillradar.market.ingest import ingest_files

    rows = []
    for month, n in (("2024-01", 30), ("2024-02", 2), ("2024-04", 30)):
        for i in range(n):
            skill = "Python" if i % 3 == 0 else "SQL"
            rows.append({"description": f"Posting {month} number {i}. Requirements:\n- {skill}.",
                         "date": f"{month}-{1 + i % 28:02d}"})
    path = tmp_path / "t.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    db = tmp_path / "t.duckdb"
    ingest_files([path], db=db, taxonomy=mtax, near_dup_threshold=1.0)
    return db


def test_monthly_flags_thin_months(thin_db):
    rows = stats.monthly(thin_db, skills=["lang.python"])
    assert [(r["month"], r["total"], r["thin"]) for r in rows] == [
        ("2024-01", 30, False), ("2024-02", 2, True), ("2024-04", 30, False)]
    assert [r["thin"] for r in stats.monthly(thin_db, skills=["lang.python"], min_postings=2)] == [False] * 3
    assert list(rows[0]) == stats.MONTHLY_COLUMNS


def test_trends_cli_says_thin_data_and_nothing_significant_in_words(thin_db, capsys):
    from skillradar.cli import main

    assert main(["market", "trends", "--db", str(thin_db), "--monthly", "--skill", "lang.python"]) == 0
    cap = capsys.readouterr()
    assert "fewer than 20 postings" in cap.out and "thin" in cap.out
    assert "1 of 3 months are thin" in cap.err and "2024-02" in cap.err
    assert main(["market", "trends", "--db", str(thin_db), "--split", "2024-02-01", "--format", "json"]) == 0
    cap = capsys.readouterr()
    assert isinstance(json.loads(cap.out), list)
    assert "nothing significant" in cap.err and "q < 0.05" in cap.err
    assert "thin_split" not in cap.err  # 30 before, 32 after
    assert main(["market", "trends", "--db", str(thin_db), "--split", "2024-04-01", "--min-postings", "40"]) == 0
    err = capsys.readouterr().err
    assert "thin_split" in err and "32 postings before 2024-04-01 with 30" in err and "fewer than 40" in err


def test_monthly_chart_leaves_gaps_and_shows_n(thin_db, tmp_path):
    import matplotlib

    matplotlib.use("Agg", force=True)
    import math

    from matplotlib import pyplot as plt

    from skillradar.report import charts

    captured = {}
    original = plt.Figure.savefig

    def keep(fig, *a, **kw):
        captured["fig"] = fig
        return original(fig, *a, **kw)

    rows = stats.monthly(thin_db, skills=["lang.python", "data.sql"])
    plt.Figure.savefig = keep
    try:
        charts.trend_chart(rows, tmp_path / "m.png")
    finally:
        plt.Figure.savefig = original
    assert (tmp_path / "m.png").stat().st_size > 1000
    ax, axn = captured["fig"].axes[:2]
    for line in ax.get_lines():
        y = list(line.get_ydata())
        if len(y) == 4:  # 2024-01 … 2024-04: a gap at the thin month and at the empty one
            assert not math.isnan(y[0]) and math.isnan(y[1]) and math.isnan(y[2]) and not math.isnan(y[3])
    assert sum(len(line.get_ydata()) == 4 for line in ax.get_lines()) == 2
    assert [p.get_height() for p in axn.patches] == [30, 2, 0, 30]
    assert "fewer than 20" in ax.get_title()
