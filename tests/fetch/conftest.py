"""Fixtures of the fetch tests: a synthetic release zip, served by a local server (see fetch_server)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilat.synth import generate_baci
from fetch_server import RELEASE_ROWS, RELEASE_YEARS, ServerState, RangeHandler


@pytest.fixture(scope="session")
def release_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic BACI HS17 release zip (two years)."""
    out = tmp_path_factory.mktemp("release")
    (path,) = generate_baci(out, RELEASE_YEARS, rows_per_year=RELEASE_ROWS, seed=3, release="V202401", as_zip=True)
    return path


@pytest.fixture
def server(release_zip: Path) -> Iterator[tuple[str, ServerState]]:
    """(base URL, state) of a server on 127.0.0.1 serving the release under ``/baci/``."""
    state = ServerState(files={release_zip.name: release_zip.read_bytes()})
    handler = type("Handler", (RangeHandler,), {"state": state})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/baci", state
    finally:
        httpd.shutdown()
        httpd.server_close()
