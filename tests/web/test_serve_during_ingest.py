"""The service keeps answering while another process ingests into the same store.

Why it can: ingested rows live in immutable Parquet files and the catalog is locked only for the
instant of the commit (see bilat.store.store). This test runs ``bilat ingest baci`` on a synthetic
BACI year (seeded, real code lists) as a separate process with the same BILAT_HOME, and polls
/api/flows from a live server the whole time: every answer must be 200, and once the ingestion has
committed the service must see the new file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from bilat.store import Store
from bilat.web import create_app

pytestmark = pytest.mark.slow

SYNTH_ROWS = 600_000


def test_flows_answer_200_throughout_an_ingestion_in_another_process(tmp_path: Path, baci_file: Path, serve) -> None:  # noqa: ANN001
    from bilat.synth import generate_baci

    home = tmp_path / "home"
    store = Store(home)
    store.ingest("baci", baci_file)
    year_file = generate_baci(tmp_path / "synth", [2019], rows_per_year=SYNTH_ROWS, seed=7)[0]

    with serve(create_app(store=store, include_embedded=False, cache_entries=0)) as server:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            before = client.get("/api/sources")
            assert before.status_code == 200 and len(before.json()["data"]) == 1
            env = {**os.environ, "BILAT_HOME": str(home)}
            ingest = subprocess.Popen(
                [sys.executable, "-c", "from bilat.cli import main; main()", "ingest", "baci", str(year_file)],
                env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            statuses: list[int] = []
            started = time.monotonic()
            while ingest.poll() is None and time.monotonic() - started < 120:
                statuses.append(client.get("/api/flows/ZAF/JPN").status_code)
            out, err = ingest.communicate(timeout=60)
            assert ingest.returncode == 0, err
            assert len(statuses) >= 5, f"only {len(statuses)} requests during the ingestion; it was too quick to test"
            assert set(statuses) == {200}, statuses

            after = client.get("/api/sources", headers={"If-None-Match": before.headers["etag"]})
            assert after.status_code == 200
            assert {r["name"] for r in after.json()["data"]} == {baci_file.name, year_file.name}
            assert client.get("/api/flows/ZAF/JPN?years=2019-2020").json()["data"][0]["year"] == 2019
