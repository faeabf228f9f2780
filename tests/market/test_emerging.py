"""Emerging skills: planted terms outside the taxonomy are found (rising) or not (flat, falling), only
demand text counts, spellings meet, and the curator loop (discover, accept, re-extract) closes."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from skillradar.errors import UsageError
from skillradar.market.emerging import EMERGING_COLUMNS, emerging_terms
from skillradar.market.phrases import candidates, normalise

PLANTED = {"Quillstream": (0.03, 0.35), "causal trace auditing": (0.02, 0.30), "Brindlewood": (0.2, 0.2),
           "Oldfangle": (0.30, 0.03)}


@pytest.fixture(scope="module")
def planted(mtax, tmp_path_factory):
    """(db, truth, planted truth): 600 synthetic postings with four terms the taxonomy lacks."""
    from skillradar.market.ingest import ingest_files
    from skillradar.market.synthetic import generate, write_corpus
    from skillradar.market.synthetic_terms import plant_terms

    rows, truth = generate(600, seed=7, taxonomy=mtax)
    rows, terms = plant_terms(rows, PLANTED, seed=7)
    folder = tmp_path_factory.mktemp("planted")
    write_corpus(rows, folder / "p.csv")
    db = folder / "p.duckdb"
    ingest_files([folder / "p.csv"], db=db, taxonomy=mtax)
    return db, truth, terms


def test_planted_rising_terms_are_found_and_flat_or_falling_ones_are_not(planted, mtax):
    db, truth, terms = planted
    assert all(t["postings"] > 30 for t in terms.values())
    result = emerging_terms(db)
    rows = {r["key"]: r for r in result["rows"]}
    significant = {k for k, r in rows.items() if r["q_value"] < 0.05}
    assert {"quillstream", "causal trace auditing"} <= significant
    assert "brindlewood" not in significant and "oldfangle" not in rows  # rows are rising terms only
    assert significant == {"quillstream", "causal trace auditing"}  # template words do not rise
    assert result["tested"] >= 4 and result["undated"] == 0
    assert abs(result["total_before"] - result["total_after"]) <= 20  # the median date halves the corpus
    q = rows["quillstream"]
    assert list(q) == EMERGING_COLUMNS and q["term"] == "Quillstream"
    assert q["postings_before"] + q["postings_after"] == q["postings"]
    assert q["share_after"] == q["postings_after"] / q["total_after"] and q["test"] in ("z", "fisher")
    assert len(q["examples"]) == 3 and all("Quillstream" in e["text"] and e["posting_id"].startswith("syn-7-")
                                           for e in q["examples"])
    # never a taxonomy skill, although the corpus plants rising and falling ones
    forms = {normalise(f.split()) for s in mtax.skills for f in (s.label, *s.aliases)}
    assert not forms & set(rows) and truth["rising"]


def test_the_same_statistics_as_trends(planted):
    """One planted term recounted by hand and tested with the trends' own functions."""
    import duckdb
    from statsmodels.stats.multitest import multipletests

    from skillradar.market.stats import _two_proportion_p

    db, _truth, _terms = planted
    result = emerging_terms(db)
    split = result["split"]
    con = duckdb.connect(str(db), read_only=True)
    before, after = con.execute(
        "SELECT count(*) FILTER (WHERE date < CAST(? AS DATE) AND text LIKE '%Quillstream%'), "
        "count(*) FILTER (WHERE date >= CAST(? AS DATE) AND text LIKE '%Quillstream%') FROM postings",
        [split, split]).fetchone()
    con.close()
    row = next(r for r in result["rows"] if r["key"] == "quillstream")
    assert (row["postings_before"], row["postings_after"]) == (before, after)
    p, _tests = _two_proportion_p([before], result["total_before"], [after], result["total_after"])
    assert row["p_value"] == pytest.approx(float(p[0]))
    ps = [r["p_value"] for r in result["rows"]]
    assert row["q_value"] >= row["p_value"] and multipletests(ps, method="fdr_bh")[1][0] <= 1


def test_only_text_that_asks_for_skills_is_read():
    text = ("Data Engineer at Nimbus Labs\n\nAbout us:\nNimbus Labs builds Zephyrgrid for hospitals.\n\n"
            "Requirements:\n- Hands-on experience with Quillstream\n- Strong knowledge of causal-trace auditing\n\n"
            "What we offer:\n- A Cloudberry wellness allowance\n- Free Lunchly meals\n\n"
            "We are an equal opportunity employer and welcome Trellisworth applicants.\n")
    keys = {o.key for o in candidates(text, company="Nimbus Labs")[0]}
    assert {"quillstream", "causal trace auditing"} <= keys
    assert not keys & {"zephyrgrid", "cloudberry", "lunchly", "trellisworth", "nimbus lab", "nimbus"}
    assert not keys & {"hands on experience", "strong knowledge", "experience"}  # the asking words


def test_spellings_of_one_term_meet():
    assert normalise(["Vector", "Stores"]) == normalise(["vector", "store"]) == "vector store"
    assert normalise(["causal-trace", "auditing"]) == normalise(["causal", "trace", "auditing"])
    assert normalise(["GPT-4o"]) == normalise(["GPT", "4o"]) == normalise(["gpt4o"]) == "gpt4o"
    assert normalise(["Quillstream's"]) == normalise(["QUILLSTREAM"]) == "quillstream"
    assert normalise(["processes"]) == "process" and normalise(["libraries"]) == "library"
    assert normalise(["analytics"]) == "analytics" and normalise(["business"]) == "business"


def test_tool_shaped_words_and_ordinary_words(tmp_path):
    text = "Requirements:\n- Experience with vLLM, DSPy and Node.js\n- Design of reliable systems\n"
    occ = {o.key: o.kind for o in candidates(text)[0]}
    assert occ.get("vllm") == "tool" and occ.get("dspy") == "tool" and occ.get("node.js") == "tool"
    assert "design" not in occ and "reliable system" not in occ  # a bullet's first word; only common words


def _dated_db(tmp_path, mtax, dates, texts=None):
    from skillradar.market.ingest import ingest_files

    texts = texts or [f"Requirements:\n- Experience with Quillstream number {i}" for i in range(len(dates))]
    path = tmp_path / "d.csv"
    pd.DataFrame({"id": [f"x{i}" for i in range(len(dates))], "date": dates, "description": texts}).to_csv(path, index=False)
    db = tmp_path / "d.duckdb"
    ingest_files([path], db=db, taxonomy=mtax, near_dup_threshold=1.0)
    return db


def test_periods_need_dates(tmp_path, mtax):
    with pytest.raises(UsageError, match="has a date"):
        emerging_terms(_dated_db(tmp_path, mtax, [None] * 4))
    (tmp_path / "b").mkdir()
    with pytest.raises(UsageError, match="same date"):
        emerging_terms(_dated_db(tmp_path / "b", mtax, ["2024-01-01"] * 4))
    (tmp_path / "c").mkdir()
    db3 = _dated_db(tmp_path / "c", mtax, ["2024-01-01", "2024-02-01"])
    with pytest.raises(UsageError, match="no dated postings before"):
        emerging_terms(db3, split="2023-01-01")
    with pytest.raises(UsageError, match="min_postings"):
        emerging_terms(db3, min_postings=0)


def test_cli_json_and_nothing_significant_said_in_words(planted, corpus_db, capsys):
    from skillradar.cli import main

    db = planted[0]
    assert main(["market", "emerging", "--db", str(db), "--format", "json"]) == 0
    out = capsys.readouterr()
    rows = json.loads(out.out)
    assert [r["term"] for r in rows] == ["Quillstream", "causal trace auditing"]
    assert list(rows[0]) == EMERGING_COLUMNS and "tested" in out.err and "split" in out.err
    assert main(["market", "emerging", "--db", str(corpus_db[0])]) == 0
    err = capsys.readouterr().err
    assert "nothing significant: no term outside the taxonomy rose at q < 0.05" in err
    assert main(["market", "emerging", "--db", str(db), "--q", "0"]) == 2
    assert main(["market", "emerging", "--db", str(db), "--all", "--format", "csv", "--limit", "3"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 4


def test_curator_loop_accept_then_reextract_removes_the_term(planted, mtax, taxonomy_file, tmp_path, capsys):
    import shutil

    from skillradar.cli import main
    from skillradar.market.stats import top

    db = tmp_path / "copy.duckdb"
    shutil.copy(planted[0], db)
    ext = tmp_path / "my-skills.yaml"
    assert main(["taxonomy", "accept", "Quillstream", "--family", "technical", "--broader", "genai.llm",
                 "--type", "tool", "--into", str(ext), "--base", str(taxonomy_file)]) == 0
    assert "ext.quillstream" in capsys.readouterr().out
    # named by the extension, the term is no longer proposed even before the postings are recounted
    result = emerging_terms(db, taxonomy=str(ext))
    assert "quillstream" not in {r["key"] for r in result["rows"]}
    assert main(["market", "reextract", "--db", str(db), "--taxonomy", str(ext)]) == 0
    capsys.readouterr()
    assert "quillstream" not in {r["key"] for r in emerging_terms(db)["rows"]}
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    stored = con.execute("SELECT count(*) FROM postings WHERE text LIKE '%Quillstream%'").fetchone()[0]
    con.close()
    counted = {r["skill_id"]: r for r in top(db)}
    assert counted["ext.quillstream"]["postings"] == stored > 30
    assert counted["genai.llm"]["via_narrower"] > 0  # Quillstream postings count toward LLMs through broader



def test_demo_corpus_plants_terms_and_refuses_a_malformed_spec(tmp_path, taxonomy_file, capsys):
    from skillradar.cli import main

    out = tmp_path / "c.csv"
    assert main(["market", "demo-corpus", "--out", str(out), "--n", "40", "--taxonomy", str(taxonomy_file),
                 "--plant-term", "Quillstream:0.5:0.5"]) == 0
    truth = json.loads((tmp_path / "c.truth.json").read_text())
    assert truth["planted_terms"]["Quillstream"]["kind"] == "flat"
    assert truth["planted_terms"]["Quillstream"]["postings"] == out.read_text().count("Quillstream") > 0
    assert main(["market", "demo-corpus", "--out", str(out), "--n", "5", "--plant-term", "Quillstream:0.5"]) == 2
    assert "TERM:P_START:P_END" in capsys.readouterr().err
    assert main(["market", "demo-corpus", "--out", str(out), "--n", "5", "--plant-term", "Quill:0.2:1.5"]) == 2
