"""The untapped-potential answer for the web: the same source choice and columns as ``bilat potential``.

Why here and not in a route: ``bilat potential`` keeps its source choice (which source and year
can answer: a full basket of products with bilateral rows) in :mod:`bilat.questions.potential`;
this module calls the same function, so the CLI, the report and the web pick the same data, and
says in a note what is missing rather than falling back silently.
"""

from __future__ import annotations

import pandas as pd

from bilat.engines import Engine
from bilat.errors import NoDataError

def untapped(
    engine: Engine, a3: str, b3: str, *, year: int | None, top: int, lens: str | None, level: int
) -> tuple[pd.DataFrame, list[str], str]:
    """(rows, notes, source) of A's untapped export potential in B; NoDataError says what to load.

    The dashboard's table needs ranked products: where the CLI falls back to both countries'
    advantages, the web answers 404 with the same explanation, and the page shows it.
    """
    from bilat.analytics.product_trade import check_level, resolve_lens
    from bilat.questions import untapped_potential

    check_level(level)
    if lens is not None:
        resolve_lens(lens)
    answer = untapped_potential(engine, a3, b3, year=year, level=level, top=top, lens=lens)
    if answer.kind != "potential":
        raise NoDataError(answer.note)
    return answer.frame, [answer.note], answer.source
