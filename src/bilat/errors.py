"""Errors that bilat shows to people.

Every error a user can cause derives from :class:`BilatError`; the CLI prints its message
on one line and exits non-zero instead of showing a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


class BilatError(Exception):
    """Base class: a problem the user can act on, with a one-line message."""

    exit_code = 1


class UnknownCountryError(BilatError, LookupError):
    """A country name or code that the nomenclature cannot resolve."""


class UnknownProductError(BilatError, LookupError):
    """An HS code or sector lens that does not exist."""


class NoDataError(BilatError):
    """The store cannot answer a question; the message says what to load."""


class EngineError(BilatError):
    """A query engine (DuckDB or Spark) failed; the message names the engine."""

    def __init__(self, engine: str, message: str) -> None:
        super().__init__(f"[{engine}] {message}")
        self.engine = engine


class StoreLockedError(BilatError):
    """Another bilat process is writing to the store."""


@dataclass(frozen=True)
class Problem:
    """One problem found in an input file, located as precisely as the file allows."""

    file: str
    line: int | None
    column: str | None
    message: str
    value: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column:
            where += f", column {self.column!r}"
        shown = ""
        if self.value is not None:
            value = self.value if len(self.value) <= 40 else self.value[:37] + "..."
            shown = f" (got {value!r})"
        return f"{where}: {self.message}{shown}"


class ValidationError(BilatError):
    """An input file was refused. Nothing was stored.

    Carries every problem found; the message lists at most ``shown`` of them and counts the rest.
    """

    exit_code = 2

    def __init__(self, problems: list[Problem], shown: int = 10, total: int | None = None) -> None:
        self.problems = problems
        self.total = total if total is not None else len(problems)
        lines = [str(p) for p in problems[:shown]]
        rest = self.total - min(shown, len(problems))
        if rest > 0:
            lines.append(f"... and {rest} more problem(s); nothing was stored (--skip-bad-rows stores the good rows)")
        super().__init__("\n".join(lines))
