"""The pair in one call: profile, declared targets and source reconciliation, as DataFrames.

Example::

    import bilat.pair_api as pair
    p = pair.profile("Israel", "Japan", years="2010-2020")
    p.flows            # yearly ISR→JPN, JPN→ISR, total, balance, year-on-year growth
    p.shares           # each side's share of the other's exports and imports, with rank
    pair.target_status()                 # every stored target, checked against the data
    pair.reconcile("ISR", "JPN", 2016)   # every source's figure for the same flows

Like :mod:`bilat.queries`, every function resolves country names, opens the default engine unless
one is passed, and says in ``notes`` what is missing and how to load it. The arithmetic lives in
:mod:`bilat.analytics` (pure Ibis and plain functions); this module only executes and assembles.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import ibis
import pandas as pd

from bilat.analytics import composition as comp
from bilat.analytics import flows as fl
from bilat.analytics import growth, profile as prof, reconcile as rec, shares as sh
from bilat.analytics.targets import DEFAULT_HORIZON_YEARS, MEASURES, Target, TargetStatus, evaluate
from bilat.engines import Engine, open_engine
from bilat.errors import BilatError, NoDataError, UnknownProductError
from bilat.queries import LOAD_HINT, resolve_pair
from bilat.schema import TABLES, WORLD

#: The composition levels of a profile: name -> HS digits (sections are rolled up from chapters).
LEVELS = {"section": 2, "chapter": 2, "heading": 4}

#: Product sources in order of preference for the pair's composition.
PRODUCT_SOURCES = ("baci", "comtrade")

#: A product source with fewer chapters than this for the pair is a partial slice, not a composition.
FULL_COVERAGE_CHAPTERS = 40

BACI_HINT = "load CEPII BACI with `bilat ingest baci BACI_HS17_Y2016_V202401.csv` (https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37)"


# --- profile ---------------------------------------------------------------------------------------


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

    def tables(self) -> dict[str, pd.DataFrame]:
        """The DataFrames by name (for JSON/CSV output)."""
        out = {"flows": self.flows, "cagr": self.cagr, "shares": self.shares, "composition": self.composition,
               "hhi": self.hhi, "world_exports": self.world_exports}
        if self.lens is not None:
            out["lens"] = self.lens
        if self.lens_world is not None:
            out["lens_world"] = self.lens_world
        return out


def _engine(engine: Engine | str | None) -> tuple[Engine, bool]:
    if engine is None or isinstance(engine, str):
        return open_engine(engine or "duckdb"), True
    return engine, False


def _tables(eng: Engine) -> dict[str, ibis.Table]:
    return {name: eng.table(name) for name in TABLES}


def _span(years: str | tuple[int, int] | None) -> tuple[int, int] | None:
    return fl.parse_years(years) if isinstance(years, str) or years is None else (int(years[0]), int(years[1]))


def country_label(code: str) -> str:
    """A short readable name for an ISO3 code ("JPN" → "Japan"); the code itself if unknown."""
    from bilat.nomenclature.countries import resolve_country

    try:
        return resolve_country(code).short_name
    except BilatError:
        return code


def pair_series(eng: Engine, a: str, b: str, span: tuple[int, int] | None, source: str | None = None) -> tuple[pd.DataFrame, str, list[str]]:
    """The pair's yearly series from one source (see :func:`bilat.analytics.profile.pair_series`).

    Raises :class:`NoDataError` naming the years the data do cover when the span has none.
    """
    tables = _tables(eng)
    available = eng.execute(fl.bilateral_flows(tables, a, b, None).group_by(["source", "year"]).aggregate(n=ibis._.count()))
    if not len(available):
        raise NoDataError(
            f"no goods flows between {a} and {b} in the loaded data (neither country reports trade with the other); "
            f"check the pair, or {LOAD_HINT}"
        )
    in_span = available if span is None else available[(available.year >= span[0]) & (available.year <= span[1])]
    chosen = fl.choose_source(in_span, source)
    if chosen is None:
        where = f" in {span[0]}-{span[1]}" if span and span[0] != span[1] else (f" in {span[0]}" if span else "")
        cover = available if source is None else available[available.source == source]
        covered = (f"; the data cover {int(cover.year.min())}-{int(cover.year.max())}" if len(cover) else
                   f"; source {source!r} has no rows for this pair (loaded: {', '.join(sorted(set(available.source)))})")
        raise NoDataError(f"no goods flows between {a} and {b}{where}{covered}")
    flows = fl.bilateral_flows(tables, a, b, span, sources=(chosen,))
    series = eng.execute(prof.pair_series(flows, a, b))
    series["year"] = series["year"].astype(int)
    notes = []
    others = sorted(set(in_span.source) - {chosen})
    if others:
        notes.append(f"flows from {chosen}; also available from {', '.join(others)} (sources are never summed)")
    if chosen != "baci":
        notes.append(f"each direction is the exporter's declaration (FOB): {a}'s imports from {b} are {b}'s reported "
                     f"exports (mirror), not {a}'s own CIF import figure")
    return series.sort_values("year").reset_index(drop=True), chosen, notes


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
    engine: Engine | str | None = None,
) -> PairProfile:
    """Profile the pair: flows, growth, shares and ranks, composition, concentration and a lens."""
    a, b = resolve_pair(a, b)
    span = _span(years)
    lens_obj = _lens(lens) if lens else None
    eng, owned = _engine(engine)
    try:
        series, chosen, notes = pair_series(eng, a, b, span, source)
        first, last = int(series.year.min()), int(series.year.max())
        spans = cagr_spans or _default_spans(series, a, b)
        cagr = cagr_table(series, a, b, spans)
        tables = _tables(eng)
        shares, shares_source = _shares(eng, tables, a, b, (first, last), chosen, notes)
        composition, comp_source, complete, hhi = _composition(eng, tables, a, b, (first, last), top, series, notes)
        lens_frame = lens_world = None
        if lens_obj is not None:
            lens_frame, lens_world = _lens_views(eng, tables, a, b, (first, last), lens_obj, comp_source, complete, notes)
        world = world_exports(eng, tables, a, b, top)
        if not len(world):
            notes.append("each country's export structure to the world needs Open Trade Statistics or BACI rows "
                         "(bilat ingest ots world_trade_2017.csv.gz)")
    finally:
        if owned:
            eng.close()
    return PairProfile(
        a=a, b=b, names={a: country_label(a), b: country_label(b)}, source=chosen, basis=fl.BASIS.get(chosen, chosen),
        flows=series, cagr=cagr, shares=shares, shares_source=shares_source, composition=composition,
        composition_source=comp_source, composition_complete=complete, hhi=hhi, lens=lens_frame,
        lens_name=lens_obj.name if lens_obj is not None else None, lens_world=lens_world, world_exports=world,
        years=(first, last), notes=notes,
    )


def _default_spans(series: pd.DataFrame, a: str, b: str) -> list[tuple[int, int]]:
    """The whole span with a total, and its last 5 and 10 years."""
    with_total = series[series.total_usd.notnull()]
    years = with_total.year if len(with_total) else series.year
    first, last = int(years.min()), int(years.max())
    spans = [(first, last)]
    for n in (10, 5):
        if last - n > first:
            spans.append((last - n, last))
    return spans


def _shares(eng: Engine, tables: dict, a: str, b: str, span: tuple[int, int], flows_source: str,
            notes: list[str]) -> tuple[pd.DataFrame, str | None]:
    """Shares and ranks from the first all-pairs source that has rows in the span (DOTS, then BACI)."""
    for source in ("imf_dots", "baci"):
        frame = eng.execute(sh.partner_shares(sh.country_matrix(tables, source), a, b, span, tables["indicators"]))
        if len(frame):
            frame["year"] = frame["year"].astype(int)
            frame["basis"] = frame["side"].map(sh.BASIS)
            frame["source"] = source
            if source == "baci":
                notes.append("shares and ranks from BACI count only the exporters loaded: complete only for a full BACI year")
            return frame.reset_index(drop=True), source
    notes.append("shares and ranks need a source with every partner (IMF DOTS or a full BACI year); none is loaded")
    return pd.DataFrame(columns=["year", "country", "partner", "side", "value_usd", "total_usd", "share", "rank",
                                 "partners", "total_basis", "basis", "source"]), None


def _composition(eng: Engine, tables: dict, a: str, b: str, span: tuple[int, int], top: int, series: pd.DataFrame,
                 notes: list[str]) -> tuple[pd.DataFrame, str | None, bool, pd.DataFrame]:
    """Top products each way at section, chapter and heading level, from the best product source."""
    columns = ["level", "year", "exporter", "importer", "code", "description", "value_usd", "share", "rank",
               "prev_value_usd", "change_usd", "change_pct", "share_change_pp", "share_of_flow", "source"]
    empty_hhi = pd.DataFrame(columns=["year", "exporter", "importer", "hhi", "products", "equivalent_products", "level", "source"])
    for source in PRODUCT_SOURCES:
        rows = comp.product_rows(tables, a, b, span, source)
        chapters_found = eng.execute(rows.group_by([rows.hs_code.left(2).name("chapter")]).aggregate(n=rows.count()))
        if not len(chapters_found):
            continue
        complete = source == "baci" or len(chapters_found) >= FULL_COVERAGE_CHAPTERS
        frames = []
        for level, digits in LEVELS.items():
            levels = comp.by_level(rows, digits)
            if level == "section":
                levels = prof.by_section(levels)
            frame = eng.execute(prof.top_n(prof.with_shares(levels), top))
            if len(frame):
                frame["level"] = level
                frames.append(frame)
        frame = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
        frame["year"] = frame["year"].astype(int)
        frame["description"] = [_describe(level, code) for level, code in zip(frame.level, frame.code, strict=True)]
        frame["share_of_flow"] = _share_of_flow(frame, series, a, b)
        frame["source"] = source
        hhi = empty_hhi
        if complete:
            hhi = eng.execute(sh.hhi(comp.by_level(rows, 4)))
            hhi["level"] = "heading"
            hhi["source"] = source
        else:
            listed = ", ".join(sorted(chapters_found.chapter))
            notes.append(
                f"full bilateral composition needs product data: {source} has only HS chapter(s) {listed} for this pair, "
                f"shown as a slice (share_of_flow = share of the whole flow); {BACI_HINT}"
            )
        return frame[columns], source, complete, hhi
    notes.append(f"no product-level flows for this pair: composition, concentration (HHI) and lenses need product data; {BACI_HINT}")
    return pd.DataFrame(columns=columns), None, False, empty_hhi


def _share_of_flow(frame: pd.DataFrame, series: pd.DataFrame, a: str, b: str) -> list[float | None]:
    """Each row's value as a share of the whole directional flow of the series' source."""
    cols = prof.series_columns(a, b)
    lookup = {}
    for row in series.itertuples(index=False):
        d = row._asdict()
        lookup[(int(d["year"]), a)] = d[cols["a_to_b"]]
        lookup[(int(d["year"]), b)] = d[cols["b_to_a"]]
    out = []
    for year, exporter, value in zip(frame.year, frame.exporter, frame.value_usd, strict=True):
        whole = lookup.get((int(year), exporter))
        out.append(float(value) / whole if whole and not math.isnan(whole) else None)
    return out


def _describe(level: str, code: str) -> str:
    from bilat.nomenclature import hs

    try:
        if level == "section":
            if code == prof.OTHER_SECTION:
                return "Commodities not specified according to kind (HS 99)"
            return _section_names().get(code, "")
        return hs.describe(code)
    except BilatError:
        return ""


def _section_names() -> dict[str, str]:
    from bilat.nomenclature.hs import hs_table

    table = hs_table(level=2)
    return dict(zip(table.section, table.section_name, strict=True))


def _lens(name: str) -> Any:
    try:
        from bilat.nomenclature.lenses import get_lens
    except ImportError:  # pragma: no cover - the nomenclature ships lenses
        raise UnknownProductError(f"sector lens {name!r}: bilat.nomenclature.lenses is not available") from None
    return get_lens(name)


def lens_codes_at(prefixes: tuple[str, ...], digits: int) -> tuple[tuple[str, ...], bool]:
    """Lens prefixes usable on ``digits``-digit codes, and whether that widened the lens.

    A 6-digit prefix (847950) on 4-digit data can only be matched by its heading (8479), which
    holds more than the lens: the flag says the figure is an upper bound.
    """
    out, widened = [], False
    for p in prefixes:
        if len(p) > digits:
            out.append(p[:digits])
            widened = True
        else:
            out.append(p)
    return tuple(dict.fromkeys(out)), widened


def _prefix_pred(column: ibis.Value, prefixes: tuple[str, ...]) -> ibis.Value:
    pred = column.startswith(prefixes[0])
    for p in prefixes[1:]:
        pred = pred | column.startswith(p)
    return pred


def _lens_views(eng: Engine, tables: dict, a: str, b: str, span: tuple[int, int], lens: Any, source: str | None,
                complete: bool, notes: list[str]) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """The lens within the pair's trade (product data) and in each side's world exports (OTS)."""
    pair_frame = None
    if source is not None and complete:
        rows = comp.product_rows(tables, a, b, span, source)
        rows = rows.filter(_prefix_pred(rows.hs_code, tuple(lens.hs_prefixes)))
        pair_frame = eng.execute(
            rows.group_by(["year", "exporter", "importer", "hs_code"]).aggregate(value_usd=rows.value_usd.sum())
            .order_by(["year", "exporter", ibis.desc("value_usd")])
        )
        pair_frame["description"] = [_describe("heading", c) for c in pair_frame.hs_code]
        pair_frame["lens"] = lens.name
        pair_frame["source"] = source
    else:
        notes.append(
            f"lens {lens.name!r} ({lens.title}) inside the pair's trade needs product data (loaded: "
            f"{'HS chapter slices only' if source else 'none'}); {BACI_HINT}"
        )
    world = _lens_world(eng, tables, a, b, lens)
    if world is not None and len(world):
        if bool(world.widened.any()):
            notes.append(f"lens {lens.name!r} in world exports uses OTS 4-digit headings: its 6-digit codes are matched "
                         f"by their heading, an upper bound")
    else:
        world = None
    return pair_frame, world


def _lens_world(eng: Engine, tables: dict, a: str, b: str, lens: Any) -> pd.DataFrame:
    """Each side's world exports in the lens (OTS), its share of the country's exports and world rank."""
    pf = tables["product_flows"]
    ots = pf.filter(pf.source == "ots", pf.importer == WORLD, pf.value_usd.notnull(), sh.is_country(pf.exporter))
    levels = eng.execute(ots.group_by("hs_level").aggregate(n=ots.count()))
    if not len(levels):
        return pd.DataFrame()
    digits = int(levels.hs_level.max())
    codes, widened = lens_codes_at(tuple(lens.hs_prefixes), digits)
    ots = ots.filter(ots.hs_level == digits)
    totals = ots.group_by(["year", "exporter"]).aggregate(total_usd=ots.value_usd.sum())
    in_lens = ots.filter(_prefix_pred(ots.hs_code, codes))
    lens_tot = in_lens.group_by(["year", "exporter"]).aggregate(lens_usd=in_lens.value_usd.sum())
    ranked = lens_tot.mutate(
        world_rank=(ibis.rank().over(ibis.window(group_by="year", order_by=ibis.desc(lens_tot.lens_usd))) + 1).cast("int64"),
        world_lens_usd=lens_tot.lens_usd.sum().over(ibis.window(group_by="year")),
        exporters=lens_tot.count().over(ibis.window(group_by="year")).cast("int64"),
    )
    joined = ranked.join(totals, ["year", "exporter"])
    joined = joined.filter(joined.exporter.isin([a, b]))
    out = joined.mutate(share_of_exports=joined.lens_usd / joined.total_usd.nullif(0),
                        share_of_world=joined.lens_usd / joined.world_lens_usd.nullif(0))
    frame = eng.execute(out.order_by(["year", "exporter"]))
    frame["lens"] = lens.name
    frame["widened"] = widened
    frame["source"] = "ots"
    return frame


def world_exports(eng: Engine, tables: dict, a: str, b: str, top: int = 10) -> pd.DataFrame:
    """Each side's exports to the world by HS section (OTS or another source with ``WLD`` rows).

    Columns: year, exporter, code (section), description, value_usd, share, rank, source.
    """
    pf = tables["product_flows"]
    rows = pf.filter(pf.importer == WORLD, pf.exporter.isin([a, b]), pf.hs_level > 0, pf.value_usd.notnull(),
                     pf.flow.isnull() | (pf.flow == "X"))
    found = eng.execute(rows.group_by(["source", "year"]).aggregate(n=rows.count()))
    if not len(found):
        return pd.DataFrame(columns=["year", "exporter", "code", "description", "value_usd", "share", "rank", "source"])
    latest = found.sort_values(["year", "n"]).iloc[-1]
    source, year = str(latest.source), int(latest.year)
    chosen = rows.filter(rows.source == source, rows.year == year)
    finest = chosen.filter(chosen.hs_level == chosen.hs_level.max())
    chapters = finest.mutate(code=finest.hs_code.left(2), importer=finest.importer).group_by(
        ["year", "exporter", "importer", "code"]).aggregate(value_usd=finest.value_usd.cast("float64").sum())
    frame = eng.execute(prof.top_n(prof.with_shares(prof.by_section(chapters)), top))
    frame["description"] = [_describe("section", c) for c in frame.code]
    frame["source"] = source
    frame["year"] = frame["year"].astype(int)
    return frame[["year", "exporter", "code", "description", "value_usd", "share", "rank", "source"]]


# --- targets --------------------------------------------------------------------------------------

_MEASURE_ALIASES = {
    "total": "total", "trade": "total", "bilateral_trade_total": "total", "bilateral_trade": "total",
    "total_trade": "total", "trade_volume": "total", "exports": "exports", "export": "exports",
    "imports": "imports", "import": "imports",
}

#: The goal the founding articles declare. The 2017 Israel–Japan agreements article speaks of
#: doubling bilateral trade and gives neither a base nor an end year: its figures are for 2016
#: (the base), and the goal year is the default horizon (base + 6 = 2022).
SEED_TARGETS = (
    dict(a="ISR", b="JPN", measure="total", base_year=2016, by_year=2016 + DEFAULT_HORIZON_YEARS, multiplier=2.0,
         by_year_assumed=True, origin="seed: Israel–Japan agreements article (2017)",
         quote="goal to double Israel–Japan trade (no base or end year given; base 2016 = the article's latest figures)"),
)


def seed_targets(a: str, b: str) -> list[Target]:
    """The founding articles' goals for this pair (either order), not stored in the catalog."""
    out = []
    for seed in SEED_TARGETS:
        if {seed["a"], seed["b"]} == {a, b}:
            out.append(Target(**seed))
    return out


def make_target(
    a: str | None = None,
    b: str | None = None,
    *,
    measure: str = "total",
    base_year: int | None = None,
    by_year: int | None = None,
    multiplier: float | None = None,
    target_value: float | None = None,
    growth: float | str | None = None,
    countries: list[str] | None = None,
    quote: str | None = None,
    origin: str = "user",
    published: Any = None,
    engine: Engine | str | None = None,
    **extra: Any,
) -> Target:
    """Build a validated :class:`Target` from CLI options or a news record's ``to_target_dict()``.

    News records name the pair in ``countries`` and the direction in ``from``/``to``; an
    ``imports`` goal with from X to Y is Y's imports from X. A missing base year becomes the year
    before ``published`` (the figures an article quotes are last year's) or, without it, the latest
    year with data; a missing goal year becomes base + :data:`DEFAULT_HORIZON_YEARS` (flagged).
    """
    raw_measure = str(measure or "total").strip().lower()
    if raw_measure not in _MEASURE_ALIASES:
        raise BilatError(f"measure must be one of {', '.join(MEASURES)}; got {measure!r}")
    kind = _MEASURE_ALIASES[raw_measure]
    src, dst = extra.pop("from", None), extra.pop("to", None)
    if a is None or b is None:
        if kind in ("exports", "imports") and src and dst:
            a, b = (src, dst) if kind == "exports" else (dst, src)
        elif countries and len(countries) == 2:
            a, b = countries
        else:
            raise BilatError("a target needs two countries (A B, or countries=[A, B])")
    a, b = resolve_pair(a, b)
    if growth is not None:
        if multiplier is not None or target_value is not None:
            raise BilatError("give one of --multiplier, --target-value or --growth, not several")
        multiplier = 1.0 + _fraction(growth)
    if (multiplier is None) == (target_value is None):
        raise BilatError("a target needs exactly one of --multiplier (2 = double), --target-value (USD) or --growth (50%)")
    if multiplier is not None and float(multiplier) <= 0:
        raise BilatError(f"the multiplier must be positive, got {multiplier}")
    if target_value is not None and float(target_value) <= 0:
        raise BilatError(f"the target value must be positive USD, got {target_value}")
    currency = extra.get("currency")
    if target_value is not None and currency not in (None, "USD"):
        raise BilatError(f"target values are compared with USD statistics; convert {currency} first")
    if base_year is None:
        base_year = _year_of(published) - 1 if published is not None else _latest_year(a, b, engine)
    base_year = int(base_year)
    assumed = by_year is None
    by_year = int(by_year) if by_year is not None else base_year + DEFAULT_HORIZON_YEARS
    if by_year <= base_year:
        raise BilatError(f"the goal year ({by_year}) must come after the base year ({base_year})")
    return Target(a=a, b=b, measure=kind, base_year=base_year, by_year=by_year,
                  multiplier=float(multiplier) if multiplier is not None else None,
                  target_value=float(target_value) if target_value is not None else None,
                  by_year_assumed=assumed, quote=quote, origin=origin)


def add_target(a: str | None = None, b: str | None = None, **fields: Any) -> Target:
    """Validate and store a target in the catalog; returns it with its id (see :func:`make_target`)."""
    from bilat.catalog import open_store
    from bilat.catalog.targets import TargetStore

    target = make_target(a, b, **fields)
    return TargetStore(open_store()).add(target)


def list_targets() -> pd.DataFrame:
    """The stored targets, one row each, with a readable description."""
    from bilat.catalog import open_store
    from bilat.catalog.targets import TargetStore

    frame = TargetStore(open_store()).frame()
    targets = TargetStore(open_store()).all()
    frame["goal"] = [t.describe() for t in targets]
    return frame


def remove_target(target_id: int) -> None:
    """Delete a stored target."""
    from bilat.catalog import open_store
    from bilat.catalog.targets import TargetStore

    TargetStore(open_store()).remove(target_id)


def target_status(
    target_id: int | None = None,
    *,
    a: str | None = None,
    b: str | None = None,
    include_seeds: bool = False,
    engine: Engine | str | None = None,
) -> list[TargetStatus]:
    """Check stored targets (one, those of a pair, or all) against the data, year by year."""
    from bilat.catalog import open_store
    from bilat.catalog.targets import TargetStore

    store = TargetStore(open_store())
    if target_id is not None:
        targets = [store.get(target_id)]
    else:
        targets = store.all()
        if a is not None and b is not None:
            pa_, pb_ = resolve_pair(a, b)
            targets = [t for t in targets if {t.a, t.b} == {pa_, pb_}]
            if include_seeds:
                targets += [s for s in seed_targets(pa_, pb_) if not any(_same_goal(s, t) for t in targets)]
    eng, owned = _engine(engine)
    try:
        return [evaluate_target(t, eng) for t in targets]
    finally:
        if owned:
            eng.close()


def evaluate_target(target: Target, eng: Engine) -> TargetStatus:
    """One target against the best loaded series of its pair."""
    try:
        series, source, _ = pair_series(eng, target.a, target.b, None)
    except NoDataError:
        series, source = pd.DataFrame(columns=["year", *prof.series_columns(target.a, target.b).values()]), None
    return evaluate(target, series, source)


def _same_goal(x: Target, y: Target) -> bool:
    return ({x.a, x.b} == {y.a, y.b} and x.measure == y.measure and x.base_year == y.base_year
            and x.multiplier == y.multiplier and x.target_value == y.target_value)


def _fraction(value: float | str) -> float:
    text = str(value).strip()
    try:
        if text.endswith("%"):
            return float(text[:-1]) / 100.0
        number = float(text)
    except ValueError:
        raise BilatError(f"growth must look like 50% or 0.5, got {value!r}") from None
    return number / 100.0 if number > 5 else number


def _year_of(value: Any) -> int:
    if hasattr(value, "year"):
        return int(value.year)
    return int(str(value)[:4])


def _latest_year(a: str, b: str, engine: Engine | str | None) -> int:
    eng, owned = _engine(engine)
    try:
        series, _, _ = pair_series(eng, a, b, None)
    finally:
        if owned:
            eng.close()
    return int(series.year.max())


_WORD_MULTIPLIERS = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}
_GOAL = re.compile(
    r"^\s*(?:(?P<word>double|triple|quadruple)|(?:multiply\s+by\s+|x\s*)?(?P<times>\d+(?:\.\d+)?)\s*(?:x|times)"
    r"|(?:grow|increase|raise)\s+by\s+(?P<growth>\d+(?:\.\d+)?\s*%)"
    r"|(?:reach|bring\s+to)\s+\$?\s*(?P<value>\d+(?:\.\d+)?)\s*(?P<unit>bn|billion|b|m|million|mn)?)\s+"
    r"(?P<a>[A-Za-z]{3})\s*[-–/]\s*(?P<b>[A-Za-z]{3})\s+(?P<measure>total\s+trade|trade|exports|imports)"
    r"(?:\s+from\s+(?P<base>\d{4}))?(?:\s+by\s+(?P<by>\d{4}))?\s*$",
    re.IGNORECASE,
)


def parse_goal(text: str) -> dict[str, Any]:
    """Fields of :func:`make_target` from a short sentence.

    Understands "double ISR-JPN total trade from 2016 by 2022", "3x ISR-JPN exports from 2016",
    "grow by 50% ISR-JPN trade from 2016 by 2020" and "reach $10 bn ISR-JPN trade from 2016 by 2025".
    """
    m = _GOAL.match(text)
    if not m:
        raise BilatError(
            f"cannot read the goal {text!r}; write e.g. \"double ISR-JPN total trade from 2016 by 2022\" "
            "or use the options (bilat target add ISR JPN --multiplier 2 --base-year 2016 --by-year 2022)"
        )
    g = m.groupdict()
    fields: dict[str, Any] = {"a": g["a"], "b": g["b"], "measure": g["measure"].split()[-1] if g["measure"] != "total trade" else "total",
                              "quote": text.strip()}
    if g["measure"].lower() == "trade":
        fields["measure"] = "total"
    if g["word"]:
        fields["multiplier"] = _WORD_MULTIPLIERS[g["word"].lower()]
    elif g["times"]:
        fields["multiplier"] = float(g["times"])
    elif g["growth"]:
        fields["growth"] = g["growth"].replace(" ", "")
    else:
        unit = (g["unit"] or "").lower()
        scale = 1e9 if unit in ("bn", "billion", "b") else 1e6 if unit in ("m", "million", "mn") else 1.0
        fields["target_value"] = float(g["value"]) * scale
    if g["base"]:
        fields["base_year"] = int(g["base"])
    if g["by"]:
        fields["by_year"] = int(g["by"])
    return fields


# --- reconciliation ---------------------------------------------------------------------------------


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


def reconcile(a: str, b: str, year: int | None = None, *, engine: Engine | str | None = None) -> Reconciliation:
    """Figures side by side from every loaded source for the same flows, and the gaps explained.

    Without ``year``: the latest year with the most distinct figures (sources × reporters × flows).
    """
    a, b = resolve_pair(a, b)
    eng, owned = _engine(engine)
    try:
        tables = _tables(eng)
        active = eng.execute(rec.active_years(tables, a, b))
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
        figures = eng.execute(rec.source_figures(tables, a, b, year))
        world = world_exports(eng, tables, a, b, top=50)
    finally:
        if owned:
            eng.close()
    figures["year"] = figures["year"].astype(int)
    comparison = rec.compare(figures, year)
    hs71 = {str(r.exporter): float(r.share) for r in world[world.code == "XIV"].itertuples(index=False)} if len(world) else {}
    explanations = rec.attribute(figures, comparison, year, hs71)
    notes = [
        f"CIF/FOB: importers value goods at the border including freight and insurance (CIF), exporters without (FOB); "
        f"a ratio of about {rec.TYPICAL_CIF_FOB[0]:.2f}-{rec.TYPICAL_CIF_FOB[1]:.2f} is typical (not measured here)",
    ]
    sources = set(figures.source)
    if "baci" not in sources:
        notes.append(f"BACI (CEPII's reconciled flows) is not loaded; {BACI_HINT}")
    now = figures[figures.year == year].reset_index(drop=True)
    return Reconciliation(a, b, year, now, comparison, explanations, notes)
