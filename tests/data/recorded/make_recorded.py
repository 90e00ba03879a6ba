"""Rebuild comtrade_plus_isr_jpn_hs27_hs44.json from the real classic Comtrade rows in ../shared/data.

Run from the repository root: ``.venv/bin/python tests/data/recorded/make_recorded.py``.
The values are the real published figures; only the layout is changed to the Comtrade+ API's JSON keys.
"""

from __future__ import annotations

import csv
import gzip
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SHARED = ROOT / ".." / "shared" / "data" / "comtrade_hs27_hs44_pmacg"
OUT = Path(__file__).with_name("comtrade_plus_isr_jpn_hs27_hs44.json")
PAIR = {"376", "392"}
FLOWS = {"1": ("M", "Import"), "2": ("X", "Export")}


def api_record(row: dict[str, str]) -> dict[str, object]:
    flow, flow_desc = FLOWS[row["Trade Flow Code"]]
    value = float(row["Trade Value (US$)"])
    weight = float(row["Netweight (kg)"]) if row["Netweight (kg)"] else None
    year = int(row["Year"])
    return {
        "typeCode": "C", "freqCode": "A", "refPeriodId": year * 10000 + 101, "refYear": year, "refMonth": 52,
        "period": str(year), "reporterCode": int(row["Reporter Code"]), "reporterISO": row["Reporter ISO"],
        "reporterDesc": row["Reporter"], "flowCode": flow, "flowDesc": flow_desc,
        "partnerCode": int(row["Partner Code"]), "partnerISO": row["Partner ISO"], "partnerDesc": row["Partner"],
        "partner2Code": 0, "partner2ISO": "W00", "partner2Desc": "World",
        "classificationCode": row["Classification"], "classificationSearchCode": "HS", "isOriginalClassification": True,
        "cmdCode": row["Commodity Code"], "cmdDesc": row["Commodity"], "aggrLevel": int(row["Aggregate Level"]),
        "isLeaf": False, "customsCode": "C00", "customsDesc": "TOTAL CPC", "mosCode": "0", "motCode": 0,
        "motDesc": "TOTAL MOT", "qtyUnitCode": -1, "qtyUnitAbbr": "N/A", "qty": None, "isQtyEstimated": False,
        "altQtyUnitCode": -1, "altQtyUnitAbbr": "N/A", "altQty": None, "isAltQtyEstimated": False,
        "netWgt": weight, "isNetWgtEstimated": False, "grossWgt": None, "isGrossWgtEstimated": False,
        "cifvalue": value if flow == "M" else None, "fobvalue": value if flow == "X" else None,
        "primaryValue": value, "legacyEstimationFlag": 0, "isReported": True, "isAggregate": False,
    }


def main() -> None:
    records = []
    for year in (2013, 2016):
        for chapter in ("oil_HS27", "wood_HS44"):
            with gzip.open(SHARED / f"comtrade_{chapter}_{year}.csv.gz", "rt", encoding="utf-8-sig") as handle:
                for row in csv.DictReader(handle):
                    if {row["Reporter Code"], row["Partner Code"]} == PAIR and row["Trade Flow Code"] in FLOWS:
                        records.append(api_record(row))
    records.sort(key=lambda r: (r["refYear"], r["reporterCode"], r["flowCode"], r["cmdCode"]))
    document = {"elapsedTime": "0.41 secs", "count": len(records), "data": records, "error": ""}
    OUT.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(records)} records to {OUT}")


if __name__ == "__main__":
    main()
