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

import functools
import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from bilat.errors import BilatError
from bilat.schema import PRODUCT_FLOWS
from bilat.settings import PACKAGE_DATA

ProgressCallback = Callable[[int, int | None], None]
"""Called as ``progress(rows_done, rows_total)``."""

COUNTRY_CODES_FILE = PACKAGE_DATA / "baci" / "country_codes.csv"
PRODUCT_CODES_FILE = PACKAGE_DATA / "baci" / "product_codes_HS17.csv"

#: Active country pairs in a real BACI year.
TARGET_PAIRS = 30_000
#: Share of rows whose quantity is ``NA``.
NA_SHARE = 0.02
#: Width of the right-aligned ``q`` column in BACI files.
Q_WIDTH = 13
HEADER = b"t,i,j,k,v,q\n"

#: Codes of the V202201 list that recent BACI years do not use: former states (Czechoslovakia,
#: the two Germanys, USSR, Serbia and Montenegro, former Sudan, Netherlands Antilles), old
#: groupings (Belgium-Luxembourg, the Southern African Customs Union) and two unused "nes" areas.
_INACTIVE = frozenset({58, 200, 278, 280, 530, 697, 711, 736, 810, 849, 891})
#: Rows are handed to the writer in batches of about this many.
_BATCH_ROWS = 500_000
_SUPPORTED_HS = ("HS17",)
_HS_REVISION = {"HS17": 2017}


@dataclass(frozen=True)
class _Codes:
    """The real code lists the generator draws from."""

    countries: np.ndarray  # BACI numeric codes of active countries, ascending
    iso3: np.ndarray  # canonical ISO3 (or bilat's stand-in) per active country
    products: np.ndarray  # HS6 codes as integers (leading zero dropped), ascending
    hs_codes: np.ndarray  # the same as six-character strings
    chapters: np.ndarray  # chapter index (0..n-1) per product


@functools.lru_cache(maxsize=1)
def _codes() -> _Codes:
    """Read the packaged BACI code lists once."""
    from bilat.sources.baci import read_country_codes  # the loader's own decoding of the codes

    table = read_country_codes(COUNTRY_CODES_FILE.read_text(encoding="utf-8"))
    codes = np.asarray(table.column("code").to_numpy(), dtype=np.int32)
    iso3 = np.asarray(table.column("iso3").to_pylist(), dtype=object)
    keep = ~np.isin(codes, list(_INACTIVE))
    order = np.argsort(codes[keep], kind="stable")
    products = pacsv.read_csv(
        PRODUCT_CODES_FILE, convert_options=pacsv.ConvertOptions(column_types={"code": pa.string()})
    ).column("code")
    hs = np.asarray(sorted(products.to_pylist()), dtype=object)
    as_int = np.array([int(c) for c in hs], dtype=np.int32)
    _, chapters = np.unique(as_int // 10_000, return_inverse=True)
    return _Codes(codes[keep][order], iso3[keep][order], as_int, hs, chapters.astype(np.int32))


@dataclass(frozen=True)
class _World:
    """What stays the same from year to year: country sizes, product weights, affinities."""

    export_size: np.ndarray  # (C,)
    import_size: np.ndarray  # (C,)
    growth: np.ndarray  # (C,) yearly log growth of export size
    pair_noise: np.ndarray  # (C, C) persistent propensity of a pair to trade
    product_weight: np.ndarray  # (K,) how widely a product is traded
    product_value: np.ndarray  # (K,) typical flow size of a product
    unit_value: np.ndarray  # (K,) thousand USD per tonne
    affinity: np.ndarray  # (C, chapters) exporter specialisation


def _world(seed: int, codes: _Codes) -> _World:
    rng = np.random.default_rng([seed, 0])
    n_countries = len(codes.countries)
    n_products = len(codes.products)
    n_chapters = int(codes.chapters.max()) + 1
    # Zipf by a random ranking: a handful of countries dominate, as in real trade.
    rank = rng.permutation(n_countries) + 1.0
    export_size = rank**-1.1 * rng.lognormal(0.0, 0.3, n_countries)
    import_size = export_size**0.8 * rng.lognormal(0.0, 0.5, n_countries)
    return _World(
        export_size=export_size / export_size.max(),
        import_size=import_size / import_size.max(),
        growth=rng.normal(0.03, 0.03, n_countries),
        pair_noise=rng.gumbel(0.0, 1.0, (n_countries, n_countries)),
        product_weight=(rng.permutation(n_products) + 1.0) ** -0.9 * rng.lognormal(0.0, 0.5, n_products),
        product_value=_median_one((rng.permutation(n_products) + 1.0) ** -0.8 * rng.lognormal(0.0, 0.8, n_products)),
        unit_value=rng.lognormal(np.log(3.0), 1.5, n_products),
        affinity=rng.lognormal(0.0, 1.2, (n_countries, n_chapters)),
    )


def _median_one(values: np.ndarray) -> np.ndarray:
    return values / np.median(values)


def _saturating_scale(weights: np.ndarray, targets: np.ndarray, cap: float) -> np.ndarray:
    """For each target T, the c with ``sum(min(cap, c * weights)) == T``.

    The sum is piecewise linear and increasing in c, with a kink each time one more weight
    saturates; sorting the weights once gives every kink, and each target is solved on its segment.
    """
    ws = np.sort(weights)[::-1]
    n = len(ws)
    tail = np.concatenate([np.cumsum(ws[::-1])[::-1], [0.0]])  # tail[m] = sum(ws[m:])
    kinks = np.concatenate([[0.0], cap / ws])  # at kinks[m] the m largest weights saturate
    at_kink = np.arange(n + 1) * cap + kinks * tail
    seg = np.clip(np.searchsorted(at_kink, targets, side="right") - 1, 0, n - 1)
    return (targets - seg * cap) / tail[seg]


def _allocate(weights: np.ndarray, total: int, cap: int) -> np.ndarray:
    """Split ``total`` rows over pairs: at least one each, at most ``cap``, else by weight."""
    extra = total - len(weights)
    if extra == 0:
        return np.ones(len(weights), dtype=np.int64)
    scale = _saturating_scale(weights, np.array([float(extra)]), float(cap - 1))[0]
    share = np.minimum(cap - 1, scale * weights)
    base = np.floor(share).astype(np.int64)
    short = extra - int(base.sum())
    if short > 0:
        room = np.where(base < cap - 1, share - base, -1.0)
        base[np.argsort(-room, kind="stable")[:short]] += 1
    return base + 1


def _systematic_sample(
    weights: np.ndarray, scale: np.ndarray, wanted: np.ndarray, start: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pick ``wanted[r]`` distinct columns for each row r, column k with probability min(1, scale[r]*weights[k]).

    Systematic sampling: the points start, start+1, ... laid along the cumulated inclusion
    probabilities fall in exactly ``wanted`` distinct columns. Where no probability saturates,
    the cumulated probabilities are ``scale`` times one shared cumulative sum, so a binary search
    per point suffices (cost per row, not per product); the few rows that saturate (the largest
    pairs) use the full cumulative sum.
    """
    saturated = scale * weights.max() > 1.0
    rows_out: list[np.ndarray] = []
    cols_out: list[np.ndarray] = []
    light = np.flatnonzero(~saturated)
    if len(light):
        counts = wanted[light]
        row = np.repeat(light, counts)
        first = np.repeat(np.cumsum(counts) - counts, counts)
        step = np.arange(len(row)) - first
        points = (start[row] + step) / scale[row]
        cumulated = np.cumsum(weights)
        rows_out.append(row)
        cols_out.append(np.minimum(np.searchsorted(cumulated, points, side="right"), len(weights) - 1))
    heavy = np.flatnonzero(saturated)
    if len(heavy):
        n_cols = len(weights)
        inclusion = np.minimum(1.0, scale[heavy, None] * weights[None, :])
        cumulated = np.cumsum(inclusion, axis=1)
        # Shift row r by r * (n_cols + 1) so that one binary search serves every row.
        offset = np.arange(len(heavy), dtype=np.float64) * (n_cols + 1)
        cumulated += offset[:, None]
        counts = wanted[heavy]
        row = np.repeat(np.arange(len(heavy)), counts)
        first = np.repeat(np.cumsum(counts) - counts, counts)
        points = offset[row] + start[heavy][row] + (np.arange(len(row)) - first)
        flat = np.searchsorted(cumulated.ravel(), points, side="right")
        rows_out.append(heavy[row])
        cols_out.append(np.minimum(flat - row * n_cols, n_cols - 1))
    return np.concatenate(rows_out), np.concatenate(cols_out)


def _resolve_pairs(rows: int, pairs: int | None, n_countries: int, n_products: int) -> int:
    if rows < 1:
        raise BilatError(f"rows per year must be at least 1 (got {rows})")
    possible = n_countries * (n_countries - 1)
    if pairs is None:
        pairs = min(TARGET_PAIRS, max(1, rows // 20))
    pairs = min(pairs, possible, rows)
    if rows > pairs * n_products:
        raise BilatError(
            f"{rows} rows do not fit in {pairs} country pairs x {n_products} products; ask for more pairs"
        )
    return pairs


def _year_batches(
    world: _World, codes: _Codes, seed: int, year: int, rows: int, pairs: int
) -> Iterator[dict[str, np.ndarray]]:
    """One year's rows, sorted by exporter, importer and product, in batches of numpy arrays."""
    rng = np.random.default_rng([seed, 1, year])
    n_countries = len(codes.countries)
    n_products = len(codes.products)
    drift = np.exp(world.growth * (year - 2000) + rng.normal(0.0, 0.05, n_countries))
    export_size = world.export_size * drift
    import_size = world.import_size * np.exp(rng.normal(0.0, 0.05, n_countries))

    # Which pairs trade: gravity plus a persistent propensity plus a little yearly churn.
    score = (
        0.9 * np.log(export_size)[:, None]
        + 0.9 * np.log(import_size)[None, :]
        + world.pair_noise
        + 0.3 * rng.gumbel(0.0, 1.0, (n_countries, n_countries))
    )
    np.fill_diagonal(score, -np.inf)
    chosen = np.sort(np.argpartition(score.ravel(), -pairs)[-pairs:])
    exporter, importer = np.divmod(chosen, n_countries)

    # How many products each pair trades: gravity again, with noise, capped at every product.
    mass = (export_size[exporter] * import_size[importer]) ** 0.7 * rng.lognormal(0.0, 0.8, pairs)
    per_pair = _allocate(mass, rows, n_products)

    log_export = np.log(export_size) - np.median(np.log(export_size))
    log_import = np.log(import_size) - np.median(np.log(import_size))
    starts = np.searchsorted(exporter, np.arange(n_countries + 1))
    pending: list[dict[str, np.ndarray]] = []
    pending_rows = 0
    for e in range(n_countries):
        lo, hi = starts[e], starts[e + 1]
        if lo == hi:
            continue
        weights = world.product_weight * world.affinity[e, codes.chapters]
        wanted = per_pair[lo:hi].astype(np.float64)
        scale = _saturating_scale(weights, wanted, 1.0)
        order = rng.permutation(n_products)
        start = rng.uniform(0.001, 0.999, hi - lo)
        row, col = _systematic_sample(weights[order], scale, per_pair[lo:hi], start)
        product = order[col]
        sort = np.lexsort((product, row))
        row, product = row[sort], product[sort]
        pair = lo + row
        n = len(pair)
        imp = importer[pair]
        log_v = (
            np.log(2.0)
            + 0.45 * log_export[e]
            + 0.35 * log_import[imp]
            + np.log(world.product_value[product])
            + rng.normal(0.0, 2.5, n)
        )
        v_milli = np.maximum(1, np.rint(np.exp(log_v) * 1000.0)).astype(np.int64)
        q = v_milli / world.unit_value[product] * rng.lognormal(0.0, 0.8, n)
        q_milli = np.maximum(1, np.rint(q)).astype(np.int64)
        q_na = rng.random(n) < NA_SHARE
        pending.append(
            {
                "i": np.full(n, codes.countries[e], dtype=np.int32),
                "j": codes.countries[imp],
                "k": codes.products[product],
                "v_milli": v_milli,
                "q_milli": q_milli,
                "q_na": q_na,
                "_exporter": np.full(n, e, dtype=np.int32),
                "_importer": imp.astype(np.int32),
                "_product": product.astype(np.int32),
            }
        )
        pending_rows += n
        if pending_rows >= _BATCH_ROWS:
            yield _concat(pending)
            pending, pending_rows = [], 0
    if pending:
        yield _concat(pending)


def _concat(parts: list[dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    return {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}


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
