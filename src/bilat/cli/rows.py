"""A small table in plain Python, for commands that would otherwise import pandas only to print.

Why: ``bilat country`` and ``bilat hs search`` answer from dictionaries in milliseconds; building
a DataFrame to print five rows cost the import of pandas (half a second or more, on every call).
:func:`bilat.cli.app.emit` prints :class:`Rows` as a terminal table directly; for CSV and JSON
it turns them into the DataFrame the command used to build, so those outputs stay byte for byte
what they were.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Rows:
    """Rows of values under named columns; ``dtypes`` are applied when a DataFrame is made."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    dtypes: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Sequence[Mapping[str, Any]], columns: Sequence[str], dtypes: Mapping[str, str] | None = None) -> Rows:
        """Rows from records (dicts) in the given column order."""
        return cls(tuple(columns), tuple(tuple(r[c] for c in columns) for r in records), dict(dtypes or {}))

    def __len__(self) -> int:
        return len(self.rows)

    def column(self, name: str) -> list[Any]:
        """One column's values, top to bottom."""
        i = self.columns.index(name)
        return [row[i] for row in self.rows]

    def to_frame(self) -> pd.DataFrame:
        """The same table as a pandas DataFrame (imported here, only when CSV or JSON is asked for)."""
        import pandas as pd

        frame = pd.DataFrame([dict(zip(self.columns, row, strict=True)) for row in self.rows], columns=list(self.columns))
        return frame.astype(dict(self.dtypes)) if self.dtypes else frame
