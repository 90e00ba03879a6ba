"""Download UN Comtrade+ data through the official ``comtradeapicall`` package, into a file.

Why a file rather than rows straight into the store: the downloaded JSON is then ingested like
any other input (``bilat ingest comtrade FILE``), so it gets the same validation, the same
provenance (its SHA-256) and can be re-ingested offline.

What this adds to ``comtradeapicall``:

* **splitting** under the API's caps: at most ``max_years_per_call`` periods per call (the API
  takes up to 12), and a call whose answer fills ``max_records`` (so is probably truncated) is
  split in two by years; a single year that still fills it is an error asking for a narrower query;
* **retries** with exponential backoff on HTTP 429 (rate limit) and on network errors. The
  package prints the body of a non-200 answer and returns None; the body the API sends
  (``{"statusCode": 429, "message": ...}``) is captured from that output to tell a rate limit
  (retry) from a refused key (stop at once, with the API's message).

Without a subscription key (``COMTRADE_API_KEY``) the public preview endpoint is used: it
answers at most 500 records per call, which is enough for one pair's chapter totals.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from bilat.errors import BilatError

#: Periods per call the API accepts.
MAX_YEARS_PER_CALL = 12
#: Records per call: 100,000 with a subscription key, 500 on the public preview.
MAX_RECORDS_KEY = 100_000
MAX_RECORDS_PREVIEW = 500
#: Comtrade numeric codes that differ from ISO 3166 numeric (the reporter/partner lists of the API).
COMTRADE_CODES = {"USA": 842, "FRA": 251, "IND": 699, "CHE": 757, "NOR": 579, "ITA": 381, "TWN": 490, "WLD": 0}


class ComtradeApiError(BilatError):
    """The Comtrade API refused a request or kept failing; the message says what it answered."""


@dataclass
class CallResult:
    """One API answer: HTTP-like status, the records (status 200) or the API's message."""

    status: int
    records: list[dict[str, Any]]
    message: str = ""


Caller = Callable[[dict[str, Any]], CallResult]


def comtrade_code(country: str) -> int:
    """The Comtrade numeric code of a country (ISO3, name or code), e.g. ``"USA"`` -> 842, ``"WLD"`` -> 0."""
    from bilat.nomenclature.countries import resolve_country

    text = str(country).strip()
    if text.upper() in COMTRADE_CODES:
        return COMTRADE_CODES[text.upper()]
    resolved = resolve_country(text)
    if resolved.iso3 in COMTRADE_CODES:
        return COMTRADE_CODES[resolved.iso3]
    if resolved.iso_numeric is None:
        raise BilatError(f"{resolved.short_name} ({resolved.iso3}) has no numeric code to ask Comtrade for")
    return int(resolved.iso_numeric)


def package_caller(call: dict[str, Any]) -> CallResult:
    """One call through ``comtradeapicall`` (getFinalData with a key, previewFinalData without)."""
    import comtradeapicall

    args = dict(
        typeCode="C",
        freqCode="A",
        clCode=call["clCode"],
        period=call["period"],
        reporterCode=call["reporterCode"],
        cmdCode=call["cmdCode"],
        flowCode=call["flowCode"],
        partnerCode=call["partnerCode"],
        partner2Code=0,
        customsCode="C00",
        motCode=0,
        maxRecords=call["maxRecords"],
        format_output="JSON",
        includeDesc=True,
    )
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        if call.get("subscription_key"):
            frame = comtradeapicall.getFinalData(call["subscription_key"], **args)
        else:
            frame = comtradeapicall.previewFinalData(**args)
    if isinstance(frame, pd.DataFrame):
        return CallResult(200, _records(frame))
    return _failure(printed.getvalue())


def fetch_comtrade(
    reporter: str,
    partner: str | None,
    years: Iterable[int],
    out: Path | str,
    *,
    cmd_codes: Sequence[str] = ("TOTAL",),
    flows: Sequence[str] = ("X", "M"),
    classification: str = "HS",
    api_key: str | None = None,
    max_years_per_call: int = MAX_YEARS_PER_CALL,
    max_records: int | None = None,
    retries: int = 5,
    backoff: float = 2.0,
    caller: Caller = package_caller,
    sleep: Callable[[float], None] = time.sleep,
) -> Path:
    """Download annual Comtrade+ flows declared by ``reporter`` with ``partner`` into ``out`` (JSON).

    ``partner`` None means every partner; ``"WLD"`` the world total. ``cmd_codes`` are HS codes
    (``"27"``, ``"2709"``) or ``"TOTAL"``/``"AG2"``-style groups the API knows. The API key comes
    from ``api_key`` or ``$COMTRADE_API_KEY``. Returns ``out``; ingest it with the ``comtrade``
    source. Example: ``fetch_comtrade("JPN", "ISR", range(2013, 2017), "jpn_isr.json", cmd_codes=["27", "44"])``.
    """
    key = api_key if api_key is not None else os.environ.get("COMTRADE_API_KEY") or None
    cap = max_records or (MAX_RECORDS_KEY if key else MAX_RECORDS_PREVIEW)
    year_list = sorted({int(y) for y in years})
    if not year_list:
        raise BilatError("no years to download")
    if max_years_per_call < 1:
        raise BilatError("max_years_per_call must be at least 1")
    base = {
        "clCode": classification,
        "reporterCode": str(comtrade_code(reporter)),
        "partnerCode": None if partner is None else str(comtrade_code(partner)),
        "cmdCode": ",".join(cmd_codes),
        "flowCode": ",".join(flows),
        "maxRecords": cap,
        "subscription_key": key,
    }
    records: list[dict[str, Any]] = []
    pending = [year_list[i : i + max_years_per_call] for i in range(0, len(year_list), max_years_per_call)]
    while pending:
        chunk = pending.pop(0)
        answer = _call_with_retries(caller, {**base, "period": ",".join(map(str, chunk))}, retries, backoff, sleep)
        if len(answer) >= cap:
            if len(chunk) == 1:
                raise ComtradeApiError(
                    f"the answer for {chunk[0]} reached the {cap:,}-record cap and is probably truncated;"
                    " ask for fewer products, flows or partners (or use an API key)"
                )
            middle = len(chunk) // 2
            pending[:0] = [chunk[:middle], chunk[middle:]]
            continue
        records.extend(answer)
    records.sort(key=lambda r: tuple(str(r.get(k, "")) for k in ("refYear", "reporterCode", "flowCode", "partnerCode", "cmdCode")))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    document = {"count": len(records), "data": records}
    out.write_text(json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return out


def _call_with_retries(
    caller: Caller, call: dict[str, Any], retries: int, backoff: float, sleep: Callable[[float], None]
) -> list[dict[str, Any]]:
    for attempt in range(retries + 1):
        result = caller(call)
        if result.status == 200:
            return result.records
        transient = result.status == 429 or result.status >= 500 or result.status == 0
        if not transient:
            raise ComtradeApiError(f"the Comtrade API refused the request (HTTP {result.status}): {result.message}")
        if attempt < retries:
            sleep(backoff * (2**attempt))
    raise ComtradeApiError(
        f"the Comtrade API kept failing after {retries + 1} attempts (last: HTTP {result.status}: {result.message})"
    )


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """DataFrame rows back to JSON-ready dicts (NaN -> None, numpy scalars -> Python)."""
    clean = frame.astype(object).where(frame.notna(), None)
    return [{k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()} for row in clean.to_dict("records")]


_STATUS = re.compile(r'"statusCode"\s*:\s*(\d{3})')


def _failure(printed: str) -> CallResult:
    """Read what comtradeapicall printed for a failed call into a status and a message."""
    text = printed.strip()
    if text.startswith("Request error"):
        return CallResult(0, [], text)
    try:
        body = json.loads(text)
        return CallResult(int(body.get("statusCode", 0) or 0), [], str(body.get("message", text)))
    except (ValueError, AttributeError):
        pass
    match = _STATUS.search(text)
    if match:
        return CallResult(int(match.group(1)), [], text[:200])
    if "rate limit" in text.lower():
        return CallResult(429, [], text[:200])
    return CallResult(0, [], text[:200] or "no answer")
