"""Fact-check verdicts as cards: one per claim, key fields first, readable in 80 columns.

Why cards and not a table: a verdict has about ten things to say (the figure as quoted, what it
measures, the data's value, the deviation, the band, the why), and sixteen columns squeezed into
80 leave nothing readable. A card gives each its line; offsets stay in the JSON.
"""

from __future__ import annotations

import math
from typing import Any

from bilat.cli.output import terminal_safe

MARKS = {"consistent": "✓", "inconsistent": "✗", "not_checkable": "·"}


def plain(text: Any) -> str:
    """Third-party text safe for a terminal (see :mod:`bilat.cli.output`)."""
    return terminal_safe("" if text is None else text)


def _missing(value: Any) -> bool:
    import pandas as pd

    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _flow(src: Any, dst: Any, measure: str) -> str:
    """``ISR → JPN`` for a flow; ``ISR–JPN`` for the pair's total trade, which has no direction."""
    if _missing(src) or _missing(dst):
        return "" if _missing(src) else str(src)
    return f"{src}–{dst}" if measure == "bilateral_trade_total" else f"{src} → {dst}"


def _measure(row: dict[str, Any]) -> str:
    src, dst, measure = row.get("from"), row.get("to"), row.get("measure")
    year = "" if _missing(row.get("year")) else f", {int(row['year'])}"
    flow = _flow(src, dst, str(measure))
    label = {"exports": "exports", "bilateral_trade_total": "total trade", "share_of_imports": "share of imports",
             "growth": "growth", "gdp": "GDP", "gdp_rank": "GDP rank", "partner_rank": "partner rank",
             "imports_total": "total imports", "exports_total": "total exports"}.get(str(measure), str(measure))
    return f"{label} {flow}{year}".strip()


def card_lines(row: dict[str, Any]) -> list[str]:
    """The lines of one claim's card (no colour: the verdict word carries it)."""
    from bilat.analytics.targets import usd

    verdict = str(row.get("verdict"))
    head = f"{MARKS.get(verdict, '?')} {verdict.replace('_', ' ').upper()}  “{plain(row.get('claim'))}”"
    lines = [head, f"  measures: {_measure(row)}  (article #{row.get('article')})"]
    if not _missing(row.get("data_usd")):
        unit = row.get("deviation_unit")
        if unit == "pp":
            figures = f"claimed {row['claimed_usd']:+.1f} % · data {row['data_usd']:+.1f} % · {row['deviation']:+.1f} pp"
        elif unit == "rank":
            figures = f"claimed rank {row['claimed_usd']:g} · data rank {row['data_usd']:g}"
        elif str(row.get("measure")) in ("share_of_imports",):
            figures = f"claimed {row['claimed_usd']:.3g} % · data {row['data_usd']:.3g} % · {row['deviation_pct']:+.1f} %"
        else:
            figures = (f"claimed {usd(row.get('claimed_usd'))} · data {usd(row.get('data_usd'))}"
                       f" · {row['deviation_pct']:+.1f} %")
        lines.append(f"  {figures}  [{row.get('source')}]")
    lines.append(f"  why: {plain(row.get('why'))}")
    return lines


def print_cards(frame: Any, console: Any) -> None:
    """Every row of a claim_verdicts frame as a card, then a one-line count by verdict."""
    rows = frame.to_dict("records")
    for row in rows:
        for line in card_lines(row):
            _print_wrapped(console, line, "      ")
        console.print("")
    counts = frame["verdict"].value_counts().to_dict() if len(frame) else {}
    summary = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in sorted(counts.items())) or "no claims"
    console.print(f"{len(rows)} claims: {summary}", markup=False, highlight=False)


def record_line(record: dict[str, Any]) -> str:
    """One extracted record (claim, target, agreement) as one line: the words first, then what they mean."""
    kind, what = str(record.get("kind")), str(record.get("what") or "")
    src, dst = record.get("from"), record.get("to")
    flow = _flow(src, dst, what)
    value = record.get("value")
    amount = ""
    if not _missing(value):
        currency = record.get("currency")
        amount = f"{value:,.0f} {currency}" if not _missing(currency) else f"{value:g}"
    year = "" if _missing(record.get("year")) else str(int(record["year"]))
    detail = "" if _missing(record.get("detail")) else str(record.get("detail") or "")
    parts = [p for p in (what.replace("_", " "), flow, amount, year, detail and f"({detail})") if p]
    return f"{kind:<9} “{plain(record.get('text'))}”  {' · '.join(parts)}"


def print_record_cards(records: list[dict[str, Any]], console: Any) -> None:
    """``bilat news show``'s records, one wrapped line each (offsets are in --format json)."""
    for record in records:
        _print_wrapped(console, record_line(record), "          ")


def _print_wrapped(console: Any, line: str, indent: str) -> None:
    """``line`` wrapped to the terminal (40-100 columns), continuation lines indented, never as markup."""
    import textwrap

    width = max(40, min(int(getattr(console, "width", 80) or 80), 100))
    wrapped = textwrap.fill(line, width=width, subsequent_indent=indent, break_long_words=False)
    console.print(wrapped, markup=False, highlight=False, emoji=False, soft_wrap=True)
