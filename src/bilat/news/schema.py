"""The machine-readable vocabulary of bilat's news records, and the corpus ("gold") layout.

Why a separate module: the extractor keeps human labels internally ("joint statement",
"government investment plan", "protocols") because the founding annotations use them; tools that
read ``bilat news show ID --format json`` need stable codes instead. This is the one table that
maps labels to codes, and the one function that writes an extraction in the layout of the
annotated corpus (``../shared/news-dev``), which ``bench/news_eval.py`` scores.
"""

from __future__ import annotations

import re
from typing import Any

#: Agreement type codes, in the order documented in docs/news.md, with their display label.
AGREEMENT_TYPES: dict[str, str] = {
    "mou": "memorandum of understanding",
    "joint_statement": "joint statement",
    "fta": "free trade / economic partnership agreement",
    "cooperation_agreement": "cooperation agreement",
    "protocol": "protocol",
    "investment_plan": "investment plan",
    "other": "other agreement",
}

#: Internal label (lower case, plural "s" dropped) -> code.
_LABEL_TO_CODE = {
    "mou": "mou",
    "joint statement": "joint_statement",
    "fta": "fta",
    "cooperation agreement": "cooperation_agreement",
    "framework agreement": "cooperation_agreement",
    "protocol": "protocol",
    "investment plan": "investment_plan",
    "government investment plan": "investment_plan",
    "plan": "investment_plan",
    "government plan": "investment_plan",
    "action plan": "investment_plan",
    "government action plan": "investment_plan",
}

#: Claim measure codes: the corpus vocabulary first, then bilat's own extras (not in the corpus).
CLAIM_MEASURES = ("bilateral_trade_total", "exports", "imports", "gdp", "share_of_imports", "growth", "other")
EXTRA_MEASURES = ("gdp_rank", "partner_rank", "imports_total", "exports_total", "top_products", "investment")
#: ``modality`` of a claim: absent for reported actuals.
MODALITIES = ("forecast", "projected_effect", "estimate")
#: ``kind`` of a target.
TARGET_KINDS = ("goal", "expectation", "projection", "commitment")
#: ``status`` of an agreement event that is not (yet) a signing.
STATUSES = ("signed", "talks_launched", "negotiations_launched", "negotiating", "agreed_in_principle",
            "agreed_to_sign_early", "in_force", "pending")


def vocabulary() -> dict[str, Any]:
    """The codes the JSON output uses, with display labels (printed by ``news show --format json``)."""
    return {
        "agreement_type": [{"code": c, "label": label} for c, label in AGREEMENT_TYPES.items()],
        "agreement_status": list(STATUSES),
        "claim_measure": list(CLAIM_MEASURES),
        "claim_measure_bilat": list(EXTRA_MEASURES),
        "claim_modality": list(MODALITIES),
        "target_kind": list(TARGET_KINDS),
    }


def type_code(label: str | None) -> str:
    """Stable code for an internal agreement label ("MoU" -> ``mou``, "protocols" -> ``protocol``)."""
    if not label:
        return "other"
    key = re.sub(r"\s+", " ", label.strip().lower())
    if key in AGREEMENT_TYPES:
        return key
    if key.endswith("s") and not key.endswith("ss"):
        key = key[:-1]
    return _LABEL_TO_CODE.get(key, "other")


def gold_layout(extraction) -> dict[str, Any]:
    """``{"claims", "targets", "agreements"}`` in the corpus annotation layout.

    Rankings and product lists are not claims in the corpus and are left out; bilat's ``exports``
    with an import wording is written ``imports`` (same direction, the goods flow).
    """
    claims = []
    for c in extraction.claims:
        if c.measure in ("gdp_rank", "partner_rank", "rank", "top_products"):
            continue
        measure = c.measure
        if measure == "exports" and c.basis == "imports":
            measure = "imports"
        if measure == "imports_total":  # a country's imports from the world: not a corpus measure
            measure = "other"
        if measure == "exports_total":
            measure = "exports"  # a country's exports to the world: from it, to no one country
        unit = {"percent": "percent", "multiple": "multiplier"}.get(c.unit or "", "currency")
        # the corpus gives a two-way figure, or its growth, no origin and destination (``parties`` says who)
        two_way = measure == "bilateral_trade_total" or (measure == "growth" and c.about == "bilateral_trade_total")
        row: dict[str, Any] = {
            "text": c.text, "value": c.value, "unit": unit, "currency": c.currency, "measure": measure,
            "from": None if two_way else (c.from_ or c.country),
            "to": None if two_way else c.to,
            "year": c.year,
        }
        for key in ("period", "modality", "hedge"):
            if getattr(c, key, None):
                row[key] = getattr(c, key)
        claims.append(row)
    targets = []
    for t in extraction.targets:
        if t.target_value is not None:
            mov: Any = {"value": t.target_value, "currency": t.currency}
            if t.multiplier is not None:
                mov["multiplier"] = t.multiplier
            if getattr(t, "increase", False):
                mov["increase"] = True
        else:
            mov = t.multiplier
        targets.append({
            "text": t.text, "measure": t.measure, "multiplier_or_value": mov, "by_year": t.by_year,
            "horizon_years": getattr(t, "horizon_years", None), "kind": getattr(t, "kind", None) or "goal",
        })
    agreements = []
    for a in extraction.agreements:
        row = {
            "text": a.text, "parties": list(a.parties or extraction.countries), "type": type_code(a.type),
            "type_detail": a.type,
            "date": a.date.label() if a.date is not None and a.date.value is not None else None,
        }
        if getattr(a, "status", None):
            row["status"] = a.status
        if a.count is not None:
            row["count"] = a.count
        agreements.append(row)
    return {"claims": claims, "targets": targets, "agreements": agreements}
