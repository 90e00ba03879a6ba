"""Expression builders kept per process (:mod:`bilat.analytics.memo`): equal arguments, the same expression."""

from __future__ import annotations

import ibis

from bilat.analytics import memo
from bilat.analytics import profile as prof


def _rows() -> ibis.Table:
    return ibis.table({"year": "int16", "exporter": "string", "importer": "string", "code": "string",
                       "value_usd": "float64"}, name="rows")


def test_equal_arguments_give_the_kept_expression() -> None:
    # two tables built apart but equal: Ibis compares them by structure
    first = prof.with_shares(_rows().filter(ibis._.year > 2000))
    second = prof.with_shares(_rows().filter(ibis._.year > 2000))
    assert first is second
    other = prof.with_shares(_rows().filter(ibis._.year > 2001))
    assert other is not first and not other.equals(first)


def test_keys_keep_types_apart() -> None:
    calls = []

    @memo.kept
    def build(value, *, options=None):  # noqa: ANN001, ANN202
        calls.append(value)
        return (value, options)

    assert build(1) == build(1) and len(calls) == 1
    build(1.0)
    build(True)
    assert len(calls) == 3
    build(1, options={"a": [1, 2]})
    build(1, options={"a": [1, 2]})
    assert len(calls) == 4
    build([{1, 2}])  # unhashable: built every time, never kept
    build([{1, 2}])
    assert len(calls) == 6


def test_the_kept_expressions_are_bounded() -> None:
    @memo.kept
    def build(value):  # noqa: ANN001, ANN202
        return [value]

    for i in range(memo.KEPT + 10):
        build(i)
    assert build(memo.KEPT + 9) is build(memo.KEPT + 9)


def test_what_the_builder_also_reads_is_part_of_the_key() -> None:
    seen = ["v1"]
    calls = []

    @memo.kept_by(lambda: seen[0])
    def build(value):  # noqa: ANN001, ANN202
        calls.append(value)
        return [value, seen[0]]

    assert build(1) is build(1) and len(calls) == 1
    seen[0] = "v2"  # e.g. a plug-in source registered: the traits changed
    assert build(1) == [1, "v2"] and len(calls) == 2
