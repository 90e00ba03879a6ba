"""Ask some of a face's questions in other threads, each on a fork of the session's engine.

Why: a report asks questions that do not depend on one another. The complexity ranking and the
potential read the world's exports by product; the profile reads the pair's own rows. Asked one
after the other, a two-core machine works on one core while DuckDB answers. DuckDB lets go of
the GIL while it answers, so a question asked in another thread, on its own cursor over the
same database (:meth:`bilat.engines.duckdb.DuckDBEngine.fork`), overlaps the questions of this
one. The answers are the same: the queries are the same over the same views; only the clock
changes. The sessions share one memo of the engine's frames (:mod:`bilat.result_memo`): a
query two threads ask (the world's exports by HS section) runs once, in the thread that asks
first. With ``threads=2`` two questions handed over run at once (the report's world-wide
questions and its reconciliation), so the last of them does not wait for the first.

An engine that cannot fork (Spark, an engine of the caller's own) asks the questions in this
thread, when they are handed over, so every face works the same with or without threads.

Example::

    with Session() as s, alongside(s) as ask:
        later = ask(economic_complexity_of, ["ISR", "JPN"])   # starts now, in the other thread
        profile = pair_profile("ISR", "JPN", session=s)       # meanwhile, in this one
        complexity = later.result()
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from bilat.session import Session

#: ``ask(question, *args)``: runs ``question(session, *args)``; ``.result()`` is its value (or raises its error).
Ask = Callable[..., "Future[Any]"]


def _now(s: Session) -> Ask:
    """An ``ask`` that answers in this thread, at once, on the session itself."""

    def ask(question: Callable[..., Any], *args: Any) -> Future[Any]:
        done: Future[Any] = Future()
        try:
            done.set_result(question(s, *args))
        except BaseException as exc:  # noqa: BLE001 - handed back by result(), as a thread's would be
            done.set_exception(exc)
        return done

    return ask


@contextlib.contextmanager
def alongside(s: Session, threads: int = 1) -> Iterator[Ask]:
    """An ``ask`` whose questions run in up to ``threads`` other threads, each on its own fork of ``s``'s engine.

    Why one fork a question: a DuckDB cursor is not to be shared between threads, and two
    questions that run at once (the world-wide ones, the reconciliation) each need one. Without
    a fork (Spark, a caller's engine) the questions are answered at once, in this thread.
    Leaving the block waits for the questions handed over, then closes the forks; ``s`` stays open.
    """
    fork = getattr(s.engine, "fork", None)
    if fork is None:
        yield _now(s)
        return
    twins: list[Session] = []
    pool = ThreadPoolExecutor(max_workers=max(1, threads), thread_name_prefix="bilat-alongside")

    def ask(question: Callable[..., Any], *args: Any) -> Future[Any]:
        # One memo of the engine's frames for all: a query one thread ran is not run by another.
        twin = Session(engine=fork(), store=s.store, include_embedded=s.include_embedded, results=s._results)
        twins.append(twin)
        return pool.submit(question, twin, *args)

    try:
        yield ask
    finally:
        pool.shutdown(wait=True)
        for twin in twins:
            engine = twin.engine
            twin.close()
            engine.close()
