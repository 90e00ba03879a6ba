"""The web face of bilat: a read-only JSON API and a dashboard page, served by one FastAPI app.

Example::

    bilat serve                      # http://127.0.0.1:8765/ (dashboard), /openapi.json

    from bilat.web import create_app
    app = create_app()               # any ASGI server can run it
"""

from __future__ import annotations

from bilat.web.app import create_app

__all__ = ["create_app"]
