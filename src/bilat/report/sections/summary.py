"""The opening lines: the latest year's flows, growth, the weight of each side for the other, goals."""

from __future__ import annotations

import pandas as pd

from bilat.analytics.targets import pct, usd
from bilat.report.model import Section, Table


def key_figures(ctx) -> pd.DataFrame:  # noqa: ANN001 - a ReportContext
    """The handful of numbers the terminal prints and the report opens with (measure, year, value, note)."""
    p = ctx.profile
    a, b = p.a, p.b
    rows = []
    flows = p.flows[p.flows.total_usd.notnull()]
    last = flows.iloc[-1] if len(flows) else p.flows.iloc[-1]
    year = int(last.year)
    head = _latest_first(p.headline)
    for row in head.itertuples(index=False):
        value = usd(row.value_usd) if row.value_usd == row.value_usd and row.value_usd is not None else "n/a"
        source = p.source if row.basis != "mirror" else f"{p.source}, mirror: {row.importer}'s reported imports"
        measure = f"{row.exporter} → {row.importer} exports"
        if row.basis == "mirror":
            measure += f" (mirror: {row.importer}'s reported imports)"
        elif "data end" in row.label:
            measure += f" ({row.exporter} has not reported since {row.year})"
        rows.append((measure, int(row.year) if row.year == row.year and row.year is not None else year, value, source))
    if not len(head):
        rows.append((f"{a} → {b} exports", year, usd(last[p.columns["a_to_b"]]), p.source))
        rows.append((f"{b} → {a} exports", year, usd(last[p.columns["b_to_a"]]), p.source))
    same_year = len(head) == 2 and head.year.nunique() == 1
    if same_year and int(head.year.iloc[0]) != year:
        total = float(head.value_usd.sum())
        rows.append(("total trade (one direction a mirror)", int(head.year.iloc[0]), usd(total), p.source))
    else:
        both = "" if _one_current(head) is None else " (last year with both directions)"
        rows.append((f"total trade{both}", year, usd(last.total_usd), p.source))
        rows.append((f"{a}'s balance{both}", year, usd(last[p.columns["balance"]]), p.source))
    for row in p.cagr[p.cagr.measure == "total_usd"].itertuples(index=False):
        rows.append((f"total trade CAGR {row.first_year}-{row.last_year}", row.last_year, pct(row.cagr), p.source))
    for row in _latest_shares(p.shares).itertuples(index=False):
        verb = "destination" if row.side == "exports" else "supplier"
        rows.append((f"{row.partner} as {row.country}'s {verb}", int(row.year),
                     f"{row.share * 100:.2f} % of {row.side}, rank {row.rank} of {row.partners}", row.source))
    for status in ctx.statuses:
        verdict = status.verdict
        data_end = int(status.years.year.max()) if len(status.years) else None
        if data_end is not None and data_end < status.target.by_year:
            verdict = f"{verdict} (judged on data that end in {data_end}, before {status.target.by_year})"
        rows.append((f"goal: {status.target.describe()}", status.target.by_year, verdict, status.source or ""))
    return pd.DataFrame(rows, columns=["measure", "year", "value", "source"])


def _latest_first(head: pd.DataFrame) -> pd.DataFrame:
    """Headline rows with the most recent direction first (a silent reporter's old year never leads)."""
    if len(head) < 2 or head.year.isnull().any():
        return head
    return head.sort_values("year", ascending=False, kind="stable").reset_index(drop=True)


def _one_current(head: pd.DataFrame):  # noqa: ANN202 - a row or None
    """The headline row of the one direction still reported, when the other ended years earlier, else None."""
    if len(head) != 2 or head.year.isnull().any() or head.year.nunique() == 1:
        return None
    ordered = _latest_first(head)
    return ordered.iloc[0] if ordered.basis.iloc[1] != "mirror" else None


def _latest_shares(shares: pd.DataFrame) -> pd.DataFrame:
    """Each country's share line (exports, imports) in its own latest year, not the pair's common one."""
    if not len(shares):
        return shares
    latest = shares.groupby(["country", "side"]).year.transform("max")
    return shares[shares.year == latest].sort_values("year", ascending=False, kind="stable")


def _possessive(name: str) -> str:
    """ "India's", "United Arab Emirates'" (a plural name takes the apostrophe alone)."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def build(ctx) -> Section:  # noqa: ANN001
    p = ctx.profile
    a, b = p.a, p.b
    na, nb = p.names[a], p.names[b]
    figures = key_figures(ctx)
    flows = p.flows[p.flows.total_usd.notnull()]
    paragraphs = []
    current = _one_current(p.headline)
    if current is not None:
        silent = _latest_first(p.headline).iloc[1]
        names = p.names
        paragraphs.append(
            f"In {int(current.year)}, {names[current.exporter]} exported {usd(current.value_usd)} of goods to "
            f"{names[current.importer]} ({p.basis}; source {p.source}). {_possessive(names[silent.exporter])} exports to "
            f"{names[silent.importer]} have no figure after {int(silent.year)} in the loaded data: {silent.note}."
        )
    if len(flows):
        last = flows.iloc[-1]
        year = int(last.year)
        when = f"The last year with both directions is {year}:" if current is not None else f"In {year},"
        paragraphs.append(
            f"{when} {na} exported {usd(last[p.columns['a_to_b']])} of goods to {nb} and {nb} exported "
            f"{usd(last[p.columns['b_to_a']])} to {na}: {usd(last.total_usd)} in total, a balance of "
            f"{usd(last[p.columns['balance']])} for {na} ({p.basis}; source {p.source})."
        )
    paragraphs.append(
        f"Years covered: {p.years[0]}-{p.years[1]}. Values are current US dollars (nominal, not adjusted for inflation)."
    )
    return Section("summary", "Summary", paragraphs=paragraphs, tables=[Table("key_figures", "Key figures", figures)],
                   notes=list(p.notes))
