"""The pair profile, declared targets checked against the data, and one flow seen by every source.

Thin wrappers over :mod:`bilat.questions`, each given a session over the app's store. Targets are read from the app's own store (the one
``create_app`` was given), not from ``$BILAT_HOME``, so a service and its tests agree on the data.
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from bilat.web.deps import ETag, Pool
from bilat.web.params import LENS_PATTERN, CountryPath, PairQuery, Source, Year, Years, pair, pair_query
from bilat.web.responses import ERROR_RESPONSES, Envelope, clean, envelope, records

router = APIRouter(prefix="/api", tags=["pair"], responses=ERROR_RESPONSES)


@router.get("/profile/{a}/{b}", response_model=Envelope, summary="The pair in one answer: flows, growth, shares, composition")
def profile(
    a: CountryPath,
    b: CountryPath,
    pool: Pool,
    etag: ETag,
    years: Years = None,
    top: Annotated[int, Query(ge=1, le=50, description="Products per level and direction.")] = 10,
    lens: Annotated[str | None, Query(pattern=LENS_PATTERN, description="A sector lens (see /api/lenses).")] = None,
    source: Source = None,
) -> JSONResponse:
    """One record per table of the profile (``table``: flows, cagr, shares, composition, hhi, world_exports, lens...), each with its ``rows``."""
    from bilat.questions import profile as pair_profile

    a3, b3 = pair(a, b)
    with pool.session() as session:
        found = pair_profile(a3, b3, years, top=top, lens=lens, source=source, session=session)
    answer = found.to_dict()
    return envelope(answer["data"], answer["notes"], answer["source"], etag)


@router.get("/targets", response_model=Envelope, summary="Declared targets stored in the catalog")
def targets(pool: Pool, etag: ETag, pair: PairQuery = None) -> JSONResponse:
    """Every stored goal (or those of one pair), with a readable description; add them with `bilat target add`."""
    from bilat.catalog.targets import TargetStore

    wanted = pair_query(pair)
    found = [t for t in TargetStore(pool.store).all() if wanted is None or {t.a, t.b} == set(wanted)]
    rows = [_target_record(t) for t in found]
    notes = [] if rows else ["no declared target stored: add one with `bilat target add ISR JPN --multiplier 2 --base-year 2016 --by-year 2022`"]
    return envelope(rows, notes, None, etag)


@router.get("/targets/status", response_model=Envelope, summary="Declared targets checked against the data")
def target_status(
    pool: Pool,
    etag: ETag,
    pair: PairQuery = None,
    seeds: Annotated[bool, Query(description="With a pair: also the goals the founding articles declare.")] = True,
) -> JSONResponse:
    """Each goal with the required and the actual growth rate, progress, projection and verdict (year-by-year rows in ``years``)."""
    from bilat.questions import target_status as check_targets

    wanted = pair_query(pair)
    with pool.session() as session:
        if wanted is None:
            statuses = check_targets(session=session)
        else:
            statuses = check_targets(a=wanted[0], b=wanted[1], include_seeds=seeds, session=session)
    rows = [_status_record(s) for s in statuses]
    notes = [] if rows else ["no declared target for this pair: add one with `bilat target add`"]
    return envelope(rows, notes, None, etag)


class ReconcileView(str, Enum):
    """Which table of the reconciliation to return."""

    comparison = "comparison"
    figures = "figures"


@router.get("/reconcile/{a}/{b}", response_model=Envelope, summary="One flow, every source: figures side by side")
def reconcile(
    a: CountryPath, b: CountryPath, pool: Pool, etag: ETag, year: Year = None, view: ReconcileView = ReconcileView.comparison
) -> JSONResponse:
    """Each source's and reporter's figure for the pair's flows in one year; the notes explain the gaps (CIF/FOB, coverage, missing reports)."""
    from bilat.questions import reconcile as reconcile_pair

    a3, b3 = pair(a, b)
    with pool.session() as session:
        found = reconcile_pair(a3, b3, year, session=session)
    frame = found.comparison if view == ReconcileView.comparison else found.figures
    frame = frame.assign(year=found.year) if "year" not in frame.columns else frame
    return envelope(frame, [*found.explanations, *found.notes], None, etag)


def _target_record(target: Any) -> dict[str, Any]:
    fields = {k: v for k, v in target.to_dict().items() if k != "notes"}
    return clean({**fields, "goal": target.describe()})


def _status_record(status: Any) -> dict[str, Any]:
    """One flat record per target: the goal, the arithmetic, and the latest year's figures."""
    record = _target_record(status.target)
    latest = status.years.iloc[-1].to_dict() if len(status.years) else {}
    record.update(
        source=status.source,
        base_value_usd=status.base_value,
        goal_usd=status.goal,
        required_cagr=status.required_cagr,
        verdict=status.verdict,
        summary=status.summary,
        arithmetic=list(status.arithmetic),
        year=latest.get("year"),
        value_usd=latest.get("value_usd"),
        progress=latest.get("progress"),
        actual_cagr=latest.get("actual_cagr"),
        needed_cagr_from_here=latest.get("needed_cagr_from_here"),
        projection_usd=latest.get("projection_usd"),
        years=records(status.years),
    )
    return clean(record)
