"""The untapped-potential answer for the web: the same source choice and columns as ``bilat potential``.

Why here and not in a route: ``bilat potential`` keeps its source choice (which source and year
can answer: a full basket of products with bilateral rows) in :mod:`bilat.product_sources`;
this module reuses those helpers so the CLI and the web pick the same data, and says in a note
what is missing rather than falling back silently.
"""

from __future__ import annotations

import pandas as pd

from bilat.engines import Engine
from bilat.errors import NoDataError

COLUMNS = ["rank", "hs_code", "description", "rca", "supply", "demand", "ease", "potential_usd", "actual_usd", "untapped_usd"]


def untapped(
    engine: Engine, a3: str, b3: str, *, year: int | None, top: int, lens: str | None, level: int
) -> tuple[pd.DataFrame, list[str], str]:
    """(rows, notes, source) of A's untapped export potential in B; NoDataError says what to load."""
    from bilat.analytics.potential import export_potential
    from bilat.analytics.product_trade import check_level, resolve_lens
    from bilat.product_sources import LOAD_BACI, coverage, describe_codes, pick

    check_level(level)
    if lens is not None:
        resolve_lens(lens)
    flows = engine.table("product_flows")
    covers = coverage(engine, flows)
    chosen = pick(covers, year=year, level=level, source=None, bilateral=True)
    if chosen is None:
        when = f" for {year}" if year is not None else ""
        raise NoDataError(f"no bilateral product flows for all products{when} at HS{level} in the loaded data; {LOAD_BACI}")
    mine = flows.filter(flows.source == chosen.source, flows.year == chosen.year, flows.exporter == a3)
    if int(engine.execute(mine.count()).iloc[0, 0]) == 0:
        raise NoDataError(
            f"{a3} exports nothing in the loaded {chosen.source} {chosen.year} data (the file covers other exporters); "
            f"{LOAD_BACI}"
        )
    expr = export_potential(flows, a3, b3, year=chosen.year, level=level, source=chosen.source, lens=lens)
    frame = engine.execute(expr.limit(top))
    frame.insert(3, "description", describe_codes(frame) if len(frame) else pd.Series(dtype=str))
    frame = frame[COLUMNS]
    notes = [
        f"{chosen.source} {chosen.year}, HS{level}{f', lens {lens}' if lens else ''}: potential = supply (A's share of "
        "world exports to others) × demand (B's imports) × ease (A→B trade intensity, capped); untapped = "
        "max(potential − actual, 0); method and caveats in docs/methods.md"
    ]
    if frame.empty:
        notes.insert(0, f"no product where {a3} has a revealed comparative advantage and {b3} imports, in {chosen.source} {chosen.year}")
    return frame, notes, chosen.source

