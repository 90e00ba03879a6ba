"""The report's numbers for machines: JSON (every table as records) and CSV (one long table).

Raw values, not formatted: a share is 0.0126, not "1.26 %"; money is in USD, not "$2.76 bn".
"""

from __future__ import annotations

import csv
import io
import json
import math
from typing import Any

from bilat.report.model import Report


def _clean(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if hasattr(value, "item"):
        try:
            return _clean(value.item())
        except (ValueError, AttributeError):
            pass
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if str(value) in ("NaT", "<NA>", "nan"):
        return None
    return value


def as_dict(report: Report) -> dict[str, Any]:
    """The report as plain data: pair, years, and per section its text and tables (records)."""
    return {
        "pair": [report.a, report.b],
        "names": report.names,
        "years": list(report.years),
        "generated_at": report.generated_at.isoformat(),
        "sections": {
            s.name: {
                "title": s.title,
                "paragraphs": s.paragraphs,
                "notes": s.notes,
                "tables": {t.name: [{k: _clean(v) for k, v in row.items()} for row in t.frame.to_dict(orient="records")]
                           for t in s.tables},
            }
            for s in report.sections
        },
    }


def render_json(report: Report) -> str:
    return json.dumps(as_dict(report), indent=1, ensure_ascii=False, default=str)


def neutralise_formula(value: Any) -> Any:
    """Quote a text cell a spreadsheet would run as a formula (=, +, -, @ not followed by a number)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        try:
            float(value)
        except ValueError:
            return "'" + value
    return value


def render_csv(report: Report) -> str:
    """One long table: section, table, row, column, value (spreadsheet formulas neutralised)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["section", "table", "row", "column", "value"])
    for section in report.sections:
        for table in section.tables:
            for i, row in enumerate(table.frame.to_dict(orient="records")):
                for column, value in row.items():
                    value = _clean(value)
                    writer.writerow([section.name, table.name, i, column, "" if value is None else neutralise_formula(value)])
    return buffer.getvalue()
