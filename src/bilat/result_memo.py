"""The frames one session's questions got from the engine, kept for the questions that ask again.

Why a class of its own: a report asks some questions in a second thread (:mod:`bilat.alongside`),
on a twin session over a fork of the engine. Both threads ask some of the same queries (the
world's exports by HS section: the profile and the source reconciliation). With one memo shared
by the session and its twin, whichever thread asks first runs the query and the other takes its
rows, waiting for them if the query is still running, instead of running it a second time.

Each caller gets its own copy of a frame (callers add columns to what they get); the copy kept is
never handed out. Errors are not kept: a query that failed is run again when asked again, and a
caller that was waiting for it gets the same error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas loads with the first question, not with the session
    import pandas as pd

#: Frames one memo keeps (the most recently used), and the largest frame it keeps.
MEMO_SIZE = 64
MEMO_MAX_ROWS = 50_000


class _Running:
    """A query one thread is running: its frame to come, and how many other threads wait for it."""

    def __init__(self) -> None:
        self.done: Future[pd.DataFrame] = Future()
        self.waiting = 0
        self.owner = threading.get_ident()


class ResultMemo:
    """Frames by key: the most recently used ``size`` of them, none over ``max_rows`` rows; thread-safe."""

    def __init__(self, size: int = MEMO_SIZE, max_rows: int = MEMO_MAX_ROWS) -> None:
        self.size = size
        self.max_rows = max_rows
        self._lock = threading.Lock()
        self._kept: dict[object, pd.DataFrame] = {}
        self._running: dict[object, _Running] = {}

    def __len__(self) -> int:
        return len(self._kept)

    def __contains__(self, key: object) -> bool:
        return key in self._kept

    def get(self, key: object, compute: Callable[[], pd.DataFrame]) -> pd.DataFrame:
        """The frame kept for ``key`` (a copy), else the one another thread is computing, else ``compute()``'s."""
        with self._lock:
            kept = self._kept.pop(key, None)
            if kept is not None:
                self._kept[key] = kept  # most recently used last
            else:
                running = self._running.get(key)
                mine = running is None
                if mine:
                    running = self._running[key] = _Running()
                else:
                    running.waiting += 1
        if kept is not None:  # copied outside the lock: a kept frame is never changed
            return kept.copy()
        assert running is not None
        if not mine:
            if running.owner == threading.get_ident():  # the compute asks for its own key: run it again
                return compute()
            return running.done.result().copy()
        try:
            frame = compute()
            shared = frame.copy() if len(frame) <= self.max_rows else None  # kept; what waiters copy
        except BaseException as exc:
            self._release(key, running, None)
            running.done.set_exception(exc)
            raise
        waiting = self._release(key, running, shared)
        try:
            if shared is None and waiting:  # too large to keep, but asked for meanwhile
                shared = frame.copy()
        except BaseException as exc:
            running.done.set_exception(exc)
            raise
        running.done.set_result(shared)  # never the caller's own frame
        return frame

    def _release(self, key: object, running: _Running, kept: pd.DataFrame | None) -> int:
        """End ``key``'s run (keeping ``kept`` unless None); the number of threads waiting for it."""
        with self._lock:
            self._running.pop(key, None)  # no one joins the waiters after this
            if kept is not None:
                self._kept[key] = kept
                while len(self._kept) > self.size:
                    self._kept.pop(next(iter(self._kept)))
            return running.waiting

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
