"""Answers as plain JSON and back, exactly: the codec of :mod:`bilat.questions.kept`.

An answer is a dataclass of DataFrames, strings, numbers, lists, tuples and dicts. :func:`encode`
writes each kind so that :func:`decode` gives it back with the same type (a tuple stays a tuple,
a frame keeps its columns, dtypes and values; floats round-trip exactly through JSON's repr);
anything else (a numpy scalar in a text column, a frame with a non-default index, a nullable
dtype) raises :class:`Unkeepable`, and the answer is then simply computed every time.
:func:`same` is the check that decides: an answer is kept only if its decoded copy equals it.
"""

from __future__ import annotations

import dataclasses
import importlib
import math
from typing import Any

#: Column dtypes whose ``tolist()`` gives plain Python values that JSON keeps exactly.
PLAIN_DTYPES = ("float64", "float32", "int64", "int32", "int16", "int8", "uint8", "uint16", "uint32", "bool", "object")


class Unkeepable(Exception):  # noqa: N818 - a reason, not a failure
    """The value has a part this codec does not write exactly."""


def _scalar(value: Any) -> Any:
    if value is None or type(value) in (bool, int, float, str):
        return value
    raise Unkeepable(type(value).__name__)


def _frame(frame: Any) -> dict[str, Any]:
    import pandas as pd

    if not isinstance(frame.index, pd.RangeIndex) or frame.index.start != 0 or frame.index.step != 1 or frame.attrs:
        raise Unkeepable("index")
    columns = list(frame.columns)
    if any(type(c) is not str for c in columns) or len(set(columns)) != len(columns):
        raise Unkeepable("columns")
    dtypes = [str(t) for t in frame.dtypes]
    if any(t not in PLAIN_DTYPES for t in dtypes):
        raise Unkeepable("dtype")
    values = []
    for column, dtype in zip(columns, dtypes, strict=True):
        cells = frame[column].tolist()
        values.append([_scalar(v) for v in cells] if dtype == "object" else cells)
    return {"columns": columns, "dtypes": dtypes, "values": values, "rows": len(frame)}


def encode(value: Any) -> Any:
    """``value`` as JSON-able data that :func:`decode` turns back into an equal value."""
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        return {"frame": _frame(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        if not cls.__module__.startswith("bilat."):
            raise Unkeepable(cls.__name__)
        return {"dataclass": {"class": f"{cls.__module__}:{cls.__qualname__}",
                              "fields": {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}}}
    if isinstance(value, list):
        return {"list": [encode(v) for v in value]}
    if isinstance(value, tuple) and type(value) is tuple:
        return {"tuple": [encode(v) for v in value]}
    if isinstance(value, dict) and type(value) is dict:
        if any(type(k) is not str for k in value):
            raise Unkeepable("dict keys")
        return {"dict": {k: encode(v) for k, v in value.items()}}
    return {"value": _scalar(value)}


def decode(data: Any) -> Any:
    """The value :func:`encode` wrote."""
    (kind, body), = data.items()
    if kind == "value":
        return body
    if kind == "list":
        return [decode(v) for v in body]
    if kind == "tuple":
        return tuple(decode(v) for v in body)
    if kind == "dict":
        return {k: decode(v) for k, v in body.items()}
    if kind == "frame":
        import pandas as pd

        columns = {c: pd.Series(v, dtype=t) for c, t, v in zip(body["columns"], body["dtypes"], body["values"], strict=True)}
        return pd.DataFrame(columns, index=pd.RangeIndex(body["rows"]), columns=body["columns"])
    if kind == "dataclass":
        module, _, name = body["class"].partition(":")
        if not module.startswith("bilat."):
            raise Unkeepable(module)
        cls = getattr(importlib.import_module(module), name)
        return cls(**{k: decode(v) for k, v in body["fields"].items()})
    raise Unkeepable(kind)


def same(left: Any, right: Any) -> bool:
    """Whether two values are equal as answers: same types, frames equal cell by cell with the same dtypes."""
    import pandas as pd

    if type(left) is not type(right):
        return False
    if isinstance(left, pd.DataFrame):
        return (list(left.columns) == list(right.columns) and list(left.dtypes) == list(right.dtypes)
                and left.index.equals(right.index) and left.equals(right))
    if dataclasses.is_dataclass(left):
        return all(same(getattr(left, f.name), getattr(right, f.name)) for f in dataclasses.fields(left))
    if isinstance(left, (list, tuple)):
        return len(left) == len(right) and all(same(x, y) for x, y in zip(left, right, strict=True))
    if isinstance(left, dict):
        return list(left) == list(right) and all(same(left[k], right[k]) for k in left)
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)
    return left == right
