"""Cell formatting shared by the HTML and Markdown renderers (JSON/CSV keep raw values)."""

from __future__ import annotations

import math
from typing import Any

from bilat.analytics.targets import usd


def is_missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(isinstance(value, float) and math.isnan(value)) or (hasattr(value, "__class__") and str(value) in ("NaT", "<NA>"))
    except (TypeError, ValueError):
        return False


def format_cell(value: Any, kind: str | None) -> str:
    """``value`` as text for a reader, following the column's display kind."""
    if is_missing(value):
        return ""
    try:
        if kind == "usd":
            return usd(float(value))
        if kind == "pct":
            v = float(value) * 100
            return f"{v:.2g} %" if 0 < abs(v) < 0.01 else f"{v:.2f} %"
        if kind == "growth":
            return f"{float(value) * 100:+.2f} %"
        if kind == "pct_value":  # already in percent (a deviation of +8.7 %)
            return f"{float(value):+.1f} %"
        if kind == "pp":
            return f"{float(value):+.2f} pp"
        if kind == "ratio":
            return f"{float(value):.3f}"
        if kind in ("int", "year"):
            return f"{int(value)}" if kind == "year" else f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.4g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


#: Identifier columns, shown first; the context columns, shown last.
LEAD = ("exporter", "importer", "country", "partner", "side", "measure", "index", "code", "hs_code", "section")
TRAIL = ("year", "level", "basis", "total_basis", "source", "file_id", "sha256")
#: Columns a reader comes for (kept in the first, visible part of a wide table).
KEY = ("rank", "value_usd", "share", "rca", "verdict", "why", "value", "eci", "eci_rank", "pci", "untapped_usd",
       "share_of_flow", "cagr")
KINDS = {"money": "usd", "share": "pct", "growth": "growth", "rank": "int", "ratio": "ratio"}


def ordered(columns: list[str]) -> list[str]:
    """Identifiers, then the key values, then the rest, then year/source (the page's reading order).

    A table whose only identifier is the year (a yearly series) starts from the year instead.
    """
    lead = [c for c in LEAD if c in columns]
    if not lead and "year" in columns:
        lead = ["year"]
    key = [c for c in columns if c in KEY and c not in lead]
    trail = [c for c in columns if c in TRAIL and c not in lead]
    rest = [c for c in columns if c not in lead and c not in key and c not in trail]
    return lead + key + rest + trail
