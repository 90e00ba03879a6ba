"""How the terminal shows a table: human column labels, one number format per kind, cards when narrow.

Why here: every command prints DataFrames whose columns are code names (``ISR_to_JPN_usd``,
``share_of_reported``); JSON and CSV keep those names and the raw numbers, the terminal reads as
prose. One format per kind:

========== ===================== ==========================================
kind       example               columns
========== ===================== ==========================================
money      $2.76 bn, $756.9 M    ``*_usd``, ``first_value``, ``last_value``
share      1.90 %                ``share``, ``share_of_*``, ``progress``
growth     +12.25 %              ``*_yoy``, ``cagr``, ``*_cagr*``, ``change_pct``
rank       12                    ``rank``, ``partners``, ``*_rank``
ratio      1.71×                 ``*_ratio`` (CIF/FOB)
========== ===================== ==========================================

A table wider than the terminal becomes one card per row (``label: value`` lines), so no value is
ever cut with "…". :func:`render` is the generic renderer other commands call.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from bilat.cli.output import safe_text, terminal_safe
from bilat.questions.labels import LABELS, kind_of, label  # noqa: F401 - re-exported for the commands

#: Text columns longer than this may wrap inside a table cell (values never do).
WRAP = 18


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT


def money(value: Any) -> str:
    """$2.76 bn, $756.9 M, $96,897, −$1.29 bn."""
    v = float(value)
    sign = "−" if v < 0 else ""
    v = abs(v)
    if v >= 1e9:
        return f"{sign}${v / 1e9:,.2f} bn"
    if v >= 1e6:
        return f"{sign}${v / 1e6:,.1f} M"
    return f"{sign}${v:,.0f}"


def share(value: Any) -> str:
    """0.019 → 1.90 %; tiny shares keep two significant digits (0.0000263 → 0.0026 %)."""
    v = float(value) * 100
    if v != 0 and abs(v) < 0.01:
        return f"{v:.2g} %"
    return f"{v:.2f} %"


def growth(value: Any) -> str:
    """0.1225 → +12.25 %."""
    return f"{float(value) * 100:+.2f} %"


def cell(value: Any, kind: str | None) -> str:
    """One cell as text by its column's kind."""
    if _missing(value):
        return ""
    if isinstance(value, str):
        return value
    try:
        if kind == "money":
            return money(value)
        if kind == "share":
            return share(value)
        if kind == "growth":
            return growth(value)
        if kind == "ratio":
            return f"{float(value):.2f}×"
        if kind == "rank":
            return f"{int(value)}"
    except (TypeError, ValueError):
        return str(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value)}"
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.4g}"
    return str(value)


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as text cells under human labels (JSON/CSV never go through here)."""
    out = pd.DataFrame(index=range(len(frame)))
    for column in frame.columns:
        kind = kind_of(str(column))
        out[label(str(column))] = [cell(v, kind) for v in frame[column]]
    return out


def render(frame: pd.DataFrame, console: Any, title: str | None = None) -> None:
    """Print ``frame`` as a table, or as one card per row when the table would not fit the terminal."""
    from rich.table import Table

    text = readable(frame)
    if not len(text):
        return
    numeric = {c for c in text.columns if _looks_numeric(text[c])}
    width = console.width
    # Values never wrap; text longer than WRAP characters (a product's name) may wrap onto more lines.
    wrap = {c for c in text.columns if c not in numeric and max(len(v) for v in text[c]) > WRAP}
    needed = 1
    for column in text.columns:
        widest = max([len(str(column))] + [len(v) for v in text[column]])
        if column in wrap:
            longest_word = max((len(w) for v in text[column] for w in v.split()), default=1)
            widest = max(WRAP, longest_word)
        needed += widest + 3
    if needed <= width:
        table = Table(title=title, show_lines=False)
        for column in text.columns:
            table.add_column(safe_text(column), justify="right" if column in numeric else "left", no_wrap=column not in wrap,
                             min_width=None if column in wrap else max([len(str(column))] + [len(v) for v in text[column]]))
        for row in text.itertuples(index=False):  # third-party text: never read as markup or emoji
            table.add_row(*[safe_text(v) for v in row])
        console.print(table)
        return
    _cards(text, console, title)


def _looks_numeric(values: pd.Series) -> bool:
    filled = [v for v in values if v]
    return bool(filled) and all(re.fullmatch(r"[−+\-$]*[\d,.]+( %| bn| M| pp)?", v) for v in filled)


def _cards(text: pd.DataFrame, console: Any, title: str | None) -> None:
    """One card per row: the first column (or two) as its heading, then ``label: value`` lines."""
    if title:
        console.print(terminal_safe(title), style="bold", markup=False, highlight=False, soft_wrap=True)
    pad = max(len(str(c)) for c in text.columns)
    for row in text.itertuples(index=False):
        values = list(row)
        lines = [terminal_safe(f"  {str(c).ljust(pad)}  {v}") for c, v in zip(text.columns, values, strict=True) if v != ""]
        console.print("─" * min(console.width, 40), style="dim", highlight=False)
        for line in lines:
            console.print(line, markup=False, highlight=False, soft_wrap=True)
    console.print()
