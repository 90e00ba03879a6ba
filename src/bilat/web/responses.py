"""The one JSON shape every data endpoint returns, its caching headers, and errors as HTTP.

Every answer is ``{"data": [records], "notes": [str], "source": str | null}``: the same three things
:class:`bilat.queries.Answer` carries, so a client reads every endpoint the same way. Errors are
``{"detail": "one line"}`` (plus ``errors`` for malformed parameters), with the status saying whose
fault it is: 422 a parameter bilat cannot use, 404 nothing to answer with, 503 the store is busy.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd
from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from bilat.errors import BilatError, EngineError, NoDataError, StoreLockedError, UnknownCountryError, UnknownProductError, ValidationError

CACHE_CONTROL = "public, max-age=300"


class Envelope(BaseModel):
    """A data answer: records, the notes needed to read them, and the source they come from."""

    data: list[dict[str, Any]] = Field(description="One object per row.")
    notes: list[str] = Field(default_factory=list, description="What is missing or how to read the numbers.")
    source: str | None = Field(None, description="The data source the records come from, when there is one.")


class Problem(BaseModel):
    """An error: one line saying what was wrong and what to do."""

    detail: str
    errors: list[dict[str, Any]] | None = None


#: Documented on every data route, so that clients (and schemathesis) know the error shapes.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "Nothing in the loaded data answers this."},
    422: {"model": Problem, "description": "A parameter bilat cannot use."},
    503: {"model": Problem, "description": "The store is busy; retry."},
}


class NotModified(Exception):
    """The client's cached copy (If-None-Match) is still current."""

    def __init__(self, etag: str) -> None:
        self.etag = etag


class HTTPProblem(Exception):
    """A BilatError with the HTTP status a route chose for it (e.g. 404 for an unknown HS code)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows as JSON-safe dicts (NaN becomes null, dates ISO strings, numpy types plain)."""
    if frame is None or not len(frame):
        return []
    return json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))


def clean(value: Any) -> Any:
    """Plain-JSON version of a value built in Python (dataclass fields, numpy scalars, NaN)."""
    if isinstance(value, Mapping):
        return {str(k): clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [clean(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        with_item = value.item()
        return clean(with_item)
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def envelope(
    data: pd.DataFrame | Iterable[Mapping[str, Any]],
    notes: Iterable[str] = (),
    source: str | None = None,
    etag: str | None = None,
) -> JSONResponse:
    """The JSON answer, with caching headers when ``etag`` is given (data that depends on the store)."""
    rows = records(data) if isinstance(data, pd.DataFrame) else [clean(dict(r)) for r in data]
    headers = {}
    if etag is not None:
        headers = {"Cache-Control": CACHE_CONTROL, "ETag": etag}
    return JSONResponse({"data": rows, "notes": [str(n) for n in notes], "source": source}, headers=headers)


def check_fresh(request: Request, etag: str) -> None:
    """Raise :class:`NotModified` when the client already holds this state's answer."""
    sent = request.headers.get("if-none-match")
    if sent and any(tag.strip().removeprefix("W/") in (etag, "*") for tag in sent.split(",")):
        raise NotModified(etag)


def status_for(exc: BilatError) -> int:
    """The HTTP status of a library error reached without a route choosing one."""
    if isinstance(exc, NoDataError):
        return 404
    if isinstance(exc, StoreLockedError):
        return 503
    if isinstance(exc, EngineError):
        return 500
    if isinstance(exc, (UnknownCountryError, UnknownProductError, ValidationError)):
        return 422
    return 422  # every other BilatError is about what the user asked


def install_handlers(app: Any) -> None:
    """Map exceptions to responses: no traceback ever reaches a client."""

    @app.exception_handler(NotModified)
    async def _not_modified(request: Request, exc: NotModified) -> Response:
        return Response(status_code=304, headers={"ETag": exc.etag, "Cache-Control": CACHE_CONTROL})

    @app.exception_handler(HTTPProblem)
    async def _problem(request: Request, exc: HTTPProblem) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=exc.status)

    @app.exception_handler(BilatError)
    async def _bilat(request: Request, exc: BilatError) -> JSONResponse:
        status = status_for(exc)
        headers = {"Retry-After": "5"} if status == 503 else None
        return JSONResponse({"detail": str(exc).splitlines()[0] if status != 422 else str(exc)}, status_code=status, headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A bug or a broken data file, not the client's fault: say so in one line; the traceback
        # goes to the server log (Starlette re-raises after this handler answers).
        return JSONResponse({"detail": f"internal error ({type(exc).__name__}); the server log has the details"}, status_code=500)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [_short_error(e) for e in exc.errors()]
        detail = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors) or "invalid request"
        return JSONResponse({"detail": detail, "errors": errors}, status_code=422)


def _short_error(error: Mapping[str, Any]) -> dict[str, Any]:
    """A pydantic error without the offending input echoed back (it may be 10 kB of junk)."""
    location = [str(part) for part in error.get("loc", ()) if part not in ("path", "query")]
    message = str(error.get("msg", "invalid value"))
    context = error.get("ctx") or {}
    if error.get("type") == "string_pattern_mismatch" and "pattern" in context:
        from bilat.web.params import PATTERN_HELP

        message = PATTERN_HELP.get(context["pattern"], f"does not match the expected form {context['pattern']}")
    return {"parameter": ".".join(location) or "request", "message": message}
