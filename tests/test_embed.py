"""Offline MiniLM embeddings: shape, normalisation, meaning, caches, missing-extra message."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from skillradar import embed
from skillradar.errors import MissingExtra
from skillradar.taxonomy import Skill, Taxonomy


@pytest.fixture(scope="module")
def embedder():
    return embed.get_embedder()


def test_shape_and_unit_norm(embedder):
    v = embedder.encode(["Retrieval-augmented generation", "python", "a much longer sentence about fine-tuning LLMs"])
    assert v.shape == (3, embed.DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert embedder.encode([]).shape == (0, embed.DIM)


def test_batching_does_not_change_vectors(embedder):
    texts = ["prompt engineering", "vector databases for semantic search over many documents", "SQL"]
    together = embedder.encode(texts, use_cache=False)
    alone = np.vstack([embedder.encode([t], use_cache=False) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)


def test_similar_phrases_are_closer(embedder):
    a, b, c = embedder.encode(["fine-tuning language models", "adapting LLMs by further training", "forklift driving"])
    assert a @ b > a @ c + 0.2


def test_phrase_cache_hits(embedder, tmp_path):
    embedder.encode(["a phrase seen twice"])
    hits = embedder.stats["cache_hits"]
    embedder.encode(["a phrase seen twice"])
    assert embedder.stats["cache_hits"] == hits + 1
    path = embedder.save_phrase_cache(tmp_path / "phrases.npz")
    assert embedder.load_phrase_cache(path) >= 1


def test_label_vectors_cached_on_disk(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLRADAR_CACHE", str(tmp_path))
    tax = Taxonomy("t", "1", (Skill("x.a", "Prompt engineering"), Skill("x.b", "Kubernetes")))
    first = embed.label_vectors(tax, ["Prompt engineering", "Kubernetes"], "test")
    files = list((tmp_path / "vectors").glob(f"*{tax.content_hash}*"))
    assert len(files) == 1 and embed.MODEL_ID in files[0].name
    embed._MEMO.clear()
    encoded = embedder.stats["encoded"]
    second = embed.label_vectors(tax, ["Prompt engineering", "Kubernetes"], "test")
    assert embedder.stats["encoded"] == encoded  # served from disk, nothing re-encoded
    assert np.allclose(first, second)


def test_missing_extra_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails as if not installed
    with pytest.raises(MissingExtra) as info:
        embed.Embedder()
    assert "skillradar[semantic]" in str(info.value) and "onnxruntime" in str(info.value)
    assert info.value.code == "missing_extra" and info.value.exit_code == 2


def test_import_is_light():
    import subprocess

    code = "import sys, skillradar.embed; print('onnxruntime' in sys.modules, 'tokenizers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
