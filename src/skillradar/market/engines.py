"""Where extraction runs: in this process (``local``) or over a Dask cluster (``dask``).

Both engines call the same ``extract_many`` on the original texts and return the mentions in input
order, so the database they produce is the same. With Dask, ``--scheduler ADDRESS`` connects to a
running scheduler; without it a LocalCluster with two worker processes on 127.0.0.1 is started (and
stopped at the end). Worker processes are spawned: scripts that ingest with Dask must guard their
entry point with ``if __name__ == "__main__":``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..choices import check_choice
from ..errors import MissingExtra, UsageError

__all__ = ["extract_many", "LocalEngine", "DaskEngine", "make_engine", "ENGINES"]

ENGINES = ("local", "dask")

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


class LocalEngine:
    name = "local"

    def __init__(self, taxonomy) -> None:
        self.taxonomy = taxonomy

    def extract(self, texts: list[str], on_done: Callable[[int], None] | None = None) -> list[list[tuple]]:
        return extract_many(texts, self.taxonomy, on_done)

    def close(self) -> None:
        pass


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

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            if self._cluster is not None:
                self._cluster.close()


def make_engine(name: str, taxonomy, *, scheduler: str | None = None):
    check_choice(name, ENGINES, "engine")
    if name == "dask":
        return DaskEngine(taxonomy, scheduler=scheduler)
    if scheduler:
        raise UsageError("scheduler needs engine 'dask'", params=("scheduler", "engine"))
    return LocalEngine(taxonomy)
