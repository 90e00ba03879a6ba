"""What a report is made of: sections holding text, tables and plotly figure dicts, before any format.

Why a neutral model: the same report is written as HTML, Markdown, JSON and CSV. Sections build
content once; the renderers in :mod:`bilat.report.render` decide how it looks. Text in a section is
plain text (never markup): every renderer escapes it for its format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

#: How a column is shown: usd ($2.76 bn), pct (12.3 %), pp (+1.2 pp), ratio (1.05), int, year, text.
Formats = dict[str, str]


@dataclass
class Table:
    """A DataFrame with a caption and display formats; JSON/CSV keep the raw values."""

    name: str
    caption: str
    frame: pd.DataFrame
    formats: Formats = field(default_factory=dict)
    #: False: kept in JSON/CSV only (long tables a reader does not scroll through in HTML/Markdown).
    display: bool = True


@dataclass
class Section:
    """One part of the report (one file under ``report/sections``)."""

    name: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    #: ``{"data": [...], "layout": {...}}`` dicts (see ``sections/_style.py``); a plotly Figure is also drawn.
    figures: list[Any] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    preformatted: str | None = None


@dataclass
class Report:
    """A whole report: the pair, when it was made, its sections, and a short terminal summary."""

    a: str
    b: str
    names: dict[str, str]
    years: tuple[int, int]
    sections: list[Section]
    summary: pd.DataFrame
    generated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.timezone.utc).replace(microsecond=0))

    @property
    def title(self) -> str:
        return f"{self.names[self.a]} – {self.names[self.b]}: trade monitor"

    def section(self, name: str) -> Section:
        for section in self.sections:
            if section.name == name:
                return section
        raise KeyError(name)
