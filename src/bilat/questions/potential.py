"""Question 3: untapped potential, and the revealed advantages it rests on.

A question about revealed advantage or potential needs exports by product for (nearly) all
countries, and bilateral rows for the potential; the coverage probe (:mod:`.coverage`) finds the
source and year that have them, or the answer says what to load.

Example::

    from bilat.questions import untapped_potential
    from bilat.session import Session
    with Session() as s:
        untapped_potential(s.engine, "ISR", "JPN").frame
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from bilat.errors import BilatError, NoDataError
from bilat.questions.answer import records
from bilat.questions.probe import Coverage, coverage, partial_basket_note, pick
from bilat.questions.hints import LOAD_BACI


def describe_codes(frame: pd.DataFrame, column: str = "hs_code") -> pd.Series:
    """HS descriptions for a column of codes ('' where the nomenclature does not know a code)."""
    from bilat.nomenclature.hs import describe

    def one(code: str) -> str:
        try:
            return describe(code)
        except BilatError:
            return ""

    return frame[column].map(one)


def rca_table(eng, country: str, *, year: int | None, level: int, top: int, source: str | None = None,  # noqa: ANN001, ANN201
              lens: str | None = None):
    """(frame, coverage) of ``country``'s top products by RCA, or NoDataError saying what to load.

    With ``lens``, RCA is still economy-wide (against the whole basket); only the listed products
    are restricted to the lens.
    """
    covers = _coverage(eng)
    chosen = pick(covers, year=year, level=level, source=source, bilateral=False)
    if chosen is None:
        have = ", ".join(f"{c.source} {c.year} (HS{c.finest_level})" for c in covers if c.full_basket) or "none"
        when = f" for {year}" if year else ""
        raise NoDataError(
            f"no exports by product for all countries{when} at HS{level} (loaded: {have}); {LOAD_BACI}"
        )
    return _rca_tops(eng, [country], chosen, level=level, top=top, lens=lens)[0], chosen


RCA_TABLE_COLUMNS = ["exporter", "hs_code", "description", "export_usd", "export_share", "world_share", "rca"]


def _coverage(eng) -> list[Coverage]:  # noqa: ANN001 - a Session or an engine
    """:func:`~bilat.questions.probe.coverage`, in plain SQL where the engine takes it (DuckDB)."""
    from bilat.analytics.product_sql import coverage_sql

    frame = eng.sql_frame(coverage_sql()) if hasattr(eng, "sql_frame") else None
    if frame is None:
        return coverage(eng, eng.table("product_flows"))
    return coverage(eng, None, summary=frame)


def _rca_tops(eng, countries: list[str], chosen: Coverage, *, level: int, top: int,  # noqa: ANN001
              lens: str | None) -> list[pd.DataFrame]:
    """Each country's ``top`` products by RCA (:data:`RCA_TABLE_COLUMNS`), one frame per country.

    Without a lens on an engine that takes plain SQL, one query ranks every country asked about
    (:func:`bilat.analytics.product_sql.rca_top_sql`): the world matrix is summed once, not once
    per country.
    """
    from bilat.analytics.product_sql import exports_by_product_sql, rca_top_sql

    found = None
    if lens is None and hasattr(eng, "sql_frame"):
        matrix = eng.held("bilat_exports", exports_by_product_sql(year=chosen.year, level=level, source=chosen.source))
        found = eng.sql_frame(rca_top_sql(countries, year=chosen.year, level=level, source=chosen.source, top=top,
                                          matrix=matrix))
    if found is None:
        return [_rca_top_ibis(eng, country, chosen, level=level, top=top, lens=lens) for country in countries]
    frames = []
    for country in countries:
        frame = found[found.exporter == country].reset_index(drop=True)
        frame.insert(2, "description", describe_codes(frame) if len(frame) else pd.Series(dtype=object))
        frames.append(frame[RCA_TABLE_COLUMNS])
    return frames


def _rca_top_ibis(eng, country: str, chosen: Coverage, *, level: int, top: int, lens: str | None) -> pd.DataFrame:  # noqa: ANN001
    from bilat.analytics.indices import rca
    from bilat.analytics.product_trade import lens_filter

    expr = rca(eng.table("product_flows"), year=chosen.year, level=level, source=chosen.source, exporter=country)
    if lens is not None:
        expr = expr.filter(lens_filter(expr.hs_code, lens))
    frame = eng.execute(expr.order_by([expr.rca.desc(), expr.hs_code]).limit(top))
    frame.insert(2, "description", describe_codes(frame))
    return frame[RCA_TABLE_COLUMNS]


@dataclass
class PotentialAnswer:
    """Untapped potential of A in B, or, without bilateral product data, both sides' advantages.

    ``kind`` is ``"potential"`` (ranked products: supply, demand, ease, potential, actual,
    untapped) or ``"advantages"`` (each country's top products by RCA); ``note`` says which source
    and year answered and, for advantages, what to load to rank the potential.
    """

    kind: str
    frame: pd.DataFrame
    note: str
    source: str
    year: int

    def to_dict(self) -> dict[str, Any]:
        return {"data": records(self.frame), "notes": [self.note], "source": self.source,
                "kind": self.kind, "year": self.year}


POTENTIAL_COLUMNS = ["rank", "hs_code", "description", "rca", "supply", "demand", "ease", "potential_usd",
                     "actual_usd", "untapped_usd"]


def untapped_potential(eng, a3: str, b3: str, *, year: int | None = None, level: int = 6, top: int = 25,  # noqa: ANN001
                       lens: str | None = None, min_rca: float = 1.0, source: str | None = None) -> PotentialAnswer:
    """The library behind ``bilat potential``, the report's potential section and the web API.

    Given a :class:`~bilat.session.Session`, the answer is kept on disk for the same data
    (:mod:`bilat.questions.kept`): it depends on nothing else.
    """
    from bilat.session import Session

    def compute() -> PotentialAnswer:
        return _untapped_potential(eng, a3, b3, year=year, level=level, top=top, lens=lens, min_rca=min_rca,
                                   source=source)

    if not isinstance(eng, Session):
        return compute()
    from bilat.questions import kept

    try:  # the lens itself, not its name: a user's $BILAT_HOME/lenses.csv may redefine a name
        from bilat.nomenclature.lenses import get_lens

        lens_key = repr(get_lens(lens)) if lens else None
    except Exception:  # noqa: BLE001 - an unknown lens fails as it always did, in the computation
        return compute()
    key = (a3, b3, year, level, top, lens_key, float(min_rca), source)
    return kept.answer(eng, "potential", key, kept.code_files(*kept.ANSWER_CODE), compute)


def _untapped_potential(eng, a3: str, b3: str, *, year: int | None, level: int, top: int,  # noqa: ANN001
                        lens: str | None, min_rca: float, source: str | None) -> PotentialAnswer:
    """:func:`untapped_potential` computed from the data."""
    covers = _coverage(eng)
    chosen = pick(covers, year=year, level=level, source=source, bilateral=True)
    if chosen is None:
        return _advantages_instead(eng, covers, a3, b3, year=year, level=level, top=top, lens=lens)
    from bilat.analytics.potential import export_potential  # Ibis: only when there are bilateral product rows
    flows = eng.table("product_flows")
    mine = flows.filter(flows.source == chosen.source, flows.year == chosen.year, flows.exporter == a3)
    counted = eng.execute(mine.count())
    if int(counted.iloc[0, 0] if hasattr(counted, "iloc") else counted) == 0:
        # Without this, "no product with RCA >= 1" would wrongly suggest A has no advantage anywhere.
        raise NoDataError(
            f"{a3} exports nothing in the loaded {chosen.source} {chosen.year} data (the file covers other exporters); "
            f"{LOAD_BACI}"
        )
    expr = export_potential(flows, a3, b3, year=chosen.year, level=level, source=chosen.source, lens=lens, min_rca=min_rca)
    # A product whose potential is 0 has nothing to rank (issue #16: ten such rows were ranked).
    frame = eng.execute(expr.filter(expr.potential_usd > 0).limit(top))
    frame["rank"] = range(1, len(frame) + 1)
    frame.insert(3, "description", describe_codes(frame) if len(frame) else pd.Series(dtype=str))
    frame = frame[POTENTIAL_COLUMNS]
    note = (
        f"{chosen.source} {chosen.year}, HS{level}{f', lens {lens}' if lens else ''}; potential = supply "
        f"(A's share of world exports to others) × demand (B's imports) × ease (A→B trade intensity, capped); "
        f"untapped = max(potential − actual, 0). Method and caveats: docs/methods.md"
    )
    if frame.empty:
        note = f"no product where {a3} has RCA ≥ {min_rca} and {b3} imports, in {chosen.source} {chosen.year}. " + note
    if partial := partial_basket_note(chosen):
        note = f"{partial}. {note}"
    return PotentialAnswer("potential", frame, note, chosen.source, chosen.year)


def _advantages_instead(eng, covers: list[Coverage], a3: str, b3: str, *, year: int | None, level: int,  # noqa: ANN001
                        top: int, lens: str | None = None) -> PotentialAnswer:
    """No bilateral product data: both countries' revealed advantages, and what is missing."""
    world = [c for c in covers if c.full_basket]
    if not world:
        raise NoDataError(f"no exports by product in the loaded data; {LOAD_BACI}")
    fallback = next((c for c in world if c.year == year), world[0]) if year is not None else world[0]
    fallback_level = min(level, fallback.finest_level)
    frames = _rca_tops(eng, [a3, b3], fallback, level=fallback_level, top=top, lens=lens)
    when = f"for {year}" if year is not None else "for any year"
    note = (
        f"no bilateral product flows {when} in the loaded data, so the untapped potential of {a3} in {b3} "
        f"cannot be ranked; showing both countries' revealed comparative advantage instead "
        f"({fallback.source} {fallback.year}, HS{fallback_level}{f', lens {lens}' if lens else ''}). "
        f"To rank the potential, {LOAD_BACI}."
    )
    return PotentialAnswer("advantages", pd.concat(frames, ignore_index=True), note, fallback.source, fallback.year)
