"""The FastAPI application: the JSON API under ``/api`` and the dashboard at ``/``.

Read-only by design: no route writes to the store, reads a file path from a request or builds SQL
from request text. Routes for library features that are not installed (news, targets) are left
out rather than stubbed, so /openapi.json lists only what answers.
"""

from __future__ import annotations

import importlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles

from bilat import __version__
from bilat.store import Store
from bilat.web.responses import install_handlers
from bilat.web.state import DEFAULT_POOL_SIZE, EnginePool

STATIC_DIR = Path(__file__).parent / "static"

#: Routers in the order /openapi.json lists them; each is optional if its library is missing.
ROUTERS = (
    "bilat.web.routes_meta",
    "bilat.web.routes_nomenclature",
    "bilat.web.routes_pairs",
    "bilat.web.routes_report",
    "bilat.web.routes_news",
)

#: The dashboard loads only its own files: no CDN, no inline script. Plotly sets inline styles.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def create_app(store: Store | None = None, engine: str = "duckdb", pool_size: int = DEFAULT_POOL_SIZE) -> FastAPI:
    """A FastAPI app answering from ``store`` (default: ``$BILAT_HOME``) with ``engine``.

    Example::

        import uvicorn
        from bilat.web import create_app
        uvicorn.run(create_app(), host="127.0.0.1", port=8765)
    """
    store = store or Store()
    pool = EnginePool(store, engine, pool_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="bilat",
        version=__version__,
        summary="Trade and cooperation between two countries, from official statistics (read-only).",
        description=(
            "Every data endpoint answers `{\"data\": [records], \"notes\": [text], \"source\": name}`. "
            "Countries are given as ISO3 codes, names or demonyms. Errors answer `{\"detail\": text}`."
        ),
        lifespan=lifespan,
    )
    app.state.pool = pool
    install_handlers(app)
    for module in ROUTERS:
        router = _optional_router(module)
        if router is not None:
            app.include_router(router)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/article.html", include_in_schema=False)
    def article_page() -> Response:
        page = STATIC_DIR / "article.html"
        if not page.exists():
            return Response(status_code=404)
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _optional_router(module: str):  # noqa: ANN202 - an APIRouter or None
    """The module's ``router``; None when the module, or the library part it wraps, is not installed."""
    try:
        return importlib.import_module(module).router
    except ModuleNotFoundError as exc:
        if exc.name and (exc.name == module or exc.name.startswith("bilat.")):
            return None
        raise
