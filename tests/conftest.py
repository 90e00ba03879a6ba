"""Fixtures every test shares.

* Every test gets its own empty ``BILAT_HOME`` (autouse), so no test touches a real store; the
  session shares one ``BILAT_CACHE_DIR`` (the lookup tables built once), not the user's.
* ``shared_data`` is ``../shared/data`` beside the clone; tests that need it skip, saying why,
  when the clone lives elsewhere.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SHARED_DATA = SHARED / "data"


@pytest.fixture(autouse=True, scope="session")
def bilat_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("bilat_cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("BILAT_CACHE_DIR", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def bilat_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("bilat_home")
    monkeypatch.setenv("BILAT_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.skip(f"../shared/data not found beside the clone ({SHARED_DATA}): real-data test skipped")
    return SHARED_DATA


@pytest.fixture(scope="session")
def shared_examples() -> Path:
    path = SHARED / "examples"
    if not path.is_dir():
        pytest.skip(f"../shared/examples not found beside the clone ({path}): seed-article test skipped")
    return path


@pytest.fixture(scope="session")
def spark_session():  # noqa: ANN201 - pyspark is optional
    """One local Spark session for the whole run (starting Spark takes seconds)."""
    pytest.importorskip("pyspark", reason="pyspark not installed (pip install 'bilat[spark]')")
    import shutil

    if shutil.which("java") is None:
        pytest.skip("no Java runtime on PATH: Spark tests need Java 17")
    from bilat.engines.spark import spark_session as make_session

    session = make_session(master="local[2]")
    yield session
    session.stop()


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def chromium_browser():  # noqa: ANN201 - a playwright Browser
    """One headless Debian Chromium for every browser test of the run.

    Playwright's sync API allows one running instance per thread; a browser per test module
    would fail as soon as two modules' fixtures overlapped.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install chromium) to run browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed (pip install 'bilat[dev]')")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
