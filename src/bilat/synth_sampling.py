"""How :mod:`bilat.synth` invents a BACI year: the world's sizes, which pairs trade, how many
products each, which products (systematic sampling), all as numpy arrays.

Everything derives from ``seed`` and the year; see :mod:`bilat.synth` for the layout written.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from bilat.errors import BilatError
from bilat.settings import PACKAGE_DATA

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
    from bilat.sources.baci_rules import read_country_codes  # the loader's own decoding of the codes

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
