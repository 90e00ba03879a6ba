"""Arrow arrays from NumPy arrays and Python strings, and NumPy views of Arrow arrays, from their buffers.

Why: ``pyarrow.array`` (and ``pyarrow.table``, ``pyarrow.scalar``, ``Array.to_numpy``) first asks
whether its argument is a pandas object, and that question imports pandas, about 0.2 s of CPU.
Storing a BACI year in the fast lane needs no pandas otherwise, and that is a fifteenth of its
time. The functions here work on the buffers instead, which also spares the per-call overhead of
``pyarrow.compute`` in the lane's per-batch checks; a test checks that the lane imports no pandas.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyarrow as pa

_NUMPY_TYPES = {
    pa.int8(): np.int8,
    pa.int16(): np.int16,
    pa.int32(): np.int32,
    pa.int64(): np.int64,
    pa.float64(): np.float64,
}


def numbers(values: np.ndarray | Sequence[int | float], kind: pa.DataType) -> pa.Array:
    """A primitive Arrow array (no nulls) holding ``values`` as ``kind``; OverflowError if one does not fit."""
    given = np.asarray(values)
    array = np.ascontiguousarray(given, dtype=_NUMPY_TYPES[kind])
    if given.dtype != array.dtype and not np.array_equal(array, given):  # NumPy wraps around silently
        raise OverflowError(f"a value does not fit in {kind}")
    return pa.Array.from_buffers(kind, len(array), [None, pa.py_buffer(array)])


def strings(texts: Sequence[str]) -> pa.Array:
    """A UTF-8 string Arrow array (no nulls) of ``texts``."""
    encoded = [text.encode("utf-8") for text in texts]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int32)
    np.cumsum([len(item) for item in encoded], out=offsets[1:])
    return pa.Array.from_buffers(pa.string(), len(encoded), [None, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))])


def view(array: pa.Array) -> np.ndarray:
    """The values of a primitive array as a NumPy view, without copying (for arrays without nulls:
    a null's slot holds whatever the producer left there)."""
    dtype = _NUMPY_TYPES[array.type]
    return np.frombuffer(array.buffers()[1], dtype=dtype)[array.offset : array.offset + len(array)]


def distinct(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of an array, as ``np.unique`` gives them.

    Why not ``np.unique``: its first call imports ``numpy.ma`` (30-50 ms holding the interpreter,
    in the middle of the fast lane's first batches); a sort and a comparison need nothing more.
    """
    ordered = np.sort(values, kind="stable")
    if len(ordered) < 2:
        return ordered
    return ordered[np.concatenate(([True], ordered[1:] != ordered[:-1]))]


def _bits(buffer: pa.Buffer, offset: int, length: int) -> np.ndarray:
    """Bits ``offset`` to ``offset + length`` of an Arrow bitmap (least significant bit first), as booleans."""
    first, last = offset // 8, (offset + length + 7) // 8
    bits = np.unpackbits(np.frombuffer(buffer, dtype=np.uint8)[first:last], bitorder="little")
    return bits[offset - 8 * first : offset - 8 * first + length].astype(bool)


def _valid(array: pa.Array) -> np.ndarray | None:
    """Which values are not null, or None when none is."""
    return _bits(array.buffers()[0], array.offset, len(array)) if array.null_count else None


def any_true(array: pa.BooleanArray) -> bool:
    """True if any value is true (nulls are not)."""
    values = _bits(array.buffers()[1], array.offset, len(array)) if len(array) else np.zeros(0, bool)
    valid = _valid(array)
    return bool((values if valid is None else values & valid).any())


def any_negative(array: pa.Array) -> bool:
    """True if any value of a float array is below zero (nulls and NaN are not)."""
    negative = view(array) < 0
    valid = _valid(array)
    return bool((negative if valid is None else negative & valid).any())


def any_not_finite_or_above(array: pa.Array, ceiling: float) -> bool:
    """True if any non-null value of a float array is NaN, infinite or above ``ceiling``."""
    values = view(array)
    # One comparison: NaN fails "<=", infinity is above any finite ceiling.
    bad = ~(values <= ceiling) | (values == -np.inf)
    valid = _valid(array)
    return bool((bad if valid is None else bad & valid).any())


def table(columns: dict[str, pa.Array]) -> pa.Table:
    """A table of the given named arrays."""
    return pa.Table.from_arrays(list(columns.values()), names=list(columns))
