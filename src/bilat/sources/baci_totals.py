"""Pair totals of a clean BACI year, summed in NumPy while the fast lane streams its rows.

Why here and not by SQL over the written file: reading the file back costs a third of the lane's
time (the HS codes as text, a hash aggregate); the lane holds each batch's year, exporter, importer
and HS code as integers already, in key order ``(t, i, j, k)``. In that order a pair's rows are
contiguous, and so are its rows of one HS section (sections are ranges of chapters, chapters
ranges of codes), so each batch's sums are one ``np.add.reduceat`` over its run starts; a pair
cut by a batch boundary is joined at the end. The result has the columns and the rule of
:func:`bilat.catalog.totals.pair_totals_sql` (BACI: the sum of the HS6 lines), which the tests
hold equal to it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from bilat.arrow_build import distinct, numbers, strings, view
from bilat.catalog.totals import TOTALS_ROW_GROUP
from bilat.schema import KEPT_TOTALS, WORLD, WORLD_BY_HEADING, hs_section_of_chapter

#: The low five bits of a (pair, section) key for codes outside every section (chapters 00, 98,
#: 99): their rows count in the pair's total, and make no section total.
_NO_SECTION = 31
#: HS section number (1-21) of each chapter (k // 10000), _NO_SECTION outside every section.
_SECTION_OF_CHAPTER = np.array([hs_section_of_chapter(c) or _NO_SECTION for c in range(100)], dtype=np.int64)
#: The same for every six-digit code (``k``, below 1,000,000): one look-up per row, no division.
#: (int8: a 1 MB table, which a year's mostly rising codes read almost in order).
_SECTION_OF_HS6 = np.repeat(_SECTION_OF_CHAPTER, 10_000).astype(np.int8)


def totals_path_of(out: Path) -> Path:
    """Where a fast lane writing ``out`` writes its pair totals: ``<out stem>.totals.parquet`` beside it."""
    return out.with_name(out.stem + ".totals.parquet")


def _runs(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sums of ``values`` over each run of equal, contiguous ``keys``: (run keys, run sums)."""
    if len(keys) == 0:
        return keys, values
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
    return keys[starts], np.add.reduceat(values, starts)


#: Every 4-digit heading as text, by number: the dictionary of the world rows' ``hs_code``.
_HEADINGS = [f"{h:04d}" for h in range(10_000)]
_COUNTRIES = 1024  # country positions in the packed key have 10 bits


class WorldTotals:
    """Each country's exports to and imports from the world per HS heading, accumulated batch by batch.

    Why dense arrays and not runs: a batch is in (exporter, importer, code) order, so an exporter's
    rows of one heading are spread over all its partners, an importer's over all exporters. Each
    side is one float64 cell per (country position, heading seen) per year, added with one
    ``np.add.at`` per batch (headings numbered as they appear: about 1,200, some 10 MB a side).
    Country-major, because the batch is: an exporter's rows touch one row of the array, and the
    importers of one exporter's rows rise, so the adds walk memory nearly in order (heading-major,
    they jumped 8 KB at every row and the adds took a tenth of the lane's time).
    """

    def __init__(self) -> None:
        self._number = np.full(10_000, -1, dtype=np.int64)  # heading -> its column in the arrays
        # The same for every HS6 code: one look-up per row, without dividing by 100 first (which,
        # with the look-up in the 10,000-entry table, cost three times as much).
        self._column_of_hs6 = np.full(1_000_000, -1, dtype=np.int32)
        self._headings: list[int] = []
        self._years: dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = {}

    def _grow(self, wanted: int) -> None:
        for year, arrays in self._years.items():
            if arrays[0].shape[1] < wanted:
                extra = max(wanted, 2 * arrays[0].shape[1]) - arrays[0].shape[1]
                self._years[year] = tuple(  # type: ignore[assignment]
                    np.concatenate([a, np.zeros((_COUNTRIES, extra), a.dtype)], axis=1) for a in arrays
                )

    def add(
        self, key: np.ndarray, k: np.ndarray, value: np.ndarray, i: np.ndarray | None = None, j: np.ndarray | None = None
    ) -> None:
        """One batch: packed keys ``t << 50 | i << 30 | j << 20 | k``, HS6 codes, values (and the
        exporter and importer codes of the key, when the caller holds them already)."""
        number = self._column_of_hs6[k]
        if number.min() < 0:
            codes = distinct(k[number < 0])
            heading = codes // 100
            new = distinct(heading[self._number[heading] < 0])
            self._number[new] = np.arange(len(self._headings), len(self._headings) + len(new))
            self._headings.extend(int(h) for h in new)
            self._column_of_hs6[codes] = self._number[heading]
            number = self._column_of_hs6[k]
        rows = len(self._headings)
        self._grow(rows)
        years = key >> 50
        for t in distinct(years) if years[0] != years[-1] else years[:1]:
            t = int(t)
            if t not in self._years:
                size = max(1536, rows)
                self._years[t] = (np.zeros((_COUNTRIES, size)), np.zeros((_COUNTRIES, size), bool),
                                  np.zeros((_COUNTRIES, size)), np.zeros((_COUNTRIES, size), bool))
            exports, exported, imports, imported = self._years[t]
            width = exports.shape[1]
            picked = slice(None) if years[0] == years[-1] else years == t
            at = number[picked]
            if i is None or j is None:
                i, j = (key >> 30) & 1023, (key >> 20) & 1023
            exporter, importer = i[picked] * width + at, j[picked] * width + at
            v = value[picked]
            np.add.at(exports.reshape(-1), exporter, v)
            exported.reshape(-1)[exporter] = True
            np.add.at(imports.reshape(-1), importer, v)
            imported.reshape(-1)[importer] = True

    def columns(self, decode) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:  # noqa: ANN001
        """Per year and side: (year, country position, heading, value) arrays; exports first.

        In the order of the countries' ISO3 codes (as the general path's ``ORDER BY`` writes them),
        so that a country's rows are contiguous and a reader asking for one country by its code
        prunes the file's other row groups on their ``exporter``/``importer`` statistics. In BACI's
        numeric order (the arrays' own), the codes of one row group spread over the alphabet:
        asking one country's world exports read 13 of a year's 15 row groups, now 2. A country's
        rows keep their order (its headings as they appeared); a stable sort on the small-integer
        rank is a radix sort, some 3 ms a side (a lexsort with the headings took ten times that).
        """
        out = []
        headings = np.array(self._headings, dtype=np.int64)
        for t in sorted(self._years):
            exports, exported, imports, imported = self._years[t]
            for sums, seen in ((exports, exported), (imports, imported)):
                width = seen.shape[1]
                cells = np.flatnonzero(seen.reshape(-1))
                cells = cells[np.argsort(_alphabetical_rank(decode, cells // width), kind="stable")]
                values = sums.reshape(-1)[cells]
                out.append((np.full(len(cells), t, np.int64), cells // width, headings[cells % width], values))
        return out


def _alphabetical_rank(decode, country: np.ndarray) -> np.ndarray:  # noqa: ANN001 - CountryLookup.decode
    """Each row's country as the rank of its ISO3 code: its index in the lookup's dictionary, which
    holds the release's ISO3 codes sorted (:class:`bilat.sources.baci_fast.CountryLookup`)."""
    present = distinct(country)  # (np.unique would import numpy.ma: see bilat.arrow_build.distinct)
    where = np.searchsorted(present, country)
    if not len(present):
        return where
    rank = view(decode(present.astype(np.int64)).indices).astype(np.int16)  # at most 1,024: int16 sorts by radix
    return rank[where]


class PairTotals:
    """Accumulates pair totals (all products, and per HS section) batch by batch, and the world rows."""

    def __init__(self) -> None:
        self.world = WorldTotals()
        # Batches arrive in key order, so each list, concatenated, is in key order too: the
        # all-products totals by pair, the section totals by (pair, section). No sort is needed,
        # only the merge of a run cut by a batch boundary.
        self._totals: tuple[list[np.ndarray], list[np.ndarray]] = ([], [])
        self._sections: tuple[list[np.ndarray], list[np.ndarray]] = ([], [])

    def add(
        self, key: np.ndarray, k: np.ndarray, value: np.ndarray, i: np.ndarray | None = None, j: np.ndarray | None = None
    ) -> None:
        """One checked batch: its packed keys ``t << 50 | i << 30 | j << 20 | k`` (strictly rising),
        HS6 codes, values, and optionally the key's exporter and importer codes as int64."""
        self.world.add(key, k, value, i, j)
        # t << 35 | i << 15 | j << 5 | section: the low five bits for the section (0: all products).
        # One pass over the rows, for the (pair, section) runs; the pair totals are then the sums
        # of their sections' runs, a pass over a few thousand sums (the values are whole dollars,
        # so the sums are exact in any order: the same as the rows' sum).
        keys, sums = _runs(((key >> 20) << 5) | _SECTION_OF_HS6[k], value)
        inside = (keys & 31) != _NO_SECTION
        self._sections[0].append(keys if inside.all() else keys[inside])
        self._sections[1].append(sums if inside.all() else sums[inside])
        pairs, pair_sums = _runs(keys & ~np.int64(31), sums)
        self._totals[0].append(pairs)
        self._totals[1].append(pair_sums)

    def table(self, decode, file_id: str) -> pa.Table:  # noqa: ANN001 - CountryLookup.decode
        """The totals with :data:`bilat.schema.PAIR_TOTALS` columns: all-products rows first, then sections."""
        parts = []
        for key_list, sum_list in (self._totals, self._sections):
            if key_list:
                parts.append(_runs(np.concatenate(key_list), np.concatenate(sum_list)))
        keys = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int64)
        sums = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.float64)
        rows = len(keys)
        columns = {
            "source": pa.DictionaryArray.from_arrays(numbers(np.zeros(rows, np.int32), pa.int32()), strings(["baci"])),
            "year": numbers((keys >> 35).astype(np.int16), pa.int16()),
            "exporter": decode(((keys >> 15) & 1023).astype(np.int64)),
            "importer": decode(((keys >> 5) & 1023).astype(np.int64)),
            "hs_section": numbers((keys & 31).astype(np.int16), pa.int16()),
            "value_usd": numbers(sums.astype(np.float64), pa.float64()),
            "file_id": pa.DictionaryArray.from_arrays(numbers(np.zeros(rows, np.int32), pa.int32()), strings([file_id])),
            "hs_code": pa.nulls(rows, pa.dictionary(pa.int32(), pa.string())),
        }
        # Codes stay dictionary arrays (the writer takes the positions as they are, no string
        # hashing); written with store_schema=False, readers see the plain strings they are.
        parts = [pa.Table.from_arrays([columns[name] for name in KEPT_TOTALS], names=list(KEPT_TOTALS))]
        world, headings = strings([WORLD]), strings(_HEADINGS)
        for side, (t, country, heading, value) in enumerate(self.world.columns(decode)):
            n = len(t)
            if not n:
                continue
            wld = pa.DictionaryArray.from_arrays(numbers(np.zeros(n, np.int32), pa.int32()), world)
            codes = decode(country.astype(np.int64))
            exports = side % 2 == 0
            world_columns = {
                "source": pa.DictionaryArray.from_arrays(numbers(np.zeros(n, np.int32), pa.int32()), strings(["baci"])),
                "year": numbers(t.astype(np.int16), pa.int16()),
                "exporter": codes if exports else wld,
                "importer": wld if exports else codes,
                "hs_section": numbers(np.full(n, WORLD_BY_HEADING, np.int16), pa.int16()),
                "value_usd": numbers(value.astype(np.float64), pa.float64()),
                "file_id": pa.DictionaryArray.from_arrays(numbers(np.zeros(n, np.int32), pa.int32()), strings([file_id])),
                "hs_code": pa.DictionaryArray.from_arrays(numbers(heading.astype(np.int32), pa.int32()), headings),
            }
            parts.append(pa.Table.from_arrays([world_columns[name] for name in KEPT_TOTALS], names=list(KEPT_TOTALS)))
        return pa.concat_tables(parts, promote_options="permissive") if len(parts) > 1 else parts[0]

    def write(self, out: Path, decode, file_id: str) -> int:  # noqa: ANN001 - CountryLookup.decode
        """Write :meth:`table` to ``out`` (nothing when there are no totals); returns its rows."""
        table = self.table(decode, file_id)
        if table.num_rows:
            pq.write_table(
                table, out, compression="snappy", row_group_size=TOTALS_ROW_GROUP, store_schema=False,
                use_dictionary=["source", "year", "exporter", "importer", "hs_section", "file_id", "hs_code"],
                write_statistics=["year", "exporter", "importer", "hs_section"],
            )
        return table.num_rows
