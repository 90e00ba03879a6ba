"""What the news said about the pair, checked against the data (when articles were added)."""

from __future__ import annotations

from bilat.report.model import Section, Table

#: The claims table's columns, key fields first: the verdict, the figure as quoted, what it
#: measures, the data's value, the deviation and the sentence that explains it.
COLUMNS = ["verdict", "claim", "measure", "from", "to", "year", "claimed_usd", "data_usd", "deviation_pct", "source",
           "why"]


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    if ctx.claims is None or not len(ctx.claims):
        return Section("claims", "News claims", paragraphs=[
            "No articles added for this pair (bilat news add FILE adds one; its claims are then checked here)."])
    frame = ctx.claims[[c for c in COLUMNS if c in ctx.claims.columns]]
    counts = ctx.claims["verdict"].value_counts().to_dict()
    summary = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in sorted(counts.items()))
    return Section("claims", "News claims", paragraphs=[
        f"Claims extracted from the articles added, with their verdicts ({summary}). Forward-looking figures "
        "(targets, forecasts, a deal's expected effect) are never judged: goals go to the targets section."],
        tables=[Table("claims", "Claims and verdicts", frame,
                      {"claimed_usd": "usd", "data_usd": "usd", "deviation_pct": "pct_value", "year": "year"})])
