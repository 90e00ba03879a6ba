"""What the news said about the pair, checked against the data (when articles were added)."""

from __future__ import annotations

from bilat.report.model import Section, Table


def build(ctx) -> Section:  # noqa: ANN001 - a ReportContext
    if ctx.claims is None or not len(ctx.claims):
        return Section("claims", "News claims", paragraphs=[
            "No articles added for this pair (bilat news add FILE adds one; its claims are then checked here)."])
    return Section("claims", "News claims", paragraphs=["Claims extracted from the articles added, with their verdicts."],
                   tables=[Table("claims", "Claims and verdicts", ctx.claims)])
