"""Column labels and kinds, said once for every face (the CLI's tables, the report, the dashboard's API).

JSON and CSV keep the code names (``ISR_to_JPN_usd``); a reader sees the label ("ISR → JPN"). The
kind (money, share, growth, rank) decides the one number format each face uses for the column.
"""

from __future__ import annotations

import re

#: Fixed labels; the pair's own columns (``ISR_to_JPN_usd``...) are labelled by :func:`label`.
LABELS = {
    "year": "Year", "exporter": "Exporter", "importer": "Importer", "reporter": "Reporter", "partner": "Partner",
    "country": "Country", "side": "Side", "value_usd": "Value", "total_usd": "Total", "share": "Share",
    "rank": "Rank", "partners": "Of partners", "code": "Code", "hs_code": "HS code", "description": "Product",
    "share_of_flow": "Share of the flow", "share_of_reported": "Share of reported", "cif_fob_ratio": "CIF/FOB",
    "measure": "Measure", "first_year": "From", "last_year": "To", "first_value": "From value",
    "last_value": "To value", "years": "Years", "cagr": "CAGR", "source": "Source", "basis": "Basis",
    "prev_value_usd": "Previous year", "change_usd": "Change", "change_pct": "Change %",
    "share_change_pp": "Share change (pp)", "section": "HS section", "level": "Level", "lens": "Lens",
    "progress": "Progress", "actual_cagr": "Actual CAGR", "required_cagr": "Required CAGR",
    "needed_cagr_from_here": "Needed CAGR from here", "projection_usd": "Projection", "verdict": "Verdict",
    "goal_usd": "Goal", "base_value_usd": "Base value", "rca": "RCA", "potential_usd": "Potential",
    "eci": "ECI", "eci_rank": "ECI rank", "ranked": "Of", "pci": "PCI", "diversity": "Diversity", "ubiquity": "Ubiquity",
    "index": "Index", "value": "Value", "products": "Products", "scope": "Scope", "label": "Coverage",
    "exports_usd": "Exports", "export_usd": "Exports", "name": "Name", "rows": "Rows", "rejected": "Rejected", "file_id": "File id",
    "table_name": "Table", "ingested_at": "Ingested at", "tool_version": "Version", "sha256": "SHA-256",
    "widened": "Widened", "direction": "Direction", "declared": "Declared", "reconciled_usd": "Reconciled", "scope": "Scope", "lens_usd": "Lens exports", "world_lens_usd": "World lens exports",
    "exporters": "Exporters", "share_of_exports": "Of exports", "share_of_world": "Of world", "world_rank": "World rank", "world_share": "World share", "figure": "Figure",
    "view": "View", "exporter_usd": "Exporter's", "importer_usd": "Importer's",
    "gap_usd": "Gap", "gap_pct": "Gap %", "reported_total_usd": "Reported total", "hhi": "HHI", "equivalent_products": "Equivalent products",
}

_PAIR = re.compile(r"^([A-Z0-9]{3})_to_([A-Z0-9]{3})_(usd|yoy|usd_yoy)$")
_BALANCE = re.compile(r"^(?:([A-Z0-9]{3})_balance|balance_([A-Z0-9]{3}))_usd$")


def label(column: str) -> str:
    """A column's human label: ``ISR_to_JPN_usd`` → "ISR → JPN", ``share_of_reported`` → "Share of reported"."""
    found = _PAIR.match(column)
    if found:
        a, b, kind = found.groups()
        return f"{a} → {b}" if kind == "usd" else f"{a} → {b} growth"
    found = _BALANCE.match(column)
    if found:
        return f"{found.group(1) or found.group(2)}'s balance"
    if column in ("total_yoy", "total_usd_yoy"):  # the profile's series names growth ``<measure>_yoy``
        return "Total growth"
    if column in LABELS:
        return LABELS[column]
    spaced = column.replace("_", " ")
    return spaced[:1].upper() + spaced[1:]


def kind_of(column: str) -> str | None:
    """money, share, growth, rank, ratio or None (text and plain numbers)."""
    if column.endswith("_yoy") or column in ("cagr", "change_pct") or "cagr" in column:
        return "growth"
    if column.endswith("_usd") or column in ("first_value", "last_value"):
        return "money"
    if column in ("share", "progress", "world_share", "gap_pct") or column.startswith("share_of"):
        return "share"
    if column.endswith("_ratio"):
        return "ratio"
    if column in ("rank", "partners") or column.endswith("_rank"):
        return "rank"
    return None


