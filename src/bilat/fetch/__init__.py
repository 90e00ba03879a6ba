"""Fetch full data sets from their publishers, verified, then ingest them.

* :mod:`bilat.fetch.download`: one resumable, size-checked HTTP download (``.part`` + ``Range``);
* :mod:`bilat.fetch.baci`: a CEPII BACI release zip (URL, zip check, ingestion);
* :mod:`bilat.fetch.comtrade`: one pair's UN Comtrade+ flows (through the API client) and ingestion.
"""

from __future__ import annotations

from bilat.fetch.baci import BaciFetch, fetch_baci, release_url, verify_release_zip
from bilat.fetch.comtrade import ComtradeFetch, fetch_comtrade_pair
from bilat.fetch.download import DownloadError, DownloadResult, download

__all__ = [
    "BaciFetch",
    "ComtradeFetch",
    "DownloadError",
    "DownloadResult",
    "download",
    "fetch_baci",
    "fetch_comtrade_pair",
    "release_url",
    "verify_release_zip",
]
