"""Countries, HS codes and sector lenses: the vocabulary the other endpoints accept."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from bilat.errors import UnknownCountryError, UnknownProductError
from bilat.web.deps import ETag
from bilat.web.params import COUNTRY_PATTERN, HS_PATTERN, MAX_TEXT, Limit, SearchText
from bilat.web.responses import ERROR_RESPONSES, Envelope, HTTPProblem, envelope

router = APIRouter(prefix="/api", tags=["nomenclature"], responses=ERROR_RESPONSES)


@router.get("/countries", response_model=Envelope, summary="Countries bilat knows, optionally filtered")
def countries(etag: ETag, q: SearchText = None, limit: Limit = 500) -> JSONResponse:
    """ISO3 code, numeric code, names and continent; ``q`` keeps those whose code or names contain it."""
    from bilat.nomenclature.countries import country_names

    frame = country_names()
    frame = frame[frame["kind"] != "historic"] if "kind" in frame.columns and not q else frame
    if q and q.strip():
        needle = q.strip().casefold()
        hay = frame["iso3"].str.casefold() + "\n" + frame["name"].str.casefold() + "\n" + frame["short_name"].str.casefold()
        frame = frame[hay.str.contains(needle, regex=False)]
    frame = frame.sort_values("short_name").head(limit)
    return envelope(frame, [], None, etag)


@router.get("/countries/{name}", response_model=Envelope, summary="Resolve a country name, code or demonym")
def country(
    etag: ETag,
    name: Annotated[str, Path(min_length=1, max_length=MAX_TEXT, pattern=COUNTRY_PATTERN, examples=["Israeli"])],
) -> JSONResponse:
    """What bilat understands by ``name`` ("Israeli", "376", "Japan's" → one ISO3 code); 404 if nothing."""
    from bilat.nomenclature.countries import resolve_country

    try:
        found = resolve_country(name.strip())
    except UnknownCountryError as exc:
        raise HTTPProblem(404, str(exc)) from None
    except ValueError:  # e.g. "²": str.isdigit() is True for it, int() refuses it
        raise HTTPProblem(404, f"unknown country {name!r}; use an ISO3 code such as ISR or JPN") from None
    record = {"iso3": found.iso3, "iso_numeric": found.iso_numeric, "name": found.name, "short_name": found.short_name}
    return envelope([record], [], None, etag)


@router.get("/hs/search", response_model=Envelope, summary="Find HS codes by words or code prefix")
def hs_search(
    etag: ETag,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT, description="Words, or the first digits of a code.", examples=["robots"])],
    level: Annotated[int | None, Query(description="2, 4 or 6 digits only.")] = None,
    limit: Limit = 20,
) -> JSONResponse:
    """Codes whose description contains every word (or that start with the digits given)."""
    from bilat.nomenclature import hs

    if level is not None and level not in (2, 4, 6):
        raise HTTPProblem(422, f"level must be 2, 4 or 6, got {level}")
    return envelope(hs.search(q, level=level, limit=limit), [], None, etag)


@router.get("/hs/{code}", response_model=Envelope, summary="Describe one HS code")
def hs_code(
    etag: ETag,
    code: Annotated[str, Path(pattern=HS_PATTERN, description="2, 4 or 6 digits.", examples=["847950"])],
) -> JSONResponse:
    """Description, chapter, heading, section and the sector lenses covering the code; 404 if unknown."""
    from bilat.nomenclature import hs
    from bilat.nomenclature.lenses import lens_of

    try:
        row = hs.hs_table().set_index("code").loc[code]
    except KeyError:
        raise HTTPProblem(404, f"unknown HS code {code!r}: not in HS 2022 nor among the HS 2017 codes it replaced") from None
    record = {"code": code, **{k: v for k, v in row.to_dict().items()}}
    try:
        record["lenses"] = lens_of(code)
    except UnknownProductError:
        record["lenses"] = []
    return envelope([record], [], None, etag)


@router.get("/lenses", response_model=Envelope, summary="Sector lenses (named groups of HS codes)")
def lenses(etag: ETag) -> JSONResponse:
    """Every lens with its HS prefixes and why they were chosen (shipped ones and $BILAT_HOME/lenses.csv)."""
    from bilat.nomenclature.lenses import SERVICES_CAVEAT, lenses_frame

    return envelope(lenses_frame(), [SERVICES_CAVEAT], None, etag)
