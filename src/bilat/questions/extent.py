"""How far each figure reaches: each direction's latest figure, and what share of the flow a product slice covers.

Two questions every face must answer before it prints a number:

* **headline**: each direction's latest figure, in its *own* latest year. A direction whose
  exporter stopped reporting (the UAE in IMF DOTS stops in 1982) falls back to the importer's own
  report of it (a *mirror*: country_flows flow M, CIF), labelled as such, where it is loaded;
  otherwise it says since when the exporter is silent.
* **coverage**: what share of each direction's flow the product rows hold ("HS 27 and 44: 0.3 % of
  DEU→CHN 2017"). Under :data:`SLICE_BELOW` of the flow, the rows are a *slice*, never the whole.

Faces print the ``label`` and ``note`` columns as they are.

Example::

    from bilat.questions import profile
    p = profile("ARE", "IND")
    p.headline      # ARE→IND 2020 (mirror) or "ARE has not reported since 1982"; IND→ARE 2020
    p.coverage      # HS 27 and 44: x % of ARE→IND 2017
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from bilat.analytics import composition as comp
from bilat.analytics import profile as prof
from bilat.analytics import selection
from bilat.questions.hints import BACI_HINT
from bilat.session import Session

#: Product rows holding less than this share of the flow are shown as a slice.
SLICE_BELOW = 0.5

HEADLINE_COLUMNS = ["exporter", "importer", "year", "value_usd", "basis", "reported_until", "label", "note"]
COVERAGE_COLUMNS = ["year", "exporter", "importer", "chapters", "covered_usd", "flow_usd", "share", "flow_basis",
                    "is_slice", "label", "note"]


def _num(value: object) -> float | None:
    if value is None:
        return None
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) else v


def _pct(share: float) -> str:
    """0.00263 → "0.3 %", 0.000004 → "< 0.1 %" (one format for every coverage share)."""
    if share < 0.001 and share > 0:
        return "< 0.1 %"
    return f"{share * 100:.1f} %"


def headline(s: Session, a: str, b: str, series: pd.DataFrame, source: str) -> pd.DataFrame:
    """Each direction's latest figure in its own latest year, with a mirror where its exporter went silent."""
    cols = prof.series_columns(a, b)
    latest_any = None
    own: dict[tuple[str, str], tuple[int, float] | None] = {}
    for (exporter, importer), column in (((a, b), cols["a_to_b"]), ((b, a), cols["b_to_a"])):
        known = series[series[column].notnull()] if column in series.columns else series.iloc[0:0]
        if len(known):
            last = known.iloc[-1]
            own[(exporter, importer)] = (int(last.year), float(last[column]))
            latest_any = max(latest_any or 0, int(last.year))
        else:
            own[(exporter, importer)] = None
    mirrors = _mirrors(s, a, b, source)
    rows = []
    for (exporter, importer), found in own.items():
        until = found[0] if found else None
        if found and (latest_any is None or found[0] >= latest_any):
            rows.append((exporter, importer, found[0], found[1], "reported", until,
                         f"{exporter} → {importer} {found[0]}", ""))
            continue
        silent = (f"{exporter} has reported no exports to {importer} since {until}" if until
                  else f"{exporter} reports no exports to {importer}")
        mirror = mirrors.get((exporter, importer))
        if mirror is not None and (until is None or mirror[0] > until):
            rows.append((exporter, importer, mirror[0], mirror[1], "mirror", until,
                         f"{exporter} → {importer} {mirror[0]} (mirror: {importer}'s reported imports, CIF)",
                         f"{silent} ({source}); the figure is {importer}'s own report of its imports from {exporter}"))
        else:
            value = found[1] if found else None
            year = found[0] if found else None
            rows.append((exporter, importer, year, value, "reported" if found else "none", until,
                         f"{exporter} → {importer} {year} (data end {year})" if found else f"{exporter} → {importer}: no figure",
                         f"{silent} ({source}), and no mirror ({importer}'s reported imports) is loaded"))
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)


def _mirrors(s: Session, a: str, b: str, source: str) -> dict[tuple[str, str], tuple[int, float]]:
    """The latest importer-reported figure of each direction (empty when the source has none)."""
    from bilat.analytics.series_sql import mirror_totals_sql

    frame = s.sql_frame(mirror_totals_sql(a, b, source))  # plain SQL on DuckDB (no Ibis), else None
    if frame is None:
        tables = s.tables()
        if "country_flows" not in tables:
            return {}
        frame = s.execute(selection.mirror_totals(tables, a, b, source))
    out: dict[tuple[str, str], tuple[int, float]] = {}
    for row in frame.sort_values("year").itertuples(index=False):
        if _num(row.value_usd) is not None:
            out[(str(row.exporter), str(row.importer))] = (int(row.year), float(row.value_usd))
    return out


def coverage(s: Session, rows: object, a: str, b: str, series: pd.DataFrame, head: pd.DataFrame,
             complete: bool) -> pd.DataFrame:
    """Each direction's product rows (their latest year) as a share of the whole flow that year.

    ``rows``: the product rows as an Ibis expression, or as plain SQL (DuckDB, no Ibis).
    """
    if isinstance(rows, str):
        from bilat.analytics.levels_sql import by_level_sql

        frame = s.sql_frame(by_level_sql(rows, 2) + " ORDER BY year ASC, exporter ASC, value_usd DESC")
    else:
        frame = s.execute(comp.by_level(rows, 2))  # type: ignore[arg-type]
    if not len(frame):
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    cols = prof.series_columns(a, b)
    flows = _flow_lookup(series, a, b, cols)
    out = []
    for (exporter, importer), grp in frame.groupby(["exporter", "importer"], sort=True):
        year = int(grp.year.max())
        now = grp[grp.year == year]
        chapters = sorted(str(c) for c in now.code.unique())
        covered = float(now.value_usd.sum())
        whole = flows.get((year, exporter))
        basis = "reported"
        if whole is None:
            mirror = head[(head.exporter == exporter) & (head.basis == "mirror") & (head.year == year)]
            if len(mirror):
                whole, basis = float(mirror.value_usd.iloc[0]), "mirror"
        share = covered / whole if whole else None
        listed = _chapters_text(chapters)
        slice_ = (not complete) or share is None or share < SLICE_BELOW
        if share is not None:
            label = f"{listed}: {_pct(share)} of {exporter}→{importer} {year}"
            if basis == "mirror":
                label += f" ({importer}'s reported imports)"
        else:
            label = f"{listed} of {exporter}→{importer} {year}: share unknown (no total flow for {year})"
        note = (f"{label}: a slice of the flow, not its composition; {BACI_HINT}" if slice_ else "")
        out.append((year, exporter, importer, ", ".join(chapters), covered, whole, share, basis, slice_, label, note))
    return pd.DataFrame(out, columns=COVERAGE_COLUMNS)


def _flow_lookup(series: pd.DataFrame, a: str, b: str, cols: Mapping[str, str]) -> dict[tuple[int, str], float]:
    lookup: dict[tuple[int, str], float] = {}
    for row in series.itertuples(index=False):
        d = row._asdict()
        for exporter, key in ((a, "a_to_b"), (b, "b_to_a")):
            v = _num(d.get(cols[key]))
            if v:
                lookup[(int(d["year"]), exporter)] = v
    return lookup


def _chapters_text(chapters: list[str]) -> str:
    """["27", "44"] → "HS 27 and 44"; many chapters → "HS 01-97 (n chapters)"."""
    if len(chapters) == 1:
        return f"HS {chapters[0]}"
    if len(chapters) <= 4:
        return "HS " + ", ".join(chapters[:-1]) + " and " + chapters[-1]
    return f"{len(chapters)} HS chapters"


def slice_title(cov: pd.DataFrame, whole: str) -> str:
    """A title for a product view: ``whole`` when the rows cover the flow, "Slice: ..." otherwise."""
    if not len(cov) or not bool(cov.is_slice.any()):
        return whole
    return "Slice of the flow: " + "; ".join(cov.label)


def flow_coverage(s: Session, a: str, b: str, rows: object, complete: bool) -> pd.DataFrame:
    """:func:`coverage` for a caller without the pair's series (``bilat flows --by chapter``)."""
    from bilat.errors import NoDataError
    from bilat.questions.yearly import pair_series

    try:
        series, source, _ = pair_series(s, a, b, None)
    except NoDataError:
        return pd.DataFrame(columns=COVERAGE_COLUMNS)
    return coverage(s, rows, a, b, series, headline(s, a, b, series, source), complete)
