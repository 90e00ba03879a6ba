"""A fact-check verdict, and the bands it is judged with (shared by the checks of levels and of growth)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bilat.news.model import Claim

#: Growth rates: how far (percentage points) the data may lie from the claim, by hedge. The band
#: is widened to half the last digit the claim states ("17 per cent" ±0.5 pp).
GROWTH_BANDS = {
    None: (-1.0, 1.0),
    "about": (-3.0, 3.0),
    "nearly": (-0.5, 3.0),  # "nearly 20 %": the data a little below 20 %, so claim - data in [-0.5, +3]
    "over": (-3.0, 0.0),
    "under": (0.0, 3.0),
}

#: What a modality means, for the reason of a ``not_checkable`` verdict.
FORWARD_LOOKING = {
    "forecast": "a forecast for the year, not a reported figure",
    "projected_effect": "an estimated effect of a deal, not a reported figure",
    "estimate": "an estimate, not a reported figure",
}


@dataclass
class Verdict:
    claim: Claim
    verdict: str
    reason: str | None = None
    data_value: float | None = None
    claimed_usd: float | None = None
    source: str | None = None
    definition: str | None = None
    deviation: float | None = None
    tolerance: tuple[float, float] | None = None
    explanation: str | None = None
    #: "fraction" (deviation = claimed / data − 1), "pp" (percentage points) or "rank" (places).
    deviation_unit: str = "fraction"
    why: str = ""

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["claim"] = self.claim.to_dict()
        return out
