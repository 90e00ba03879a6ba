"""Fetching a BACI release: download from a local server, resume, verify, ingest."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilat.cli import app
from bilat.fetch import DownloadError, fetch_baci, release_url
from bilat.fetch.download import part_path
from bilat.store import Store
from fetch_server import RELEASE_ROWS, RELEASE_YEARS, ServerState

NO_WAIT = dict(backoff=0.0)


def _zip_totals(path: Path) -> tuple[int, float]:
    """Rows and total value (USD) of the year files, read with the csv module (independent of the loader)."""
    rows, total = 0, 0.0
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if "_Y" not in name:
                continue
            for record in csv.DictReader(io.TextIOWrapper(archive.open(name), encoding="utf-8")):
                rows += 1
                total += float(record["v"]) * 1000
    return rows, total


def _stored(store: Store) -> tuple[int, float]:
    import duckdb

    files = [str(p) for p in store.data_files("product_flows")]
    con = duckdb.connect()
    try:
        count, total = con.execute(f"SELECT count(*), sum(value_usd) FROM read_parquet({files!r})").fetchone()
    finally:
        con.close()
    return count, total


def test_release_is_downloaded_verified_and_ingested(server: tuple[str, ServerState], release_zip: Path, tmp_path: Path) -> None:
    base, state = server
    store = Store(tmp_path / "store")
    result = fetch_baci("V202401", "HS17", dest=tmp_path / "dl", base_url=base, store=store)
    assert result.url == f"{base}/BACI_HS17_V202401.zip"
    assert result.download.path.read_bytes() == release_zip.read_bytes()
    assert not part_path(result.download.path).exists()
    rows, total = _zip_totals(release_zip)
    assert rows == len(RELEASE_YEARS) * RELEASE_ROWS
    assert result.ingest is not None and result.ingest.rows == rows
    count, stored_total = _stored(store)
    assert count == rows
    assert stored_total == pytest.approx(total, rel=1e-9)
    assert len(state.requests) == 1 and "range" not in state.requests[0]


def test_dropped_connection_is_resumed_with_a_range_request(server: tuple[str, ServerState], release_zip: Path, tmp_path: Path) -> None:
    base, state = server
    state.drop = 1
    result = fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, ingest=False, sleep=lambda s: None, **NO_WAIT)
    size = release_zip.stat().st_size
    assert [r.get("range") for r in state.requests] == [None, f"bytes={size // 2}-"]
    assert result.download.attempts == 2 and not result.download.restarted
    assert result.download.path.read_bytes() == release_zip.read_bytes()


def test_interrupted_download_resumes_on_the_next_run(server: tuple[str, ServerState], release_zip: Path, tmp_path: Path) -> None:
    base, state = server
    state.drop = 1
    with pytest.raises(DownloadError, match="run the same command again to resume"):
        fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, ingest=False, retries=0)
    target = tmp_path / "BACI_HS17_V202401.zip"
    half = release_zip.stat().st_size // 2
    assert not target.exists() and part_path(target).stat().st_size == half

    result = fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, ingest=False, retries=0)
    assert state.requests[-1]["range"] == f"bytes={half}-"
    assert result.download.resumed_from == half
    assert target.read_bytes() == release_zip.read_bytes()


def test_server_that_ignores_range_gets_the_file_again_from_zero(server: tuple[str, ServerState], release_zip: Path, tmp_path: Path) -> None:
    base, state = server
    state.ignore_range = True
    target = tmp_path / "BACI_HS17_V202401.zip"
    part_path(target).write_bytes(b"x" * 1000)  # a stale .part: must not be spliced into the file
    result = fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, ingest=False)
    assert state.requests[0]["range"] == "bytes=1000-"
    assert result.download.restarted
    assert target.read_bytes() == release_zip.read_bytes()


def test_complete_part_file_is_recognised_by_a_416_answer(server: tuple[str, ServerState], release_zip: Path, tmp_path: Path) -> None:
    base, state = server
    target = tmp_path / "BACI_HS17_V202401.zip"
    part_path(target).write_bytes(release_zip.read_bytes())
    fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, ingest=False)
    assert len(state.requests) == 1
    assert target.read_bytes() == release_zip.read_bytes()


def test_wrong_sha256_keeps_nothing(server: tuple[str, ServerState], tmp_path: Path) -> None:
    base, _ = server
    with pytest.raises(DownloadError, match="SHA-256 mismatch"):
        fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, sha256="0" * 64, ingest=False)
    assert list(tmp_path.iterdir()) == []


def test_right_sha256_is_accepted(server: tuple[str, ServerState], release_zip: Path, tmp_path: Path) -> None:
    import hashlib

    base, _ = server
    digest = hashlib.sha256(release_zip.read_bytes()).hexdigest()
    result = fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, sha256=digest.upper(), ingest=False)
    assert result.download.sha256 == digest


def test_truncated_zip_is_refused_and_deleted(server: tuple[str, ServerState], release_zip: Path, tmp_path: Path) -> None:
    base, state = server
    state.files[release_zip.name] = release_zip.read_bytes()[:-5000]  # served whole, but the zip lost its end
    with pytest.raises(DownloadError, match="not a readable zip"):
        fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, ingest=False)
    assert list(tmp_path.iterdir()) == []


def test_damaged_member_fails_the_crc_check(server: tuple[str, ServerState], release_zip: Path, tmp_path: Path) -> None:
    base, state = server
    data = bytearray(release_zip.read_bytes())
    with zipfile.ZipFile(release_zip) as archive:
        first = archive.infolist()[0]
    middle = first.header_offset + 30 + len(first.filename) + first.compress_size // 2
    data[middle] ^= 0xFF
    state.files[release_zip.name] = bytes(data)
    with pytest.raises(DownloadError, match=f"member {first.filename} is damaged"):
        fetch_baci("V202401", "HS17", dest=tmp_path, base_url=base, store=Store(tmp_path / "store"))
    assert not (tmp_path / release_zip.name).exists()
    assert not (tmp_path / "store").exists()  # nothing was ingested


def test_unknown_release_says_http_404_and_what_to_check(server: tuple[str, ServerState], tmp_path: Path) -> None:
    base, _ = server
    with pytest.raises(DownloadError, match="HTTP 404.*check the release"):
        fetch_baci("V209901", "HS17", dest=tmp_path, base_url=base, ingest=False)


@pytest.mark.parametrize(("release", "hs", "message"), [("2024", "HS17", "looks like V202401"), ("V202401", "HS19", "HS revision")])
def test_malformed_release_or_revision_is_refused(release: str, hs: str, message: str) -> None:
    with pytest.raises(Exception, match=message):
        release_url(release, hs)


def test_base_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILAT_BACI_URL", "http://mirror.example/baci/")
    assert release_url("V202401", "hs17") == "http://mirror.example/baci/BACI_HS17_V202401.zip"
    monkeypatch.delenv("BILAT_BACI_URL")
    assert release_url("V202401", "HS17") == "https://www.cepii.fr/DATA_DOWNLOAD/baci/data/BACI_HS17_V202401.zip"


def test_fetch_baci_command_downloads_and_ingests(
    server: tuple[str, ServerState], tmp_path: Path, bilat_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, state = server
    monkeypatch.setenv("BILAT_BACI_URL", base)
    runner = CliRunner()
    result = runner.invoke(app, ["fetch", "baci", "--release", "V202401", "--hs", "HS17"])
    assert result.exit_code == 0, result.output
    rows = len(RELEASE_YEARS) * RELEASE_ROWS
    assert f"stored {rows:,} rows into product_flows" in result.output
    assert (bilat_home / "downloads" / "BACI_HS17_V202401.zip").exists()
    assert Store(bilat_home).row_counts()["product_flows"] == rows

    again = runner.invoke(app, ["fetch", "baci", "--release", "V202401", "--hs", "HS17"])
    assert again.exit_code == 0, again.output
    assert "already downloaded" in again.output and "already in the store" in again.output
    assert len(state.requests) == 1  # the second run asked the server nothing


def test_fetch_baci_command_no_ingest_with_base_url(server: tuple[str, ServerState], tmp_path: Path, bilat_home: Path) -> None:
    base, _ = server
    result = CliRunner().invoke(
        app, ["fetch", "baci", "--release", "V202401", "--base-url", base, "--dest", str(tmp_path), "--no-ingest"]
    )
    assert result.exit_code == 0, result.output
    assert "bilat ingest baci" in result.output
    assert (tmp_path / "BACI_HS17_V202401.zip").exists()
    assert Store(bilat_home).row_counts()["product_flows"] == 0


def test_fetch_baci_command_error_is_one_line(server: tuple[str, ServerState], tmp_path: Path) -> None:
    base, _ = server
    result = CliRunner().invoke(app, ["fetch", "baci", "--release", "V209901", "--base-url", base, "--dest", str(tmp_path)])
    assert result.exit_code == 1
    assert "HTTP 404" in result.output and "Traceback" not in result.output
