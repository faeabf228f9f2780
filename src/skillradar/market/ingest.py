"""Ingesting posting corpora into the market database: crash-safe, idempotent, deduplicated.

The pipeline for each batch of rows (1,000 by default):

1. rows without text fail (with their row numbers), as do rows over :data:`MAX_ROW_CHARS` (one
   hostile row must not hold the run) and rows with bytes the file's encoding cannot decode; dates
   become ISO dates or stay empty (warning);
2. each valid row is prepared by the engine (:mod:`.prepare`: contacts redacted from the text that is
   stored, exact key, shingles and MinHash-LSH band keys, skills extracted on the original text,
   facets, salaries), in worker processes when there are several, while the batch before is
   finished; a row whose extraction fails fails alone;
3. duplicates are recognised in input order against everything stored and everything earlier in the
   run: the same id (the id column, else a hash of the original text), the same normalised text, or a
   near-duplicate (word 3-gram Jaccard ≥ threshold, candidates from the LSH band table in DuckDB,
   verified exactly, unless :mod:`.dedup_rules` says the titles or dates make them distinct
   requisitions); of a duplicate pair the richer copy (dated, then more text) is kept, replacing a
   stored posting, and every merge is recorded (:mod:`.merges`);
4. postings, their LSH band keys, mentions and per-posting skill levels, the deletion of the stored
   postings they replace and the merges are written in one transaction.

Memory stays flat in corpus size: the band table lives in DuckDB (whose buffer pool is limited to
:data:`INGEST_MEMORY_LIMIT` during an ingest), the shingles of stored candidates are cached up to
:data:`SHINGLE_CACHE_SIZE` postings, and at most two batches are in flight. Duplicates are prepared
too (a few per cent of the work) so that preparing never waits for the database.

A run killed at any point leaves whole batches; run again, it recognises what is stored as duplicates
and ends with exactly the contents of one clean run. ``ingested + duplicates + failed`` always equals
the rows read.
"""

from __future__ import annotations

import hashlib
import uuid
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from pathlib import Path

from ..bounds import MAX_CHARS
from ..errors import EmptyText, InputError, StoreError, TooLarge, UsageError
from . import dedup, demand_index, salary_store
from .dedup_rules import kept_apart, richer
from .facets import backfill as backfill_facets
from .merges import Merger
from .prepare import LEVELS, levels as _levels
from .sources import file_codec, parse_date, read_batches
from .store import connect, end_run_on_error, finish_run, save_skills, stale_count, start_run

__all__ = ["ingest_files", "reextract", "posting_id", "LEVELS", "MAX_ROW_CHARS"]

#: A row (its text and every other field) longer than this fails: what extraction would search of it.
MAX_ROW_CHARS = MAX_CHARS

_MAX_LISTED_ROWS = 20


def posting_id(text: str) -> str:
    """Id of a posting without an id column: a hash of its original text."""
    return "h:" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def _rows_note(rows: list[int]) -> str:
    shown = ", ".join(str(r) for r in rows[:_MAX_LISTED_ROWS])
    return shown + (f" … ({len(rows) - _MAX_LISTED_ROWS} more)" if len(rows) > _MAX_LISTED_ROWS else "")


SHINGLE_CACHE_SIZE = 5_000  # stored postings' shingle sets kept (~6 KB each at real posting length)
# DuckDB's buffer pool during an ingest: its default (80% of RAM) lets the cache of table pages grow
# with the database; a fixed limit keeps the ingest's memory flat in corpus size (pages are re-read).
INGEST_MEMORY_LIMIT = "256MB"


def _row_chars(b, i: int) -> int:
    """Characters in row ``i`` of a batch: its text, title, company, location and other columns."""
    fields = (b.text[i], b.title[i], b.company[i], b.location[i], b.id_raw[i])
    extra = sum(len(str(v)) for v in b.extra[i].values())
    return sum(len(f) for f in fields if f) + extra


class _Ingestor:
    def __init__(self, con, taxonomy, engine_name, scheduler, threshold, run_id, max_row_chars=MAX_ROW_CHARS,
                 workers=None):
        self.con = con
        self.tax = taxonomy
        self.engine_name = engine_name
        self.scheduler = scheduler
        self.threshold = threshold
        self.run_id = run_id
        self.max_row_chars = max_row_chars
        self.workers = workers
        self.engine = None
        self.seq = con.execute("SELECT coalesce(max(seq) + 1, 0) FROM postings").fetchall()[0][0]
        # the demand index is kept batch by batch when it reflects the database at the start
        self.index = demand_index.maintained(con)
        # shingles of stored postings met as near-duplicate candidates; bounded (least recently used
        # out first) so memory stays flat however large the corpus grows
        self._shingle_cache: OrderedDict[str, object] = OrderedDict()
        self.counts = dict(rows_read=0, ingested=0, duplicates=0, failed=0, exact_duplicates=0, near_duplicates=0,
                           replaced=0, kept_apart=0, undated=0, redacted=0)
        self.errors: list[dict] = []
        self.warnings: list[dict] = []
        self._date_issues: dict[tuple[str, str], list[int]] = {}

    # -- helpers ---------------------------------------------------------------------------------
    def _engine(self):
        if self.engine is None:
            from .engines import make_engine

            self.engine = make_engine(self.engine_name, self.tax, scheduler=self.scheduler, workers=self.workers)
        return self.engine

    def _existing(self, sql: str, values: list) -> list[tuple]:
        if not values:
            return []
        import pyarrow as pa

        self.con.register("_probe", pa.table({"v": values}))
        try:
            return self.con.execute(sql).fetchall()
        finally:
            self.con.unregister("_probe")

    def _stored_shingles(self, ids: set[str]) -> dict[str, tuple]:
        """``id -> (shingles, info)`` of stored near-duplicate candidates (info as :meth:`_stored_info`)."""
        cache = self._shingle_cache
        missing = [i for i in ids if i not in cache]
        found = {}
        if missing:
            for info in self._stored_info("p.id = _probe.v", missing):
                found[info["id"]] = (dedup.shingles(dedup.normalise(info.pop("text"))), info)
        out = {}
        for i in ids:
            entry = found.get(i)
            if entry is None:
                entry = cache[i]
                cache.move_to_end(i)
            else:
                cache[i] = entry
            out[i] = entry
        while len(cache) > SHINGLE_CACHE_SIZE:
            cache.popitem(last=False)
        return out

    # -- one batch -------------------------------------------------------------------------------
    def start(self, b, on_done: Callable[[int], None] | None = None) -> dict:
        """Check a batch's rows and hand the valid ones to the engine; nothing is counted or stored
        until :meth:`finish`, so the next batch can start while this one is finished."""
        failed: list[tuple[int, object]] = [(row, err) for row, err in b.row_errors]
        empty, bad_dates, no_dates = [], [], []
        rows = []
        for i, rowno in enumerate(b.rows):
            text = b.text[i]
            if text is None or not text.strip():
                empty.append(rowno)
                continue
            size = _row_chars(b, i)
            if self.max_row_chars is not None and size > self.max_row_chars:
                failed.append((rowno, TooLarge(
                    f"row {rowno} holds {size:,} characters, over the {self.max_row_chars:,} limit for one posting: "
                    "split it, or check that the file's quoting is right", source=b.source)))
                continue
            raw = b.date_raw[i]
            date = parse_date(raw)
            if date is None:
                (no_dates if raw is None or (isinstance(raw, str) and not raw.strip()) else bad_dates).append(rowno)
            pid = b.id_raw[i].strip() if b.id_raw[i] and b.id_raw[i].strip() else posting_id(text)
            rows.append(dict(row=rowno, text=text, id=pid, date=date, title=b.title[i], company=b.company[i],
                             location=b.location[i], extra=b.extra[i], source=b.source, replaces=None))
        for rowno in empty:
            failed.append((rowno, EmptyText(f"row {rowno} has no text", source=b.source)))
        job = dict(source=b.source, read=len(b.rows) + len(b.row_errors), failed=failed, rows=rows,
                   bad_dates=bad_dates, no_dates=no_dates, prepared=None)
        if rows:
            items = [(r["id"], r["text"], r["title"], r["extra"]) for r in rows]
            job["prepared"] = self._engine().submit(items, on_done)
        return job

    def finish(self, job: dict) -> None:
        """Count a started batch, decide its duplicates against everything stored, and store it."""
        c = self.counts
        c["rows_read"] += job["read"]
        for row, err in job["failed"]:
            c["failed"] += 1
            self.errors.append({"source": job["source"], "row": row, "error": err.to_dict()})
        source = job["source"]
        self._date_issues.setdefault((source, "bad_date"), []).extend(job["bad_dates"])
        self._date_issues.setdefault((source, "no_date"), []).extend(job["no_dates"])
        c["undated"] += len(job["bad_dates"]) + len(job["no_dates"])
        rows = []
        for r, prep in zip(job["rows"], job["prepared"].result() if job["rows"] else []):
            if prep["error"] is not None:
                c["failed"] += 1
                self.errors.append({"source": source, "row": r["row"], "error": InputError(
                    f"row {r['row']}: extraction failed ({prep['error'][:200]}); the other rows go on",
                    source=source).to_dict()})
                continue
            r.update(prep)
            r["chars"] = len(r["stored"])
            rows.append(r)
        if not rows:
            return
        index_id = {i["id"]: i for i in self._stored_info(
            "p.id = _probe.v", sorted({r["id"] for r in rows}))}
        index_key = {i["key"]: i for i in self._stored_info(
            "p.exact_key = _probe.v", sorted({r["key"] for r in rows}))}
        for info in (*index_id.values(), *index_key.values()):
            info.pop("text", None)
        fresh = [r for r in rows if r["id"] not in index_id and r["key"] not in index_key]
        db_bands: dict[int, list[str]] = {}
        stored: dict[str, tuple] = {}
        if self.threshold < 1.0 and fresh:
            probe = sorted({k for r in fresh for k in r["bands"]})
            for key, pid in self._existing("SELECT l.band_key, l.posting_id FROM lsh l JOIN _probe ON l.band_key = _probe.v",
                                           probe):
                db_bands.setdefault(key, []).append(pid)
            wanted = set().union(*(dedup.candidates(r["bands"], db_bands) for r in fresh))
            stored = self._stored_shingles(wanted)
        m = Merger(index_id, index_key)
        for r in rows:
            holder, sim, reason = m.exact(r), 1.0, "exact"
            if holder is None and self.threshold < 1.0:
                holder, sim, apart = self._near_duplicate(r, db_bands, stored, m)
                reason = "near"
                c["kept_apart"] += apart and holder is None
            if holder is None:
                m.add(r)
                continue
            c["duplicates"] += 1
            c[f"{reason}_duplicates"] += 1
            if richer(r["date"], r["chars"], holder["date"], holder["chars"]):
                m.replace(holder, r, sim, reason)
                c["replaced"] += 1
            else:
                m.drop(r, holder, sim, reason)
        if m.kept or m.merges:
            self._write(source, m)

    def _stored_info(self, where: str, values: list) -> list[dict]:
        """What deciding about a duplicate needs of stored postings: date, size, title, origin (and
        ``text``, for the caller to use and drop).

        The join reads only narrow columns; the texts of the few postings found are then read one by
        one by ``seq``, which DuckDB's zone maps narrow to one row group. A join that read the text
        column would read every stored text for every batch: ingest time would grow with the square
        of the corpus."""
        rows = self._existing("SELECT p.id, p.exact_key, p.date, p.seq, p.title, p.source, p.row_number "
                              f"FROM postings p JOIN _probe ON {where}", values)
        out = []
        for i, k, d, seq, t, s, rn in rows:
            text = self.con.execute("SELECT text FROM postings WHERE seq = ?", [seq]).fetchall()[0][0] or ""
            out.append(dict(id=i, key=k, date=d, chars=len(text), title=t, source=s, row=rn, replaces=None, in_db=True,
                            text=text))
        return out

    def _near_duplicate(self, r, db_bands, stored, m) -> tuple[dict | None, float, bool]:
        """The most similar posting (stored, or kept earlier in this batch) that ``r`` is a near-duplicate
        of, with its Jaccard, and whether a candidate over the threshold was kept apart by the rules."""
        cands_db = dedup.candidates(r["bands"], db_bands, m.gone)
        cands_run = dedup.candidates(r["bands"], m.bands)
        scored = [(dedup.jaccard(r["shingles"], m.pending[pid]["shingles"]), m.pending[pid]) for pid in sorted(cands_run)]
        for pid in sorted(cands_db):
            sh, info = stored[pid]
            scored.append((dedup.jaccard(r["shingles"], sh), info))
        apart = False
        for sim, other in sorted(scored, key=lambda x: -x[0]):
            if sim < self.threshold:
                break
            if kept_apart(r["title"], r["date"], other["title"], other["date"]) is None:
                return other, sim, apart
            apart = True
        return None, 0.0, apart

    def _write(self, source: str, merger: Merger) -> None:
        """Store a batch in one transaction: the new postings with their band keys, mentions and levels,
        the stored postings they replace deleted (with everything derived from them), the merges."""
        import pandas as pd

        kept = merger.kept
        tv, th = self.tax.version, self.tax.content_hash
        post_rows, lsh_rows, mention_rows, level_rows, pay_rows = [], [], [], [], []
        for r in kept:
            f = r["facets"]
            post_rows.append((r["id"], self.seq, r["key"], r["stored"], r["title"], r["company"], r["location"],
                              r["date"], source, r["row"], r["extra_json"], tv, th, self.run_id, f["seniority"],
                              f["contract_type"], f["sector"], f["synthetic"]))
            self.seq += 1
            lsh_rows.extend((k, r["id"]) for k in r["bands"])
            mention_rows.extend((r["id"], *m, tv, th) for m in r["mentions"])
            level_rows.extend((r["id"], sid, lvl) for sid, lvl in sorted(r["levels"].items()))
            pay_rows.extend(r["pay"])
            if r["redactions"]:
                self.counts["redacted"] += 1
        frames = {
            "_p": pd.DataFrame(post_rows, columns=["id", "seq", "exact_key", "text", "title", "company", "location", "date",
                                                   "source", "row_number", "extra", "taxonomy_version", "taxonomy_hash",
                                                   "run_id", "seniority", "contract_type", "sector", "synthetic"]
                               ).astype({"seniority": object, "contract_type": object, "sector": object}),
            "_l": pd.DataFrame(lsh_rows, columns=["band_key", "posting_id"]).astype({"band_key": "int64"}),
            "_m": pd.DataFrame(mention_rows, columns=["posting_id", "skill_id", "start", "end", "text", "requirement",
                                                      "years", "section", "method", "confidence", "taxonomy_version",
                                                      "taxonomy_hash"]).astype({"years": "float64"}),
            "_s": pd.DataFrame(level_rows, columns=["posting_id", "skill_id", "level"]),
            "_g": pd.DataFrame(sorted(merger.gone.items()), columns=["old_id", "new_id"], dtype=object),
            "_d": pd.DataFrame(merger.merges, columns=["dropped_source", "dropped_row", "dropped_id", "kept_id", "similarity",
                                                  "reason"]).astype({"dropped_row": "int64", "similarity": "float64"}),
        }
        con = self.con
        for name, frame in frames.items():
            con.register(name, frame)
        try:
            first_seq = self.seq - len(post_rows)
            con.execute("BEGIN TRANSACTION")
            if merger.gone and self.index:
                demand_index.remove_seqs(con, "SELECT seq FROM postings WHERE id IN (SELECT old_id FROM _g)")
            if merger.gone:
                for table, col in (("postings", "id"), ("lsh", "posting_id"), ("mentions", "posting_id"),
                                   ("posting_skills", "posting_id"), ("salaries", "posting_id")):
                    con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT old_id FROM _g)")
                con.execute("UPDATE merges SET kept_id = _g.new_id FROM _g WHERE merges.kept_id = _g.old_id")
            if post_rows:
                con.execute("INSERT INTO postings (id, seq, exact_key, text, title, company, location, date, source, "
                            "row_number, extra, taxonomy_version, taxonomy_hash, run_id, seniority, contract_type, "
                            "sector, synthetic) SELECT id, seq, exact_key, text, title, company, location, CAST(date "
                            "AS DATE), source, row_number, extra, taxonomy_version, taxonomy_hash, run_id, seniority, "
                            "contract_type, sector, CAST(synthetic AS BOOLEAN) FROM _p")
                con.execute("INSERT INTO lsh SELECT band_key, posting_id FROM _l")
            if mention_rows:
                con.execute('INSERT INTO mentions SELECT posting_id, skill_id, start, "end", text, requirement, years, '
                            "section, method, confidence, taxonomy_version, taxonomy_hash FROM _m")
            if level_rows:
                con.execute("INSERT INTO posting_skills SELECT posting_id, skill_id, level FROM _s")
            salary_store.insert(con, pay_rows)
            if merger.merges:
                con.execute("INSERT OR IGNORE INTO merges SELECT dropped_source, dropped_row, dropped_id, kept_id, "
                            "similarity, reason, ? FROM _d", [self.run_id])
            if self.index:
                demand_index.add_batch(con, f"(SELECT id, seq, date FROM postings WHERE seq >= {int(first_seq)})",
                                       "_s", "_m")
                demand_index.stamp(con)
            con.execute("COMMIT")
        except Exception as exc:
            try:
                con.execute("ROLLBACK")
            except Exception:  # noqa: BLE001 - the original error matters more
                pass
            raise StoreError(f"could not store a batch of {len(kept)} postings: {exc}") from exc
        finally:
            for name in frames:
                con.unregister(name)
        self.counts["ingested"] += sum(1 for r in kept if r["replaces"] is None)  # a replacement is a duplicate

    def date_warnings(self) -> list[dict]:
        out = []
        for (source, code), rows in self._date_issues.items():
            if not rows:
                continue
            what = "an unreadable date" if code == "bad_date" else "no date"
            out.append({"source": source, "code": code, "message": f"{len(rows)} rows with {what} kept without a date "
                        f"(rows {_rows_note(rows)}); trends leave them out"})
        return out

    def close(self):
        if self.engine is not None:
            self.engine.close()


class _BatchProgress:
    """Progress within one batch: each posting extracted moves the bar by one row and its share of the
    batch's bytes, so a bar moves during a batch, not only between batches (a file of fewer rows than
    one batch would otherwise sit at zero until the end). ``finish`` reports the rest (duplicates and
    failed rows are not extracted); the totals reported equal the batch's bytes and rows."""

    def __init__(self, on_progress, nbytes: int, nrows: int) -> None:
        self.on_progress, self.nbytes, self.nrows = on_progress, nbytes, max(1, nrows)
        self.rows = self.bytes = 0

    def __call__(self, n: int) -> None:
        rows = min(self.nrows, self.rows + n)
        nbytes = self.nbytes * rows // self.nrows
        self.on_progress(nbytes - self.bytes, rows - self.rows)
        self.rows, self.bytes = rows, nbytes

    def finish(self, rows: int) -> None:
        if self.on_progress:
            self.on_progress(self.nbytes - self.bytes, max(0, rows - self.rows))


_LOOKAHEAD = 1  # batches read and handed to the engine before the oldest one is stored


def _read_all(paths, columns, batch_size: int, encoding: str):
    """``("batch", source, Batch, bytes)`` for every batch of every file in order, and ``("error",
    source, InputError, bytes)`` where a file cannot be read further (``bytes``: of the file not
    yet reported, for progress)."""
    for path in paths:
        source = str(path)
        done = 0
        try:
            for b in read_batches(path, columns, batch_size, encoding):
                yield "batch", source, b, b.bytes_done - done
                done = b.bytes_done
        except InputError as err:
            try:
                size = Path(path).stat().st_size
            except OSError:
                size = 0
            yield "error", source, err, max(0, size - done)


def ingest_files(
    paths: Sequence[str | Path],
    *,
    db: str | Path | None = None,
    taxonomy=None,
    columns: dict[str, str | None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    near_dup_threshold: float = 0.9,
    batch_size: int = 1000,
    on_progress: Callable[[int, int], None] | None = None,
    on_batch: Callable[[dict], None] | None = None,
    encoding: str = "utf-8",
    max_row_chars: int | None = MAX_ROW_CHARS,
    workers: int | None = None,
) -> dict:
    """Ingest posting files into the market database and return the run summary.

    Args:
        paths: CSV, JSONL/JSON or Parquet files, read in order.
        db: the DuckDB file (default ``./skillradar.duckdb``).
        taxonomy: a Taxonomy, a bundled name or a file (default ``genai``).
        columns: explicit column names, keys ``text, date, title, company, id`` (others found by name).
        engine: ``local`` or ``dask``; scheduler: a Dask scheduler address (else a LocalCluster).
        near_dup_threshold: word 3-gram Jaccard at or above which a posting is a near-duplicate;
            ``1.0`` keeps only exact duplicates out.
        on_progress: called with ``(bytes_advanced, rows_advanced)`` as postings are extracted and
            after each batch; over a run the calls add up to the bytes and rows read.
        encoding: of CSV and JSONL files (UTF-8 by default); a row with bytes not valid in it fails
            with its row number and the others go on.
        max_row_chars: a longer row fails with ``too_large`` (None: no limit).
        workers: processes preparing and extracting postings (local engine) or of the Dask
            LocalCluster; default one per core. The database holds the same either way.

    Returns:
        ``{"ingested", "duplicates", "failed", "rows_read", "exact_duplicates", "near_duplicates",
        "replaced", "kept_apart", "undated", "redacted", "stale", "warnings", "errors", …}``; the first
        three partition the rows read. A row that replaces a stored copy counts as a duplicate (the
        number of distinct postings does not grow); ``replaced`` counts those, ``kept_apart`` the rows
        stored although a near-duplicate candidate was over the threshold.
    """
    from ..taxonomy import load_taxonomy

    if not (0.0 < near_dup_threshold <= 1.0):
        raise UsageError(f"near_dup_threshold must be in (0, 1] (got {near_dup_threshold})", params=("near_dup_threshold",))
    if batch_size < 1:
        raise UsageError("batch size must be at least 1")
    if workers is not None and workers < 1:
        raise UsageError(f"workers must be at least 1 (got {workers})", params=("workers",))
    file_codec(encoding)  # an unknown or non-text encoding is a usage error before anything is stored
    tax = load_taxonomy(taxonomy)
    con = connect(db)
    run_id = uuid.uuid4().hex[:16]
    try:
        con.execute(f"SET memory_limit = '{INGEST_MEMORY_LIMIT}'")
        salary_store.backfill(con)  # once, for a database from before the salaries table
        stale = stale_count(con, tax)
        save_skills(con, tax)
        backfill_facets(con)
        demand_index.refresh(con)  # built once for a database from before it, or after the links changed
        start_run(con, run_id, command="ingest", engine=engine, files=paths, taxonomy=tax)
        ing = _Ingestor(con, tax, engine, scheduler, near_dup_threshold, run_id, max_row_chars, workers)
        if engine not in ("local", "dask"):
            raise UsageError(f"engine must be one of local, dask (got '{engine}')", params=("engine",))
        queue: deque[dict] = deque()

        def finish(job: dict) -> None:
            if job["kind"] == "error":
                ing.errors.append({"source": job["source"], "row": None, "error": job["error"].to_dict()})
                if on_progress:
                    on_progress(job["bytes"], 0)
                return
            before = ing.counts["rows_read"]
            ing.finish(job)
            job["step"].finish(ing.counts["rows_read"] - before)
            if on_batch:
                on_batch(dict(ing.counts))

        try:
            # one batch is prepared (by the engine) while the one before it is deduplicated and stored
            for kind, source, what, nbytes in _read_all(paths, columns, batch_size, encoding):
                if kind == "error":
                    queue.append(dict(kind=kind, source=source, error=what, bytes=nbytes))
                else:
                    step = _BatchProgress(on_progress, nbytes, len(what.rows) + len(what.row_errors))
                    job = ing.start(what, step if on_progress else None)
                    job.update(kind=kind, step=step)
                    queue.append(job)
                while len(queue) > _LOOKAHEAD:
                    finish(queue.popleft())
            while queue:
                finish(queue.popleft())
        finally:
            ing.close()
        summary = dict(ing.counts)
        summary["stale"] = stale
        ing.warnings[:0] = ing.date_warnings()
        if stale:
            ing.warnings.append({"source": str(db or "skillradar.duckdb"), "code": "stale_mentions", "message":
                                 f"{stale} stored postings have mentions from another taxonomy version: run "
                                 "`skillradar market reextract` to bring them up to date"})
        summary.update(files=len(paths), failed_files=sum(1 for e in ing.errors if e["row"] is None),
                       taxonomy_version=tax.version, taxonomy_hash=tax.content_hash, run_id=run_id,
                       db=str(db or "skillradar.duckdb"), warnings=ing.warnings, errors=ing.errors)
        finish_run(con, run_id, {k: v for k, v in summary.items() if k not in ("errors",)})
        return summary
    except BaseException as exc:
        end_run_on_error(con, run_id, exc)
        raise
    finally:
        con.close()


def reextract(*, db: str | Path | None = None, taxonomy=None, engine: str = "local", scheduler: str | None = None,
              all_postings: bool = False, batch_size: int = 1000,
              on_progress: Callable[[int, int], None] | None = None,
              on_total: Callable[[int], None] | None = None) -> dict:
    """Recompute mentions of stored postings whose taxonomy version or content differs from ``taxonomy``
    (or of all postings). Runs on the stored text, which is the original except for redacted contact
    details. Each batch is one transaction, so an interrupted run can simply be run again.

    ``on_total(n)`` is told how many postings will be re-extracted; ``on_progress(n, n)`` as each is."""
    import pandas as pd

    from ..taxonomy import load_taxonomy
    from .engines import make_engine

    tax = load_taxonomy(taxonomy)
    con = connect(db)
    run_id = uuid.uuid4().hex[:16]
    eng = None
    try:
        save_skills(con, tax)
        backfilled = backfill_facets(con)
        demand_index.refresh(con)
        start_run(con, run_id, command="reextract", engine=engine, files=[], taxonomy=tax)
        where = "" if all_postings else "WHERE taxonomy_hash IS DISTINCT FROM ?"
        params = [] if all_postings else [tax.content_hash]
        salary_store.backfill(con)  # once, for a database from before the salaries table
        listed = con.execute(f"SELECT id, seq FROM postings {where} ORDER BY seq", params).fetchall()
        ids = [r[0] for r in listed]
        seqs = [r[1] for r in listed]
        if on_total:
            on_total(len(ids))
        tv, th = tax.version, tax.content_hash
        index = demand_index.maintained(con)
        done = 0
        for start in range(0, len(ids), batch_size):
            chunk = ids[start:start + batch_size]
            frame = pd.DataFrame({"id": chunk})
            con.register("_ids", frame)
            # the seq range lets DuckDB's zone maps skip the row groups outside it: a join on id alone
            # would read every stored text for every batch
            texts = dict(con.execute("SELECT p.id, p.text FROM postings p JOIN _ids USING (id) WHERE p.seq BETWEEN ? AND ?",
                                     [seqs[start], seqs[start + len(chunk) - 1]]).fetchall())
            eng = eng or make_engine(engine, tax, scheduler=scheduler)
            mentions = eng.extract([texts[i] for i in chunk], (lambda n: on_progress(n, n)) if on_progress else None)
            m_rows, l_rows = [], []
            for pid, ms in zip(chunk, mentions):
                m_rows.extend((pid, m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], tv, th) for m in ms)
                l_rows.extend((pid, sid, lvl) for sid, lvl in sorted(_levels(ms).items()))
            mf = pd.DataFrame(m_rows, columns=["posting_id", "skill_id", "start", "end", "text", "requirement", "years",
                                               "section", "method", "confidence", "taxonomy_version", "taxonomy_hash"]
                              ).astype({"years": "float64"})
            lf = pd.DataFrame(l_rows, columns=["posting_id", "skill_id", "level"])
            con.register("_m", mf)
            con.register("_s", lf)
            try:
                con.execute("BEGIN TRANSACTION")
                con.execute("DELETE FROM mentions WHERE posting_id IN (SELECT id FROM _ids)")
                con.execute("DELETE FROM posting_skills WHERE posting_id IN (SELECT id FROM _ids)")
                if m_rows:
                    con.execute("INSERT INTO mentions SELECT * FROM _m")
                if l_rows:
                    con.execute("INSERT INTO posting_skills SELECT * FROM _s")
                con.execute("UPDATE postings SET taxonomy_version = ?, taxonomy_hash = ? WHERE id IN (SELECT id FROM _ids)",
                            [tv, th])
                if index:
                    batch = "SELECT seq FROM postings WHERE seq BETWEEN ? AND ? AND id IN (SELECT id FROM _ids)"
                    span = [seqs[start], seqs[start + len(chunk) - 1]]
                    demand_index.remove_seqs(con, batch, span)
                    demand_index.add_batch(con, f"(SELECT id, seq, date FROM postings WHERE seq BETWEEN {int(span[0])} "
                                                f"AND {int(span[1])} AND id IN (SELECT id FROM _ids))", "_s", "_m")
                    demand_index.stamp(con)
                con.execute("COMMIT")
            except Exception as exc:
                con.execute("ROLLBACK")
                raise StoreError(f"could not re-extract a batch: {exc}") from exc
            finally:
                for name in ("_ids", "_m", "_s"):
                    con.unregister(name)
            done += len(chunk)
        summary = {"reextracted": done, "facets_added": backfilled, "taxonomy_version": tv, "taxonomy_hash": th,
                   "run_id": run_id}
        finish_run(con, run_id, summary)
        return summary
    except BaseException as exc:
        end_run_on_error(con, run_id, exc)
        raise
    finally:
        if eng is not None:
            eng.close()
        con.close()
