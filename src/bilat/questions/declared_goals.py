"""Goals found in articles, carried into the goal tracker: every declared target is tracked.

Why a question of its own: a target an article declares ("raise two-way trade to $100 billion by
2023") is not a fact to check but a goal to follow. ``bilat news add`` hands each article's
targets here; each one about goods trade becomes a stored goal with the article as its origin
(the same goal from two articles is one goal with two origins); the others (a fund, an
investment pledge) are listed with the reason they cannot be followed in trade data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bilat.errors import BilatError
from bilat.questions.targets import make_target
from bilat.session import Session, using

#: News measure codes the tracker can follow in goods-trade data, and the tracker's name for them.
TRACKED_MEASURES = {"bilateral_trade_total": "total", "total": "total", "trade": "total",
                    "exports": "exports", "imports": "imports"}


@dataclass
class TrackedGoal:
    """What became of one target found in an article."""

    article_id: int
    quote: str
    target_id: int | None
    goal: str | None
    skipped: str | None = None


def track_article_goals(article_id: int, name: str, targets: list[Any], published: dt.date | None, *,
                        claims: list[Any] = (), session: Session | None = None) -> list[TrackedGoal]:
    """Store the trade goals among ``targets`` (news records of one article) in the session's catalog.

    A goal with no base year takes the last complete year before publication; an article with no
    date takes the latest year its own figures are for (what it measured the goal from), and the
    goal says the base was assumed.
    """
    out: list[TrackedGoal] = []
    claim_years = [int(c.year) for c in claims if getattr(c, "year", None) is not None
                   and getattr(c, "modality", None) is None]
    hint = max(claim_years) if claim_years and published is None else None
    with using(session) as s:
        for record in targets:
            fields = dict(record.to_target_dict())
            quote = str(fields.pop("quote", "") or record.text)
            measure = TRACKED_MEASURES.get(str(fields.get("measure") or "").lower())
            if measure is None:
                out.append(TrackedGoal(article_id, quote, None, None,
                                       f"a {fields.get('kind') or 'goal'} about {fields.get('measure') or 'something'} "
                                       "other than goods trade: not followed in trade data"))
                continue
            fields["measure"] = measure
            for unused in ("unit", "base_value"):
                fields.pop(unused, None)
            hinted = fields.get("base_year") is None and hint is not None
            if hinted:
                fields["base_year"] = hint
            try:
                target = make_target(**fields, increase=bool(getattr(record, "increase", False)), quote=quote,
                                     origin=f"article #{article_id} ({name})", published=published, session=s)
            except BilatError as exc:
                out.append(TrackedGoal(article_id, quote, None, None, str(exc)))
                continue
            if hinted:
                target.base_year_assumed = True
                target.notes.append(f"base year {hint}: the latest year of the article's own figures (it states no date)")
            stored = s.targets.add(target)
            out.append(TrackedGoal(article_id, quote, stored.id, stored.describe()))
    return out
