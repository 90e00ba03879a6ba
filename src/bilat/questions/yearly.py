"""Question 1a: the pair's yearly goods flows, each way, from one source.

Example::

    from bilat.questions import pair_flows
    pair_flows("Israel", "Japan", years="2013-2016").frame
"""

from __future__ import annotations

import pandas as pd

from bilat.analytics import flows as fl
from bilat.analytics import profile as prof
from bilat.analytics import selection
from bilat.errors import NoDataError
from bilat.questions.answer import Answer
from bilat.questions.hints import LOAD_HINT
from bilat.questions.pair_rows import PairRows
from bilat.questions.yearly_table import source_notes
from bilat.result_memo import MEMO_SIZE
from bilat.session import Session, resolve_pair, using


def span_of(years: str | tuple[int, int] | None) -> tuple[int, int] | None:
    """``"2012-2017"``, ``(2012, 2017)`` or None as a (first, last) span."""
    return fl.parse_years(years) if isinstance(years, str) or years is None else (int(years[0]), int(years[1]))


def pair_flows(a: str, b: str, years: str | tuple[int, int] | None = None, source: str | None = None,
               engine=None, *, session: Session | None = None) -> Answer:  # noqa: ANN001 - Engine | str | None
    """Yearly goods flows both ways, from one source (the best loaded, or ``source``)."""
    a, b = resolve_pair(a, b)
    span = span_of(years)
    with using(session, engine) as s:
        frame = s.execute(selection.pair_totals(s.tables(("product_flows", "country_flows")), a, b, span))
    chosen = selection.choose_source(frame, source)
    if chosen is None:
        where = f" in {span[0]}-{span[1]}" if span else ""
        wanted = f" from source {source!r}" if source else ""
        raise NoDataError(f"no goods flows between {a} and {b}{where}{wanted} in the loaded data")
    picked = frame[frame.source == chosen].sort_values(["year", "exporter"]).reset_index(drop=True)
    picked["value_usd"] = picked["value_usd"].astype(float)
    notes = source_notes(a, b, chosen, sorted(set(frame.source) - {chosen}))
    return Answer(fl.label(picked), notes, chosen)


def flows(a: str, b: str, years: str | None = None, source: str | None = None, engine=None,  # noqa: ANN001
          *, session: Session | None = None) -> pd.DataFrame:
    """Yearly goods flows between ``a`` and ``b`` both ways (see :func:`pair_flows` for notes)."""
    return pair_flows(a, b, years, source, engine, session=session).frame


def pair_series(s: Session, a: str, b: str, span: tuple[int, int] | None,
                source: str | None = None, held: PairRows | None = None) -> tuple[pd.DataFrame, str, list[str]]:
    """The pair's yearly series (A→B, B→A, total, balance, growth) from one source, for the whole span.

    Raises :class:`NoDataError` naming the years the data do cover when the span has none. Kept on
    disk for the same data (:mod:`bilat.questions.kept`): every goal of the pair is judged on it.
    ``held``: the pair's kept totals read once for the profile's parts (:mod:`bilat.questions.pair_rows`).
    Asked again in the same session (the report's goals after its profile), the series is not made again.
    """
    key = ("pair_series", a, b, span, source)
    made = s.answers.get(key)
    if made is None:
        from bilat.questions import kept

        # Kept on disk from the profile's path too: a later report reads the profile whole, and its
        # goals this series (held rows give the same sums: one per pair and year).
        made = kept.answer(s, "pair_series", (a, b, span, source), kept.code_files(*kept.ANSWER_CODE),
                           lambda: _pair_series(s, a, b, span, source, held))
        s.answers[key] = made  # the same series for the goals the report checks next
        while len(s.answers) > MEMO_SIZE:
            s.answers.pop(next(iter(s.answers)))
    series, chosen, notes = made
    return series.copy(), chosen, list(notes)


def _pair_series(s: Session, a: str, b: str, span: tuple[int, int] | None,
                 source: str | None = None, held: PairRows | None = None) -> tuple[pd.DataFrame, str, list[str]]:
    """:func:`pair_series` computed from the session's data."""
    flows = _EveryFlow(s, a, b, held)
    available = flows.sources_years()
    if not len(available):
        raise NoDataError(
            f"no goods flows between {a} and {b} in the loaded data (neither country reports trade with the other); "
            f"check the pair, or {LOAD_HINT}"
        )
    in_span = available if span is None else available[(available.year >= span[0]) & (available.year <= span[1])]
    chosen = selection.choose_source(in_span, source)
    if chosen is None:
        where = f" in {span[0]}-{span[1]}" if span and span[0] != span[1] else (f" in {span[0]}" if span else "")
        cover = available if source is None else available[available.source == source]
        covered = (f"; the data cover {int(cover.year.min())}-{int(cover.year.max())}" if len(cover) else
                   f"; source {source!r} has no rows for this pair (loaded: {', '.join(sorted(set(available.source)))})")
        raise NoDataError(f"no goods flows between {a} and {b}{where}{covered}")
    series = flows.series(chosen, span)
    series["year"] = series["year"].astype(int)
    notes = []
    others = sorted(set(in_span.source) - {chosen})
    if others:
        notes.append(f"flows from {chosen}; also available from {', '.join(others)} (sources are never summed)")
    if chosen != "baci":
        notes.append(f"each direction is the exporter's declaration (FOB): {a}'s imports from {b} are {b}'s reported "
                     f"exports (mirror), not {a}'s own CIF import figure")
    return series.sort_values("year").reset_index(drop=True), chosen, notes


class _EveryFlow:
    """The pair's yearly totals from every source, held once: which sources have which years, then one series.

    In plain SQL on DuckDB (:mod:`bilat.analytics.series_sql`: no Ibis to import or compile for the
    first profile of new data); as Ibis expressions elsewhere (Spark), the same rows.
    """

    def __init__(self, s: Session, a: str, b: str, held: PairRows | None) -> None:
        self.s, self.a, self.b, self.held = s, a, b, held
        self.name: str | None = None
        hold = getattr(s.engine, "hold_sql", None)
        if hold is not None:
            from bilat.analytics import series_sql

            totals = held.totals_name() if held is not None else None
            self.name = hold(f"bilat_pair_flows_{a}_{b}", series_sql.pair_flows_sql(a, b, totals or "pair_totals"))
        else:
            tables = held.totals_tables() if held is not None else s.tables()
            self.tables = tables
            self.every = selection.pair_totals(tables, a, b, None)

    def sources_years(self) -> pd.DataFrame:
        if self.name is not None:
            from bilat.analytics.series_sql import sources_years_sql

            return self.s.sql_frame(sources_years_sql(self.name))
        every = self.every
        return self.s.execute(every.group_by(["source", "year"]).aggregate(n=every.count()))

    def series(self, chosen: str, span: tuple[int, int] | None) -> pd.DataFrame:
        if self.name is not None:
            from bilat.analytics.series_sql import pair_series_sql

            return self.s.sql_frame(pair_series_sql(self.name, self.a, self.b, chosen, span))
        flows_expr = selection.pair_totals(self.tables, self.a, self.b, span, sources=(chosen,))
        return self.s.execute(prof.pair_series(flows_expr, self.a, self.b))
