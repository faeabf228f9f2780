"""Issue 13 in the REST API: filters on every market endpoint, empty results that say why, compare,
the corpus line (synthetic said) and the facet menus."""

from __future__ import annotations

import pytest

from skillradar.market import stats


def _rows(res):
    assert res.status_code == 200, res.text
    return res.json()["rows"]


def test_every_query_takes_the_filters(market_client, market_db):
    f = {"location": ["Berlin", "paris"], "seniority": "senior"}
    assert _rows(market_client.get("/api/market/top", params={**f, "limit": 1000})) == stats.top(market_db, **f)
    assert _rows(market_client.get("/api/market/trends", params={**f, "split": "2024-01-01"})) == \
        stats.trends(market_db, split="2024-01-01", **f)
    assert _rows(market_client.get("/api/market/monthly", params={**f, "top_n": 3})) == \
        stats.monthly(market_db, top_n=3, **f)
    assert _rows(market_client.get("/api/market/cooccur", params={**f, "skill": "python", "min_both": 1})) == \
        stats.cooccur(market_db, skill="python", min_both=1, **f)
    boiler = _rows(market_client.get("/api/market/top", params={"count_boilerplate": "true", "limit": 1000}))
    assert boiler == stats.top(market_db, count_boilerplate=True, limit=1000)


def test_unknown_values_are_refused_with_the_valid_ones(market_client):
    res = market_client.get("/api/market/top", params={"seniority": "seniour"})
    assert res.status_code == 422 and res.json()["error"]["code"] == "invalid_request"
    assert "'senior'" in res.json()["error"]["message"] and "'unspecified'" in res.json()["error"]["message"]
    res = market_client.get("/api/market/top", params={"contract_type": "fulltime"})
    assert res.status_code == 422 and "'full-time'" in res.json()["error"]["message"]
    res = market_client.get("/api/market/top", params={"since": "2024-06-01", "until": "2024-01-01"})
    assert res.status_code == 400 and "is after" in res.json()["error"]["message"]


def test_an_empty_answer_says_why(market_client):
    body = market_client.get("/api/market/top", params={"company": "Nowhere Inc", "seniority": "lead"}).json()
    assert body["rows"] == [] and body["empty_reason"].startswith("no postings match company 'Nowhere Inc' and "
                                                                  "seniority lead")
    assert "company 'Nowhere Inc' alone matches 0" in body["empty_reason"]
    body = market_client.get("/api/market/cooccur", params={"skill": "python", "location": "Atlantis"}).json()
    assert body["rows"] == [] and "no postings match location 'Atlantis'" in body["empty_reason"]


def test_compare_endpoint(market_client, market_db):
    from skillradar.market.comparison import compare

    res = market_client.get("/api/market/compare", params={"a": "seniority=unspecified", "b": ["seniority=senior",
                                                                                               "seniority=lead"]})
    body = res.json()
    assert res.status_code == 200, res.text
    assert body["rows"] == compare(market_db, a={"seniority": "unspecified"}, b={"seniority": ["senior", "lead"]})
    assert body["a"]["postings"] == body["rows"][0]["total_a"] and body["b"]["filters"] == {"seniority": ["senior", "lead"]}
    assert body["overlap"] == 0 and body["significant"] == sum(r["q_value"] < 0.05 for r in body["rows"])
    if not body["significant"]:
        assert body["note"].startswith("nothing significant")
    bad = market_client.get("/api/market/compare", params={"a": "seniority"})
    assert bad.status_code == 400 and "KEY=VALUE" in bad.json()["error"]["message"]
    same = market_client.get("/api/market/compare")
    assert same.status_code == 400 and "the two sides are the same postings" in same.json()["error"]["message"]


def test_corpus_line_says_synthetic_and_facets_count(market_client):
    body = market_client.get("/api/market/corpus").json()
    assert body["synthetic"] == body["postings"] > 100
    assert body["sources"] == [{"source": "postings.csv", "postings": body["postings"]}]  # a file name, no path
    assert body["caption"].startswith(f"n = {body['postings']:,} postings · source: postings.csv · 20")
    assert "SYNTHETIC" in body["caption"]
    facets = market_client.get("/api/market/facets").json()
    assert sum(v for k, v in facets["contract_type"].items()) == facets["postings"] == body["postings"]
    assert facets["seniority"]["senior"] > 0
    senior = market_client.get("/api/market/corpus", params={"seniority": "senior"}).json()
    assert senior["postings"] == facets["seniority"]["senior"]


def test_outdated_database_is_409(tmp_path, market_db):
    import shutil

    import duckdb
    from fastapi.testclient import TestClient

    from skillradar.web.app import create_app

    db = tmp_path / "old.duckdb"
    shutil.copy(market_db, db)
    con = duckdb.connect(str(db))
    con.execute("DELETE FROM meta WHERE key = 'facets_version'")
    con.close()
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        res = c.get("/api/market/top", params={"seniority": "senior"})
        assert res.status_code == 409 and res.json()["error"]["code"] == "outdated_database"
        assert "skillradar market reextract" in res.json()["error"]["message"]
        assert c.get("/api/market/top", params={"location": "Berlin"}).status_code == 200


@pytest.mark.parametrize("path", ["/api/market/compare", "/api/market/corpus", "/api/market/facets"])
def test_new_endpoints_are_documented(market_client, path):
    spec = market_client.get("/openapi.json").json()
    op = spec["paths"][path]["get"]
    assert {"409", "503"} <= set(op["responses"])
