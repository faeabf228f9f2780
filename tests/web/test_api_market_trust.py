"""Issue 13 in the API: roll-up switch, significance-ranked co-occurrence, skills by name, n on rows."""

from __future__ import annotations


def test_top_rolls_up_unless_asked_not_to(market_client):
    rolled = {r["skill_id"]: r for r in market_client.get("/api/market/top", params={"limit": 1000}).json()["rows"]}
    plain = {r["skill_id"]: r for r in market_client.get("/api/market/top", params={"limit": 1000, "rollup": "false"})
             .json()["rows"]}
    assert any(r["via_narrower"] > 0 for r in rolled.values())
    assert all(r["via_narrower"] == 0 for r in plain.values())
    for sid, r in rolled.items():
        assert r["postings"] >= plain.get(sid, {"postings": 0})["postings"]
        assert r["share"] == r["postings"] / r["total"]


def test_cooccur_by_alias_with_q_values_and_support(market_client):
    res = market_client.get("/api/market/cooccur", params={"skill": "python"})
    assert res.status_code == 200, res.text
    rows = res.json()["rows"]
    assert rows and rows[0]["skill_id"] == "lang.python" and all(r["both"] >= 3 for r in rows)
    assert rows == sorted(rows, key=lambda r: (r["q_value"], r["p_value"], -r["lift"], r["other_id"]))
    by_lift = market_client.get("/api/market/cooccur", params={"skill": "lang.python", "sort": "lift",
                                                               "min_both": 1}).json()["rows"]
    assert by_lift == sorted(by_lift, key=lambda r: (-r["lift"], r["other_id"])) and len(by_lift) >= len(rows)
    miss = market_client.get("/api/market/cooccur", params={"skill": "pyhton"})
    assert miss.status_code == 404 and "lang.python" in miss.text
    assert market_client.get("/api/market/cooccur", params={"skill": "python", "min_both": 0}).status_code in (400, 422)


def test_monthly_rows_carry_n_and_thin(market_client):
    rows = market_client.get("/api/market/monthly", params={"min_postings": 15}).json()["rows"]
    assert rows and all(r["thin"] == (r["total"] < 15) for r in rows)
    assert market_client.get("/api/market/monthly", params={"min_postings": 0}).status_code == 422
