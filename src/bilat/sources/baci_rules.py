"""What bilat knows about BACI's files: the SQL that reads a value, the HS revision, the country tables.

Both lanes of ingestion (the general path in :mod:`bilat.sources.baci`, the fast lane in
:mod:`bilat.sources.baci_fast`) use these, so a row is stored the same whichever lane takes it.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pyarrow as pa

from bilat import arrow_build
from bilat.errors import BilatError, Problem, ValidationError
from bilat.limits import limit
from bilat.settings import PACKAGE_DATA
from bilat.sources.base import StageContext
from bilat.sql import quote_read_path

BACI_COLUMNS = ["t", "i", "j", "k", "v", "q"]
_HS_IN_NAME = re.compile(r"HS(\d{2})", re.IGNORECASE)
_REVISIONS = {"92": 1992, "96": 1996, "02": 2002, "07": 2007, "12": 2012, "17": 2017, "22": 2022}
#: The HS revisions a BACI file can be in (``--hs-revision``); HS 1988 is BACI's "HS92" base.
HS_REVISIONS = (1988, *_REVISIONS.values())
SPECIAL_AREAS = {490: "TWN"}
HS_REVISION_UNKNOWN = "HS revision unknown (file name does not say; pass --hs-revision)"
#: A BACI file has one row per (year, exporter, importer, product): a second one is refused.
KEY_COLUMNS = ("year", "exporter", "importer", "hs_code")


def special_area_code(code: int) -> str:
    """The stand-in ISO3-shaped code for a BACI area that has no ISO3 code."""
    return SPECIAL_AREAS.get(code, f"X{code % 100:02d}")


# How a BACI text value becomes a stored value. Both lanes of ingestion use these expressions (the
# general path in :meth:`BaciSource.stage`, the fast lane in :mod:`bilat.sources.baci_fast`), so
# a row is stored the same whichever lane takes its file.


def value_sql(column: str, typed: bool = False) -> str:
    """Thousands of dollars (text) as dollars: exact through DECIMAL, which three decimals fit.

    ``typed``: the column is a DECIMAL the CSV reader already parsed (the fast lane's); it goes
    through the same DECIMAL(38, 3) arithmetic, so the dollars come out the same.
    """
    if typed:
        return f"CAST(CAST({column} AS DECIMAL(38, 3)) * 1000 AS DOUBLE)"
    # DuckDB's casts skip surrounding whitespace themselves. A DECIMAL(38, 3) of more than 31
    # integer digits would overflow when multiplied: such a value goes through DOUBLE instead.
    decimal = f"TRY_CAST({column} AS DECIMAL(38, 3))"
    return (
        f"CASE WHEN abs({decimal}) < 1e31 THEN CAST({decimal} * 1000 AS DOUBLE)"
        f" ELSE TRY_CAST({column} AS DOUBLE) * 1000 END"
    )


def whole_sql(column: str, kind: str, typed: bool = False) -> str:
    """A whole number as ``kind`` (SMALLINT year, INTEGER country code), NULL for anything else.

    A plain cast rounds: ``2020.5`` would be stored as year 2021 and country ``710.5`` as 711.
    ``typed``: the column is a DOUBLE the CSV reader already parsed; else it is text.
    """
    number = column if typed else f"TRY_CAST(trim({column}) AS DOUBLE)"
    return f"CASE WHEN {number} = trunc({number}) THEN TRY_CAST({number} AS {kind}) END"


def hs6_ok_sql(column: str) -> str:
    """True for an HS6 code as BACI writes it: six digits, or five when the leading zero was dropped."""
    return f"regexp_full_match(trim({column}), '[0-9]{{5,6}}')"


def quantity_sql(column: str) -> str:
    """Tonnes, NULL for BACI's ``NA`` (padded with spaces in the files) or an empty field.

    No trim: DuckDB's cast skips surrounding whitespace, and ``NA`` does not parse as a number.
    """
    return f"TRY_CAST({column} AS DOUBLE)"


def quantity_unreadable_sql(column: str) -> str:
    """True for a quantity that is neither a number nor ``NA`` (the text is looked at only when the cast fails)."""
    return f"CASE WHEN TRY_CAST({column} AS DOUBLE) IS NULL THEN trim({column}) NOT IN ('NA', '') ELSE false END"


def hs_revision_option(ctx: StageContext) -> int | None:
    """The ``hs_revision`` option (``--hs-revision``), refused unless it names an HS revision.

    Checked before either lane reads a row, so that both refuse it with the same message (an
    out-of-range number once wrapped around silently in one of them).
    """
    value = ctx.options.get("hs_revision")
    if value is None:
        return None
    number = int(value) if isinstance(value, (int, str)) and not isinstance(value, bool) and str(value).strip().isdigit() else None
    if number not in HS_REVISIONS:
        choices = ", ".join(str(year) for year in HS_REVISIONS)
        raise BilatError(f"{ctx.display_name}: --hs-revision {value!r} is not an HS revision (one of {choices})")
    return number


def hs_revision_from_name(name: str) -> int | None:
    """``BACI_HS17_...`` -> 2017; None when the name does not say."""
    match = _HS_IN_NAME.search(name)
    return _REVISIONS.get(match.group(1)) if match else None


#: The ISO3 column of BACI's country table: ``iso_3digit_alpha`` until release V202401,
#: ``country_iso3`` in later ones (which also write stand-ins such as ``S19`` for areas).
_ISO3_COLUMNS = ("iso_3digit_alpha", "country_iso3", "iso_3digit")


def read_country_codes(text: str, display_name: str = "country_codes.csv") -> pa.Table:
    """BACI's country table as Arrow: code (int32), iso3 (string).

    Refuses a table without an ISO3 column (every country would silently become a stand-in) or
    one that gives a code two different countries (which one would the flows be?).
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [name.strip().strip('"') for name in (reader.fieldnames or [])]
    if "country_code" not in header or not any(name in header for name in _ISO3_COLUMNS):
        raise ValidationError(
            [Problem(display_name, 1, None, f"not a BACI country table: needs country_code and one of {', '.join(_ISO3_COLUMNS)}")]
        )
    iso3_of: dict[int, str] = {}
    for line, row in enumerate(reader, start=2):
        row = {k.strip().strip('"'): (v or "").strip() for k, v in row.items() if k}
        try:
            code = int(row["country_code"])
        except (KeyError, ValueError):
            continue
        iso3 = next((row[name] for name in _ISO3_COLUMNS if row.get(name)), "")
        if len(iso3) != 3 or not iso3.isalpha():
            iso3 = special_area_code(code)
        iso3 = iso3.upper()
        if iso3_of.setdefault(code, iso3) != iso3:
            raise ValidationError(
                [Problem(display_name, line, "country_code", f"code {code} is listed for both {iso3_of[code]} and {iso3}")]
            )
    return arrow_build.table({"code": arrow_build.numbers(list(iso3_of), pa.int32()), "iso3": arrow_build.strings(list(iso3_of.values()))})


_NUL_SCAN_PIECE = 4 << 20


def has_nul(path: Path) -> bool:
    """True if the file holds a NUL byte (memchr over a memory map: milliseconds per 100 MB).

    Searched 4 MB at a time, so that other threads get the interpreter between pieces (a search
    holds it, and the fast lane runs this beside its own work).
    """
    import mmap

    size = path.stat().st_size
    if size == 0:
        return False
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return any(data.find(b"\x00", start, start + _NUL_SCAN_PIECE) >= 0 for start in range(0, size, _NUL_SCAN_PIECE))


def has_long_line(path: Path, cap: int | None = None) -> bool:
    """True if a line of the file is longer than ``cap`` bytes (``BILAT_MAX_LINE_BYTES``).

    DuckDB's reader does not refuse such a line wherever it stands (a 50 MB last line was dropped
    and the rest stored), so a file that has one goes to the streaming reader, which names it.
    Cheap on a real file: one search per half-cap window finds a newline at once; only a window
    without one is measured exactly.
    """
    import mmap

    cap = limit("line_bytes") if cap is None else cap
    size = path.stat().st_size
    if size <= cap:
        return False
    window = max(cap // 2, 1)
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        start = 0
        while start < size:
            if data.find(b"\n", start, start + window) >= 0:
                start += window
                continue
            before = data.rfind(b"\n", 0, start)
            after = data.find(b"\n", start)
            end = size if after < 0 else after
            if end - before - 1 > cap:
                return True
            start = end + 1
    return False


def duckdb_unsafe(path: Path) -> str | None:
    """Why DuckDB's reader may not take this plain file (NUL bytes, a line over the cap), or None."""
    if has_nul(path):
        return "NUL bytes in the file"
    if has_long_line(path):
        return "a line longer than the limit (BILAT_MAX_LINE_BYTES)"
    return None


def decode_text(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def plain_csv_head(path: Path, look_for_nul: bool = True) -> bytes | None:
    """The file's first 4 kB if DuckDB's reader may take it whole, else None.

    That is a plain (not compressed) file whose header is exactly BACI's, without NUL bytes
    (unless ``look_for_nul`` is False: the caller looks itself): the streaming reader enforces
    the caps of bilat.limits on compressed input (gzip bombs) and names NUL bytes; DuckDB does
    neither.
    """
    with open(path, "rb") as handle:
        head = handle.read(4096)
    if head[:2] == b"\x1f\x8b":
        return None
    first = head.split(b"\n", 1)[0].rstrip(b"\r").decode("utf-8", errors="replace").lstrip("\ufeff")
    if [c.strip().strip('"') for c in first.split(",")] != BACI_COLUMNS:
        return None
    if look_for_nul and duckdb_unsafe(path):
        return None
    return head


def read_csv_sql(path: Path, types: dict[str, str]) -> str:
    """DuckDB's strict reader over a BACI CSV with the given column types."""
    columns = "{" + ", ".join(f"'{c}': '{t}'" for c, t in types.items()) + "}"
    return (
        f"read_csv({quote_read_path(path)}, header = true, auto_detect = false, columns = {columns},"
        " delim = ',', quote = '\"', escape = '\"', strict_mode = true, null_padding = false,"
        f" max_line_size = {limit('line_bytes')}, encoding = 'utf-8', compression = 'auto')"
    )


def complete_codes(codes: pa.Table) -> pa.Table:
    """Add codes the release's table lacks, read as ISO 3166 numeric codes.

    BACI renumbers a few countries between releases (Italy 381 became 380 in V202301), and a
    year file sometimes arrives beside an older release's country table.
    """
    from bilat.country_codes import country_numbers

    # Every ISO numeric code the release's table lacks, from the nomenclature: a lookup table
    # of a few hundred rows costs nothing, where scanning the data for unknown codes costs a pass.
    known = set(codes.column("code").to_pylist())
    extra = [(number, iso3) for iso3, number in country_numbers() if number is not None and iso3 != "WLD" and number not in known]
    if not extra:
        return codes
    added = arrow_build.table(
        {"code": arrow_build.numbers([c for c, _ in extra], pa.int32()), "iso3": arrow_build.strings([i for _, i in extra])}
    )
    return pa.concat_tables([codes, added])


def codes_beside(path: Path) -> pa.Table:
    """The release's country table beside the file: the same release if present, else the newest."""
    candidates = sorted(path.parent.glob("country_codes*.csv"), reverse=True)
    release = re.search(r"_V(\d{6})", path.name)
    if release:
        same = [c for c in candidates if release.group(1) in c.name]
        candidates = same + [c for c in candidates if c not in same]
    if candidates:
        return read_country_codes(decode_text(candidates[0].read_bytes()), candidates[0].name)
    return packaged_codes()


def packaged_codes() -> pa.Table:
    return read_country_codes((PACKAGE_DATA / "baci" / "country_codes.csv").read_text(encoding="utf-8"))
