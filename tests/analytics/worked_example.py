"""The 3-country × 3-product worked example that the index and potential tests compute by hand.

Shared so that both test files reason about the same numbers (the arithmetic of each expected
value is written in the tests themselves).
"""

from __future__ import annotations

import ibis

from bilat.schema import PRODUCT_FLOWS

P1, P2, P3 = "010101", "020202", "030303"
WORKED = [
    ("A", "B", P1, 40.0), ("A", "B", P2, 10.0),
    ("A", "C", P1, 20.0), ("A", "C", P3, 30.0),
    ("B", "A", P1, 10.0), ("B", "A", P2, 30.0),
    ("B", "C", P2, 20.0), ("B", "C", P3, 40.0),
    ("C", "A", P3, 50.0),
    ("C", "B", P1, 30.0), ("C", "B", P2, 20.0),
]  # fmt: skip
_IBIS_TYPES = {"SMALLINT": "int16", "VARCHAR": "string", "TINYINT": "int8", "DOUBLE": "float64"}
SCHEMA = ibis.schema({name: _IBIS_TYPES[sql] for name, sql in PRODUCT_FLOWS.items()})
