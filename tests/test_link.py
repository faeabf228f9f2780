"""``link``: output shape, order, blank lines, and the CLI contract (JSON line per input line)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from skillradar.link import link
from skillradar.taxonomy import Skill, Taxonomy

TAX = Taxonomy(
    "mini",
    "1",
    (
        Skill("g.rag", "Retrieval-augmented generation", aliases=("RAG",)),
        Skill("g.ft", "Fine-tuning", aliases=("fine-tune",)),
        Skill("s.k8s", "Kubernetes"),
        Skill("s.comm", "Communication"),
        Skill("d.sql", "SQL"),
    ),
)


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLRADAR_CACHE", str(tmp_path))


def test_shape_order_and_blank_lines():
    lines = ["Build RAG pipelines over our documents", "", "   ", "deploy services on k8s clusters"]
    out = link(lines, TAX, top_k=3)
    assert len(out) == 4
    assert out[1] == {"text": "", "candidates": []} and out[2] == {"text": "", "candidates": []}
    first = out[0]
    assert first["text"] == lines[0] and len(first["candidates"]) == 3
    assert set(first["candidates"][0]) == {"skill_id", "label", "score"}
    assert first["candidates"][0]["skill_id"] == "g.rag"
    scores = [c["score"] for c in first["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert out[3]["candidates"][0]["skill_id"] == "s.k8s"


def test_top_k_bounds():
    assert len(link(["fine-tune a model"], TAX, top_k=100)[0]["candidates"]) == len(TAX)
    assert link(["fine-tune a model"], TAX, top_k=0)[0]["candidates"] == []
    assert link([], TAX) == []


def test_cli_link_jsonl(tmp_path, run_cli, monkeypatch):
    tax = tmp_path / "mini.csv"
    tax.write_text("id,label,aliases\ng.rag,Retrieval-augmented generation,RAG\ns.k8s,Kubernetes,k8s\n", encoding="utf-8")
    monkeypatch.setenv("SKILLRADAR_CACHE", str(tmp_path))
    r = run_cli("link", "--taxonomy", str(tax), "--top-k", "1", stdin="RAG over documents\n\nrun containers on k8s\n")
    assert r.returncode == 0, r.stderr
    rows = [json.loads(l) for l in r.stdout.splitlines()]
    assert [row["text"] for row in rows] == ["RAG over documents", "", "run containers on k8s"]
    assert rows[0]["candidates"][0]["skill_id"] == "g.rag" and rows[1]["candidates"] == []
    assert rows[2]["candidates"][0]["label"] == "Kubernetes"


def test_cli_bad_top_k(run_cli):
    r = run_cli("link", "--top-k", "-2", stdin="")
    assert r.returncode == 2 and "top-k" in r.stderr


def test_phrase_prefilter_keeps_ranking():
    from skillradar.link import score_lines, skill_index

    index = skill_index(TAX)
    lines = ["We need someone to deploy services on k8s clusters and tune models", "write SQL queries over RAG logs"]
    fast = score_lines(lines, index)
    every = score_lines(lines, index, max_phrases=None)
    for f, e in zip(fast, every):
        assert f.shape == e.shape == (len(TAX),)
        assert int(np.argmax(f)) == int(np.argmax(e))
        assert np.all(f <= e + 1e-6)  # fewer phrases can only lower a phrase maximum


def test_cheap_map_for_large_taxonomies():
    from skillradar.link import MIN_MAP_ROWS, SkillIndex

    words = ["data", "model", "cloud", "web", "test", "design", "security", "network", "sales", "finance"]
    kinds = ["analysis", "engineering", "management", "auditing", "operations", "strategy", "support", "research"]
    skills = [Skill(f"k{i}", f"{w} {k} {j}") for i, (w, k, j) in enumerate(
        (w, k, j) for j in range(10) for w in words for k in kinds)][:MIN_MAP_ROWS]
    tax = Taxonomy("big", "1", tuple(skills))
    index = SkillIndex(tax)
    assert index._cheap_model()[0] == "mapped"
    est = index.cheap_best(["cloud security auditing", "zzzz"])
    assert est.shape == (2,) and est[0] > 0.5 and est[0] > est[1]
