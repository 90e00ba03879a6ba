"""Dependencies the routes share: the engine pool and the freshness check (ETag, 304)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from bilat.catalog.store import Store
from bilat.web.responses import check_fresh
from bilat.web.state import EnginePool


def get_pool(request: Request) -> EnginePool:
    return request.app.state.pool


def get_store(request: Request) -> Store:
    return request.app.state.pool.store


def fresh(request: Request) -> str:
    """The current ETag; answers 304 at once when the client's copy is current."""
    etag = request.app.state.pool.state.etag()
    check_fresh(request, etag)
    return etag


Pool = Annotated[EnginePool, Depends(get_pool)]
StoreDep = Annotated[Store, Depends(get_store)]
ETag = Annotated[str, Depends(fresh)]
