"""The demand index (``market/demand_index.py``): kept by ingest and reextract, it always equals a
rebuild from the tables, and queries read the same answers from it as from the tables."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillradar.market import demand_index
from skillradar.market.comparison import compare
from skillradar.market.cooccurrence import cooccur
from skillradar.market.ingest import ingest_files, reextract
from skillradar.market.skillnames import registered_ancestors
from skillradar.market.stats import monthly, top, trends
from skillradar.market.store import connect

HERE = Path(__file__).parent
# broader links added to the market test taxonomy (LangChain -> RAG -> LLMs: two levels of roll-up)
LINKS = {"genai.rag": "genai.llm", "genai.finetuning": "genai.llm", "genai.prompting": "genai.llm",
         "fw.langchain": "genai.rag", "ops.kubernetes": "ops.docker"}


def _taxonomy_file(path: Path, links: dict) -> Path:
    lines = []
    for line in (HERE / "data" / "taxonomy.yaml").read_text(encoding="utf-8").splitlines():
        for sid, broader in links.items():
            if line.startswith(f"  - {{id: {sid},"):
                line = line[:-1] + f", broader: [{broader}]}}"
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ltax(tmp_path_factory):
    from skillradar.taxonomy import load_taxonomy

    tax = load_taxonomy(_taxonomy_file(tmp_path_factory.mktemp("tax") / "taxonomy.yaml", LINKS))
    assert sum(len(s.broader) for s in tax.skills) == len(LINKS)
    return tax

# Sentences naming skills of the test taxonomy (and its narrower/broader pairs), plus boilerplate.
PARTS = [
    "You will build retrieval augmented generation services in Python.",
    "Experience with PyTorch is required.",
    "Nice to have: Spark and SQL.",
    "Fine-tuning large language models is a plus.",
    "You will do prompt engineering and build agents with LangChain.",
    "Required: Kubernetes and Docker for deployment.",
    "Experience with vector databases preferred.",
    "No Java experience needed.",
    "Benefits: health insurance, Python workshops and a learning budget.",
    "About us: we use machine learning and TensorFlow across the company.",
]
TITLES = ["ML Engineer", "Senior ML Engineer", "Data Scientist", "LLM Engineer", None]


def _posting(seed: int) -> dict:
    parts = [PARTS[(seed * k + k) % len(PARTS)] for k in range(1, 2 + seed % 5)]
    body = " ".join(dict.fromkeys(parts)) + f" Team number {seed}, with its own mission and a long story. " * 3
    month = 1 + seed % 12
    return {"title": TITLES[seed % len(TITLES)] or "", "company": f"Co{seed % 4}",
            "date_posted": "" if seed % 7 == 0 else f"{2023 + seed % 2}-{month:02d}-{1 + seed % 27:02d}",
            "description": body}


def _variant(p: dict, kind: int) -> dict:
    """0: the posting; 1: an exact copy dated (replaces an undated one); 2: a longer near copy."""
    if kind == 1:
        return {**p, "date_posted": p["date_posted"] or "2024-02-02"}
    if kind == 2:
        return {**p, "description": p["description"] + " Visa sponsorship is available."}
    return p


def _csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["title", "company", "date_posted", "description"])
        w.writeheader()
        w.writerows(rows)
    return path


def _index(con) -> list[tuple]:
    return sorted(con.execute(f"SELECT * FROM {demand_index.TABLE}").fetchall(), key=repr)


def _rebuilt(con) -> list[tuple]:
    """The index as recomputed from the tables from scratch."""
    with registered_ancestors(con) as anc:
        sql = demand_index._rows_sql("(SELECT id, seq, date FROM postings)", "posting_skills", "mentions", anc)
        return sorted(con.execute(sql).fetchall(), key=repr)


def _check(db) -> None:
    con = connect(db)
    try:
        assert demand_index.usable(con)
        assert _index(con) == _rebuilt(con)
        assert con.execute(f"SELECT count(DISTINCT seq) FROM {demand_index.TABLE}").fetchone()[0] <= \
            con.execute("SELECT count(*) FROM postings").fetchone()[0]
    finally:
        con.close()


def _queries(db) -> dict:
    out = {}
    for rollup in (True, False):
        for cb in (True, False):
            for req in ("any", "required", "preferred"):
                kw = dict(rollup=rollup, count_boilerplate=cb, requirement=req)
                out[("top", rollup, cb, req)] = list(top(db, **kw))
                out[("top-since", rollup, cb, req)] = list(top(db, since="2023-06-01", **kw))
                out[("top-title", rollup, cb, req)] = list(top(db, title_contains="engineer", **kw))
                out[("trends", rollup, cb, req)] = list(trends(db, split="2024-01-01", **kw))
                out[("monthly", rollup, cb, req)] = list(monthly(db, top_n=4, **kw))
                out[("compare", rollup, cb, req)] = list(compare(db, a={"until": "2023-12-31"},
                                                                 b={"since": "2024-01-01"}, **kw))
        out[("cooccur", rollup)] = list(cooccur(db, skill="Python", min_both=1, count_boilerplate=rollup))
        out[("cooccur-f", rollup)] = list(cooccur(db, skill="Python", min_both=1, title_contains="engineer",
                                                  requirement="required" if rollup else "any"))
    return out


def _drop_stamp(db) -> None:
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM meta WHERE key = 'demand_index'")
    con.close()


@pytest.fixture(scope="module")
def mixed_db(ltax, tmp_path_factory):
    """Three ingest runs with exact and near copies (some replacing stored postings), small batches."""
    tmp = tmp_path_factory.mktemp("di")
    db = tmp / "m.duckdb"
    base = [_posting(i) for i in range(40)]
    ingest_files([_csv(tmp / "a.csv", base[:25])], db=db, taxonomy=ltax, batch_size=7)
    ingest_files([_csv(tmp / "b.csv", base[20:] + [_variant(p, 1) for p in base[:10]])], db=db, taxonomy=ltax,
                 batch_size=5)
    ingest_files([_csv(tmp / "c.csv", [_variant(p, 2) for p in base[5:15]])], db=db, taxonomy=ltax, batch_size=3)
    return db


def test_ingest_keeps_the_index_equal_to_a_rebuild(mixed_db):
    _check(mixed_db)
    con = duckdb.connect(str(mixed_db), read_only=True)
    try:  # the runs did replace stored postings, so removals were exercised
        reasons = {r[0] for r in con.execute("SELECT reason FROM merges").fetchall()}
        assert con.execute("SELECT count(*) FROM merges").fetchone()[0] > 0 and reasons
        assert con.execute(f"SELECT count(*) FROM {demand_index.TABLE} WHERE via > 0").fetchone()[0] > 0
        assert con.execute(f"SELECT count(*) FROM {demand_index.TABLE} WHERE own_b <> own").fetchone()[0] > 0
    finally:
        con.close()


def test_queries_read_the_same_from_the_index_as_from_the_tables(mixed_db, tmp_path):
    with_index = _queries(mixed_db)
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(mixed_db).read_bytes())
    _drop_stamp(copy)
    con = duckdb.connect(str(copy), read_only=True)
    try:
        assert not demand_index.usable(con)
    finally:
        con.close()
    assert _queries(copy) == with_index
    assert any(with_index[k] for k in with_index)


def test_reextract_with_other_links_rebuilds_and_stays_equal(mixed_db, tmp_path, ltax):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(mixed_db).read_bytes())
    fewer = {k: v for k, v in LINKS.items() if k != "genai.rag"}  # LangChain and RAG no longer reach LLMs
    changed = _taxonomy_file(tmp_path / "taxonomy.yaml", fewer)
    reextract(db=copy, taxonomy=str(changed), all_postings=True, batch_size=4)
    _check(copy)
    reextract(db=copy, taxonomy=ltax, all_postings=True, batch_size=6)
    _check(copy)


def test_a_database_written_by_other_means_is_counted_from_the_tables(mixed_db, tmp_path):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(Path(mixed_db).read_bytes())
    con = duckdb.connect(str(copy))
    con.execute("DELETE FROM posting_skills WHERE skill_id IN (SELECT skill_id FROM posting_skills LIMIT 1)")
    con.close()
    con = duckdb.connect(str(copy), read_only=True)
    try:
        assert not demand_index.usable(con)  # the stamp no longer matches: the index is not read
    finally:
        con.close()
    fresh = tmp_path / "fresh.duckdb"
    fresh.write_bytes(copy.read_bytes())
    con = connect(fresh)
    demand_index.refresh(con)
    con.close()
    assert _queries(copy) == _queries(fresh)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["ingest", "reextract"]),
                                st.lists(st.tuples(st.integers(0, 30), st.integers(0, 2)), min_size=1, max_size=9),
                                st.integers(1, 6)), min_size=1, max_size=4))
def test_index_equals_recomputation_after_random_ingests_and_reextracts(steps, ltax, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hyp")
    db = tmp / "m.duckdb"
    for n, (what, picks, batch) in enumerate(steps):
        if what == "reextract" and db.exists():
            reextract(db=db, taxonomy=ltax, all_postings=True, batch_size=batch)
        else:
            rows = [_variant(_posting(seed), kind) for seed, kind in picks]
            ingest_files([_csv(tmp / f"{n}.csv", rows)], db=db, taxonomy=ltax, batch_size=batch)
        _check(db)
