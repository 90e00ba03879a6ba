"""The report's second thread: the same report, questions really asked on a fork, errors handed back.

``bilat.alongside`` asks the report's world-wide questions (the potential, the complexity
ranking, then the source reconciliation) in another thread, on a fork of the session's DuckDB
engine, with one memo of frames shared by both sessions. These tests hold that
this changes only the clock: the report is the same text with and without the thread, the
questions ran in the other thread on their own cursor, an error there reaches the caller, and
an engine that cannot fork answers in the caller's thread.
"""

from __future__ import annotations

import json
import re
import threading

import pytest

from bilat.alongside import alongside
from bilat.engines.duckdb import DuckDBEngine
from bilat.session import Session


def _report_text(a: str, b: str) -> str:
    from bilat.report import build_report, render

    text = render(build_report(a, b), "json")
    return re.sub(r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d(:\d\d)?(\.\d+)?( UTC)?", "<time>", text)


@pytest.mark.parametrize("pair", [("ISR", "JPN"), ("DEU", "CHN")])
def test_report_is_the_same_with_and_without_the_second_thread(pair: tuple[str, str],
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    threaded = _report_text(*pair)
    monkeypatch.delattr(DuckDBEngine, "fork")  # alongside() then asks in this thread
    assert _report_text(*pair) == threaded
    sections = json.loads(threaded)["sections"]
    for moved in ("complexity", "potential", "reconcile"):  # the questions the second thread asked
        assert sections[moved].get("tables") or sections[moved].get("paragraphs"), moved


def test_questions_run_in_another_thread_on_their_own_cursor() -> None:
    seen: dict[str, object] = {}

    def question(s: Session, code: str) -> int:
        seen["thread"] = threading.current_thread().name
        seen["engine"] = s.engine
        return int(s.engine.rows(f"SELECT COUNT(*) FROM country_flows WHERE reporter = '{code}'")[0][0])

    with Session() as s:
        with alongside(s) as ask:
            later = ask(question, "JPN")
            here = int(s.engine.rows("SELECT COUNT(*) FROM country_flows WHERE reporter = 'JPN'")[0][0])
            assert later.result() == here > 0
        assert seen["thread"] != threading.current_thread().name
        assert seen["engine"] is not s.engine and isinstance(seen["engine"], DuckDBEngine)
        assert s.engine.rows("SELECT 1") == [(1,)]  # the session's own engine is still open
    with pytest.raises(Exception):  # the fork was closed on leaving the block
        seen["engine"].rows("SELECT 1")  # type: ignore[attr-defined]


def test_an_error_in_the_other_thread_reaches_the_caller() -> None:
    def broken(s: Session) -> None:
        raise ValueError("no such figure")

    with Session() as s, alongside(s) as ask:
        later = ask(broken)
        with pytest.raises(ValueError, match="no such figure"):
            later.result()


def test_an_engine_that_cannot_fork_answers_in_this_thread() -> None:
    class Plain:  # an engine of the caller's own, without fork()
        name = "plain"
        store = None

    with Session(engine=Plain()) as s, alongside(s) as ask:
        later = ask(lambda session: (threading.current_thread().name, session))
        name, session = later.result()
    assert name == threading.current_thread().name and session is s
    with Session(engine=Plain()) as s, alongside(s) as ask:
        with pytest.raises(KeyError):
            ask(lambda session: {}["missing"]).result()


def test_the_report_asks_no_query_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue #17: no repeated queries for the same figures, across both threads and their sessions."""
    from collections import Counter

    from bilat.report import build_report

    asked: Counter[str] = Counter()
    lock = threading.Lock()
    for method in ("sql", "rows", "hold_sql"):
        original = getattr(DuckDBEngine, method)

        def counted(self, *args, _original=original, _method=method, **kwargs):  # noqa: ANN001, ANN202
            with lock:
                asked[args[-1] if _method == "hold_sql" else args[0]] += 1
            return _original(self, *args, **kwargs)

        monkeypatch.setattr(DuckDBEngine, method, counted)
    monkeypatch.setenv("BILAT_KEEP_ANSWERS", "0")
    build_report("ISR", "JPN")
    assert len(asked) > 10  # the report did ask its questions through these
    assert [q[:120] for q, n in asked.items() if n > 1] == []


def test_the_twin_session_shares_the_memo_and_leaves_it_to_the_session() -> None:
    """A frame one thread got is the other's without a second query; closing the twin keeps the session's frames."""
    query = "SELECT reporter, COUNT(*) AS n FROM country_flows WHERE reporter IN ('ISR', 'JPN') GROUP BY 1 ORDER BY 1"
    ran: list[str] = []
    with Session() as s:
        original = s.engine.sql

        def watched(q: str, params: object = None) -> object:  # the session's own engine
            ran.append("session")
            return original(q, params)

        s.engine.sql = watched  # type: ignore[method-assign]
        with alongside(s) as ask:
            there = ask(lambda twin: twin.sql_frame(query)).result()
        here = s.sql_frame(query)
        assert ran == []  # the session's engine was never asked: the twin's frame was kept for both
        assert here.equals(there) and len(here) == 2
        here["n"] = 0  # each caller has its own copy
        assert s.sql_frame(query).n.min() > 0
