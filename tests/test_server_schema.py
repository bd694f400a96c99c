"""schemathesis over the server's OpenAPI schema: generated requests to every operation (valid and invalid
parameters and bodies, with the token) never get a server error, and every error says what is wrong.

The cases come from schemathesis' Hypothesis strategies (``APIOperation.as_strategy``), run under a plain
``@given``: a bounded number of examples per operation and mode, about 30 s in all."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from eventcoder.server import create_app
from server_store import TOKEN, coded, fill  # noqa: F401 - fixture

AUTH = {"Authorization": f"Bearer {TOKEN}"}
OPERATIONS = ["GET /events", "GET /events.geojson", "GET /events.csv", "GET /stats", "GET /events/{event_id}",
              "POST /extract", "POST /articles"]


@pytest.fixture(scope="module")
def api_schema(coded, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201, F811
    db = fill(str(Path(tmp_path_factory.mktemp("schema")) / "events.db"), coded)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(db, token=TOKEN))


def test_the_schema_lists_every_operation(api_schema) -> None:  # noqa: ANN001
    labels = sorted(r.ok().label for r in api_schema.get_all_operations())
    assert labels == sorted(OPERATIONS)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=["valid", "invalid"])
@pytest.mark.parametrize("label", OPERATIONS)
def test_no_server_error(api_schema, label: str, mode: GenerationMode) -> None:  # noqa: ANN001
    (operation,) = [r.ok() for r in api_schema.get_all_operations() if r.ok().label == label]
    examples = 15 if label.startswith("POST") else 25

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case) -> None:  # noqa: ANN001
        response = case.call(headers=AUTH)
        assert response.status_code < 500, f"{label}: {response.status_code} {response.text[:500]}"
        if response.status_code >= 400:
            assert response.json()["detail"], "an error says what is wrong"

    check()
