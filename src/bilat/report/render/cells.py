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
