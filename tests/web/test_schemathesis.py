"""Property-based robustness: requests generated from /openapi.json never cause a server error.

schemathesis calls the app in-process (ASGI, no network) with parameters drawn from the schema,
valid ones (positive mode) and invalid ones (negative mode), a bounded number per operation so
that the whole run stays well under a minute. The app answers from the small BACI store without
the embedded data (a long series' profile takes seconds; robustness does not depend on the size).

Why a loop over operations rather than ``@schema.parametrize()``: the lazy pytest integration
(``from_fixture``) fails under pytest 9 (``'Function' object has no attribute '_nodeid'``), and the
schema needs the session's store fixture. Each operation is still reported on its own.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis not installed (pip install 'bilat[dev]')")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402

EXAMPLES_PER_OPERATION = 10


@pytest.fixture(scope="module")
def operations(app) -> dict:  # noqa: ANN001 - a FastAPI app
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    found = {}
    for result in schema.get_all_operations():
        operation = result.ok()
        found[operation.label] = operation
    return found


LABELS = [
    "GET /api/health", "GET /api/sources", "GET /api/countries", "GET /api/countries/{name}", "GET /api/hs/search",
    "GET /api/hs/{code}", "GET /api/lenses", "GET /api/flows/{a}/{b}", "GET /api/composition/{a}/{b}",
    "GET /api/potential/{a}/{b}", "GET /api/profile/{a}/{b}", "GET /api/targets", "GET /api/targets/status",
    "GET /api/reconcile/{a}/{b}", "GET /api/articles", "GET /api/articles/{article_id}", "GET /api/claims",
    "GET /api/agreements", "GET /api/complexity/{a}/{b}", "GET /api/coverage/{a}/{b}",
]


def test_the_schema_has_exactly_the_operations_fuzzed_here(operations: dict) -> None:
    assert sorted(operations) == sorted(LABELS)


#: Operations without parameters: there is nothing to make invalid, so they run in valid mode only.
NO_PARAMETERS = {"GET /api/health", "GET /api/sources", "GET /api/lenses"}
CASES = [(label, GenerationMode.POSITIVE) for label in LABELS] + [
    (label, GenerationMode.NEGATIVE) for label in LABELS if label not in NO_PARAMETERS
]


def test_operations_listed_without_parameters_have_none(operations: dict) -> None:
    assert {label for label, op in operations.items() if not list(op.iter_parameters())} == NO_PARAMETERS


@pytest.mark.parametrize(("label", "mode"), CASES, ids=[f"{label}-{mode.value}" for label, mode in CASES])
def test_generated_requests_never_cause_a_server_error(operations: dict, label: str, mode: GenerationMode) -> None:
    operation = operations[label]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def run(case) -> None:  # noqa: ANN001 - a schemathesis Case
        response = case.call()
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: {response.text[:300]}"
        if response.status_code >= 400:
            detail = response.json().get("detail")
            assert isinstance(detail, str) and detail, "an error answer must say what was wrong"
        else:
            body = response.json()
            assert set(body) == {"data", "notes", "source"}

    run()
