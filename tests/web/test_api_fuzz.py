"""Property-based requests over the whole API, built from its own OpenAPI document (schemathesis,
in-process): no 500s, every status declared, every response body matching its declared schema.

Bounded for speed: a fixed number of examples per operation, derandomised so a failure repeats. The
quick profile (the default) sends each operation its schema examples and a few generated requests; the
thorough one (SKILLRADAR_THOROUGH=1) adds schemathesis's coverage phase, about a thousand boundary and
wrong-type requests across the operations (most of this file's time, as each market query opens DuckDB).
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (content_type_conformance, response_headers_conformance,
                                               response_schema_conformance, status_code_conformance)

from .._examples import THOROUGH, examples

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance,
          response_headers_conformance]


from skillradar.web.app import create_app  # noqa: E402

APP = create_app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)
schema.config.phases.coverage.enabled = THOROUGH


@pytest.fixture(autouse=True, scope="module")
def _with_market_db(market_db):
    """The market endpoints answer from a real database (set before the first request)."""
    APP.state.db = str(market_db)


@schema.parametrize()
@settings(max_examples=examples(15), deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_api_answers_as_documented(case):
    case.call_and_validate(checks=CHECKS)


def test_openapi_references_resolve(client):
    import json
    import re

    spec = client.get("/openapi.json").json()
    refs = set(re.findall(r'"#/components/schemas/([^"]+)"', json.dumps(spec)))
    assert refs <= set(spec["components"]["schemas"]), refs - set(spec["components"]["schemas"])


@pytest.mark.parametrize("path,method,status", [
    ("/api/assess", "post", "404"), ("/api/assess", "post", "503"), ("/api/rank", "post", "404"),
    ("/api/rank", "post", "503"), ("/api/taxonomy/{skill_id}", "get", "404"), ("/api/market/top", "get", "503"),
    ("/api/market/cooccur", "get", "404"), ("/api/extract", "post", "408"),
])
def test_openapi_declares_the_errors_it_gives(client, path, method, status):
    assert status in client.get("/openapi.json").json()["paths"][path][method]["responses"]
