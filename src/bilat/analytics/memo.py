"""Expression builders made once per process for equal arguments.

Why: building an Ibis expression is pure Python work (every ``filter``, ``mutate`` and window
validates and binds its operations), and a warm ``bilat profile`` spent about as long building
the same twenty expressions as DuckDB spent answering them. The builders of :mod:`bilat.analytics`
are pure: equal arguments give equal expressions (Ibis compares tables by structure), so the
expression made for one call serves the next one with equal arguments (a profile after a
profile, the web service) as it is: Ibis expressions are immutable.

Functions that read nothing but their arguments and fixed module data take :func:`kept`; those
that also read the sources' traits (which plug-ins can extend) take :func:`kept_by` with the
traits as part of the key (:func:`traits_key`). Keys turn each Ibis expression
into its operation (hashable, compared by structure) and keep each value's type beside it (so
``1``, ``1.0`` and ``True`` are different keys). Arguments that cannot be keys (unhashable) call
the builder as usual.
"""

from __future__ import annotations

import functools
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: Expressions kept per builder (the most recently used).
KEPT = 256


class _Unkeyable(Exception):
    """An argument that cannot be part of a key."""


def _key(value: object) -> object:
    # Ibis is not imported for this: a process that has not loaded it holds no Ibis expression
    # (a report read from kept answers never loads Ibis, see bilat.engines.duckdb).
    ir = sys.modules.get("ibis.expr.types")
    if ir is not None and isinstance(value, ir.Expr):
        return ("expr", value.op())
    if isinstance(value, Mapping):
        return ("map", tuple((k, _key(v)) for k, v in sorted(value.items())))
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, tuple(_key(v) for v in value))
    try:
        hash(value)
    except TypeError:
        raise _Unkeyable from None
    return (type(value), value)


def kept(fn: F) -> F:
    """Decorate a pure expression builder: the expression for equal arguments is made once."""
    return kept_by(None)(fn)


def kept_by(also: Callable[[], object] | None) -> Callable[[F], F]:
    """:func:`kept`, with ``also()`` (what the builder reads besides its arguments) part of the key."""

    def decorate(fn: F) -> F:
        cache: OrderedDict[object, Any] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                key = (_key(args), _key(tuple(sorted(kwargs.items()))), also() if also is not None else None)
            except _Unkeyable:
                return fn(*args, **kwargs)
            with lock:
                found = cache.get(key)
                if found is not None:
                    cache.move_to_end(key)
                    return found
            made = fn(*args, **kwargs)
            with lock:
                cache[key] = made
                while len(cache) > KEPT:
                    cache.popitem(last=False)
            return made

        wrapper.cache_clear = cache.clear  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def traits_key() -> object:
    """Every known source's traits (built-in and plug-in), as a key: a new plug-in, new expressions."""
    from bilat.sources.traits import all_traits

    return tuple(all_traits().items())
