"""The service under issue #18's findings: stale answers, a cold-start race, DNS rebinding, /docs.

No shared data needed: each test builds its own small store.
"""

from __future__ import annotations

import concurrent.futures
import http.client
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from bilat.catalog.store import Store
from bilat.cli import app as cli
from bilat.web import create_app

runner = CliRunner()
ARTICLE = "Israel and Japan\n\nTrade between Israel and Japan reached $3 billion in 2019, officials said.\n"


def test_answers_follow_news_add_and_target_add_on_a_live_app(tmp_path: Path) -> None:
    store = Store()  # $BILAT_HOME: the one the CLI writes to
    with TestClient(create_app(store=store, include_embedded=False)) as client:
        first = {path: client.get(path) for path in ("/api/targets", "/api/articles", "/api/claims")}
        assert all(r.status_code == 200 for r in first.values())
        assert first["/api/articles"].json()["data"] == [] and first["/api/targets"].json()["data"] == []
        again = client.get("/api/targets", headers={"If-None-Match": first["/api/targets"].headers["etag"]})
        assert again.status_code == 304  # the cache works until something changes

        article = tmp_path / "a.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        assert runner.invoke(cli, ["news", "add", str(article), "--date", "2020-01-01"]).exit_code == 0
        articles = client.get("/api/articles")
        assert [a["name"] for a in articles.json()["data"]] == ["a.txt"]
        assert articles.headers["etag"] != first["/api/articles"].headers["etag"]
        assert client.get("/api/claims").json()["data"], "the new article's claim is served"

        result = runner.invoke(cli, ["target", "add", "ISR", "JPN", "--measure", "total", "--base-year", "2016",
                                     "--by-year", "2022", "--multiplier", "2"])
        assert result.exit_code == 0, result.output
        targets = client.get("/api/targets", headers={"If-None-Match": first["/api/targets"].headers["etag"]})
        assert targets.status_code == 200 and len(targets.json()["data"]) == 1

        result = runner.invoke(cli, ["target", "remove", "1"])
        assert result.exit_code == 0, result.output
        assert client.get("/api/targets").json()["data"] == []


def test_no_docs_page_but_the_schema(tmp_path: Path) -> None:
    with TestClient(create_app(store=Store(tmp_path / "s"), include_embedded=False)) as client:
        assert client.get("/docs").status_code == 404
        assert client.get("/redoc").status_code == 404
        assert client.get("/openapi.json").json()["info"]["title"] == "bilat"
        assert 'href="/docs"' not in client.get("/").text


# -- a real server on a loopback port ------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[int]:
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store=Store(tmp_path / "s"), include_embedded=False),
                                           host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started
    yield port
    server.should_exit = True
    thread.join(10)


def _get(port: int, path: str, host: str | None) -> tuple[int, bytes]:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        con.putrequest("GET", path, skip_host=host is not None)
        if host is not None:
            con.putheader("Host", host)
        con.endheaders()
        response = con.getresponse()
        return response.status, response.read()
    finally:
        con.close()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.nip.io", "attacker.localhost.evil", "", "[::2]"])
def test_a_rebound_host_name_is_refused_on_loopback(host: str, live_server: int) -> None:
    status, body = _get(live_server, "/api/health", host)
    assert status == 421, (host, status, body)
    assert b"DNS rebinding" in body


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "LOCALHOST:{port}", "127.0.0.1:{port}", "[::1]:{port}", "127.5.6.7"])
def test_loopback_host_names_are_answered(host: str, live_server: int) -> None:
    status, _ = _get(live_server, "/api/health", host.format(port=live_server))
    assert status == 200


def test_the_test_client_without_a_socket_is_not_checked(tmp_path: Path) -> None:
    # TestClient's "testserver" is no socket address: the check applies to loopback sockets only.
    with TestClient(create_app(store=Store(tmp_path / "s"), include_embedded=False)) as client:
        assert client.get("/api/health").status_code == 200


# -- cold start: concurrent first requests in a fresh process ----------------------------------------

FIRST_REQUESTS = ["/api/lenses", "/api/countries", "/api/hs/search?q=wine", "/api/flows/ISR/JPN", "/api/composition/ISR/JPN",
                  "/api/targets", "/api/targets/status", "/api/articles", "/api/claims", "/api/agreements",
                  "/api/profile/ISR/JPN", "/api/reconcile/ISR/JPN", "/api/potential/ISR/JPN", "/api/countries/Japan",
                  "/api/hs/2709", "/api/sources", "/api/health"]


def _serve(port: int, home: Path) -> subprocess.Popen:
    env = {**os.environ, "BILAT_HOME": str(home)}
    return subprocess.Popen([sys.executable, "-c", "import sys; from bilat.cli import main; sys.argv[0] = 'bilat'; main()",
                             "serve", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait_ready(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server exited"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("server did not start")


@pytest.mark.parametrize("restart", range(3))
def test_thirty_concurrent_first_requests_after_a_cold_start(restart: int, tmp_path: Path) -> None:
    port = _free_port()
    proc = _serve(port, tmp_path / "home")
    try:
        _wait_ready(port, proc)
        paths = [FIRST_REQUESTS[n % len(FIRST_REQUESTS)] for n in range(30)]
        barrier = threading.Barrier(30)

        def first(path: str) -> tuple[str, int, bytes]:
            barrier.wait()
            status, body = _get(port, path, "127.0.0.1")
            return path, status, body

        with concurrent.futures.ThreadPoolExecutor(30) as pool:
            answers = list(pool.map(first, paths))
        errors = [(p, s, b[:200]) for p, s, b in answers if s >= 500]
        assert not errors, errors
        assert all(s in (200, 404, 422) for _, s, _ in answers), [(p, s) for p, s, _ in answers]
    finally:
        proc.terminate()
        proc.wait(20)


def test_no_module_is_imported_after_the_app_is_created(tmp_path: Path) -> None:
    """Deterministic form of the race: every request after create_app imports nothing new (the
    30-request test above met the deadlock once in 12 restarts, so it alone could pass by luck)."""
    script = f"""
import sys
from fastapi.testclient import TestClient
from bilat.catalog.store import Store
from bilat.web import create_app
app = create_app(store=Store({str(tmp_path / 's')!r}))
before = set(sys.modules)
with TestClient(app) as client:
    for path in {FIRST_REQUESTS!r}:
        client.get(path)
new = sorted(m for m in set(sys.modules) - before if m.startswith("bilat"))
print("NEW", new)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "BILAT_HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stderr[-2000:]
    assert "NEW []" in done.stdout, done.stdout


def test_concurrent_misses_of_one_answer_are_computed_once() -> None:
    import asyncio
    from types import SimpleNamespace

    import httpx
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from bilat.web.cache import CacheMiddleware, ResponseCache

    calls = 0

    async def slow(request):  # noqa: ANN001, ANN202
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.2)
        return JSONResponse({"n": calls}, headers={"ETag": '"e1"'})

    app = Starlette(routes=[Route("/api/x", slow)])
    app.state.pool = SimpleNamespace(state=SimpleNamespace(etag=lambda: '"e1"'))
    app.add_middleware(CacheMiddleware, cache=ResponseCache())

    async def run() -> list[httpx.Response]:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t") as client:
            return await asyncio.gather(*(client.get("/api/x") for _ in range(20)))

    # A loop of its own on a thread of its own: a browser test before this one in the same worker
    # (Playwright's sync API) may leave an event loop running in the main thread.
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        answers = pool.submit(asyncio.run, run()).result()
    assert [r.status_code for r in answers] == [200] * 20
    assert calls == 1 and {r.json()["n"] for r in answers} == {1}
