"""A trend split that leaves one side empty is an empty answer on the web (it says why), and a usage
error on the command line (exit 2)."""

import pytest

from skillradar.errors import EmptySplit


def test_web_trends_with_an_empty_side_answers_empty_with_the_reason(market_client):
    r = market_client.get("/api/market/trends", params={"split": "1990-01-01"})
    assert r.status_code == 200
    body = r.json()
    assert body["rows"] == [] and "leaves no dated postings before it" in body["empty_reason"]


def test_library_trends_with_an_empty_side_is_an_empty_split(market_db):
    from skillradar.market import stats

    with pytest.raises(EmptySplit) as err:
        stats.trends(market_db, split="1990-01-01")
    assert err.value.exit_code == 2 and err.value.params[0] == "split"
