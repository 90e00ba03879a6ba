"""Question 1: the pair in one answer: flows, growth, shares and ranks, composition, a sector lens.

Example::

    from bilat.questions import profile
    p = profile("Israel", "Japan", years="2010-2020")
    p.flows            # yearly ISR→JPN, JPN→ISR, total, balance, year-on-year growth
    p.to_dict()        # what `bilat profile --format json` and /api/profile both print
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from bilat.analytics import growth
from bilat.analytics import profile as prof
from bilat.analytics import selection
from bilat.errors import UnknownProductError
from bilat.questions import extent, kept
from bilat.questions.pair_indices import pair_indices
from bilat.questions.pair_rows import PairRows
from bilat.questions import profile_parts as parts
from bilat.questions.answer import records
from bilat.questions.yearly import pair_series, span_of
from bilat.questions.hints import LOAD_OTS
from bilat.session import Session, using

#: The code and data the profile is computed with (a change to one is a new key for kept profiles).
CODE = kept.code_files(*kept.ANSWER_CODE)


@dataclass
class PairProfile:
    """Everything :func:`profile` found, one DataFrame per question, and the notes to read them by."""

    a: str
    b: str
    names: dict[str, str]
    source: str
    basis: str
    flows: pd.DataFrame
    cagr: pd.DataFrame
    shares: pd.DataFrame
    shares_source: str | None
    composition: pd.DataFrame
    composition_source: str | None
    composition_complete: bool
    hhi: pd.DataFrame
    lens: pd.DataFrame | None
    lens_name: str | None
    lens_world: pd.DataFrame | None
    world_exports: pd.DataFrame
    years: tuple[int, int]
    notes: list[str] = field(default_factory=list)
    #: Each direction's latest figure in its own latest year, mirror-labelled where the exporter went silent.
    headline: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=extent.HEADLINE_COLUMNS))
    #: What share of each direction's flow the composition rows cover (``label``, ``is_slice``).
    coverage: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=extent.COVERAGE_COLUMNS))
    #: The pair indices (complementarity, intra-industry trade, concentration) by year, where the data allow.
    indices: pd.DataFrame = field(default_factory=pd.DataFrame)

    @property
    def columns(self) -> dict[str, str]:
        """The series' column names by role (``a_to_b``, ``b_to_a``, ``total``, ``balance``): faces read these."""
        return prof.series_columns(self.a, self.b)

    def tables(self) -> dict[str, pd.DataFrame]:
        """The DataFrames by name (for JSON/CSV output)."""
        out = {"flows": self.flows, "headline": self.headline, "cagr": self.cagr, "shares": self.shares,
               "composition": self.composition, "coverage": self.coverage, "hhi": self.hhi,
               "world_exports": self.world_exports, "indices": self.indices}
        if self.lens is not None:
            out["lens"] = self.lens
        if self.lens_world is not None:
            out["lens_world"] = self.lens_world
        return out

    def table_sources(self) -> dict[str, str | None]:
        """Which source answered each table."""
        special = {"composition": self.composition_source, "hhi": self.composition_source,
                   "coverage": self.composition_source,
                   "lens": self.composition_source, "shares": self.shares_source}
        found = {}
        for name, frame in self.tables().items():
            if name in special:
                found[name] = special[name]
            elif "source" in frame.columns and len(frame):
                found[name] = str(frame["source"].iloc[0])
            else:
                found[name] = self.source
        return found

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of a profile (CLI ``--format json`` and ``/api/profile`` print it).

        ``data`` holds one record per table: the pair itself first (``table: "pair"``), then
        ``flows``, ``cagr``, ``shares``, ``composition``, ``hhi``, ``world_exports`` and the
        lens tables, each with its ``source`` and ``rows``.
        """
        sources = self.table_sources()
        data: list[dict[str, Any]] = [{"table": "pair", "source": self.source, "rows": [{
            "a": self.a, "b": self.b, "a_name": self.names[self.a], "b_name": self.names[self.b],
            "first_year": self.years[0], "last_year": self.years[1], "basis": self.basis,
            "composition_complete": self.composition_complete, "lens": self.lens_name,
        }]}]
        data += [{"table": name, "source": sources[name], "rows": records(frame)} for name, frame in self.tables().items()]
        return {"data": data, "notes": list(self.notes), "source": self.source}


def cagr_table(series: pd.DataFrame, a: str, b: str, spans: list[tuple[int, int]]) -> pd.DataFrame:
    """CAGR of both flows and the total over each span (rows: measure, first_year, last_year, ...)."""
    cols = prof.series_columns(a, b)
    rows = []
    indexed = series.set_index("year")
    for first, last in spans:
        for key in ("a_to_b", "b_to_a", "total"):
            column = cols[key]
            v0 = _value(indexed, first, column)
            v1 = _value(indexed, last, column)
            rows.append(dict(measure=column, first_year=first, last_year=last, first_value=v0, last_value=v1,
                             years=last - first, cagr=growth.cagr(v0, v1, last - first)))
    return pd.DataFrame(rows, columns=["measure", "first_year", "last_year", "first_value", "last_value", "years", "cagr"])


def _value(indexed: pd.DataFrame, year: int, column: str) -> float | None:
    if year not in indexed.index:
        return None
    v = indexed.at[year, column]
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def profile(
    a: str,
    b: str,
    years: str | tuple[int, int] | None = None,
    *,
    top: int = 10,
    lens: str | None = None,
    source: str | None = None,
    cagr_spans: list[tuple[int, int]] | None = None,
    engine: Any = None,
    session: Session | None = None,
) -> PairProfile:
    """Profile the pair: flows, growth, shares and ranks, composition, concentration and a lens.

    The profile depends on the data alone, so it is kept on disk (:mod:`bilat.questions.kept`)
    and read back by later processes while the data and bilat are unchanged.
    """
    span = span_of(years)
    lens_obj = _lens(lens) if lens else None
    with using(session, engine) as s:
        pair = s.pair(a, b)
        # The lens itself, not its name: a user's $BILAT_HOME/lenses.csv may redefine a name.
        key = (pair.codes, span, top, repr(lens_obj) if lens_obj is not None else None, source,
               tuple(tuple(x) for x in cagr_spans) if cagr_spans else None)
        return kept.answer(s, "profile", key, CODE, lambda: _profile(s, pair, span, top, lens_obj, source, cagr_spans))


def _profile(s: Session, pair: Any, span: tuple[int, int] | None, top: int, lens_obj: Any, source: str | None,
             cagr_spans: list[tuple[int, int]] | None) -> PairProfile:
    """:func:`profile` computed from the session's data."""
    a, b = pair.codes
    held = PairRows(s, a, b)  # the pair's product rows and kept totals, read once for the parts below
    series, chosen, notes = pair_series(s, a, b, span, source, held)
    first, last = int(series.year.min()), int(series.year.max())
    cagr = cagr_table(series, a, b, cagr_spans) if cagr_spans else _own_span_cagr(series, a, b)
    shares, shares_source = parts.shares(s, a, b, (first, last), chosen, notes, held)
    head = extent.headline(s, a, b, series, chosen)
    notes += [n for n in head.note if n]
    composition, comp_source, complete, hhi, cov = parts.composition(s, a, b, (first, last), top, series, notes,
                                                                     head, held)
    pair_ix = pair_indices(s, a, b, comp_source, complete, cov, held)
    lens_frame = lens_world = None
    if lens_obj is not None:
        lens_frame, lens_world = parts.lens_views(s, a, b, (first, last), lens_obj, comp_source, complete, notes,
                                                  held)
    world = parts.world_exports(s, a, b, top)
    if not len(world):
        notes.append(f"each country's export structure to the world needs Open Trade Statistics or BACI rows ({LOAD_OTS})")
    return PairProfile(
        a=a, b=b, names=pair.names, source=chosen, basis=selection.basis_of(chosen),
        flows=series, cagr=cagr, shares=shares, shares_source=shares_source, composition=composition,
        composition_source=comp_source, composition_complete=complete, hhi=hhi, lens=lens_frame,
        lens_name=lens_obj.name if lens_obj is not None else None, lens_world=lens_world, world_exports=world,
        years=(first, last), notes=notes, headline=head, coverage=cov, indices=pair_ix,
    )


def _own_span_cagr(series: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """CAGR of each measure over its own years: the whole span, and its last 10 and 5 years.

    Why per measure: when one reporter went silent (the UAE in DOTS after 1982), spans common to
    both directions would judge the one still reported (India's exports, to 2020) on 1976-1982.
    """
    cols = prof.series_columns(a, b)
    parts = []
    for order, key in enumerate(("a_to_b", "b_to_a", "total")):
        years = series.year[series[cols[key]].notnull()]
        if not len(years):
            continue
        spans = _default_spans(years)
        table = cagr_table(series, a, b, spans)
        table = table[table.measure == cols[key]].assign(_span=range(len(spans)), _order=order)
        parts.append(table)
    if not parts:
        return cagr_table(series, a, b, [])
    out = pd.concat(parts).sort_values(["_span", "_order"], kind="stable")
    return out.drop(columns=["_span", "_order"]).reset_index(drop=True)


def _default_spans(years: pd.Series) -> list[tuple[int, int]]:
    """The whole span of ``years``, and its last 10 and 5 years."""
    first, last = int(years.min()), int(years.max())
    spans = [(first, last)]
    for n in (10, 5):
        if last - n > first:
            spans.append((last - n, last))
    return spans


def _lens(name: str) -> Any:
    try:
        from bilat.nomenclature.lenses import get_lens
    except ImportError:  # pragma: no cover - the nomenclature ships lenses
        raise UnknownProductError(f"sector lens {name!r}: bilat.nomenclature.lenses is not available") from None
    return get_lens(name)
