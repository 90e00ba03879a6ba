"""One small store for the web tests, cut from real data, and a live server for the browser.

* ``web_store``: the real CEPII BACI rows of ../shared (South Africa's and Afghanistan's exports
  in 2020) plus the two founding articles, built once per session.
* ``client``: the app over that store *without* the embedded dataset, so every expected value is
  computed from the BACI file itself; ``full_client`` adds the embedded data (ISR-JPN series).
* ``live_server``: uvicorn in a background thread on a free loopback port (for Playwright).
"""

from __future__ import annotations

import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

with warnings.catch_warnings():  # starlette asks for httpx2; the httpx-based client still works
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

from bilat.settings import EMBEDDED_DIR
from bilat.store import Store
from bilat.web import create_app

BACI_FIXTURE = "baci_fixture_iopspackage/BACI_HS17_Y2020_V202301_exporters_4_710.csv.gz"
ARTICLES = ("israel_japan_agreements_2017.txt", "israel_japan_cabinet_plan_2015.txt")


@pytest.fixture(scope="session")
def baci_file(shared_data: Path) -> Path:
    path = shared_data / BACI_FIXTURE
    if not path.exists():
        pytest.skip(f"{path} not found: the web tests need the real BACI fixture")
    return path


@pytest.fixture(scope="session")
def baci_rows(baci_file: Path) -> pd.DataFrame:
    """The BACI file read independently of bilat (values in USD, codes as in the file)."""
    frame = pd.read_csv(baci_file, dtype={"k": str}, na_values=["NA"], skipinitialspace=True)
    frame["usd"] = frame["v"] * 1000.0
    return frame


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, baci_file: Path, shared_examples: Path) -> Store:
    from bilat.news import NewsStore, load_article

    store = Store(tmp_path_factory.mktemp("web_store"))
    store.ingest("baci", baci_file)
    with store.catalog() as con:
        news = NewsStore(con)
        for name in ARTICLES:
            news.add(load_article(shared_examples / "news" / name))
    return store


@pytest.fixture(scope="session")
def app(web_store: Store):  # noqa: ANN201 - a FastAPI app
    return create_app(store=web_store, include_embedded=False)


@pytest.fixture(scope="session")
def client(app) -> Iterator[TestClient]:  # noqa: ANN001
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def full_client(web_store: Store) -> Iterator[TestClient]:
    if not (EMBEDDED_DIR / "country_flows.parquet").exists():
        pytest.skip(f"no embedded dataset in {EMBEDDED_DIR}: build it with scripts/build_embedded.py")
    with TestClient(create_app(store=web_store)) as test_client:
        yield test_client


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving an app in a daemon thread; ``url`` is its base address."""

    def __init__(self, app) -> None:  # noqa: ANN001
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve() -> type[LiveServer]:
    """``with serve(app) as server:`` runs another app on a free loopback port."""
    return LiveServer


@pytest.fixture(scope="session")
def live_server(web_store: Store) -> Iterator[LiveServer]:
    """The full app (embedded data included, as users run it) on a free loopback port."""
    with LiveServer(create_app(store=web_store)) as server:
        yield server
