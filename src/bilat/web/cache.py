"""Answers kept in memory until the store changes.

Why: the store changes only when someone ingests a file, and a profile takes seconds to compute
(a dozen queries), so the same question asked twice under the same catalog state must not be
computed twice. The key is the request's path and query plus the store's ETag: an ingestion
changes the ETag, so no answer outlives the data it was computed from. Only successful JSON
answers of ``/api/`` routes that carry that ETag are kept, up to ``max_entries`` and ``max_bytes``.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict

from starlette.concurrency import run_in_threadpool
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import Response

from bilat.web.responses import CACHE_CONTROL

UNCACHED_PATHS = ("/api/health",)


class ResponseCache:
    """A thread-safe LRU of response bodies, bounded by count and total size."""

    def __init__(self, max_entries: int = 512, max_bytes: int = 64 << 20) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._items: OrderedDict[tuple[str, str, str], bytes] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[str, str, str]) -> bytes | None:
        with self._lock:
            body = self._items.get(key)
            if body is None:
                self.misses += 1
                return None
            self._items.move_to_end(key)
            self.hits += 1
            return body

    def put(self, key: tuple[str, str, str], body: bytes) -> None:
        if self.max_entries <= 0 or len(body) > self.max_bytes // 4:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old)
            self._items[key] = body
            self._bytes += len(body)
            while self._items and (len(self._items) > self.max_entries or self._bytes > self.max_bytes):
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped)


class CacheMiddleware(BaseHTTPMiddleware):
    """Serve a kept answer (or 304) before the route runs; keep fresh 200 answers.

    Concurrent misses of one key are computed once: the first request computes, the others wait
    for it and take its answer (twenty clients asking for one profile at a cold start once
    computed it twenty times over, and the slowest waited seconds for a free core).
    """

    def __init__(self, app, cache: ResponseCache) -> None:  # noqa: ANN001 - an ASGI app
        super().__init__(app)
        self.cache = cache
        self._inflight: dict[tuple[str, str, str], asyncio.Event] = {}

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        path = request.url.path
        if request.method != "GET" or not path.startswith("/api/") or path in UNCACHED_PATHS:
            return await call_next(request)
        state = request.app.state.pool.state
        etag = await run_in_threadpool(state.etag)
        key = (path, request.url.query, etag)
        body = self.cache.get(key)
        if body is None and key in self._inflight:  # the same answer is being computed: wait for it
            await self._inflight[key].wait()
            body = self.cache.get(key)
        if body is None:
            leader = key not in self._inflight
            if leader:
                self._inflight[key] = asyncio.Event()
            try:
                response = await call_next(request)
                if response.status_code != 200 or response.headers.get("etag") != etag:
                    return response
                chunks = [chunk async for chunk in response.body_iterator]
                body = b"".join(c if isinstance(c, bytes) else c.encode() for c in chunks)
                self.cache.put(key, body)
                return Response(body, status_code=200, headers=dict(response.headers))
            finally:
                if leader:
                    self._inflight.pop(key).set()
        headers = {"ETag": etag, "Cache-Control": CACHE_CONTROL}
        sent = request.headers.get("if-none-match")
        if sent and any(tag.strip().removeprefix("W/") in (etag, "*") for tag in sent.split(",")):
            return Response(status_code=304, headers=headers)
        return Response(body, status_code=200, media_type="application/json", headers=headers)
