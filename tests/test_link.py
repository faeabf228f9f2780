"""``link``: output shape, order, blank lines, and the CLI contract (JSON line per input line)."""

from __future__ import annotations

import json
import subprocess
import sys

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


def test_cli_link_jsonl(tmp_path):
    tax = tmp_path / "mini.csv"
    tax.write_text("id,label,aliases\ng.rag,Retrieval-augmented generation,RAG\ns.k8s,Kubernetes,k8s\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "skillradar", "link", "--taxonomy", str(tax), "--top-k", "1"],
        input="RAG over documents\n\nrun containers on k8s\n",
        capture_output=True, text=True, env={**__import__("os").environ, "SKILLRADAR_CACHE": str(tmp_path)},
    )
    assert r.returncode == 0, r.stderr
    rows = [json.loads(l) for l in r.stdout.splitlines()]
    assert [row["text"] for row in rows] == ["RAG over documents", "", "run containers on k8s"]
    assert rows[0]["candidates"][0]["skill_id"] == "g.rag" and rows[1]["candidates"] == []
    assert rows[2]["candidates"][0]["label"] == "Kubernetes"


def test_cli_bad_top_k():
    r = subprocess.run([sys.executable, "-m", "skillradar", "link", "--top-k", "-2"], input="", capture_output=True, text=True)
    assert r.returncode == 2 and "top-k" in r.stderr
