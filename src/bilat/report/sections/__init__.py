"""Report sections, one per file, in reading order. Each module has ``build(ctx) -> Section``."""

from __future__ import annotations

import importlib

from bilat.report.model import Section

SECTIONS = (
    "summary", "flows", "shares", "composition", "world", "complexity", "potential", "lenses", "targets", "reconcile", "claims", "methods",
)


def build_all(ctx) -> list[Section]:  # noqa: ANN001 - a ReportContext
    """Every section for ``ctx``, in :data:`SECTIONS` order."""
    return [importlib.import_module(f"bilat.report.sections.{name}").build(ctx) for name in SECTIONS]
