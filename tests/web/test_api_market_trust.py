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
