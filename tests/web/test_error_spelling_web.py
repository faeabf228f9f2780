"""The web API names library parameters as its own query parameters, never as CLI flags (issue 14)."""


def test_the_web_api_names_its_query_parameter(market_client):
    r = market_client.get("/api/market/cooccur", params={"skill": "   "})
    assert r.status_code == 400
    message = r.json()["error"]["message"]
    assert message.startswith("skill must name a skill") and "--" not in message
