"""Statistics: Wilson intervals, agreement with extract, negation, planted trends, co-occurrence,
role profiles, charts and the CLI."""

from __future__ import annotations

import json
import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillradar.market import stats

from .._examples import examples


def _wilson(x, n, z=1.959963984540054):
    p = x / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


def test_top_matches_wilson_formula(corpus_db):
    db, _s = corpus_db
    rows = stats.top(db)
    assert rows and rows == sorted(rows, key=lambda r: (-r["postings"], r["skill_id"]))
    for r in rows:
        lo, hi = _wilson(r["postings"], r["total"])
        assert r["share"] == r["postings"] / r["total"]
        assert r["ci_low"] == pytest.approx(lo, abs=1e-12) and r["ci_high"] == pytest.approx(hi, abs=1e-12)


def test_counts_agree_with_extract(corpus_db, mtax):
    import duckdb

    from skillradar.extract import extract_text

    db, _s = corpus_db
    con = duckdb.connect(str(db), read_only=True)
    texts = [t for (t,) in con.execute("SELECT text FROM postings").fetchall()]
    con.close()
    expected = Counter()
    negated_only = Counter()
    for text in texts:
        ms = extract_text(text, kind="posting", taxonomy=mtax).mentions
        positive = {m.skill_id for m in ms if m.requirement != "negated" and m.demand}
        expected.update(positive)
        negated_only.update({m.skill_id for m in ms if m.demand} - positive)
    got = {r["skill_id"]: r["postings"] for r in stats.top(db)}
    assert got == dict(expected)
    assert sum(negated_only.values()) > 0  # the corpus has negations, and they were not counted


def test_negated_never_counts(mtax, tmp_path):
    import pandas as pd

    from skillradar.market.ingest import ingest_files

    path = tmp_path / "n.csv"
    pd.DataFrame([{"description": "Requirements:\n- Python\n- No TensorFlow needed."},
                  {"description": "We do not use TensorFlow. Nice to have: Docker."},
                  {"description": "TensorFlow is required."}]).to_csv(path, index=False)
    db = tmp_path / "n.duckdb"
    ingest_files([path], db=db, taxonomy=mtax)
    rows = {r["skill_id"]: r for r in stats.top(db)}
    assert rows["fw.tensorflow"]["postings"] == 1 and rows["fw.tensorflow"]["total"] == 3
    assert {r["skill_id"] for r in stats.top(db, requirement="required")} >= {"lang.python", "fw.tensorflow"}
    assert [r["skill_id"] for r in stats.top(db, requirement="preferred")] == ["ops.docker"]


def test_planted_trends_found(corpus_db, corpus):
    db, _s = corpus_db
    truth = corpus[2]
    rows = {r["skill_id"]: r for r in stats.trends(db, split=truth["split"])}
    for sid in truth["rising"]:
        assert rows[sid]["q_value"] < 0.05 and rows[sid]["diff"] > 0, sid
    for sid in truth["falling"]:
        assert rows[sid]["diff"] < 0, sid
    for r in rows.values():
        assert 0 <= r["p_value"] <= 1 and 0 <= r["q_value"] <= 1 and r["test"] in ("z", "fisher")
    ordered = stats.trends(db, split=truth["split"])
    assert [r["q_value"] for r in ordered] == sorted(r["q_value"] for r in ordered)


def test_flat_skills_at_the_fdr_level(mtax, tmp_path):
    """Over several synthetic corpora, flat skills are declared changed about as rarely as BH allows."""
    from skillradar.market.ingest import ingest_files
    from skillradar.market.synthetic import generate, write_corpus

    false_disc = discoveries = rising_found = rising_total = 0
    for seed in (11, 12, 13):
        rows, truth = generate(700, seed=seed, taxonomy=mtax, repost_rate=0.0)
        path = tmp_path / f"c{seed}.csv"
        write_corpus(rows, path)
        db = tmp_path / f"c{seed}.duckdb"
        ingest_files([path], db=db, taxonomy=mtax, near_dup_threshold=1.0)
        res = {r["skill_id"]: r for r in stats.trends(db, split=truth["split"])}
        sig = {s for s, r in res.items() if r["q_value"] < 0.05}
        discoveries += len(sig)
        false_disc += len(sig & set(truth["flat"]))
        rising_found += len(sig & set(truth["rising"]))
        rising_total += len(truth["rising"])
    assert rising_found == rising_total
    # BH bounds the expected false-discovery proportion by 0.05; allow sampling noise on three corpora
    assert false_disc <= max(1, math.ceil(0.1 * discoveries))


def test_monthly_series(corpus_db, corpus):
    db, _s = corpus_db
    sid = corpus[2]["rising"][0]
    rows = stats.monthly(db, skills=[sid])
    assert len(rows) == 24 and all(r["skill_id"] == sid for r in rows)
    for r in rows:
        assert r["ci_low"] <= r["share"] <= r["ci_high"]
    assert rows[-1]["share"] > rows[0]["share"] or rows[-2]["share"] > rows[1]["share"]


def test_cooccur_matches_fisher(corpus_db):
    from scipy.stats import fisher_exact

    db, _s = corpus_db
    top = stats.top(db)
    skill = top[0]["skill_id"]
    rows = stats.cooccur(db, skill=skill, sort="lift", min_both=1)  # the contract's old order and support
    assert rows and rows == sorted(rows, key=lambda r: (-r["lift"], r["other_id"]))
    for r in rows[:5]:
        n, a, b, both = r["total"], r["postings_skill"], r["postings_other"], r["both"]
        table = [[both, a - both], [b - both, n - a - b + both]]
        assert r["p_value"] == pytest.approx(fisher_exact(table, alternative="greater")[1], rel=1e-6, abs=1e-12)
        assert r["lift"] == pytest.approx(both * n / (a * b))
    with pytest.raises(Exception) as err:
        stats.cooccur(db, skill="no.such.skill")
    assert getattr(err.value, "code", "") == "unknown_skill"


def test_role_profiles(corpus_db):
    from skillradar.market.profiles import measured_roles, role_of, role_profile

    db, _s = corpus_db
    assert role_of("Senior Generative AI Engineer") == "LLM engineer"
    assert role_of("Staff Machine Learning Engineer") == "ML engineer"
    assert role_of("Lead Data Scientist") == "data scientist"
    roles = measured_roles(db)
    assert {"ML engineer", "data scientist", "LLM engineer"} <= {r["role"] for r in roles}
    prof = role_profile(db, "data scientist")
    assert prof and all(0 < p["weight"] <= 1 for p in prof)
    assert prof == sorted(prof, key=lambda p: (-p["weight"], p["skill_id"]))
    assert {p["requirement"] for p in prof} <= {"required", "preferred", None}
    assert role_profile(db, "custom", [r"scientist"])  # explicit patterns


@settings(max_examples=examples(30), deadline=None)
@given(x=st.integers(0, 500), extra=st.integers(0, 500))
def test_wilson_bounds_property(x, extra):
    n = x + extra
    if n == 0:
        return
    lo, hi = stats.wilson([x], [n])
    share = x / n
    assert 0.0 <= lo[0] <= share + 1e-12 and share - 1e-12 <= hi[0] <= 1.0


def test_shares_and_intervals_in_range(corpus_db):
    db, _s = corpus_db
    for kw in ({}, {"family": "data"}, {"title_contains": "engineer"}, {"since": "2024-01-01", "until": "2024-06-30"}):
        for r in stats.top(db, **kw):
            assert 0 <= r["ci_low"] <= r["share"] <= r["ci_high"] <= 1


def test_charts_and_specs(corpus_db, corpus, tmp_path):
    from skillradar.report import charts

    db, _s = corpus_db
    top = stats.top(db, limit=10)
    series = stats.monthly(db, top_n=3)
    co = stats.cooccur(db, skill=top[0]["skill_id"])
    for name, rows, kw in (("demand", top, {}), ("trend", series, {"split": corpus[2]["split"]}), ("cooccur", co, {})):
        for ext in ("png", "svg"):
            out = getattr(charts, f"{name}_chart")(rows, tmp_path / f"{name}.{ext}", **kw)
            assert out.stat().st_size > 1000
        spec = getattr(charts, f"{name}_spec")(rows, **kw)
        assert spec["$schema"].endswith("v5.json") and json.loads(json.dumps(spec)) == spec


def test_cli_market_commands(corpus, corpus_db, tmp_path, capsys):
    from skillradar.cli import main

    db, _s = corpus_db
    assert main(["market", "top", "--db", str(db), "--format", "json", "--limit", "3"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 3 and list(rows[0]) == stats.TOP_COLUMNS
    assert main(["market", "trends", "--db", str(db), "--split", corpus[2]["split"], "--format", "csv",
                 "--plot", str(tmp_path / "t.svg")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("skill_id,label,share_before,share_after,diff,p_value,q_value")
    assert (tmp_path / "t.svg").exists()
    assert main(["market", "cooccur", "--db", str(db), "--skill", rows[0]["skill_id"], "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["skill_id"] == rows[0]["skill_id"]
    assert main(["market", "roles", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["market", "trends", "--db", str(db)]) == 2  # --split missing
    # ingest: JSON summary on stdout, exit 1 when a row failed
    bad = tmp_path / "b.csv"
    bad.write_text("description,date\nPython,2024-01-01\n,2024-01-02\n")
    code = main(["market", "ingest", str(bad), "--db", str(tmp_path / "c.duckdb"), "--format", "json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1 and (summary["ingested"], summary["failed"]) == (1, 1)


def test_demo_corpus_cli(tmp_path, capsys):
    from skillradar.cli import main

    out = tmp_path / "demo.jsonl"
    assert main(["market", "demo-corpus", "--n", "50", "--out", str(out), "--seed", "2"]) == 0
    lines = out.read_text().splitlines()
    assert len(lines) == 50 and all(json.loads(line)["synthetic"] is True for line in lines)
    truth = json.loads((tmp_path / "demo.truth.json").read_text())
    assert truth["rising"] and truth["flat"]
