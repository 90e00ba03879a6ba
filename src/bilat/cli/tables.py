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
import sys
from typing import TYPE_CHECKING, Any

from bilat.cli.output import safe_text, terminal_safe
from bilat.cli.rows import Rows
from bilat.questions.labels import LABELS, kind_of, label  # noqa: F401 - re-exported for the commands

if TYPE_CHECKING:
    import pandas as pd

#: Text columns longer than this may wrap inside a table cell (values never do).
WRAP = 18


def _missing(value: Any) -> bool:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return True
    pd = sys.modules.get("pandas")  # pandas' NA and NaT exist only if something imported pandas
    return pd is not None and (value is pd.NA or value is pd.NaT)


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
    import pandas as pd

    out = pd.DataFrame(index=range(len(frame)))
    for name, cells in _text_columns(frame).items():
        out[name] = cells
    return out


def _text_columns(frame: pd.DataFrame | Rows) -> dict[str, list[str]]:
    """Label -> the column's cells as text; a label given twice keeps its first place and its last column."""
    out: dict[str, list[str]] = {}
    if isinstance(frame, Rows):
        columns = [(name, frame.column(name)) for name in frame.columns]
    else:
        columns = [(str(column), frame[column]) for column in frame.columns]
    for name, values in columns:
        kind = kind_of(name)
        out[label(name)] = [cell(v, kind) for v in values]
    return out


class _Text:
    """Text cells by label, with the little of a DataFrame's interface the renderer uses."""

    def __init__(self, columns: dict[str, list[str]], length: int) -> None:
        self._columns = columns
        self.columns = list(columns)
        self.length = length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, name: str) -> list[str]:
        return self._columns[name]

    def itertuples(self, index: bool = False) -> list[tuple[str, ...]]:
        return list(zip(*self._columns.values(), strict=True)) if self._columns else []


def render(frame: pd.DataFrame | Rows, console: Any, title: str | None = None) -> None:
    """Print ``frame`` (a DataFrame or :class:`Rows`) as a table, or one card per row when it would not fit."""
    from rich.table import Table

    text = _Text(_text_columns(frame), len(frame))
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


def _looks_numeric(values: list[str]) -> bool:
    filled = [v for v in values if v]
    return bool(filled) and all(re.fullmatch(r"[−+\-$]*[\d,.]+( %| bn| M| pp)?", v) for v in filled)


def _cards(text: _Text, console: Any, title: str | None) -> None:
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
