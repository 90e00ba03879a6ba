"""Question 5a: every loaded source's figure for the same flows, side by side, the gaps explained.

Example::

    from bilat.questions import reconcile
    r = reconcile("ISR", "JPN", 2016)
    r.figures, r.comparison, r.explanations
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from bilat.analytics import reconcile as rec
from bilat.errors import NoDataError
from bilat.questions.answer import records
from bilat.questions.hints import BACI_HINT, LOAD_HINT
from bilat.questions.profile_parts import world_exports
from bilat.questions import kept
from bilat.session import Session, using

#: The code and data the reconciliation is computed with (a change to one is a new key for kept answers).
CODE = kept.code_files(*kept.ANSWER_CODE)


@dataclass
class Reconciliation:
    """Every source's figure for the pair's flows in one year, lined up and explained."""

    a: str
    b: str
    year: int
    figures: pd.DataFrame
    comparison: pd.DataFrame
    explanations: list[str]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"pair": [self.a, self.b], "year": self.year, "figures": records(self.figures),
                "comparison": records(self.comparison), "explanations": list(self.explanations),
                "notes": list(self.notes)}


def reconcile(a: str, b: str, year: int | None = None, *, engine: Any = None,
              session: Session | None = None) -> Reconciliation:
    """Figures side by side from every loaded source for the same flows, and the gaps explained.

    Without ``year``: the latest year with the most distinct figures (sources × reporters × flows).
    Kept on disk for the same data (:mod:`bilat.questions.kept`): it depends on nothing else.
    """
    with using(session, engine) as s:
        a, b = s.pair(a, b).codes
        return kept.answer(s, "reconcile", (a, b, year), CODE, lambda: _reconcile(s, a, b, year))


def _reconcile(s: Session, a: str, b: str, year: int | None) -> Reconciliation:
    """:func:`reconcile` computed from the session's data."""
    every = _every_figure(s, a, b)  # all years at once on DuckDB (plain SQL), else None
    tables = s.tables() if every is None else None
    active = s.execute(rec.active_years(tables, a, b)) if every is None else _active_years(every)
    if not len(active):
        raise NoDataError(f"no figures at all for flows between {a} and {b} in the loaded data; {LOAD_HINT}")
    if year is None:
        best = active.sort_values(["views", "year"]).iloc[-1]
        year = int(best.year)
    elif int(year) not in set(active.year.astype(int)):
        raise NoDataError(
            f"no figures for {a}–{b} flows in {year}; the loaded data cover {int(active.year.min())}-{int(active.year.max())}"
        )
    year = int(year)
    if every is None:
        figures = s.execute(rec.source_figures(tables, a, b, year))
    else:
        figures = every[every.year.between(year - 1, year + 1)].reset_index(drop=True)
    world = world_exports(s, a, b, top=50)
    figures["year"] = figures["year"].astype(int)
    comparison = rec.compare(figures, year)
    hs71 = {str(r.exporter): float(r.share) for r in world[world.code == "XIV"].itertuples(index=False)} if len(world) else {}
    explanations = rec.attribute(figures, comparison, year, hs71)
    notes = [
        f"CIF/FOB: importers value goods at the border including freight and insurance (CIF), exporters without (FOB); "
        f"a ratio of about {rec.TYPICAL_CIF_FOB[0]:.2f}-{rec.TYPICAL_CIF_FOB[1]:.2f} is typical (not measured here)",
    ]
    if "baci" not in set(figures.source):
        notes.append(f"BACI (CEPII's reconciled flows) is not loaded; {BACI_HINT}")
    now = figures[figures.year == year].reset_index(drop=True)
    return Reconciliation(a, b, year, now, comparison, explanations, notes)


def _every_figure(s: Session, a: str, b: str) -> pd.DataFrame | None:
    """``source_figures`` of every year in one plain SQL query (DuckDB), or None (the engine takes no SQL)."""
    from bilat.analytics.reconcile_sql import source_figures_sql

    return s.sql_frame(source_figures_sql(a, b))


def _active_years(every: pd.DataFrame) -> pd.DataFrame:
    """``rec.active_years`` of the figures of every year: per year, the distinct (source, reporter, flow)."""
    views = every.source + "|" + every.reporter.fillna("") + "|" + every.flow.fillna("")
    found = views.groupby(every.year).nunique()
    return pd.DataFrame({"year": found.index.to_numpy(), "views": found.to_numpy().astype("int64")})
