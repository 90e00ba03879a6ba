"""The FastAPI application: the JSON API under ``/api`` and the dashboard at ``/``.

Read-only by design: no route writes to the store, reads a file path from a request or builds SQL
from request text.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from bilat import __version__
from bilat.limits import RequestSizeLimit
from bilat.catalog.store import Store
from bilat.web import routes_meta, routes_news, routes_nomenclature, routes_pairs, routes_report
from bilat.web.cache import CacheMiddleware, ResponseCache
from bilat.web.responses import install_handlers
from bilat.web.state import DEFAULT_POOL_SIZE, EnginePool

STATIC_DIR = Path(__file__).parent / "static"

#: Routers in the order /openapi.json lists them.
ROUTERS = (routes_meta, routes_nomenclature, routes_pairs, routes_report, routes_news)

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


def create_app(
    store: Store | None = None,
    engine: str = "duckdb",
    pool_size: int = DEFAULT_POOL_SIZE,
    cache_entries: int = 512,
    include_embedded: bool = True,
) -> FastAPI:
    """A FastAPI app answering from ``store`` (default: ``$BILAT_HOME``) with ``engine``.

    ``pool_size`` engines are kept open; ``cache_entries`` answers are kept until the store
    changes (0 turns the cache off, e.g. to measure the queries themselves). ``include_embedded``
    False answers from the ingested files only (tests that need exact control of the data).

    Example::

        import uvicorn
        from bilat.web import create_app
        uvicorn.run(create_app(), host="127.0.0.1", port=8765)
    """
    store = store or Store()
    pool = EnginePool(store, engine, pool_size, include_embedded=include_embedded)

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
    app.state.cache = ResponseCache(max_entries=cache_entries)
    install_handlers(app)
    for module in ROUTERS:
        app.include_router(module.router)

    app.add_middleware(CacheMiddleware, cache=app.state.cache)
    app.add_middleware(RequestSizeLimit)  # outside the cache: an oversized request never reaches it

    @app.middleware("http")  # added last, so it wraps the cache: cached answers get the headers too
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/", include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/article.html", include_in_schema=False)
    def article_page() -> FileResponse:
        return FileResponse(STATIC_DIR / "article.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app

