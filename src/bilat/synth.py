"""Synthetic CEPII BACI data, shaped like a real release, for scale tests and benchmarks.

Why: a real BACI year is 10-11 million rows (about 200 MB of CSV) and a release cannot ship with
bilat or its tests, yet ingestion and queries must be measured at that scale. This module writes
files that a BACI reader cannot tell from the real thing by their layout (header ``t,i,j,k,v,q``,
``k`` without its leading zero, ``v`` in thousands of USD with at most three decimals, ``q`` in
tonnes right-aligned in 13 characters or ``NA``, one row per year, exporter, importer and product,
sorted by ``i, j, k``), with codes drawn from BACI's real country and HS 2017 product lists, and with
the skew that makes real data hard: a few large exporters and products, many tiny flows, about
30,000 active country pairs a year and about 2 % of quantities missing.

The numbers are invented: never use them as trade statistics.

How it stays fast and small: rows are produced exporter by exporter as numpy arrays (never as
Python objects), each exporter's products are chosen by systematic sampling with inclusion
probabilities proportional to a product weight (exactly ``n`` distinct products for a pair that
needs ``n`` rows), and text is formatted by Arrow compute kernels and written by Arrow's CSV writer.
Everything derives from ``seed`` and the year, so the same call writes the same bytes (with the
same numpy, whose random streams may change between its major versions).
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from bilat.errors import BilatError
from bilat.schema import PRODUCT_FLOWS
from bilat.synth_sampling import (  # noqa: F401 - importable from here, as before the split
    COUNTRY_CODES_FILE,
    HEADER,
    NA_SHARE,
    PRODUCT_CODES_FILE,
    Q_WIDTH,
    TARGET_PAIRS,
    _codes,
    _resolve_pairs,
    _world,
    _year_batches,
)

ProgressCallback = Callable[[int, int | None], None]
"""Called as ``progress(rows_done, rows_total)``."""

_SUPPORTED_HS = ("HS17",)
_HS_REVISION = {"HS17": 2017}


def _decimal_text(milli: np.ndarray, trim: bool) -> pa.Array:
    """Thousandths as text: ``1460000`` -> ``1460.0`` when ``trim``, ``1460.000`` otherwise."""
    whole = pc.cast(pa.array(milli // 1000), pa.string())
    frac = pc.utf8_lpad(pc.cast(pa.array(milli % 1000), pa.string()), 3, "0")
    if trim:
        frac = pc.utf8_rtrim(frac, "0")
        frac = pc.if_else(pc.equal(pc.utf8_length(frac), 0), "0", frac)
    return pc.binary_join_element_wise(whole, frac, ".")


def _batch_csv(year: int, batch: dict[str, np.ndarray]) -> bytes:
    """One batch as BACI CSV text (no header)."""
    quantity = pc.utf8_lpad(_decimal_text(batch["q_milli"], trim=False), Q_WIDTH, " ")
    quantity = pc.if_else(pa.array(batch["q_na"]), "NA".rjust(Q_WIDTH), quantity)
    table = pa.table(
        {
            "t": pa.array(np.full(len(batch["i"]), year, dtype=np.int16)),
            "i": pa.array(batch["i"]),
            "j": pa.array(batch["j"]),
            "k": pa.array(batch["k"]),
            "v": _decimal_text(batch["v_milli"], trim=True),
            "q": quantity,
        }
    )
    sink = pa.BufferOutputStream()
    pacsv.write_csv(table, sink, pacsv.WriteOptions(include_header=False, quoting_style="none"))
    return sink.getvalue().to_pybytes()


def _check_args(years: Sequence[int], hs: str) -> list[int]:
    if hs.upper() not in _SUPPORTED_HS:
        raise BilatError(f"only {', '.join(_SUPPORTED_HS)} product codes ship with bilat (got {hs!r})")
    years = [int(y) for y in years]
    if not years:
        raise BilatError("no years to generate")
    bad = [y for y in years if not 1900 <= y <= 2100]
    if bad:
        raise BilatError(f"implausible year {bad[0]}")
    return sorted(set(years))


def year_file_name(year: int, hs: str = "HS17", release: str = "V202401") -> str:
    """The name BACI gives a year file: ``BACI_HS17_Y2020_V202401.csv``."""
    return f"BACI_{hs.upper()}_Y{year}_{release}.csv"


def _readme(hs: str, release: str, years: list[int], rows: int, seed: int) -> bytes:
    return (
        f"Synthetic data in the layout of CEPII BACI ({hs}, {release}), written by bilat.synth.\n"
        "The codes are real; the flows are invented. Do not use them as trade statistics.\n\n"
        f"Years: {years[0]}-{years[-1]} ({len(years)} files), about {rows} rows a year, seed {seed}.\n\n"
        "Columns: t year; i exporter and j importer (BACI numeric country codes, see country_codes);\n"
        "k HS6 product (leading zero dropped, see product_codes); v value in thousands of current USD;\n"
        "q quantity in metric tonnes, NA when unknown.\n"
    ).encode()


def generate_baci(
    out_dir: str | Path,
    years: Sequence[int],
    rows_per_year: int = 10_000_000,
    seed: int = 0,
    hs: str = "HS17",
    release: str = "V202401",
    as_zip: bool = False,
    progress: ProgressCallback | None = None,
    pairs: int | None = None,
) -> list[Path]:
    """Write a synthetic BACI release to ``out_dir``; return the paths written.

    Unpacked (default): one ``BACI_{hs}_Y{year}_{release}.csv`` per year, then
    ``country_codes_{release}.csv``, ``product_codes_{hs}_{release}.csv`` and ``Readme.txt``.
    With ``as_zip``: a single ``BACI_{hs}_{release}.zip`` holding those files.
    ``pairs`` defaults to 30,000 active country pairs (fewer for small ``rows_per_year``).
    """
    years = _check_args(years, hs)
    codes = _codes()
    pairs = _resolve_pairs(rows_per_year, pairs, len(codes.countries), len(codes.products))
    world = _world(seed, codes)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    total = rows_per_year * len(years)
    done = 0
    extras = {
        f"country_codes_{release}.csv": COUNTRY_CODES_FILE.read_bytes(),
        f"product_codes_{hs.upper()}_{release}.csv": PRODUCT_CODES_FILE.read_bytes(),
        "Readme.txt": _readme(hs, release, years, rows_per_year, seed),
    }

    def write_year(year: int, sink: BinaryIO) -> None:
        nonlocal done
        sink.write(HEADER)
        for batch in _year_batches(world, codes, seed, year, rows_per_year, pairs):
            sink.write(_batch_csv(year, batch))
            done += len(batch["i"])
            if progress is not None:
                progress(done, total)

    if as_zip:
        path = out / f"BACI_{hs.upper()}_{release}.zip"
        # Level 1: the zip must be a real deflated zip, but speed matters more than size here.
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for year in years:
                info = zipfile.ZipInfo(year_file_name(year, hs, release), date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with archive.open(info, "w", force_zip64=True) as member:
                    write_year(year, member)
            for name, data in extras.items():
                info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
        return [path]

    written: list[Path] = []
    for year in years:
        path = out / year_file_name(year, hs, release)
        with open(path, "wb") as handle:
            write_year(year, handle)
        written.append(path)
    for name, data in extras.items():
        (out / name).write_bytes(data)
        written.append(out / name)
    return written


def generate_baci_frames(
    years: Sequence[int],
    rows_per_year: int = 100_000,
    seed: int = 0,
    hs: str = "HS17",
    release: str = "V202401",
    pairs: int | None = None,
) -> pa.Table:
    """The rows :func:`generate_baci` would write, as an Arrow table in the ``product_flows`` schema.

    For tests that want synthetic flows without a CSV round trip: countries are ISO3 (with the
    loader's stand-ins for BACI's areas without one), ``value_usd`` is in dollars, ``file_id`` is
    the name of the year file the rows would be in.
    """
    years = _check_args(years, hs)
    codes = _codes()
    pairs = _resolve_pairs(rows_per_year, pairs, len(codes.countries), len(codes.products))
    world = _world(seed, codes)
    revision = _HS_REVISION[hs.upper()]
    iso3 = pa.array(codes.iso3.tolist(), pa.string())
    hs_codes = pa.array(codes.hs_codes.tolist(), pa.string())
    pieces: list[pa.Table] = []
    for year in years:
        file_id = year_file_name(year, hs, release)
        for batch in _year_batches(world, codes, seed, year, rows_per_year, pairs):
            n = len(batch["i"])
            quantity = batch["q_milli"] / 1000.0
            pieces.append(
                pa.table(
                    {
                        "year": pa.array(np.full(n, year, dtype=np.int16)),
                        "exporter": iso3.take(pa.array(batch["_exporter"])),
                        "importer": iso3.take(pa.array(batch["_importer"])),
                        "reporter": pa.nulls(n, pa.string()),
                        "flow": pa.nulls(n, pa.string()),
                        "hs_revision": pa.array(np.full(n, revision, dtype=np.int16)),
                        "hs_code": hs_codes.take(pa.array(batch["_product"])),
                        "hs_level": pa.array(np.full(n, 6, dtype=np.int8)),
                        "value_usd": pa.array(batch["v_milli"].astype(np.float64)),
                        "quantity_t": pa.array(quantity, mask=batch["q_na"]),
                        "valuation": pa.repeat(pa.scalar("reconciled", pa.string()), n),
                        "source": pa.repeat(pa.scalar("baci", pa.string()), n),
                        "file_id": pa.repeat(pa.scalar(file_id, pa.string()), n),
                    }
                )
            )
    table = pa.concat_tables(pieces)
    assert table.column_names == list(PRODUCT_FLOWS)
    return table


__all__ = ["generate_baci", "generate_baci_frames", "year_file_name", "TARGET_PAIRS", "NA_SHARE"]
