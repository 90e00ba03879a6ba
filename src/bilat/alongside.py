"""Ask some of a face's questions in a second thread, on a fork of the session's engine.

Why: a report asks questions that do not depend on one another. The complexity ranking and the
potential read the world's exports by product; the profile reads the pair's own rows. Asked one
after the other, a two-core machine works on one core while DuckDB answers. DuckDB lets go of
the GIL while it answers, so a question asked in another thread, on its own cursor over the
same database (:meth:`bilat.engines.duckdb.DuckDBEngine.fork`), overlaps the questions of this
one. The answers are the same: the queries are the same over the same views; only the clock
changes. The two sessions share one memo of the engine's frames (:mod:`bilat.result_memo`): a
query both threads ask (the world's exports by HS section) runs once, in the thread that asks
first.

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
def alongside(s: Session) -> Iterator[Ask]:
    """An ``ask`` whose questions run in one other thread on a fork of ``s``'s engine (or at once, without one).

    Leaving the block waits for the questions handed over, then closes the fork; ``s`` stays open.
    """
    fork = getattr(s.engine, "fork", None)
    if fork is None:
        yield _now(s)
        return
    engine = fork()
    # One memo of the engine's frames for both: a query either thread ran is not run by the other.
    twin = Session(engine=engine, store=s.store, include_embedded=s.include_embedded, results=s._results)
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bilat-alongside")
    try:
        yield lambda question, *args: pool.submit(question, twin, *args)
    finally:
        pool.shutdown(wait=True)
        twin.close()
        engine.close()
