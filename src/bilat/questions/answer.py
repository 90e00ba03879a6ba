"""Answers: a DataFrame (or several) with the notes needed to read them, serialised one way.

Why one ``to_dict``: the CLI's ``--format json``, the web's ``/api`` and the report all print the
same answers; when each shaped its own JSON, the same profile came out differently in each.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd


def json_value(value: Any) -> Any:
    """A JSON-safe scalar: NaN/inf → None, numpy numbers → Python numbers, timestamps → ISO text."""
    if value is None:
        return None
    if hasattr(value, "item") and not isinstance(value, (str, bytes)):
        try:
            value = value.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def records(frame: pd.DataFrame | None) -> list[dict[str, Any]]:
    """A DataFrame as a list of JSON-safe row dicts (``[]`` for None)."""
    if frame is None:
        return []
    return [{str(k): json_value(v) for k, v in row.items()} for row in frame.to_dict("records")]


@dataclass
class Answer:
    """A DataFrame plus the notes a reader needs to interpret it (what is missing, which source)."""

    frame: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "notes": list(self.notes), "rows": records(self.frame)}
