"""The memo of frames a session and its twin share (bilat.result_memo): one query per key, whoever asks first.

What must hold for a report's two threads to ask a query once: a second asker waits for the
first one's frame instead of running it again; each caller gets a copy of its own; an error is
handed to the waiting caller and is not kept; the memo keeps only the most recent frames and
none that is too large.
"""

from __future__ import annotations

import threading

import pandas as pd
import pytest

from bilat.result_memo import ResultMemo


def _frame(n: int = 3) -> pd.DataFrame:
    return pd.DataFrame({"year": list(range(2000, 2000 + n)), "value": [1.0] * n})


def test_a_second_thread_waits_for_the_first_ones_frame() -> None:
    memo = ResultMemo()
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def slow() -> pd.DataFrame:
        calls.append(threading.current_thread().name)
        started.set()
        release.wait(5)
        return _frame()

    got: dict[str, pd.DataFrame] = {}
    first = threading.Thread(target=lambda: got.__setitem__("first", memo.get("k", slow)), name="first")
    first.start()
    started.wait(5)
    second = threading.Thread(target=lambda: got.__setitem__("second", memo.get("k", slow)), name="second")
    second.start()
    second.join(0.2)
    assert second.is_alive()  # waiting for the first thread's query, not running its own
    release.set()
    first.join(5)
    second.join(5)
    assert calls == ["first"]
    assert got["first"].equals(got["second"]) and got["first"] is not got["second"]


def test_each_caller_gets_its_own_copy() -> None:
    memo = ResultMemo()
    mine = memo.get("k", _frame)
    mine["value"] = -1.0
    again = memo.get("k", lambda: pytest.fail("asked again"))
    assert (again.value == 1.0).all()
    again["extra"] = 1
    assert list(memo.get("k", _frame).columns) == ["year", "value"]


def test_an_error_reaches_the_waiting_caller_and_is_not_kept() -> None:
    memo = ResultMemo()
    started, release = threading.Event(), threading.Event()

    def broken() -> pd.DataFrame:
        started.set()
        release.wait(5)
        raise ValueError("engine gone")

    errors: list[str] = []

    def ask() -> None:
        try:
            memo.get("k", broken)
        except ValueError as exc:
            errors.append(str(exc))

    first = threading.Thread(target=ask)
    first.start()
    started.wait(5)
    second = threading.Thread(target=ask)
    second.start()
    second.join(0.2)
    release.set()
    first.join(5)
    second.join(5)
    assert errors == ["engine gone", "engine gone"]
    assert "k" not in memo
    assert len(memo.get("k", _frame)) == 3  # asked again, it runs again


def test_only_the_most_recent_and_small_frames_are_kept() -> None:
    memo = ResultMemo(size=2, max_rows=5)
    for key in ("a", "b", "c"):
        memo.get(key, _frame)
    assert "a" not in memo and "b" in memo and "c" in memo
    memo.get("b", _frame)  # b used last: c is now the oldest
    memo.get("d", _frame)
    assert "c" not in memo and "b" in memo
    big = memo.get("big", lambda: _frame(6))
    assert len(big) == 6 and "big" not in memo


def test_a_waiter_on_a_frame_too_large_to_keep_gets_a_copy_of_its_own() -> None:
    memo = ResultMemo(max_rows=2)
    started, release = threading.Event(), threading.Event()

    def slow_big() -> pd.DataFrame:
        started.set()
        release.wait(5)
        return _frame(5)

    got: dict[str, pd.DataFrame] = {}
    first = threading.Thread(target=lambda: got.__setitem__("first", memo.get("big", slow_big)))
    first.start()
    started.wait(5)
    second = threading.Thread(target=lambda: got.__setitem__("second", memo.get("big", slow_big)))
    second.start()
    second.join(0.2)
    release.set()
    first.join(5)
    second.join(5)
    assert got["first"].equals(got["second"]) and got["first"] is not got["second"]
    got["first"]["value"] = 0.0
    assert (got["second"].value == 1.0).all()
    assert "big" not in memo


def test_a_failure_after_the_query_releases_the_key() -> None:
    """A frame that cannot be measured or copied fails its caller; the key is not left waiting for ever."""
    memo = ResultMemo()
    with pytest.raises(TypeError):
        memo.get("k", lambda: None)  # type: ignore[arg-type, return-value]
    done: list[int] = []
    asker = threading.Thread(target=lambda: done.append(len(memo.get("k", _frame))))
    asker.start()
    asker.join(5)
    assert done == [3]


def test_a_compute_that_asks_for_its_own_key_runs_again_instead_of_waiting() -> None:
    memo = ResultMemo()
    calls: list[int] = []

    def nested() -> pd.DataFrame:
        calls.append(1)
        return memo.get("k", _frame) if len(calls) == 1 else _frame()

    got: list[pd.DataFrame] = []
    asker = threading.Thread(target=lambda: got.append(memo.get("k", nested)))
    asker.start()
    asker.join(5)
    assert not asker.is_alive() and len(got[0]) == 3
