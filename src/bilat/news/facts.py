"""Answer fact-check questions from bilat's canonical tables (Ibis expressions, executed at the edge).

Definitions (the same the checker states in its verdicts):

* ``exports(a, b, year)``: goods exports of *a* to *b* from the same source the profile uses for
  that flow (:func:`bilat.analytics.selection.pair_totals`, sources by their declared priority:
  BACI, Comtrade totals, IMF DOTS, then plug-ins). If no source has the flow that year, the
  mirror: *b*'s reported imports from *a* (``country_flows`` flow='M', usually CIF), labelled
  ``mirror``.
* ``total_trade(a, b, year)``: exports(a, b) + exports(b, a).
* ``gdp(c, year)``: indicator ``gdp_usd`` (current US dollars).
* ``imports_total(c, year)`` / ``exports_total(c, year)``: indicators ``imports_total_usd`` /
  ``exports_total_usd``, c's total goods imports / exports with the world.
* ``share_of_imports(a, b, year)``: exports(a, b) / imports_total(b), in percent.
* ``gdp_rank(c, year)``: rank of c by ``gdp_usd`` among countries proper (aggregates such as WLD,
  EUU or income groups excluded).

For indicators, where several sources hold the same series, the one earliest in
:data:`SOURCE_PREFERENCE` wins, country-year by country-year. For national totals that is UN
Comtrade's reporter-declared figure (``comtrade_world``, 2010-2021) before Correlates of War
(``cow``, to 2014): the country's own declaration, the one the press quotes, and the series that
goes on after 2014; COW answers the years and countries Comtrade lacks. The order is the sources'
declared priority (:mod:`bilat.sources.traits`), so the profile's shares pick the same total.
Every fact names its source. Flows never use that list: they follow the sources' traits, so
the fact-check and the profile answer one flow from one source.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from bilat.schema import EXPORTS_TOTAL_USD, GDP_USD, IMPORTS_TOTAL_USD

#: Indicator sources, best first (only sources bilat has loaders for); the order of their traits'
#: priority (a test holds the two equal).
SOURCE_PREFERENCE = ("worldbank", "comtrade_world", "cow")
#: How a national total is worded in a verdict.
_TOTAL_WORDS = {IMPORTS_TOTAL_USD: "total goods imports", EXPORTS_TOTAL_USD: "total goods exports"}


@dataclass(frozen=True)
class Fact:
    """A value from the data, with where it came from and what it means."""

    value: float
    source: str
    definition: str
    mirror: bool = False
    parts: tuple[Fact, ...] = ()


class TradeFacts:
    """Fact queries over ``{"country_flows": ibis.Table, "indicators": ibis.Table, ...}``.

    ``execute`` turns an Ibis expression into a pandas DataFrame (``engine.execute``, or
    ``lambda e: e.execute()`` for tables bound to a backend).
    """

    def __init__(self, tables: Mapping[str, Any], execute: Callable[[Any], Any] | None = None) -> None:
        self.tables = tables
        self.execute = execute or (lambda expr: expr.execute())

    @classmethod
    def from_engine(cls, engine: Any) -> TradeFacts:
        """From an engine with ``table(name)`` and ``execute(expr)`` (``bilat.engines.open_engine()``)."""

        class _Tables(Mapping):
            def __getitem__(self, name: str) -> Any:
                return engine.table(name)

            def __iter__(self):
                return iter(("country_flows", "indicators", "product_flows", "pair_totals"))

            def __len__(self) -> int:
                return 4

        return cls(_Tables(), engine.execute)

    # --- flows ---------------------------------------------------------------------------------

    def exports(self, exporter: str, importer: str, year: int) -> Fact | None:
        from bilat.analytics import selection

        frame = self.execute(selection.pair_totals(self.tables, exporter, importer, (year, year)))
        if frame is not None and len(frame):
            frame = frame[(frame["exporter"] == exporter) & (frame["importer"] == importer)].dropna(subset=["value_usd"])
            chosen = selection.choose_source(frame)
            if chosen is not None:
                value = float(frame[frame["source"] == chosen]["value_usd"].sum())
                basis = selection.basis_of(chosen)
                who = f"reported by {exporter} (FOB)" if basis.startswith("reported by the exporter") else basis
                return Fact(value, chosen, f"{exporter} exports to {importer}, {who}")
        mirror = self._flow(importer, exporter, "M", year)
        if mirror is not None:
            value, source, valuation = mirror
            return Fact(
                value, source,
                f"mirror: {importer} imports from {exporter}, reported by {importer} ({valuation or 'CIF'})",
                mirror=True,
            )
        return None

    def imports(self, importer: str, exporter: str, year: int) -> Fact | None:
        """The importer's own figure (customs, usually CIF); else the exporter's report (mirror).

        Why a separate question: an article that says "Israel imported $2.3b from Japan" quotes
        Israel's statistics, which value goods at the border including freight and insurance.
        Comparing it with Japan's FOB export figure would call a correct number wrong.
        """
        reported = self._flow(importer, exporter, "M", year)
        if reported is not None:
            value, source, valuation = reported
            return Fact(value, source, f"{importer} imports from {exporter}, reported by {importer} ({valuation or 'CIF'})")
        fact = self.exports(exporter, importer, year)
        if fact is None:
            return None
        return Fact(fact.value, fact.source, f"mirror: {fact.definition}", mirror=True)

    def total_trade(self, a: str, b: str, year: int) -> Fact | None:
        ab, ba = self.exports(a, b, year), self.exports(b, a, year)
        if ab is None or ba is None:
            return None
        sources = "+".join(sorted({ab.source, ba.source}))
        return Fact(
            ab.value + ba.value, sources,
            f"{a}-{b} goods trade = {a}→{b} + {b}→{a} exports, each as reported by the exporter",
            mirror=ab.mirror or ba.mirror, parts=(ab, ba),
        )

    def _flow(self, reporter: str, partner: str, flow: str, year: int) -> tuple[float, str, str | None] | None:
        t = self.tables["country_flows"]
        expr = t.filter(
            (t.reporter == reporter) & (t.partner == partner) & (t.flow == flow) & (t.year == year)
        ).group_by(["source"]).aggregate(value=t.value_usd.sum(), valuation=t.valuation.max())
        frame = self.execute(expr)
        return _preferred(frame, "value", extra="valuation")

    # --- indicators ----------------------------------------------------------------------------

    def indicator(self, country: str, name: str, year: int) -> Fact | None:
        t = self.tables["indicators"]
        expr = t.filter((t.country == country) & (t.indicator == name) & (t.year == year)).select("value", "source")
        found = _preferred(self.execute(expr), "value")
        if found is None:
            return None
        value, source, _ = found
        words = _TOTAL_WORDS.get(name)
        if words is None:
            return Fact(value, source, f"{name} of {country} in {year}")
        from bilat.analytics.selection import basis_of

        return Fact(value, source, f"{country}'s {words} in {year}, {basis_of(source)}")

    def gdp(self, country: str, year: int) -> Fact | None:
        return self.indicator(country, GDP_USD, year)

    def imports_total(self, country: str, year: int) -> Fact | None:
        return self.indicator(country, IMPORTS_TOTAL_USD, year)

    def exports_total(self, country: str, year: int) -> Fact | None:
        """The country's total goods exports to the world ("Kenya's total exports hit $6 billion")."""
        return self.indicator(country, EXPORTS_TOTAL_USD, year)

    def why_no_total(self, country: str, name: str, year: int) -> str:
        """Why a national total is missing: the years each source holds for that country.

        Why: "no data" alone reads as a fault; the national totals are partial by design (UN
        Comtrade 2010-2021, with few reporters in 2021; Correlates of War to 2014), and a reader
        should see that the year lies outside them rather than guess.
        """
        from bilat.sources.traits import all_traits

        traits = all_traits()
        t = self.tables["indicators"]
        expr = t.filter((t.country == country) & (t.indicator == name) & t.value.notnull()).group_by("source").aggregate(
            first=t.year.min(), last=t.year.max()
        )
        frame = self.execute(expr)
        words = _TOTAL_WORDS.get(name, name)
        if frame is None or len(frame) == 0:
            return f"no data: no source loaded holds {country}'s {words} (UN Comtrade World totals cover 2010-2021 for the countries that reported)"
        order = {s: i for i, s in enumerate(SOURCE_PREFERENCE)}
        spans = sorted(frame.to_dict("records"), key=lambda r: order.get(r["source"], len(order)))
        held = "; ".join(f"{_label(traits, str(r['source']))} {int(r['first'])}-{int(r['last'])}" for r in spans)
        return f"no data: {country}'s {words} in {year} is outside the years the data hold for {country} ({held})"

    def share_of_imports(self, exporter: str, importer: str, year: int) -> Fact | None:
        part, total = self.exports(exporter, importer, year), self.imports_total(importer, year)
        if part is None or total is None or not total.value:
            return None
        return Fact(
            100 * part.value / total.value, f"{part.source}+{total.source}",
            f"{exporter}→{importer} exports as percent of {importer}'s total goods imports",
            mirror=part.mirror, parts=(part, total),
        )

    def gdp_rank(self, country: str, year: int) -> Fact | None:
        from bilat.news.mentions import sovereign_countries

        t = self.tables["indicators"]
        expr = t.filter((t.indicator == GDP_USD) & (t.year == year)).select("country", "value", "source")
        frame = self.execute(expr)
        if frame is None or len(frame) == 0:
            return None
        frame = frame[frame["country"].isin(sovereign_countries())]
        frame = frame.sort_values("value", ascending=False).drop_duplicates("country")
        ranked = list(frame["country"])
        if country not in ranked:
            return None
        source = ",".join(sorted(set(frame["source"])))
        return Fact(
            float(ranked.index(country) + 1), source,
            f"rank of {country} by GDP (current USD) among {len(ranked)} countries in {year}",
        )


def _label(traits: Mapping[str, Any], source: str) -> str:
    """A source's readable name (its traits' label), else its code."""
    found = traits.get(source)
    return str(getattr(found, "label", None) or source)


def _preferred(frame: Any, column: str, extra: str | None = None) -> tuple[float, str, Any] | None:
    if frame is None or len(frame) == 0:
        return None
    frame = frame.dropna(subset=[column])
    if len(frame) == 0:
        return None
    order = {s: i for i, s in enumerate(SOURCE_PREFERENCE)}
    rows = sorted(frame.to_dict("records"), key=lambda r: order.get(r["source"], len(order)))
    row = rows[0]
    return float(row[column]), str(row["source"]), row.get(extra) if extra else None
