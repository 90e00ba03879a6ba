"""The Python API: questions about a pair of countries, answered as pandas DataFrames.

Example::

    import bilat
    bilat.flows("Israel", "Japan", years="2013-2016")

Every function resolves country names, opens the default engine unless one is passed, and returns
a DataFrame whose columns say what each number measures (``source`` and ``basis``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from bilat.analytics import composition as comp
from bilat.analytics import flows as fl
from bilat.engines import Engine, open_engine
from bilat.errors import BilatError, NoDataError

LOAD_HINT = (
    "load product-level data with `bilat ingest baci BACI_HS17_Y2016_V202401.csv` (CEPII BACI) or "
    "`bilat ingest comtrade FILE.csv` (UN Comtrade)"
)


@dataclass
class Answer:
    """A DataFrame plus the notes a reader needs to interpret it (what is missing, which source)."""

    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    source: str | None = None


def resolve_pair(a: str, b: str) -> tuple[str, str]:
    """ISO3 codes of two countries given by code, name or demonym."""
    from bilat.nomenclature.countries import resolve_country

    first, second = resolve_country(a).iso3, resolve_country(b).iso3
    if first == second:
        raise BilatError(f"a pair needs two different countries, got {a!r} and {b!r}")
    return first, second


def _with_engine(engine: Engine | str | None) -> tuple[Engine, bool]:
    if engine is None or isinstance(engine, str):
        return open_engine(engine or "duckdb"), True
    return engine, False


def pair_flows(a: str, b: str, years: str | tuple[int, int] | None = None, source: str | None = None,
               engine: Engine | str | None = None) -> Answer:
    """Yearly goods flows both ways, from one source (the best loaded, or ``source``)."""
    a, b = resolve_pair(a, b)
    span = fl.parse_years(years) if isinstance(years, str) or years is None else years
    eng, owned = _with_engine(engine)
    try:
        tables = {name: eng.table(name) for name in ("product_flows", "country_flows")}
        frame = eng.execute(fl.bilateral_flows(tables, a, b, span))
    finally:
        if owned:
            eng.close()
    chosen = fl.choose_source(frame, source)
    if chosen is None:
        where = f" in {span[0]}-{span[1]}" if span else ""
        wanted = f" from source {source!r}" if source else ""
        raise NoDataError(f"no goods flows between {a} and {b}{where}{wanted} in the loaded data")
    picked = frame[frame.source == chosen].sort_values(["year", "exporter"]).reset_index(drop=True)
    picked["value_usd"] = picked["value_usd"].astype(float)
    notes = []
    others = sorted(set(frame.source) - {chosen})
    if others:
        notes.append(f"also available from: {', '.join(others)} (use --source to switch; sources are never summed)")
    if chosen != "baci":
        notes.append(
            f"{a}'s imports from {b} are {b}'s reported exports (mirror, FOB), not {a}'s own CIF import figure; "
            f"importers' own figures, where loaded, are compared in `bilat reconcile {a} {b}`"
        )
    return Answer(fl.label(picked), notes, chosen)


def flows(a: str, b: str, years: str | None = None, source: str | None = None,
          engine: Engine | str | None = None) -> pd.DataFrame:
    """Yearly goods flows between ``a`` and ``b`` both ways (see :func:`pair_flows` for notes)."""
    return pair_flows(a, b, years, source, engine).frame


def pair_composition(a: str, b: str, by: str = "chapter", years: str | tuple[int, int] | None = None,
                     engine: Engine | str | None = None, hs_revision: int | None = None) -> Answer:
    """What the pair trades by section, chapter (hs2), heading (hs4) or subheading (hs6).

    With ``hs_revision`` (1992...2022), six-digit rows of other revisions are first converted to
    it through the UN correlation tables, so that a series crossing a revision lines up.
    """
    if hs_revision is not None:
        from bilat.nomenclature.concordance import REVISIONS

        if hs_revision not in REVISIONS:
            raise BilatError(f"--hs-revision must be one of {', '.join(map(str, REVISIONS))}; got {hs_revision}")
    if by not in comp.LEVELS:
        raise BilatError(f"--by must be one of year, {', '.join(comp.LEVELS)}; got {by!r}")
    a, b = resolve_pair(a, b)
    span = fl.parse_years(years) if isinstance(years, str) or years is None else years
    digits = comp.LEVELS[by]
    eng, owned = _with_engine(engine)
    try:
        tables = {"product_flows": eng.table("product_flows")}
        frame = pd.DataFrame()
        chosen = None
        for source in ("baci", "comtrade"):
            rows = comp.product_rows(tables, a, b, span, source)
            if hs_revision is not None:
                rows = _harmonised(eng, rows, hs_revision)
            frame = eng.execute(comp.by_level(rows, digits))
            if len(frame):
                chosen = source
                break
    finally:
        if owned:
            eng.close()
    if chosen is None:
        raise NoDataError(f"no product-level flows between {a} and {b} in the loaded data; {LOAD_HINT}")
    frame = frame.rename(columns={"code": "hs_code"})
    notes = []
    if chosen != "baci":
        chapters = sorted(frame.hs_code.str[:2].unique())
        notes.append(
            f"product detail from {chosen} covers only HS chapter(s) {', '.join(chapters)} for this pair; "
            f"the composition is partial: {LOAD_HINT}"
        )
    frame = _describe(frame, by)
    frame["source"] = chosen
    return Answer(frame.reset_index(drop=True), notes, chosen)


def _harmonised(eng: Engine, rows, target: int):  # noqa: ANN001, ANN202 - ibis tables
    """``rows`` converted to HS ``target`` (the correlation links are a small in-memory table)."""
    import ibis

    from bilat.nomenclature.concordance import concordance

    present = eng.execute(rows.filter(rows.hs_level == 6).select("hs_revision").distinct())["hs_revision"]
    parts = []
    for revision in sorted(int(r) for r in present.dropna().unique()):
        if revision != target:
            links = concordance(revision, target)[["code_from", "code_to", "weight"]].assign(rev_from=revision)
            parts.append(links)
    if not parts:
        return rows
    links = pd.concat(parts, ignore_index=True).astype({"rev_from": "int16", "weight": "float64"})
    return comp.harmonise(rows, ibis.memtable(links), target)


def _describe(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    """Add product descriptions (and roll chapters up to sections when asked)."""
    from bilat.nomenclature import hs

    if by == "section":
        sections = frame.hs_code.map(lambda c: hs.section_of(c))
        frame = frame.assign(section=[s[0] for s in sections], description=[s[1] for s in sections])
        frame = frame.groupby(["year", "exporter", "importer", "section", "description"], as_index=False)["value_usd"].sum()
        return frame.sort_values(["year", "exporter", "value_usd"], ascending=[True, True, False])

    def describe(code: str) -> str:
        try:
            return hs.describe(code)
        except Exception:  # noqa: BLE001 - an unknown code keeps its row, without a description
            return ""

    return frame.assign(description=frame.hs_code.map(describe))


def composition(a: str, b: str, by: str = "chapter", years: str | None = None,
                engine: Engine | str | None = None, hs_revision: int | None = None) -> pd.DataFrame:
    """What ``a`` and ``b`` trade by product group (see :func:`pair_composition` for notes)."""
    return pair_composition(a, b, by, years, engine, hs_revision=hs_revision).frame
