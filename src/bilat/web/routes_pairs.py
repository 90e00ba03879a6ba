"""What two countries trade: flows both ways, composition, untapped export potential.

Each route resolves the pair, borrows an engine from the pool and calls one library function; the
JSON it returns is that function's DataFrame and notes, unchanged.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from bilat.errors import BilatError
from bilat.questions.answer import records
from bilat.web.deps import ETag, Pool
from bilat.web.params import LENS_PATTERN, CountryPath, Level, Source, Top, Year, Years, pair
from bilat.web.responses import ERROR_RESPONSES, Envelope, envelope

router = APIRouter(prefix="/api", tags=["pair"], responses=ERROR_RESPONSES)


@router.get("/flows/{a}/{b}", response_model=Envelope, summary="Yearly goods flows both ways")
def flows(a: CountryPath, b: CountryPath, pool: Pool, etag: ETag, years: Years = None, source: Source = None) -> JSONResponse:
    """One record per year and direction, from one source (the best loaded, or ``source``); never summed across sources."""
    from bilat.questions import pair_flows

    a3, b3 = pair(a, b)
    with pool.session() as session:
        answer = pair_flows(a3, b3, years, source, session=session)
    return envelope(answer.frame, answer.notes, answer.source, etag)


@router.get("/composition/{a}/{b}", response_model=Envelope, summary="What the pair trades, by product group")
def composition(
    a: CountryPath, b: CountryPath, pool: Pool, etag: ETag, by: Level = Level.chapter, years: Years = None
) -> JSONResponse:
    """Values by year, direction and HS section, chapter, heading or subheading, with descriptions."""
    from bilat.questions import pair_composition

    a3, b3 = pair(a, b)
    with pool.session() as session:
        answer = pair_composition(a3, b3, by.value, years, session=session)
    frame = answer.frame
    if by is Level.chapter and len(frame):
        frame = frame.assign(section=frame.hs_code.map(_section_code))  # the dashboard's treemap nests on it
    return envelope(frame, answer.notes, answer.source, etag)


def _section_code(chapter: str) -> str:
    """The HS section (roman numeral) of a chapter code; "other" for chapters outside every section."""
    from bilat.questions.products import section_or_unsectioned

    return section_or_unsectioned(chapter)[0]


@router.get("/potential/{a}/{b}", response_model=Envelope, summary="Untapped export potential of A in B")
def potential(
    a: CountryPath,
    b: CountryPath,
    pool: Pool,
    etag: ETag,
    year: Year = None,
    top: Top = 25,
    lens: Annotated[str | None, Query(pattern=LENS_PATTERN, description="A sector lens (see /api/lenses).")] = None,
    level: Annotated[int, Query(description="HS level: 2, 4 or 6.")] = 6,
) -> JSONResponse:
    """Products where A has a comparative advantage and B imports, ranked by untapped value (supply × demand × ease − actual)."""
    from bilat.web import potential as pot

    a3, b3 = pair(a, b)
    with pool.engine() as engine:
        frame, notes, source = pot.untapped(engine, a3, b3, year=year, top=top, lens=lens, level=level)
    return envelope(frame, notes, source, etag)


@router.get("/complexity/{a}/{b}", response_model=Envelope, summary="Economic complexity of both countries")
def complexity(a: CountryPath, b: CountryPath, pool: Pool, etag: ETag, year: Year = None) -> JSONResponse:
    """ECI rank and value of A and B and their most complex exports (PCI), small exporters filtered (the filters are in ``notes``)."""
    from bilat.questions import economic_complexity

    a3, b3 = pair(a, b)
    with pool.session() as session:
        answer = economic_complexity([a3, b3], year, session=session)
    found = answer.to_dict()
    return envelope(found["data"], [*found["filters"], *found["notes"]], found["source"], etag)


@router.get("/coverage/{a}/{b}", response_model=Envelope, summary="How far the pair's figures reach")
def coverage(a: CountryPath, b: CountryPath, pool: Pool, etag: ETag) -> JSONResponse:
    """``table: headline`` rows (each direction's latest figure in its own year, mirror-labelled) and ``table: coverage`` rows (the product slice's share of each flow)."""
    from bilat.questions import pair_composition, pair_series
    from bilat.questions.extent import headline

    a3, b3 = pair(a, b)
    with pool.session() as session:
        series, source, _ = pair_series(session, a3, b3, None)
        head = headline(session, a3, b3, series, source)
        try:
            cov = pair_composition(a3, b3, "chapter", session=session).coverage
        except BilatError:
            cov = head.iloc[0:0]
    rows = [{"table": "headline", **r} for r in records(head)] + [{"table": "coverage", **r} for r in records(cov)]
    return envelope(rows, [n for n in head.note if n], source, etag)
