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


#: Packages whose modules routes import lazily (inside functions). All are imported by
#: :func:`preload` before the server takes a request: 30 concurrent first requests once met a
#: ``_DeadlockError`` from two threads importing ``bilat.nomenclature.lenses`` at once.
PRELOAD_PACKAGES = ("bilat.analytics", "bilat.nomenclature", "bilat.news", "bilat.report", "bilat.catalog", "bilat.web")
PRELOAD_MODULES = ("bilat.queries", "bilat.pair_api", "bilat.product_sources", "bilat.engines.duckdb", "pandas", "ibis")
#: Optional or heavy modules a web answer never needs.
PRELOAD_SKIP = ("bilat.engines.spark",)


def preload() -> list[str]:
    """Import every module a route may import lazily; the names that could not be imported.

    A module whose optional dependency is missing is skipped (its routes answer a clear error as
    before); what matters is that no import is left for concurrent first requests to race on.
    """
    import importlib
    import pkgutil

    failed: list[str] = []
    names = list(PRELOAD_MODULES)
    for package in PRELOAD_PACKAGES:
        module = importlib.import_module(package)
        names += [info.name for info in pkgutil.walk_packages(module.__path__, package + ".")]
    for name in names:
        if name in PRELOAD_SKIP or name.split(".")[-1].startswith("test"):
            continue
        try:
            importlib.import_module(name)
        except ImportError:
            failed.append(name)
    return failed


#: Host names a browser uses for this machine. When the server answers on a loopback address, a
#: request naming any other host is refused (421): a page on evil.example whose DNS name was
#: rebound to 127.0.0.1 could otherwise read the API from the victim's browser.
LOOPBACK_HOSTS = {"localhost", "127.0.0.1", "::1", "ip6-localhost"}


def _host_name(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):  # [::1]:8765
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _is_loopback_address(address: str) -> bool:
    import ipaddress

    try:
        return ipaddress.ip_address(address.strip("[]")).is_loopback
    except ValueError:
        return False


class LoopbackHostCheck:
    """ASGI middleware: on a loopback socket, only a loopback ``Host`` is answered (DNS rebinding)."""

    def __init__(self, app) -> None:  # noqa: ANN001 - any ASGI app
        self.app = app

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope.get("type") in ("http", "websocket"):
            server = scope.get("server") or (None, None)
            if server[0] is not None and _is_loopback_address(str(server[0])):
                host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
                name = _host_name(host)
                if name not in LOOPBACK_HOSTS and not _is_loopback_address(name):
                    from bilat.limits import _refuse

                    shown = host[:80].encode("ascii", "backslashreplace").decode()
                    await _refuse(send, 421, f"this server answers only for localhost, not for Host {shown!r} (DNS rebinding protection)")
                    return
        await self.app(scope, receive, send)


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
    preload()  # before the server takes requests: no lazy import left to race on
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
        # No /docs or /redoc: Swagger UI and ReDoc load their code from a CDN and run an inline
        # script, which the CSP blocks (the page was blank), and no copy ships with bilat's
        # dependencies. /openapi.json stays; docs/web.md says how to browse it.
        docs_url=None,
        redoc_url=None,
    )
    app.state.pool = pool
    app.state.cache = ResponseCache(max_entries=cache_entries)
    install_handlers(app)
    for module in ROUTERS:
        app.include_router(module.router)

    app.add_middleware(CacheMiddleware, cache=app.state.cache)
    app.add_middleware(RequestSizeLimit)  # outside the cache: an oversized request never reaches it
    app.add_middleware(LoopbackHostCheck)  # outermost: a rebound name is refused before anything runs

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

