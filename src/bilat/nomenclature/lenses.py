"""Sector lenses: named groups of HS codes ("robotics", "diamonds") to look at trade through.

Why lenses: cooperation agreements talk about sectors (robotics, medical devices, cyber), trade
statistics about HS codes. A lens is the documented bridge: a name, a title, the HS prefixes it
covers (2, 4 or 6 digits) and a one-line rationale. They live in ``bilat/data/lenses.csv``; a user
adds or overrides lenses in ``$BILAT_HOME/lenses.csv`` (same columns; a row with an existing name
replaces it). Every lens shares one caveat: services (software, cyber services, R&D) are not
goods, so no lens can see them.
"""

from __future__ import annotations

import csv
import operator
import re
from dataclasses import dataclass
from functools import reduce
from pathlib import Path
from typing import TYPE_CHECKING

from bilat.errors import Problem, UnknownProductError, ValidationError
from bilat.nomenclature.hs import normalise_hs_code
from bilat.settings import PACKAGE_DATA, bilat_home

if TYPE_CHECKING:
    import ibis.expr.types as ir
    import pandas as pd

__all__ = [
    "SERVICES_CAVEAT",
    "Lens",
    "get_lens",
    "lens_filter_sql",
    "lens_of",
    "lens_predicate",
    "lenses",
]

SERVICES_CAVEAT = (
    "Goods trade only: software, cyber and other services, licences and R&D are outside HS "
    "statistics, so a lens understates sectors whose value is mostly services."
)
COLUMNS = ("name", "title", "hs_prefixes", "rationale")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_PREFIX = re.compile(r"^\d{2}(?:\d{2}){0,2}$")
_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?$")


@dataclass(frozen=True)
class Lens:
    """A named sector: HS prefixes (2, 4 or 6 digits) with the reason they were chosen."""

    name: str
    title: str
    rationale: str
    hs_prefixes: tuple[str, ...]

    @property
    def caveat(self) -> str:
        """What no goods lens can show (services)."""
        return SERVICES_CAVEAT

    def covers(self, hs_code: object) -> bool:
        """True if the code falls under one of the lens prefixes ("847950" is robotics; "8479" is not)."""
        code = normalise_hs_code(hs_code)
        return any(code.startswith(prefix) for prefix in self.hs_prefixes)


def lenses() -> list[Lens]:
    """Every lens: the shipped ones, then the user's ($BILAT_HOME/lenses.csv) overriding by name."""
    merged = {lens.name: lens for lens in _read(PACKAGE_DATA / "lenses.csv")}
    user = bilat_home() / "lenses.csv"
    if user.is_file():
        merged.update({lens.name: lens for lens in _read(user)})
    return list(merged.values())


def get_lens(name: str | Lens) -> Lens:
    """A lens by name, case-insensitive, or by a unique prefix of its name ("medical")."""
    if isinstance(name, Lens):
        return name
    wanted = str(name).strip().casefold().replace("-", "_").replace(" ", "_")
    available = lenses()
    for lens in available:
        if lens.name == wanted:
            return lens
    candidates = [lens for lens in available if lens.name.startswith(wanted)] if wanted else []
    if len(candidates) == 1:
        return candidates[0]
    names = ", ".join(sorted(lens.name for lens in available))
    if len(candidates) > 1:
        matching = ", ".join(sorted(lens.name for lens in candidates))
        raise UnknownProductError(f"lens {name!r} is ambiguous ({matching}); lenses: {names}")
    raise UnknownProductError(f"unknown lens {name!r}; lenses: {names}")


def lens_of(hs_code: object) -> list[str]:
    """Names of the lenses that cover an HS code (a code narrower than or equal to a lens prefix)."""
    code = normalise_hs_code(hs_code)
    return [lens.name for lens in lenses() if any(code.startswith(p) for p in lens.hs_prefixes)]


def lens_filter_sql(lens: str | Lens, column: str = "hs_code") -> str:
    """A SQL boolean expression selecting the lens's codes: ``(hs_code LIKE '8541%' OR ...)``.

    Safe to splice into SQL: prefixes are validated digit strings and the column must be a plain
    (optionally table-qualified) identifier.
    """
    chosen = get_lens(lens)
    if not _COLUMN.match(column):
        raise ValueError(f"not a plain column name: {column!r}")
    for prefix in chosen.hs_prefixes:  # guards lenses built in code, not read from a CSV
        if not _PREFIX.match(prefix):
            raise UnknownProductError(f"lens {chosen.name!r} has an invalid HS prefix {prefix!r}")
    terms = [f"{column} LIKE '{prefix}%'" for prefix in chosen.hs_prefixes]
    return "(" + " OR ".join(terms) + ")"


def lens_predicate(column: ir.StringValue, lens: str | Lens) -> ir.BooleanValue:
    """An Ibis boolean expression: ``column`` starts with one of the lens prefixes."""
    chosen = get_lens(lens)
    return reduce(operator.or_, [column.startswith(prefix) for prefix in chosen.hs_prefixes])


def lenses_frame() -> pd.DataFrame:
    """The lenses as a table (name, title, hs_prefixes as "8541 8542", rationale) for display."""
    import pandas as pd

    return pd.DataFrame(
        [
            {"name": x.name, "title": x.title, "hs_prefixes": " ".join(x.hs_prefixes), "rationale": x.rationale}
            for x in lenses()
        ],
        columns=list(COLUMNS),
    )


def _read(path: Path) -> list[Lens]:
    """The lenses of one CSV file (read with the csv module: ``bilat hs show`` needs no pandas)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, restval="")
        header = reader.fieldnames or []
        rows = [{k: ("" if v is None else v) for k, v in row.items() if k is not None} for row in reader]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ValidationError([Problem(str(path), 1, None, f"missing column(s): {', '.join(missing)}")])
    problems: list[Problem] = []
    out: list[Lens] = []
    for line, row in enumerate(rows, start=2):
        name = row["name"].strip()
        prefixes = tuple(row["hs_prefixes"].split())
        if not _NAME.match(name):
            problems.append(Problem(str(path), line, "name", "lens names are lower-case letters, digits and _", name))
        if not prefixes:
            problems.append(Problem(str(path), line, "hs_prefixes", "no HS prefixes given"))
        bad = [p for p in prefixes if not _PREFIX.match(p)]
        if bad:
            problems.append(
                Problem(str(path), line, "hs_prefixes", "HS prefixes are 2, 4 or 6 digits, space-separated", bad[0])
            )
        if not row["rationale"].strip():
            problems.append(Problem(str(path), line, "rationale", "say in one line why these codes"))
        out.append(Lens(name=name, title=row["title"].strip() or name, rationale=row["rationale"].strip(), hs_prefixes=prefixes))
    if problems:
        raise ValidationError(problems)
    return out
