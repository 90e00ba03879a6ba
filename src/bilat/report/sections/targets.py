"""Declared goals against the data: progress, actual vs required growth, projection, verdict."""

from __future__ import annotations

from bilat.analytics.growth import project
from bilat.report.model import Section, Table
from bilat.report.sections._style import COLORS, figure, trace


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    p = ctx.profile
    if not ctx.statuses:
        return Section("targets", "Declared targets", paragraphs=[
            f"No target is stored for this pair: `bilat target add {p.a} {p.b} --measure total --base-year 2016 "
            f"--by-year 2022 --multiplier 2` adds one."])
    paragraphs, tables, figs = [], [], []
    for n, status in enumerate(ctx.statuses, start=1):
        t = status.target
        origins = t.origins or [{"origin": t.origin, "quote": t.quote}]
        declared = "; ".join(f"{o['origin']}" + (f" (“{o['quote']}”)" if o.get("quote") else "") for o in origins)
        stored = "" if t.id is None else f"stored goal #{t.id}, "
        paragraphs.append(f"Goal {n}: {t.describe()}. Declared in: {stored}{declared}.")
        paragraphs.append(f"Verdict: {status.summary}.")
        paragraphs.extend(f"  · {line}" for line in status.arithmetic)
        if len(status.years):
            tables.append(Table(f"target_{n}", f"Goal {n}, year by year", status.years,
                                {"value_usd": "usd", "progress": "pct", "actual_cagr": "pct", "required_cagr": "pct",
                                 "needed_cagr_from_here": "pct", "projection_usd": "usd", "year": "year"}))
        if status.base_value is not None and status.goal is not None:
            from bilat.analytics.targets import measure_column

            series = p.flows[p.flows.year >= t.base_year - 5] if t.a == p.a else None
            fig = figure(f"Goal {n}: {t.describe()}", f"{status.source}; goal path at the required growth")
            if series is not None:
                fig["data"].append(trace("scatter", x=series.year, y=series[measure_column(t)], name="actual",
                                         mode="lines+markers", line={"color": COLORS[0]}))
            elif len(status.years):
                fig["data"].append(trace("scatter", x=status.years.year, y=status.years.value_usd, name="actual",
                                         mode="lines+markers"))
            path_years = list(range(t.base_year, t.by_year + 1))
            rate = status.required_cagr or 0.0
            path = [project(status.base_value, rate, y - t.base_year) for y in path_years]
            fig["data"].append(trace("scatter", x=path_years, y=path, name="path to the goal", mode="lines",
                                     line={"dash": "dash", "color": COLORS[1]}))
            fig["data"].append(trace("scatter", x=[t.by_year], y=[status.goal], name="goal", mode="markers",
                                     marker={"size": 12, "symbol": "star", "color": COLORS[3]}))
            figs.append(fig)
    return Section("targets", "Declared targets", paragraphs=paragraphs, tables=tables, figures=figs)
