"""The yearly series both ways, the total and the balance, with growth."""

from __future__ import annotations

from bilat.analytics.targets import pct, usd
from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure, trace


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    p = ctx.profile
    a, b = p.a, p.b
    f = p.flows
    source = f"{p.source} ({p.basis})"
    fig = figure(f"Goods trade between {p.names[a]} and {p.names[b]}", source)
    for column, label, color in (
        (p.columns["a_to_b"], f"{a} → {b}", COLORS[0]),
        (p.columns["b_to_a"], f"{b} → {a}", COLORS[1]),
        (p.columns["total"], "total", COLORS[2]),
    ):
        fig["data"].append(trace("scatter", x=f.year, y=f[column], name=label, mode="lines+markers", line={"color": color}))
    bal = figure(f"{p.names[a]}'s goods balance with {p.names[b]}", source)
    bal["data"].append(trace("bar", x=f.year, y=f[p.columns["balance"]], name=f"balance of {a}", marker={"color": COLORS[3]}))
    growth = p.cagr.copy()
    paragraphs = [
        f"Each direction is the exporter's declaration ({p.basis}). Year-on-year growth is left empty across a gap "
        f"in the series or from a non-positive base."
    ]
    for row in growth[growth.measure == "total_usd"].itertuples(index=False):
        paragraphs.append(
            f"Total trade {row.first_year}-{row.last_year}: {usd(row.first_value)} → {usd(row.last_value)}, "
            f"{pct(row.cagr)} a year (CAGR over {row.years} years)."
        )
    fmt = {c: "usd" for c in f.columns if c.endswith("_usd")}
    fmt.update({c: "pct" for c in f.columns if c.endswith("_yoy")})
    fmt["year"] = "year"
    return Section(
        "flows", "Flows both ways", paragraphs=paragraphs, figures=[fig, bal],
        tables=[
            Table("flows", f"Yearly goods flows, current USD ({p.source})", f, fmt),
            Table("cagr", "Compound annual growth over several spans", growth,
                  {"first_value": "usd", "last_value": "usd", "cagr": "pct", "first_year": "year", "last_year": "year"}),
        ],
    )
