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


def test_static_table_built_from_model_and_cached(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLRADAR_CACHE", str(tmp_path))
    embedder._chunks.clear()  # the per-chunk memo would skip the table for chunks seen in earlier tests
    table = embedder.static_table()
    assert table.path.parent == tmp_path / "vectors" and embed.MODEL_ID in table.path.name
    tid = embedder._tokenizer.token_to_id("python")
    assert tid is not None and not table.have[tid]
    cheap = embedder.static_encode(["python"])[0]
    assert table.have[tid]
    # the row is the model's own mean-pooled output for "[CLS] python [SEP]" (float16-rounded) …
    row = embedder.token_rows([tid])[0]
    assert np.allclose(table.rows[tid], row, atol=2e-3 * np.abs(row).max())
    full = embedder.encode(["python"], use_cache=False)[0]
    assert float(row @ full) / np.linalg.norm(row) > 0.999
    # … and the cheap vector is that row minus the empty-input direction, normalised
    expect = table.rows[tid] - table.center
    assert np.allclose(cheap, expect / np.linalg.norm(expect), atol=1e-5)
    assert table.save() == table.path and table.path.exists()
    computed = embedder.stats["token_rows"]
    again = embed.StaticTable(embedder, table.path)  # a new process would load this file
    assert again.have[tid] and np.array_equal(again.rows[tid], table.rows[tid])
    assert np.array_equal(again.center, table.center)
    assert embedder.stats["token_rows"] == computed  # nothing recomputed: served from disk


def test_static_encode_matches_whole_text_tokenization(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLRADAR_CACHE", str(tmp_path))
    texts = ["Fine-tuning LLMs (LoRA/QLoRA) on C++ code", "vector   databases", "", "  ", "naïve Bayes, k-NN"]
    got = embedder.static_encode(texts)
    table = embedder.static_table()
    for text, v in zip(texts, got):
        ids = embedder._tokenizer.encode(text, add_special_tokens=False).ids
        if not ids:
            assert not v.any()
            continue
        expect = table.rows_for(np.asarray(ids)).mean(axis=0) - table.center  # memo may predate this table
        assert np.allclose(v, expect / np.linalg.norm(expect), atol=1e-5)
    a, b, c = embedder.static_encode(["fine-tuning language models", "training LLMs further", "forklift driving"])
    assert a @ b > a @ c


def test_shipped_model_matches_its_manifest():
    import hashlib
    import json
    from importlib import resources

    folder = resources.files("skillradar.models") / "esco-minilm"
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    data = (folder / "model.onnx").read_bytes()
    assert hashlib.sha256(data).hexdigest() == manifest["sha256"] and len(data) == manifest["bytes"]
    # the cache key changes with the file, so vectors of an earlier model are never reused
    assert embed._model_id("esco-minilm") == f"esco-minilm-l6-{manifest['sha256'][:12]}-onnx-int8"


def test_link_uses_the_shipped_model_and_the_original_stays_selectable():
    import importlib

    link = importlib.import_module("skillradar.link")  # the module (skillradar.link is the function)

    tax = Taxonomy("t", "1", (Skill("x.a", "Budget management"), Skill("x.b", "Bookkeeping")))
    line = ["keep financial records for the team"]
    tuned = link.link(line, tax, top_k=2)[0]["candidates"]
    original = link.link(line, tax, top_k=2, model="minilm")[0]["candidates"]
    assert link.skill_index(tax).embedder.model_id.startswith("esco-minilm-l6-")
    assert link.skill_index(tax, "minilm").embedder.model_id == "all-MiniLM-L6-v2-onnx-int8"
    assert [c["score"] for c in tuned] != [c["score"] for c in original]  # two different models answered


def test_each_model_has_its_own_caches(tmp_path, monkeypatch):
    monkeypatch.setenv("SKILLRADAR_CACHE", str(tmp_path))
    tax = Taxonomy("t", "1", (Skill("x.a", "Prompt engineering"),))
    tuned, original = embed.get_embedder("esco-minilm"), embed.get_embedder("minilm")
    assert tuned is not original and tuned.model_id != original.model_id
    a = embed.label_vectors(tax, ["Prompt engineering"], "test", tuned)
    b = embed.label_vectors(tax, ["Prompt engineering"], "test", original)
    names = sorted(p.name for p in (tmp_path / "vectors").glob(f"*{tax.content_hash}*"))
    assert len(names) == 2 and any(tuned.model_id in n for n in names) and any(original.model_id in n for n in names)
    assert not np.allclose(a, b)
    assert tuned.static_table().path != original.static_table().path


def test_unknown_model_name_is_a_usage_error():
    from skillradar.errors import UsageError

    with pytest.raises(UsageError) as info:
        embed.Embedder(model="no-such-model")
    assert "model must be one of" in str(info.value) and "esco-minilm" in str(info.value) and "minilm" in str(info.value)


def test_shipped_model_links_job_text_to_esco_labels():
    embedder = embed.get_embedder("esco-minilm")
    # hand-written job-ad lines, each with the ESCO label it names among distractors of the same kind
    labels = ["keep financial records", "manage budgets", "install radiators", "teach mathematics", "Python (computer programming)", "SQL"]
    lines = {
        "You will track spending against the annual plan and keep costs under control.": "manage budgets",
        "Hands-on experience writing Python scripts for data pipelines.": "Python (computer programming)",
        "Bookkeeping: record every transaction and maintain the ledger.": "keep financial records",
    }
    lab = embedder.encode(labels)
    for line, want in lines.items():
        ranked = [labels[i] for i in np.argsort(-(embedder.encode([line])[0] @ lab.T))]
        assert ranked[0] == want, (line, ranked)
