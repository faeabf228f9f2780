"""Where the per-posting work of ingest runs: in this process or worker processes (``local``) or over a
Dask cluster (``dask``).

Both engines call the same ``prepare.prepare_many`` (ingest) and ``extract_many`` (reextract) and
return results in input order, so the database they produce is the same. ``submit`` returns at once
with a handle, so the ingest can deduplicate and store one batch while the next is being prepared.

The local engine with ``workers > 1`` prepares batches of at least ``MIN_PARALLEL`` postings in that
many spawned worker processes (spawned, not forked: the parent holds a DuckDB connection and its
threads); smaller batches, as in most tests and small files, run in this process, where starting
workers would cost more than it saves. As with Dask, a script that ingests must guard its entry point
with ``if __name__ == "__main__":``. With Dask, ``--scheduler ADDRESS`` connects to a
running scheduler; without it a LocalCluster with two worker processes on 127.0.0.1 is started (and
stopped at the end). Worker processes are spawned: scripts that ingest with Dask must guard their
entry point with ``if __name__ == "__main__":``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..choices import check_choice
from ..errors import MissingExtra, UsageError

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

__all__ = ["extract_many", "LocalEngine", "DaskEngine", "make_engine", "ENGINES", "default_workers", "MIN_PARALLEL"]

ENGINES = ("local", "dask")
MIN_PARALLEL = 200  # postings in a batch below which the local engine stays in this process
_CHUNK = 50  # postings per task sent to a worker process


def default_workers() -> int:
    """Worker processes of the local engine by default: one per core this process may use."""
    import os

    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class _Ready:
    """A handle whose work runs when its result is asked for (in this process)."""

    def __init__(self, fn) -> None:
        self._fn, self._done, self._value = fn, False, None

    def result(self):
        if not self._done:
            self._value, self._done = self._fn(), True
        return self._value


class _Gather:
    """A handle over futures of chunks: the results in order, ``on_done(n)`` as each chunk's arrive."""

    def __init__(self, futures, sizes, on_done, get) -> None:
        self._futures, self._sizes, self._on_done, self._get = futures, sizes, on_done, get

    def result(self):
        out: list = []
        for fut, n in zip(self._futures, self._sizes):
            out.extend(self._get(fut))
            if self._on_done is not None:
                self._on_done(n)
        return out


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


_WORKER_TAXONOMY: list = []


def _init_worker(taxonomy) -> None:
    _WORKER_TAXONOMY[:] = [taxonomy]


def _prepare_in_worker(items: list[tuple]) -> list[dict]:
    from .prepare import prepare_many

    return prepare_many(items, _WORKER_TAXONOMY[0])

# Mention tuple: (skill_id, start, end, text, requirement, years, section, method, confidence)
_TAXONOMIES: dict = {}


def _stable_taxonomy(tax):
    """One Taxonomy object per content hash in this process, so the lexicon cache is reused."""
    return _TAXONOMIES.setdefault(tax.content_hash, tax)


def extract_many(texts: list[str], taxonomy, on_done: Callable[[int], None] | None = None) -> list[list[tuple]]:
    """Mentions of each posting text, as plain tuples (cheap to send between processes).
    ``on_done(1)`` is called after each text (progress bars)."""
    from ..extract import extract_text

    tax = _stable_taxonomy(taxonomy)
    out = []
    for text in texts:
        ex = extract_text(text, source="-", kind="posting", taxonomy=tax)
        out.append([(m.skill_id, m.start, m.end, m.text, m.requirement, m.years, m.section, m.method, m.confidence)
                    for m in ex.mentions])
        if on_done is not None:
            on_done(1)
    return out


def _worker_result(future):
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool as exc:
        raise UsageError("the worker processes that extract postings stopped before they could start or finish "
                         "(a script that ingests must guard its entry point with `if __name__ == \"__main__\":`, "
                         "since workers are spawned; or pass workers=1 / --workers 1)", params=("workers",)) from exc


class LocalEngine:
    name = "local"

    def __init__(self, taxonomy, workers: int = 1) -> None:
        self.taxonomy = taxonomy
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._can_pickle: bool | None = None

    def extract(self, texts: list[str], on_done: Callable[[int], None] | None = None) -> list[list[tuple]]:
        return extract_many(texts, self.taxonomy, on_done)

    def submit(self, items: list[tuple], on_done: Callable[[int], None] | None = None) -> Any:
        """Prepare ``(id, text, title, extra)`` items (``prepare.prepare_many``); ``.result()`` of the
        handle returns them in order."""
        from .prepare import prepare_many

        if self.workers <= 1 or len(items) < MIN_PARALLEL or not self._picklable():
            return _Ready(lambda: prepare_many(items, self.taxonomy, on_done))
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_init_worker, initargs=(self.taxonomy,))
        parts = _chunks(items, _CHUNK)
        futures = [self._pool.submit(_prepare_in_worker, part) for part in parts]
        return _Gather(futures, [len(p) for p in parts], on_done, _worker_result)

    def _picklable(self) -> bool:
        """Whether the taxonomy can go to worker processes: one that carries a loaded model session
        (the semantic stage's) cannot, and is then used in this process."""
        if self._can_pickle is None:
            import pickle

            try:
                pickle.dumps(self.taxonomy)
                self._can_pickle = True
            except (TypeError, pickle.PicklingError, AttributeError):
                self._can_pickle = False
        return self._can_pickle

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


class DaskEngine:
    """Extraction over partitions on a Dask cluster (a LocalCluster unless a scheduler is given)."""

    name = "dask"

    def __init__(self, taxonomy, *, scheduler: str | None = None, n_workers: int = 2, partition_size: int = 250) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ModuleNotFoundError as exc:
            raise MissingExtra("the dask engine", "dask", "dask[distributed]") from exc
        self.taxonomy = taxonomy
        self.partition_size = partition_size
        self._cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                             host="127.0.0.1", dashboard_address=None)
                self.client = Client(self._cluster)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler '{scheduler}': {exc}") from exc
        self._tax_future = self.client.scatter(taxonomy, broadcast=True, hash=False)

    def extract(self, texts: list[str], on_done: Callable[[int], None] | None = None) -> list[list[tuple]]:
        """Mentions in input order; ``on_done(n)`` as each partition of n texts comes back."""
        size = self.partition_size
        parts = [texts[i:i + size] for i in range(0, len(texts), size)]
        futures = self.client.map(extract_many, parts, taxonomy=self._tax_future, pure=False)
        if on_done is not None:
            from dask.distributed import as_completed

            for fut in as_completed(futures):
                on_done(len(parts[futures.index(fut)]))
        out: list[list[tuple]] = []
        for res in self.client.gather(futures):
            out.extend(res)
        return out

    def submit(self, items: list[tuple], on_done: Callable[[int], None] | None = None):
        """As ``LocalEngine.submit``, each partition a task on the cluster."""
        from .prepare import prepare_many

        parts = _chunks(items, self.partition_size)
        futures = self.client.map(prepare_many, parts, taxonomy=self._tax_future, pure=False)
        return _Gather(futures, [len(p) for p in parts], on_done, lambda f: f.result())

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()


def make_engine(name: str, taxonomy, *, scheduler: str | None = None, workers: int | None = None):
    """The engine ``name``; ``workers``: processes of the local engine, or of a Dask LocalCluster
    (default: one per core)."""
    check_choice(name, ENGINES, "engine")
    n = default_workers() if workers is None else workers
    if name == "dask":
        return DaskEngine(taxonomy, scheduler=scheduler, n_workers=max(1, n))
    if scheduler:
        raise UsageError("scheduler needs engine 'dask'", params=("scheduler", "engine"))
    return LocalEngine(taxonomy, workers=n)
