"""Convert an amount to US dollars with the annual average rate of its year (``data/fx_rates.csv``)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from bilat.settings import PACKAGE_DATA

FX_FILE = PACKAGE_DATA / "fx_rates.csv"


@dataclass(frozen=True)
class Rate:
    currency: str
    year: int
    units_per_usd: float
    source: str


@cache
def rates() -> dict[tuple[str, int], Rate]:
    with FX_FILE.open(encoding="utf-8") as handle:
        return {
            (row["currency"], int(row["year"])): Rate(row["currency"], int(row["year"]), float(row["units_per_usd"]), row["source"])
            for row in csv.DictReader(handle)
        }


def to_usd(value: float, currency: str, year: int | None) -> tuple[float, Rate | None] | None:
    """``(usd, rate)``; the rate is None for dollars. None when the year's rate is not in the table."""
    if currency == "USD":
        return value, None
    if year is None:
        return None
    rate = rates().get((currency, year))
    if rate is None:
        return None
    return value / rate.units_per_usd, rate
