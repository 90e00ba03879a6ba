"""Everything the sections need, gathered once from the library (one engine, one pass).

Sections only format what is here; a part that cannot be computed (no data for the
reconciliation, say) is kept as its error message, so one missing piece never loses the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from bilat.alongside import alongside
from bilat.analytics.targets import TargetStatus
from bilat.errors import BilatError
from bilat.questions.overview import PairProfile, profile as pair_profile
from bilat.questions.side_by_side import Reconciliation, reconcile
from bilat.questions.targets import target_status
from bilat.session import Session, using


@dataclass
class ReportContext:
    """The pair's profile, target checks, reconciliation, claims and provenance."""

    a: str
    b: str
    profile: PairProfile
    statuses: list[TargetStatus]
    reconciliation: Reconciliation | None
    reconciliation_error: str | None
    claims: pd.DataFrame | None
    potential: dict[tuple[str, str], Any]
    potential_error: str | None
    provenance_text: str | None
    files: pd.DataFrame
    engine_name: str
    complexity: Any = None
    complexity_error: str | None = None
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def names(self) -> dict[str, str]:
        return self.profile.names


def gather(
    a: str,
    b: str,
    years: str | tuple[int, int] | None = None,
    *,
    lens: str | None = None,
    reconcile_year: int | None = None,
    top: int = 10,
    engine: Any = None,
    session: Session | None = None,
) -> ReportContext:
    """Compute every part of the report (raises only for a bad pair or a pair without data)."""
    with using(session, engine) as s:
        a, b = s.pair(a, b).codes
        with alongside(s) as ask:  # the world-wide questions in a second thread, the pair's in this one
            world = ask(_world_questions, a, b, top)
            reconciled = ask(_reconciliation, a, b, reconcile_year)
            profile = pair_profile(a, b, years, top=top, lens=lens, session=s)
            statuses = target_status(a=a, b=b, include_seeds=True, session=s)
            claims = _claims(a, b, s)
            (potential, potential_error), (complexity, complexity_error) = world.result()
            reconciliation, error = reconciled.result()
        name = s.engine_name
        files = s.store.files()
    return ReportContext(
        a=a, b=b, profile=profile, statuses=statuses, reconciliation=reconciliation, reconciliation_error=error,
        claims=claims, potential=potential, potential_error=potential_error, provenance_text=_embedded_provenance(), files=files, engine_name=name,
        complexity=complexity, complexity_error=complexity_error,
        options={"years": years, "lens": lens, "reconcile_year": reconcile_year, "top": top},
    )


def _world_questions(s: Session, a: str, b: str, top: int) -> tuple[tuple[Any, str | None], ...]:
    """The questions that read every country's exports, not the pair's rows: the potential both ways, the complexity ranking.

    Asked in the report's second thread (:func:`bilat.alongside.alongside`), on its own session,
    then the reconciliation: it shares one query with the profile (the world exports by section),
    which the twin sessions' shared memo runs once, in the thread that asks first. Each is its
    answer and None, or None and the reason it could not be computed.
    """
    return _potential(s, a, b, top), _complexity(s, a, b)


def _reconciliation(s: Session, a: str, b: str, year: int | None) -> tuple[Reconciliation | None, str | None]:
    """Both sides' reports of the pair's trade side by side (None and the reason when there are none)."""
    try:
        return reconcile(a, b, year, session=s), None
    except BilatError as exc:
        return None, str(exc)


def _potential(s: Session, a: str, b: str, top: int) -> tuple[dict[tuple[str, str], Any], str | None]:
    """Untapped potential both ways (or both sides' advantages when no bilateral product data)."""
    from bilat.questions.potential import untapped_potential

    answers: dict[tuple[str, str], Any] = {}
    try:
        for exporter, importer in ((a, b), (b, a)):
            answer = untapped_potential(s, exporter, importer, top=top)
            answers[(exporter, importer)] = answer
            if answer.kind != "potential":
                break
    except BilatError as exc:
        return {}, str(exc)
    return answers, None


def _complexity(s: Session, a: str, b: str) -> tuple[Any, str | None]:
    """Both countries' ECI and most complex exports (None and the reason when it cannot be computed)."""
    from bilat.questions.complexity import economic_complexity

    try:
        return economic_complexity([a, b], session=s), None
    except BilatError as exc:
        return None, str(exc)


def _embedded_provenance() -> str | None:
    import bilat.settings

    path = bilat.settings.EMBEDDED_DIR / "PROVENANCE.md"
    return path.read_text(encoding="utf-8") if path.is_file() else None


def _claims(a: str, b: str, s: Session) -> pd.DataFrame | None:
    """The news claims about the pair with their verdicts (None when no article names both)."""
    if not s.store.catalog_path.exists():  # nothing was ever added to this store: no articles (and no news import)
        return None
    from bilat.news.verdicts import pair_claims

    frame = pair_claims(a, b, engine=s.engine, store=s.store)
    return frame if len(frame) else None
