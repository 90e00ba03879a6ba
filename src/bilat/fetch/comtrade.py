"""Fetch one pair's UN Comtrade+ flows into a JSON file, then ingest it with the ``comtrade`` loader.

The API work (splitting under the caps, retries on rate limits) is
:func:`bilat.sources.comtrade_api.fetch_comtrade`; this module only chooses where the file goes and
ingests it, so the downloaded answer gets the same validation and provenance as any other input.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilat.errors import BilatError
from bilat.fetch.baci import default_download_dir
from bilat.catalog.store import Store
from bilat.ingest import IngestResult, ingest_file


@dataclass
class ComtradeFetch:
    """The JSON file written and, unless skipped, what its ingestion stored."""

    path: Path
    records: int
    ingest: IngestResult | None


def comtrade_file_name(reporter: str, partner: str | None, years: Sequence[int], cmd_codes: Sequence[str]) -> str:
    """``comtrade_JPN_ISR_2013-2016_27-44.json``: the query, readable in the file name."""
    span = f"{years[0]}" if years[0] == years[-1] else f"{years[0]}-{years[-1]}"
    cmds = "-".join(c.strip().replace("/", "_") for c in cmd_codes) or "TOTAL"
    return f"comtrade_{reporter}_{partner or 'ALL'}_{span}_{cmds}.json"


def fetch_comtrade_pair(
    reporter: str,
    partner: str | None,
    years: Iterable[int],
    *,
    cmd_codes: Sequence[str] = ("TOTAL",),
    dest: Path | str | None = None,
    api_key: str | None = None,
    ingest: bool = True,
    store: Store | None = None,
    **api_options: Any,
) -> ComtradeFetch:
    """Download what ``reporter`` declares with ``partner`` for ``years`` and ingest it (source ``comtrade``).

    ``api_key`` defaults to ``$COMTRADE_API_KEY`` (none: the public preview, 500 records a call).
    ``api_options`` go to :func:`~bilat.sources.comtrade_api.fetch_comtrade` (``flows``, ``retries``...).
    Example: ``fetch_comtrade_pair("JPN", "ISR", range(2012, 2018), cmd_codes=["TOTAL"])``.
    """
    import json

    from bilat.nomenclature.countries import resolve_country
    from bilat.sources.comtrade_api import fetch_comtrade

    year_list = sorted({int(y) for y in years})
    if not year_list:
        raise BilatError("no years to download")
    rep = resolve_country(reporter).iso3
    par = None if partner is None else (partner.upper() if partner.upper() == "WLD" else resolve_country(partner).iso3)
    folder = Path(dest) if dest is not None else default_download_dir()
    out = folder / comtrade_file_name(rep, par, year_list, cmd_codes)
    fetch_comtrade(rep, par, year_list, out, cmd_codes=cmd_codes, api_key=api_key, **api_options)
    records = int(json.loads(out.read_text(encoding="utf-8")).get("count", 0))
    if records == 0:
        return ComtradeFetch(out, 0, None)  # an empty answer has nothing to ingest
    ingested = ingest_file(store or Store(), "comtrade", out) if ingest else None
    return ComtradeFetch(out, records, ingested)
