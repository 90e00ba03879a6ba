"""Convert HS six-digit codes between revisions (1992, 1996, 2002, 2007, 2012, 2017, 2022).

Why: BACI, Comtrade and the lenses each speak a different HS revision, and a series over many
years crosses several. The UN correlation tables (as consolidated by the Harvard Growth Lab, leading
zeros restored at build time) link each code of one revision to the codes of the next. bilat turns
the links into weights that always sum to 1 per source code, so **converted values add up to the
original total**, and chains adjacent steps (2022 → 2012 goes through 2017).

Weights, for a link from code ``f`` to code ``t`` within one step: proportional to
``1 / (number of source codes linked to t)``, normalised over ``f``'s targets. So 1:1 and n:1
links get weight 1, a plain 1:n split is split equally (no trade-based weights are available), and
in n:n groups a target that gathers many sources takes only a small share from each. That last
rule matters for HS 2022 heading 8549 (e-waste), which the UN links to about a thousand HS 2017
codes: an equal split would send 6/7 of HS 2017 processors (854231) into e-waste; this rule keeps
99 % of them in 854231. See docs/nomenclature.md for the caveats.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from bilat.errors import UnknownProductError
from bilat.nomenclature._tables import DATA_DIR
from bilat.nomenclature.hs import normalise_hs_code

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["REVISIONS", "concordance", "convert_codes"]

REVISIONS: tuple[int, ...] = (1992, 1996, 2002, 2007, 2012, 2017, 2022)


def concordance(from_rev: int, to_rev: int) -> pd.DataFrame:
    """Links from codes of ``from_rev`` to codes of ``to_rev``: code_from, code_to, weight, relationship.

    ``weight`` is the share of a ``code_from`` value that goes to ``code_to`` (they sum to 1 per
    ``code_from``). ``relationship`` (1:1, 1:n, n:1, n:n) describes the resulting mapping.
    """
    _check_revision(from_rev)
    _check_revision(to_rev)
    return _concordance(from_rev, to_rev).copy()


def convert_codes(
    frame: pd.DataFrame,
    code_col: str,
    value_col: str | Sequence[str],
    from_rev: int,
    to_rev: int,
    *,
    unmatched: str = "raise",
) -> pd.DataFrame:
    """Re-express ``frame`` in HS revision ``to_rev``; values are split by weight, so totals are kept.

    Columns other than ``code_col`` and the value column(s) are treated as keys (year, exporter...):
    rows that end up with the same keys and code are summed. Codes are normalised to six digits
    first (10121 → "010121"). A code that ``from_rev`` does not have raises
    :class:`UnknownProductError`, unless ``unmatched="keep"`` (the row is kept unchanged).
    """
    import pandas as pd

    values = [value_col] if isinstance(value_col, str) else list(value_col)
    missing = [c for c in (code_col, *values) if c not in frame.columns]
    if missing:
        raise UnknownProductError(f"columns not in the frame: {missing}")
    if unmatched not in ("raise", "keep"):
        raise ValueError("unmatched must be 'raise' or 'keep'")
    data = frame.copy()
    data[code_col] = _normalise_column(data[code_col])
    if from_rev == to_rev:
        _check_revision(from_rev)
        return data.reset_index(drop=True)

    links = concordance(from_rev, to_rev)[["code_from", "code_to", "weight"]]
    known = data[code_col].isin(set(links["code_from"]))
    if not known.all():
        bad = sorted(data.loc[~known, code_col].unique())
        if unmatched == "raise":
            shown = ", ".join(bad[:5]) + (f" and {len(bad) - 5} more" if len(bad) > 5 else "")
            raise UnknownProductError(f"{len(bad)} code(s) are not HS {from_rev} six-digit codes: {shown}")
    keys = [c for c in data.columns if c != code_col and c not in values]
    merged = data[known].merge(links, left_on=code_col, right_on="code_from", how="inner")
    for column in values:
        merged[column] = merged[column] * merged["weight"]
    merged[code_col] = merged["code_to"]
    converted = merged.groupby([*keys, code_col], dropna=False, sort=False, as_index=False)[values].sum(min_count=1)
    parts = [converted[data.columns]]
    if not known.all():
        parts.append(data[~known])
    return pd.concat(parts, ignore_index=True)


# --- internals ----------------------------------------------------------------------------------


def _check_revision(rev: int) -> None:
    if rev not in REVISIONS:
        raise UnknownProductError(f"unknown HS revision {rev!r}; use one of {', '.join(map(str, REVISIONS))}")


def _normalise_column(codes: pd.Series) -> pd.Series:
    import pandas as pd

    unique = pd.unique(codes)
    mapping = {}
    for code in unique:
        normal = normalise_hs_code(code)
        if len(normal) != 6:
            raise UnknownProductError(f"revision conversion needs six-digit codes, got {code!r}")
        mapping[code] = normal
    return codes.map(mapping)


@cache
def _links() -> pd.DataFrame:
    import pandas as pd

    return pd.read_parquet(DATA_DIR / "hs_concordance.parquet")


@cache
def _step(from_rev: int, to_rev: int) -> pd.DataFrame:
    """One adjacent step with weights: code_from, code_to, weight."""
    import pandas as pd

    links = _links()
    newer, older = max(from_rev, to_rev), min(from_rev, to_rev)
    rows = links[(links["rev_new"] == newer) & (links["rev_old"] == older)]
    if from_rev == newer:
        step = pd.DataFrame({"code_from": rows["code_new"], "code_to": rows["code_old"]})
    else:
        step = pd.DataFrame({"code_from": rows["code_old"], "code_to": rows["code_new"]})
    # The UN tables miss a code or two (HS 2017 300219 has no HS 2022 link; HS 2007 291636 none to
    # HS 2012): carry such codes over unchanged rather than lose their value.
    missing = sorted(set(_codes_of(from_rev)) - set(step["code_from"]))
    step = pd.concat([step, pd.DataFrame({"code_from": missing, "code_to": missing})], ignore_index=True)
    step = step.drop_duplicates()
    sources_per_target = step.groupby("code_to")["code_from"].transform("nunique")
    step["weight"] = 1.0 / sources_per_target
    step["weight"] = step["weight"] / step.groupby("code_from")["weight"].transform("sum")
    return step.reset_index(drop=True)


@cache
def _concordance(from_rev: int, to_rev: int) -> pd.DataFrame:
    import pandas as pd

    if from_rev == to_rev:
        codes = _codes_of(from_rev)
        out = pd.DataFrame({"code_from": codes, "code_to": codes, "weight": 1.0})
    else:
        index = [REVISIONS.index(from_rev), REVISIONS.index(to_rev)]
        direction = 1 if index[1] > index[0] else -1
        chain = [REVISIONS[i] for i in range(index[0], index[1] + direction, direction)]
        out = _step(chain[0], chain[1])
        for a, b in zip(chain[1:], chain[2:], strict=False):
            nxt = _step(a, b).rename(columns={"code_from": "code_mid", "code_to": "code_to", "weight": "w2"})
            out = out.rename(columns={"code_to": "code_mid"}).merge(nxt, on="code_mid", how="left")
            # a code carried over unchanged (see _step) may be unknown to the next table: carry it on
            out["code_to"] = out["code_to"].fillna(out["code_mid"])
            out["weight"] = out["weight"] * out["w2"].fillna(1.0)
            out = out.groupby(["code_from", "code_to"], as_index=False)["weight"].sum()
    out = out.sort_values(["code_from", "code_to"]).reset_index(drop=True)
    targets = out.groupby("code_from")["code_to"].transform("nunique") > 1
    sources = out.groupby("code_to")["code_from"].transform("nunique") > 1
    out["relationship"] = (sources.map({True: "n", False: "1"}) + ":" + targets.map({True: "n", False: "1"}))
    return out[["code_from", "code_to", "weight", "relationship"]]


@cache
def _codes_of(rev: int) -> list[str]:
    """The six-digit codes of one revision: every code the UN tables mention for it."""
    links = _links()
    codes = set(links.loc[links["rev_new"] == rev, "code_new"]) | set(links.loc[links["rev_old"] == rev, "code_old"])
    return sorted(codes)
