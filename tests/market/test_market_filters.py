"""Issue 13, items 1, 5, 7 and 10: filters on every query, boilerplate counted on request, two corpora
compared, results as pandas / Arrow.

The filter invariant: a query with filters gives exactly what the same query gives on a database that
holds only the postings the filters describe (selected here by an independent reading of the rows).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from skillradar.errors import UsageError
from skillradar.market import stats
from skillradar.market.dedup_rules import seniority as title_seniority

CONTRACTS = ["Full time", "CONTRACT", "Part-time", None, "Remote", "Zero hours"]  # "Remote" is no contract type
CONTRACT_OF = {"Full time": "full-time", "CONTRACT": "contract", "Part-time": "part-time", "Remote": None, None: None,
               "Zero hours": "other"}
SECTORS = ["Health care", "Financial services", None, "Software"]


@pytest.fixture(scope="module")
def facet_rows(mtax):
    """150 synthetic postings (no planted reposts) with an employment-type and an industry column."""
    from skillradar.market.synthetic import generate

    rows, _truth = generate(150, seed=5, taxonomy=mtax, repost_rate=0.0)
    for i, r in enumerate(rows):
        r["employment_type"] = CONTRACTS[i % len(CONTRACTS)]
        r["industry"] = SECTORS[i % len(SECTORS)]
    return rows


def _ingest(rows, path, mtax):
    import pandas as pd

    from skillradar.market.ingest import ingest_files

    csv = path.with_suffix(".csv")
    pd.DataFrame(rows).to_csv(csv, index=False)
    summary = ingest_files([csv], db=path, taxonomy=mtax, near_dup_threshold=1.0)
    assert summary["ingested"] == len(rows), summary
    return path


@pytest.fixture(scope="module")
def facet_db(facet_rows, mtax, tmp_path_factory):
    return _ingest(facet_rows, tmp_path_factory.mktemp("facets") / "all.duckdb", mtax)


def _expected(rows, f: dict) -> list[dict]:
    """The rows ``f`` keeps, read directly off the input (the oracle)."""
    def has(value, wanted, whole_words):
        if value is None:
            return False
        if not whole_words:  # the title: any part of it
            return any(w.lower() in value.lower() for w in wanted)
        return any(re.search(r"(?:^|[^\w])" + re.escape(w) + r"(?:$|[^\w])", value, re.IGNORECASE) for w in wanted)

    out = []
    for r in rows:
        words = title_seniority(r["title"]) or frozenset()
        named = {w for w in words if not w.startswith("level-")}
        ok = True
        for key, want in f.items():
            want_list = [want] if isinstance(want, str) else list(want)
            if key in ("location", "company", "title_contains", "sector"):
                field = {"title_contains": "title", "sector": "industry"}.get(key, key)
                ok &= has(r[field], want_list, key != "title_contains")
            elif key == "seniority":
                ok &= any((w == "unspecified" and not named) or w in named for w in want_list)
            elif key == "contract_type":
                kind = CONTRACT_OF[r["employment_type"]]
                ok &= any((w == "unspecified" and kind is None) or w == kind for w in want_list)
            elif key == "since":
                ok &= r["date_posted"] >= want
            elif key == "until":
                ok &= r["date_posted"] <= want
        if ok:
            out.append(r)
    return out


FILTERS = [
    {"location": "berlin"},
    {"location": "york"},  # whole words: "New York"
    {"location": ["Remote", "paris"]},
    {"company": "labs"},
    {"company": ["Nimbus", "lab"]},  # "lab" is no whole word of "Labs"
    {"seniority": "senior"},
    {"seniority": ["junior", "lead"]},
    {"seniority": "unspecified"},
    {"contract_type": "contract"},
    {"contract_type": ["other", "unspecified"]},
    {"sector": "health"},
    {"title_contains": "engineer", "since": "2024-01-01"},
    {"location": "london", "seniority": ["senior", "staff"], "until": "2024-06-30"},
]


@pytest.mark.parametrize("f", FILTERS, ids=lambda f: json.dumps(f, sort_keys=True))
def test_a_filter_gives_what_the_subset_alone_gives(f, facet_rows, facet_db, mtax, tmp_path):
    keep = _expected(facet_rows, f)
    assert keep, f"the test data has no posting for {f}"
    sub = _ingest(keep, tmp_path / "sub.duckdb", mtax)
    assert stats.top(facet_db, **f) == stats.top(sub)
    assert stats.top(facet_db, family="data", requirement="required", **f) == stats.top(sub, family="data",
                                                                                        requirement="required")
    skill = stats.top(sub)[0]["skill_id"]
    assert stats.cooccur(facet_db, skill=skill, min_both=1, **f) == stats.cooccur(sub, skill=skill, min_both=1)
    dated = [r["date_posted"] for r in keep]
    monthly_all = stats.monthly(facet_db, skills=[skill], **f)
    assert monthly_all == stats.monthly(sub, skills=[skill]) and monthly_all
    split = sorted(dated)[len(dated) // 2]
    if min(dated) < split:
        assert stats.trends(facet_db, split=split, **f) == stats.trends(sub, split=split)


def test_facets_are_stored_per_posting(facet_db, facet_rows):
    import duckdb

    con = duckdb.connect(str(facet_db), read_only=True)
    got = {r[0]: r[1:] for r in con.execute("SELECT id, seniority, contract_type, sector, synthetic FROM postings")
           .fetchall()}
    con.close()
    for r in facet_rows:
        words = title_seniority(r["title"])
        sen, kind, sector, synthetic = got[r["id"]]
        assert sen == ("," + ",".join(sorted(words)) + "," if words else "")
        assert kind == CONTRACT_OF[r["employment_type"]]
        assert sector == r["industry"] and synthetic is True


@pytest.mark.parametrize("title,text,extra,expected", [
    ("Senior ML Engineer (Contract)", "", {}, "contract"),
    ("Smart Contract Engineer", "", {}, None),
    ("Contract Manager, AI", "", {}, None),
    ("Machine Learning Intern", "", {}, "internship"),
    ("Part-time Data Analyst", "", {}, "part-time"),
    ("Data Scientist", "About\n**Employment Type:** Full Time\n", {}, "full-time"),
    ("Data Scientist", "  *  **Contract: Permanent**", {}, "permanent"),
    ("Data Scientist", "Type of contract: **B2B contract**.", {}, "contract"),
    ("Data Scientist", "Work type: Hybrid", {}, None),
    ("Data Scientist", "", {"work_type": "FULL_TIME"}, "full-time"),
    ("Data Scientist", "", {"work_type": "Remote"}, None),
    ("Data Scientist", "", {"Employment Type": "Zero hours"}, "other"),
    ("Data Scientist (Contract)", "", {"employment_type": "Full-time"}, "full-time"),  # a column outranks the title
])
def test_contract_type_sources(title, text, extra, expected):
    from skillradar.market.facets import contract_type_of

    assert contract_type_of(title, text, extra) == expected


def test_unknown_enumerated_values_list_the_valid_ones(facet_db):
    from skillradar.market.facets import CONTRACT_TYPES, SENIORITY_VALUES

    for name, bad, valid in (("seniority", "seniour", SENIORITY_VALUES), ("contract_type", "fulltime", CONTRACT_TYPES)):
        with pytest.raises(UsageError) as err:
            stats.top(facet_db, **{name: bad})
        message = err.value.message
        assert message.startswith(f"{name} must be one of") and all(v in message for v in valid), message
    assert stats.top(facet_db, seniority="SENIOR") == stats.top(facet_db, seniority="senior")
    with pytest.raises(TypeError, match="unknown filter locaton"):
        stats.top(facet_db, locaton="Berlin")
    with pytest.raises(UsageError, match="since 2024-06-01 is after until 2024-01-01"):
        stats.top(facet_db, since="2024-06-01", until="2024-01-01")


def test_an_empty_filter_says_which_filter_keeps_nothing(facet_db):
    from skillradar.market.filters import why_empty

    assert stats.top(facet_db, location="Atlantis", seniority="senior") == []
    why = why_empty(facet_db, location="Atlantis", seniority="senior", flags=True)  # as the CLI words it
    assert why.startswith("no postings match --location 'Atlantis' and --seniority senior (150 postings")
    assert "--location 'Atlantis' alone matches 0" in why and "--seniority senior alone matches" in why
    assert why_empty(facet_db, location="Atlantis").startswith("no postings match location 'Atlantis'")


def test_cli_filters_and_empty_reason(facet_db, capsys):
    from skillradar.cli import main

    args = ["market", "top", "--db", str(facet_db), "--location", "berlin", "--seniority", "senior", "--format", "json"]
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out) == stats.top(facet_db, location="berlin", seniority="senior")
    assert main(["market", "top", "--db", str(facet_db), "--company", "Nowhere Inc"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "no postings match --company 'Nowhere Inc' (150 postings in the database)" in err
    assert main(["market", "trends", "--db", str(facet_db), "--monthly", "--contract-type", "contract",
                 "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == stats.monthly(facet_db, contract_type="contract")
    assert main(["market", "top", "--db", str(facet_db), "--seniority", "seniour"]) == 2
    assert "did you mean 'senior'?" in capsys.readouterr().err


def test_old_database_refuses_facet_filters_until_reextract(facet_rows, mtax, tmp_path):
    import duckdb

    from skillradar.cli import main
    from skillradar.errors import OutdatedDatabase
    from skillradar.market.ingest import reextract

    db = _ingest(facet_rows[:30], tmp_path / "old.duckdb", mtax)
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM meta WHERE key = 'facets_version'")
    con.execute("ALTER TABLE postings DROP COLUMN seniority")
    con.execute("ALTER TABLE postings DROP COLUMN contract_type")
    con.close()
    assert stats.top(db, location="berlin") == stats.top(db, location=["Berlin"])  # stored columns still filter
    with pytest.raises(OutdatedDatabase) as err:
        stats.top(db, seniority="senior")
    assert err.value.http_status == 409 and "skillradar market reextract" in err.value.message
    assert main(["market", "top", "--db", str(db), "--seniority", "senior"]) == 2
    summary = reextract(db=db, taxonomy=mtax)
    assert summary["facets_added"] == 30 and summary["reextracted"] == 0
    assert stats.top(db, seniority="senior") == stats.top(_ingest(_expected(facet_rows[:30], {"seniority": "senior"}),
                                                                  tmp_path / "s.duckdb", mtax))


def test_boilerplate_counts_only_on_request(mtax, tmp_path, capsys):
    from skillradar.cli import main

    texts = ["About us:\nOur whole platform is written in Python and runs on Kubernetes.\n\nRequirements:\n- SQL.",
             "Requirements:\n- Python.\n\nBenefits:\n- A yearly budget to learn Kubernetes and Docker.",
             "Requirements:\n- SQL and Docker.\n\nNice to have: Kubernetes."]
    db = _ingest([{"description": t, "title": "Engineer"} for t in texts], tmp_path / "b.duckdb", mtax)
    plain = {r["skill_id"]: r["postings"] for r in stats.top(db)}
    counted = {r["skill_id"]: r["postings"] for r in stats.top(db, count_boilerplate=True)}
    assert plain == {"lang.python": 1, "data.sql": 2, "ops.docker": 1, "ops.kubernetes": 1}
    assert counted == {"lang.python": 2, "data.sql": 2, "ops.docker": 2, "ops.kubernetes": 3}
    # the strongest level wins: Kubernetes stays "preferred" in posting 3, boilerplate adds "mentioned" elsewhere
    assert {r["skill_id"] for r in stats.top(db, count_boilerplate=True, requirement="preferred")} == {"ops.kubernetes"}
    assert [r["other_id"] for r in stats.cooccur(db, skill="sql", min_both=1, count_boilerplate=True)
            if r["other_id"] == "lang.python"] == ["lang.python"]
    assert not [r for r in stats.cooccur(db, skill="sql", min_both=1) if r["other_id"] == "lang.python"]
    assert main(["market", "top", "--db", str(db), "--count-boilerplate", "--format", "json"]) == 0
    assert {r["skill_id"]: r["postings"] for r in json.loads(capsys.readouterr().out)} == counted


def test_compare_two_filters_equals_two_databases(facet_rows, facet_db, mtax, tmp_path):
    from scipy.stats import fisher_exact
    from statsmodels.stats.multitest import multipletests

    from skillradar.market.comparison import compare

    fa, fb = {"seniority": "unspecified"}, {"seniority": ["senior", "staff", "lead", "principal"]}
    one = compare(facet_db, a=fa, b=fb)
    db_a = _ingest(_expected(facet_rows, fa), tmp_path / "a.duckdb", mtax)
    db_b = _ingest(_expected(facet_rows, fb), tmp_path / "b.duckdb", mtax)
    two = compare(db_a, db_b=db_b)
    assert one == two and one
    assert one.meta["overlap"] == 0 and two.meta["overlap"] is None
    assert one == sorted(one, key=lambda r: (r["q_value"], r["p_value"], r["skill_id"]))
    q = multipletests([r["p_value"] for r in one], method="fdr_bh")[1]
    for r, qi in zip(one, q):
        assert r["q_value"] == pytest.approx(qi, abs=1e-12)
        assert r["diff"] == pytest.approx(r["share_b"] - r["share_a"])
        assert r["diff_ci_low"] <= r["diff"] <= r["diff_ci_high"]
        assert r["ci_low_a"] <= r["share_a"] <= r["ci_high_a"] and r["ci_low_b"] <= r["share_b"] <= r["ci_high_b"]
        if r["test"] == "fisher":
            table = [[r["postings_a"], r["total_a"] - r["postings_a"]], [r["postings_b"], r["total_b"] - r["postings_b"]]]
            assert r["p_value"] == pytest.approx(fisher_exact(table)[1], rel=1e-6, abs=1e-12)
    assert one.to_pandas()["skill_id"].tolist() == [r["skill_id"] for r in one]


def test_compare_finds_a_planted_difference_and_says_when_none(mtax, tmp_path, capsys):
    from skillradar.cli import main
    from skillradar.market.comparison import compare

    rows = []
    for i in range(120):
        berlin = i % 2 == 0
        skills = ["Python"] + (["Kubernetes"] if (berlin and i % 4 == 0) or (not berlin and i % 10 == 1) else [])
        rows.append({"description": f"Posting {i}. Requirements:\n- " + "\n- ".join(skills) + ".",
                     "location": "Berlin" if berlin else "London", "title": "Engineer"})
    db = _ingest(rows, tmp_path / "c.duckdb", mtax)
    out = {r["skill_id"]: r for r in compare(db, a={"location": "London"}, b={"location": "Berlin"})}
    k = out["ops.kubernetes"]
    assert (k["postings_a"], k["total_a"], k["postings_b"], k["total_b"]) == (12, 60, 30, 60)
    assert k["q_value"] < 0.05 and k["diff"] == pytest.approx(0.3)
    assert out["lang.python"]["p_value"] == 1.0
    code = main(["market", "compare", "--db", str(db), "--a", "location=London", "--b", "location=Berlin"])
    cap = capsys.readouterr()
    assert code == 0 and "a = location=London (n = 60) vs. b = location=Berlin (n = 60)" in " ".join(cap.out.split())
    assert "nothing significant" not in cap.err
    code = main(["market", "compare", "--db", str(db), "--a", "location=London", "--b", "location=London",
                 "--b", "location=Paris"])
    err = " ".join(capsys.readouterr().err.split())
    assert code == 0 and "nothing significant: no skill's share differs between a and b at q < 0.05" in err
    assert "60 postings are on both sides" in err
    assert main(["market", "compare", "--db", str(db)]) == 2
    assert "the two sides are the same postings" in capsys.readouterr().err
    assert main(["market", "compare", "--db", str(db), "--a", "locaton=Berlin"]) == 2
    assert "did you mean 'location'?" in capsys.readouterr().err
    assert main(["market", "compare", "--db", str(db), "--location", "Berlin", "--a", "location=London"]) == 2
    assert main(["market", "compare", "--db", str(db), "--a", "location=Mars", "--b", "location=Berlin"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "side a (location=Mars) has no postings to compare: no postings match location 'Mars'" in err
    assert main(["market", "compare", "--db", str(db), "--db-b", str(tmp_path / "missing.duckdb")]) == 2
    assert "--db-b" in capsys.readouterr().err


def test_rows_convert_to_pandas_and_arrow(facet_db):
    rows = stats.top(facet_db, limit=5)
    frame = rows.to_pandas()
    assert list(frame.columns) == stats.TOP_COLUMNS and len(frame) == 5
    assert frame.to_dict("records") == list(rows)
    table = rows.to_arrow()
    assert table.column_names == stats.TOP_COLUMNS and table.to_pylist() == list(rows)
    empty = stats.top(facet_db, location="Atlantis")
    assert empty == [] and json.dumps(empty) == "[]"
    assert list(empty.to_pandas().columns) == stats.TOP_COLUMNS
    assert str(empty.to_pandas()["postings"].dtype) == "int64" and str(empty.to_arrow().schema.field("share").type) == "double"
    monthly = stats.monthly(facet_db, top_n=2)
    assert str(monthly.to_arrow().schema.field("thin").type) == "bool"


def test_queries_load_no_pandas_scipy_or_statsmodels(facet_db):
    code = ("import sys\nfrom skillradar.market import stats\nfrom skillradar.market.comparison import compare\n"
            f"db = {str(facet_db)!r}\n"
            "stats.top(db, seniority='senior'); stats.monthly(db, top_n=2, location='berlin')\n"
            "stats.trends(db, split='2024-01-01'); stats.cooccur(db, skill='python', count_boilerplate=True)\n"
            "compare(db, a={'location': 'berlin'}, b={'location': 'london'})\n"
            "print(sorted(m for m in ('pandas', 'pyarrow', 'scipy', 'statsmodels') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_monthly_on_undated_postings_says_they_lack_dates(mtax, tmp_path, capsys):
    from skillradar.cli import main

    db = _ingest([{"description": "Requirements:\n- Python."}, {"description": "Requirements:\n- SQL."}],
                 tmp_path / "u.duckdb", mtax)
    assert stats.monthly(db) == []
    assert main(["market", "trends", "--db", str(db), "--monthly"]) == 0
    assert "these 2 postings have no dates, and monthly series and trends need them" in capsys.readouterr().err


def test_emerging_and_salaries_take_the_same_filters(mtax, tmp_path):
    from skillradar.market.emerging import emerging_terms
    from skillradar.market.salaries import salary_list, salary_summary
    from skillradar.market.synthetic import generate
    from skillradar.market.synthetic_terms import parse_plant, plant_terms

    rows, _truth = generate(400, seed=9, taxonomy=mtax, repost_rate=0.0)
    rows, _planted = plant_terms(rows, parse_plant(["Quillstream:0.02:0.5"]), seed=9)
    for i, r in enumerate(rows):
        r["description"] += f"\nSalary: ${100 + i % 7 * 10},000 - ${150 + i % 5 * 10},000 per year."
        r["employment_type"], r["industry"] = None, None
    db = _ingest(rows, tmp_path / "all.duckdb", mtax)
    split = "2024-01-01"
    assert any(r["q_value"] < 0.05 for r in emerging_terms(db, split=split, examples=0)["rows"])
    for n, f in enumerate(({"location": ["Berlin", "London", "Paris"]}, {"seniority": "unspecified", "since": "2023-03-01"})):
        sub = _ingest(_expected(rows, f), tmp_path / f"sub{n}.duckdb", mtax)
        assert salary_summary(db, **f) == salary_summary(sub) and salary_summary(sub)
        assert [r["text"] for r in salary_list(db, **f)] == [r["text"] for r in salary_list(sub)]
        found, alone = emerging_terms(db, split=split, examples=0, **f), emerging_terms(sub, split=split, examples=0)
        assert found["rows"] == alone["rows"] and found["rows"] and found["total_after"] == alone["total_after"]
