"""Fetch a CEPII BACI release zip, check it, and ingest it without unpacking.

BACI is published as one zip per HS revision and release (``BACI_HS17_V202401.zip``: every year
since the revision, 2-3 GB) at ``https://www.cepii.fr/DATA_DOWNLOAD/baci/data/``. This module turns a
release tag into that URL, downloads it through :func:`bilat.fetch.download.download` (resumable,
size-checked), checks that the bytes are a BACI release zip, then hands the zip to
``ingest_file(store, "baci", zip)``, which streams the members (nothing unpacked to disk).

The base URL can be changed (``base_url`` or ``$BILAT_BACI_URL``) for a mirror, or a local server in
tests.
"""

from __future__ import annotations

import os
import re
import time
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx

from bilat.errors import BilatError
from bilat.fetch.download import DownloadError, DownloadResult, ProgressCallback, download
from bilat.settings import bilat_home
from bilat.catalog.store import Store
from bilat.ingest import IngestResult, ingest_file

DEFAULT_BASE_URL = "https://www.cepii.fr/DATA_DOWNLOAD/baci/data"
BASE_URL_ENV = "BILAT_BACI_URL"
HS_REVISIONS = ("HS92", "HS96", "HS02", "HS07", "HS12", "HS17", "HS22")
_RELEASE = re.compile(r"V\d{6}[a-z]?")
_YEAR_MEMBER = re.compile(r"(?:^|/)BACI_HS\d{2}_Y\d{4}_V\d+[a-z]?\.csv$", re.IGNORECASE)


@dataclass
class BaciFetch:
    """What :func:`fetch_baci` did: the download, and the ingestion unless it was skipped."""

    url: str
    download: DownloadResult
    ingest: IngestResult | None


def release_name(release: str, hs: str) -> str:
    """``("V202401", "HS17")`` -> ``BACI_HS17_V202401.zip``; a clear error for a malformed tag."""
    release = release.strip()
    hs = hs.strip().upper()
    if not _RELEASE.fullmatch(release):
        raise BilatError(f"a BACI release looks like V202401 (got {release!r})")
    if hs not in HS_REVISIONS:
        raise BilatError(f"HS revision must be one of {', '.join(HS_REVISIONS)} (got {hs!r})")
    return f"BACI_{hs}_{release}.zip"


def release_url(release: str, hs: str, base_url: str | None = None) -> str:
    """The download address of a release: ``base_url`` or ``$BILAT_BACI_URL`` or CEPII's."""
    base = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    return f"{base.rstrip('/')}/{release_name(release, hs)}"


def default_download_dir() -> Path:
    """Downloads are kept beside the store (``$BILAT_HOME/downloads``) so a rerun finds them."""
    return bilat_home() / "downloads"


def verify_release_zip(path: Path, *, check_crc: bool = True) -> list[str]:
    """The year files of a BACI release zip; :class:`DownloadError` if it is not one or is damaged.

    Opening the zip reads its central directory (at the very end of the file), which a truncated
    download lacks. ``check_crc`` decompresses every member, which checks its CRC (one pass of
    decompression, seconds per GB: small beside the download, and a damaged zip is then deleted
    rather than kept where the next run would take it for a good one).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            years = [name for name in archive.namelist() if _YEAR_MEMBER.search(name)]
            if not years:
                raise DownloadError(f"{path.name} is a zip but holds no BACI year file (BACI_HS.._Y...._V....csv)")
            if check_crc:
                for info in archive.infolist():
                    _read_member(archive, info, path.name)
    except zipfile.BadZipFile as exc:
        raise DownloadError(f"{path.name} is not a readable zip ({exc}); the download was deleted") from None
    return years


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Decompress one member to nowhere; ``zipfile`` checks its CRC at the end."""
    try:
        with archive.open(info) as member:
            while member.read(8 << 20):
                pass
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise DownloadError(f"{name}: member {info.filename} is damaged ({exc}); the download was deleted") from None


def fetch_baci(
    release: str,
    hs: str = "HS17",
    *,
    dest: Path | str | None = None,
    base_url: str | None = None,
    sha256: str | None = None,
    ingest: bool = True,
    store: Store | None = None,
    progress: ProgressCallback | None = None,
    ingest_progress: Callable[[int, int | None], None] | None = None,
    client: httpx.Client | None = None,
    retries: int = 5,
    backoff: float = 2.0,
    sleep: Callable[[float], None] = time.sleep,
    force: bool = False,
) -> BaciFetch:
    """Download release ``release`` for ``hs`` into ``dest`` (default ``$BILAT_HOME/downloads``) and ingest it.

    The zip is checked (directory, year members, every member's CRC) before it is moved into
    ``dest``; with ``ingest=False`` it stays there for a later ``bilat ingest baci``.
    Example: ``fetch_baci("V202401", "HS17")``.
    """
    url = release_url(release, hs, base_url)
    folder = Path(dest) if dest is not None else default_download_dir()
    target = folder / release_name(release, hs)
    result = download(
        url,
        target,
        sha256=sha256,
        verify=verify_release_zip,
        progress=progress,
        client=client,
        retries=retries,
        backoff=backoff,
        sleep=sleep,
        force=force,
    )
    ingested = None
    if ingest:
        ingested = ingest_file(store or Store(), "baci", target, progress=ingest_progress)
    return BaciFetch(url, result, ingested)
