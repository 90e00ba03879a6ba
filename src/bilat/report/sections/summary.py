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
    head = p.headline
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
        rows.append(("total trade", year, usd(last.total_usd), p.source))
        rows.append((f"{a}'s balance", year, usd(last[p.columns["balance"]]), p.source))
    for row in p.cagr[p.cagr.measure == "total_usd"].itertuples(index=False):
        rows.append((f"total trade CAGR {row.first_year}-{row.last_year}", row.last_year, pct(row.cagr), p.source))
    shares = p.shares[p.shares.year == year] if len(p.shares) else p.shares
    for row in shares.itertuples(index=False):
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


def build(ctx) -> Section:  # noqa: ANN001
    p = ctx.profile
    a, b = p.a, p.b
    na, nb = p.names[a], p.names[b]
    figures = key_figures(ctx)
    flows = p.flows[p.flows.total_usd.notnull()]
    paragraphs = []
    if len(flows):
        last = flows.iloc[-1]
        year = int(last.year)
        paragraphs.append(
            f"In {year}, {na} exported {usd(last[p.columns['a_to_b']])} of goods to {nb} and {nb} exported "
            f"{usd(last[p.columns['b_to_a']])} to {na}: {usd(last.total_usd)} in total, a balance of "
            f"{usd(last[p.columns['balance']])} for {na} ({p.basis}; source {p.source})."
        )
    paragraphs.append(
        f"Years covered: {p.years[0]}-{p.years[1]}. Values are current US dollars (nominal, not adjusted for inflation)."
    )
    return Section("summary", "Summary", paragraphs=paragraphs, tables=[Table("key_figures", "Key figures", figures)],
                   notes=list(p.notes))
