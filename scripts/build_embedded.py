"""Build bilat's embedded dataset (src/bilat/data/embedded/*.parquet) from ../shared/data.

Why through the store: every embedded row goes through the same loader and the same shared
validation as a user's own file, so the embedded data can never hold what ``bilat ingest`` would
refuse. Each input is ingested into a throw-away store; the rows of each canonical table are then
written to one Parquet file with ``file_id = 'embedded:<input file name>'``, sorted on every
column and compressed with zstd, so the same inputs give the same bytes.

Usage (from the repository root)::

    .venv/bin/python scripts/build_embedded.py [--shared ../shared/data] [--out src/bilat/data/embedded]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilat.schema import TABLES  # noqa: E402
from bilat.store import Store  # noqa: E402


@dataclass(frozen=True)
class Input:
    source: str
    path: str  # relative to the shared data folder
    options: tuple[tuple[str, str], ...] = ()
    why: str = ""


def inputs() -> list[Input]:
    """Every input of the embedded dataset, in build order."""
    items = [
        Input(
            "imf_dots",
            "imf_dots_SamLeBlanc/imf_dots_exports_fob_by_partner_1960_2020_long.csv.gz",
            why="exports FOB of all 207 DOTS reporters to every partner, 1960-2020",
        ),
        Input(
            "imf_dots",
            "imf_dots_SamLeBlanc/DOTS_98_Israel.xlsx",
            (("flows", "M"),),
            "Israel's imports CIF by partner (the workbook's 'Imports, CIF' sheet; exports come from the long file)",
        ),
        Input(
            "imf_dots",
            "imf_dots_SamLeBlanc/DOTS_101_Japan.xlsx",
            (("flows", "M"),),
            "Japan's imports CIF by partner (as above)",
        ),
        Input(
            "ots",
            "tradestatistics_economiccomplexity/world_trade_2017.csv.gz",
            why="every country's 2017 exports to the world by HS4 (HS 2007)",
        ),
        Input("worldbank", "worldbank_gdp_datahub/gdp.csv", why="GDP, current USD, 1960-2023"),
        Input("cow", "tradhist_patentcity/exports_xx.csv", why="COW total exports, 22 countries, 1870-2014"),
        Input("cow", "tradhist_patentcity/imports_xx.csv", why="COW total imports, 22 countries, 1870-2014"),
        Input(
            "comtrade_world",
            "comtrade_world_totals_SamLeBlanc/comtrade_total_trade_with_world_2010_2021.csv.gz",
            why="UN Comtrade total goods exports and imports with the World as each reporter declared them, 188 reporters,"
            " 2010-2021 (67 reporters in 2021: many had not reported at download time); preferred to COW where both"
            " have a country-year",
        ),
    ]
    for chapter in ("oil_HS27", "wood_HS44"):
        for year in range(1988, 2018):
            items.append(Input("comtrade", f"comtrade_hs27_hs44_pmacg/comtrade_{chapter}_{year}.csv.gz"))
    return items


def build(shared: Path, out: Path, quiet: bool = False) -> dict[str, object]:
    """Ingest every input into a temporary store and write the three embedded Parquet files."""
    out.mkdir(parents=True, exist_ok=True)
    report: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="bilat-embedded-") as tmp:
        store = Store(Path(tmp) / "store")
        rejects_dir = Path(tmp) / "rejects"
        rejects_dir.mkdir()
        for item in inputs():
            path = shared / item.path
            if not path.exists():
                raise SystemExit(f"missing input {path}: the embedded dataset needs all of ../shared/data")
            result = store.ingest(item.source, path, skip_bad_rows=True, options=dict(item.options), rejects_dir=rejects_dir)
            rejects = ""
            if result.rejects_path is not None:
                rejects = result.rejects_path.read_text(encoding="utf-8").strip().splitlines()[1:]
                rejects = "; ".join(rejects)
            report.append(
                dict(input=item, rows=result.rows, rejected=result.rejected, note=result.note, rejects=rejects, table=result.table)
            )
            if not quiet:
                print(f"{item.path}: {result.rows:,} rows -> {result.table}" + (f" ({result.note})" if result.note else ""))
        names = {row.file_id: row.name for row in store.files().itertuples()}
        sizes: dict[str, tuple[int, int]] = {}
        for table in TABLES:
            files = [p for p in store.data_files(table) if p.exists()]
            target = out / f"{table}.parquet"
            if not files:
                target.unlink(missing_ok=True)
                continue
            parts = []
            for file in files:
                data = pq.read_table(file)
                label = f"embedded:{names[file.stem]}"
                data = data.set_column(data.schema.get_field_index("file_id"), "file_id", pa.array([label] * data.num_rows, pa.string()))
                parts.append(data)
            combined = pa.concat_tables(parts)
            order = [(c, "ascending") for c in TABLES[table]]
            combined = combined.take(pc.sort_indices(combined, sort_keys=order))
            # Values are plain-encoded (no dictionary): byte-stream-split would be ~15% smaller, but
            # Spark 4.0's vectorised Parquet reader refuses that encoding, and `--engine spark`
            # reads these files too.
            floats = [c for c in ("value_usd", "value", "quantity_t") if c in combined.column_names]
            pq.write_table(
                combined,
                target,
                compression="zstd",
                compression_level=19,
                row_group_size=1 << 20,
                use_dictionary=[c for c in combined.column_names if c not in floats],
                use_byte_stream_split=False,
                write_statistics=True,
                store_schema=False,
            )
            sizes[table] = (combined.num_rows, target.stat().st_size)
            if not quiet:
                print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}: {combined.num_rows:,} rows, {target.stat().st_size / 1e6:.2f} MB")
    write_provenance(out, report, sizes)
    return {"inputs": report, "sizes": sizes}


def write_provenance(out: Path, report: list[dict[str, object]], sizes: dict[str, tuple[int, int]]) -> None:
    """PROVENANCE.md: what each embedded file holds and where every row came from."""
    lines = [
        "# Embedded dataset: provenance",
        "",
        "bilat ships these Parquet files so that it answers questions before anything is ingested.",
        "They are built from the real published data in `../shared/data` (see its PROVENANCE.md for",
        "where each file was found) by `scripts/build_embedded.py`, through the same loaders and",
        "validation as `bilat ingest`. Each row's `file_id` is `embedded:<input file name>`. When you",
        "ingest a file of the same `source`, the embedded rows of that source are hidden (not added to).",
        "",
        "Build command (from the repository root):",
        "",
        "    .venv/bin/python scripts/build_embedded.py",
        "",
        f"Built: {dt.date.today().isoformat()}. Same inputs give the same bytes (rows sorted on every column, zstd level 19).",
        "",
        "## Files",
        "",
        "| file | rows | size | content |",
        "|---|---:|---:|---|",
    ]
    content = {
        "country_flows": "IMF DOTS: exports FOB (flow X) of every reporter by partner 1960-2020; imports CIF (flow M) of Israel and Japan by partner",
        "product_flows": "UN Comtrade HS chapters 27 and 44 as declared by every reporter, 1988-2017 (flows X, M, RX, RM; hs_level 2); Open Trade Statistics 2017 exports to the world by HS4 (importer WLD)",
        "indicators": "World Bank GDP (gdp_usd) 1960-2023; Correlates of War total exports/imports (exports_total_usd, imports_total_usd) 1870-2014; UN Comtrade total exports/imports with the World (same indicators, source comtrade_world) 2010-2021",
    }
    for table, (rows, size) in sizes.items():
        lines.append(f"| `{table}.parquet` | {rows:,} | {size / 1e6:.2f} MB | {content[table]} |")
    lines += [
        "",
        "## Inputs",
        "",
        "| input (under ../shared/data) | source | table | rows stored | rows rejected | notes |",
        "|---|---|---|---:|---:|---|",
    ]
    comtrade = [r for r in report if r["input"].source == "comtrade"]  # type: ignore[union-attr]
    for r in report:
        item: Input = r["input"]  # type: ignore[assignment]
        if item.source == "comtrade":
            continue
        notes = "; ".join(x for x in [item.why, str(r["note"] or "")] if x)
        if r["rejects"]:
            notes += f". Rejected (line,column,problem,value): {r['rejects']}"
        lines.append(f"| `{item.path}` | {item.source} | {r['table']} | {r['rows']:,} | {r['rejected']:,} | {notes} |")
    if comtrade:
        total = sum(int(r["rows"]) for r in comtrade)  # type: ignore[arg-type]
        rejected = sum(int(r["rejected"]) for r in comtrade)  # type: ignore[arg-type]
        stand_ins = sorted({code for r in comtrade for code in _stand_ins(str(r["note"]))})
        lines.append(
            f"| `comtrade_hs27_hs44_pmacg/comtrade_{{oil_HS27,wood_HS44}}_{{1988..2017}}.csv.gz` ({len(comtrade)} files)"
            f" | comtrade | product_flows | {total:,} | {rejected:,} | classic Comtrade CSV, every reporter, HS revision as"
            f" reported (H0-H5); areas without an ISO code kept under stand-ins {', '.join(stand_ins)} |"
        )
    lines += [
        "",
        "## Left out, and why",
        "",
        "* `tradhist_patentcity/tradeflow_xx.csv.gz` (TRADHIST bilateral): its documentation says current USD millions,",
        "  but the values are in units of current **British pounds** (see docs/sources.md); bilat stores USD only and",
        "  ships no exchange rates, so it is not embedded and has no loader.",
        "* `tradestatistics_economiccomplexity/world_gdp_and_population_2017.csv`: GDP duplicates the World Bank file;",
        "  population for one year only was not worth a loader.",
        "* Re-Export and Re-Import rows of `comtrade_world_totals_SamLeBlanc/comtrade_total_trade_with_world_2010_2021.csv.gz`:",
        "  re-exports and re-imports are parts of Comtrade's exports and imports, reported separately, not totals (counted above).",
        "* `comtrade_world_totals_SamLeBlanc/comtrade_hs2_with_world_2018_5reporters.csv.gz`: HS2 chapters of five reporters'",
        "  2018 trade with the World: parts of the totals, not totals, and no question reads chapters with the World.",
        "* `baci_fixture_iopspackage/`: a format fixture (two exporters, one year), used by the BACI tests, not data to ship.",
        "",
    ]
    (out / "PROVENANCE.md").write_text("\n".join(lines), encoding="utf-8")


def _stand_ins(note: str) -> list[str]:
    marker = "stand-ins "
    if marker not in note:
        return []
    return [c.strip() for c in note.split(marker, 1)[1].split(";")[0].split(",") if c.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "bilat" / "data" / "embedded")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    build(args.shared.resolve(), args.out.resolve(), quiet=args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
