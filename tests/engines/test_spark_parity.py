"""The analytics give the same answers on Spark as on DuckDB, on a generated BACI release.

Data: three synthetic BACI years (``bilat.synth.generate_baci``, 20,000 rows each: real codes,
invented flows) ingested into a temporary store; the pair under test is the one with the most
product lines, found with plain DuckDB SQL over the store's Parquet files. Each case builds one
Ibis expression (or runs one ``pair_api`` call) on both engines; results are sorted and compared with
a relative tolerance of 1e-9 (sums are added in a different order on each engine).

An analytic that is not engine-neutral is marked ``xfail(strict=True)`` with the gap named, never
skipped silently: when the gap closes, the strict xfail fails and the mark must go.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import duckdb
import pandas as pd
import pytest
from typer.testing import CliRunner

from bilat import pair_api
from bilat.analytics import complexity as cx
from bilat.analytics import composition as comp
from bilat.analytics import flows as fl
from bilat.analytics import profile as prof
from bilat.analytics import shares as sh
from bilat.analytics.indices import rca, trade_intensity
from bilat.analytics.potential import export_potential
from bilat.engines.duckdb import DuckDBEngine
from bilat.engines.spark import SparkEngine
from bilat.errors import EngineError
from bilat.schema import TABLES
from bilat.store import Store
from bilat.synth import generate_baci

pytestmark = pytest.mark.spark

YEARS = [2018, 2019, 2020]
ROWS = 20_000
RTOL = 1e-9


@dataclass
class World:
    store: Store
    duck: DuckDBEngine
    spark: SparkEngine
    a: str
    b: str


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory, spark_session) -> Iterator[World]:  # noqa: ANN001
    root = tmp_path_factory.mktemp("spark_parity")
    (release,) = generate_baci(root / "release", YEARS, rows_per_year=ROWS, seed=11, as_zip=True)
    store = Store(root / "store")
    store.ingest("baci", release)
    a, b = _busiest_pair(store)
    duck = DuckDBEngine(store, include_embedded=False)
    spark = SparkEngine(store, include_embedded=False, session=spark_session)
    yield World(store, duck, spark, a, b)
    duck.close()
    spark.close()


def _busiest_pair(store: Store) -> tuple[str, str]:
    """The unordered pair with the most product lines in both directions (plain SQL, not bilat)."""
    files = [str(p) for p in store.data_files("product_flows")]
    con = duckdb.connect()
    try:
        a, b, _ = con.execute(
            f"""SELECT least(exporter, importer) AS a, greatest(exporter, importer) AS b, count(*) AS n
                FROM read_parquet({files!r}) GROUP BY ALL
                HAVING count(DISTINCT exporter) = 2 ORDER BY n DESC, a, b LIMIT 1"""
        ).fetchone()
    finally:
        con.close()
    return a, b


def _tables(engine) -> dict:  # noqa: ANN001
    return {name: engine.table(name) for name in TABLES}


def _spark(world: World) -> SparkEngine:
    """The Spark engine, its views registered again if something (a CLI call) dropped them."""
    if not world.spark.session.catalog.tableExists("product_flows"):
        world.spark = SparkEngine(world.store, include_embedded=False, session=world.spark.session)
    return world.spark


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Same dtypes on both engines (every number as float64, NULL as NaN/None) and a stable row order."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_numeric_dtype(frame[column]) or pd.api.types.is_bool_dtype(frame[column]):
            frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
        else:
            frame[column] = frame[column].astype(object).where(frame[column].notna(), None)
    keys = [c for c in frame.columns if frame[c].dtype == object]
    numbers = [c for c in frame.columns if c not in keys]
    return frame.sort_values(keys + numbers, na_position="last").reset_index(drop=True)


def assert_same(duck: pd.DataFrame, spark: pd.DataFrame, min_rows: int = 1) -> None:
    assert len(duck) >= min_rows, f"the case is too thin to test anything ({len(duck)} rows)"
    assert sorted(duck.columns) == sorted(spark.columns)
    spark = spark[list(duck.columns)]
    pd.testing.assert_frame_equal(normalise(duck), normalise(spark), check_exact=False, rtol=RTOL, atol=1e-12)


def run_both(world: World, build: Callable[[dict, World], object]) -> tuple[pd.DataFrame, pd.DataFrame]:
    out = []
    for engine in (world.duck, _spark(world)):
        out.append(engine.execute(build(_tables(engine), world)))
    return out[0], out[1]


# --- expressions, one per analytic ---------------------------------------------------------------

SPAN = (YEARS[0], YEARS[-1])
LAST = YEARS[-1]


def _pair_rows(t: dict, w: World):  # noqa: ANN202
    return comp.product_rows(t, w.a, w.b, SPAN, "baci")


CASES: dict[str, tuple[Callable[[dict, World], object], int]] = {
    "bilateral_flows": (lambda t, w: fl.bilateral_flows(t, w.a, w.b, SPAN, sources=("baci",)), 6),
    "pair_series": (lambda t, w: prof.pair_series(fl.bilateral_flows(t, w.a, w.b, SPAN, sources=("baci",)), w.a, w.b), 3),
    "composition_chapter": (lambda t, w: comp.by_level(_pair_rows(t, w), 2), 20),
    "composition_heading_top10": (lambda t, w: prof.top_n(prof.with_shares(comp.by_level(_pair_rows(t, w), 4)), 10), 30),
    "composition_section": (lambda t, w: prof.with_shares(prof.by_section(comp.by_level(_pair_rows(t, w), 2))), 10),
    "hhi_heading": (lambda t, w: sh.hhi(comp.by_level(_pair_rows(t, w), 4)), 6),
    "partner_shares_and_ranks": (
        lambda t, w: sh.partner_shares(sh.country_matrix(t, "baci"), w.a, w.b, SPAN, t["indicators"]), 6,
    ),
    "rca_every_exporter_hs6": (lambda t, w: rca(t["product_flows"], year=LAST, level=6, source="baci"), 5000),
    "rca_one_exporter_hs4": (lambda t, w: rca(t["product_flows"], year=LAST, level=4, source="baci", exporter=w.a), 20),
    "trade_intensity": (lambda t, w: trade_intensity(t["product_flows"], w.a, w.b, year=LAST, level=6, source="baci"), 1),
    "export_potential_hs6": (
        lambda t, w: export_potential(t["product_flows"], w.a, w.b, year=LAST, level=6, source="baci"), 5,
    ),
    "export_potential_lens": (
        lambda t, w: export_potential(t["product_flows"], w.a, w.b, year=LAST, level=6, source="baci",
                                      lens="medical_devices", min_rca=0.0), 1,
    ),
    "complexity_input_matrix": (lambda t, w: cx.export_matrix(t["product_flows"], year=LAST, level=4, source="baci"), 1000),
}


@pytest.mark.parametrize("case", list(CASES))
def test_analytic_is_the_same_on_duckdb_and_spark(world: World, case: str) -> None:
    build, min_rows = CASES[case]
    duck, spark = run_both(world, build)
    assert_same(duck, spark, min_rows)


def test_complexity_eci_pci_are_the_same_on_duckdb_and_spark(world: World) -> None:
    results = [
        cx.complexity(e.table("product_flows"), e.execute, year=LAST, level=4, source="baci")
        for e in (world.duck, _spark(world))
    ]
    assert results[0].eigenvalue == pytest.approx(results[1].eigenvalue, rel=RTOL)
    assert_same(results[0].eci, results[1].eci, min_rows=50)
    assert_same(results[0].pci, results[1].pci, min_rows=500)


def test_pair_profile_is_the_same_on_duckdb_and_spark(world: World) -> None:
    """The whole profile (flows, CAGR, shares, composition at three levels, HHI), through pair_api."""
    duck = pair_api.profile(world.a, world.b, engine=world.duck)
    spark = pair_api.profile(world.a, world.b, engine=_spark(world))
    assert (duck.source, duck.shares_source, duck.composition_source) == ("baci", "baci", "baci")
    assert duck.notes == spark.notes
    for name, frame in duck.tables().items():
        other = spark.tables()[name]
        if not len(frame):
            assert not len(other), name
            continue
        assert_same(frame, other)


def test_reconcile_is_the_same_on_duckdb_and_spark(world: World) -> None:
    duck = pair_api.reconcile(world.a, world.b, LAST, engine=world.duck)
    spark = pair_api.reconcile(world.a, world.b, LAST, engine=_spark(world))
    assert_same(duck.figures, spark.figures)
    assert duck.explanations == spark.explanations


VECTORIZED_READER = "spark.sql.parquet.enableVectorizedReader"


def _run_cli_on_spark(world: World) -> None:
    """``--engine spark`` for profile, flows --by chapter, rca and potential, on the store plus the embedded data."""
    from bilat.cli import app

    runner = CliRunner()
    calls = {
        "profile": ["profile", world.a, world.b, "--engine", "spark", "--format", "json"],
        "flows --by chapter": ["flows", world.a, world.b, "--by", "chapter", "--engine", "spark", "--format", "csv"],
        "rca": ["rca", world.a, "--year", str(LAST), "--level", "6", "--engine", "spark", "--format", "csv"],
        "potential": ["potential", world.a, world.b, "--year", str(LAST), "--engine", "spark", "--format", "csv"],
    }
    for name, args in calls.items():
        result = runner.invoke(app, args)
        if "error: [spark]" in result.output:  # the CLI printed an EngineError as one line
            raise EngineError("spark", f"bilat {name}: {result.output.strip()}")
        assert result.exit_code == 0, f"{name}: {result.output}"
        assert result.stdout.strip(), name
    flows = runner.invoke(app, ["flows", world.a, world.b, "--engine", "spark", "--format", "csv", "--years",
                                f"{SPAN[0]}-{SPAN[1]}", "--source", "baci"])
    assert flows.exit_code == 0, flows.output
    expected = world.duck.execute(fl.bilateral_flows(_tables(world.duck), world.a, world.b, SPAN, sources=("baci",)))
    assert _csv_total(flows.stdout) == pytest.approx(float(expected.value_usd.sum()), rel=RTOL)


def test_cli_commands_run_on_spark(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILAT_HOME", str(world.store.home))
    _run_cli_on_spark(world)


def test_bilat_spark_conf_reaches_the_session(
    world: World, monkeypatch: pytest.MonkeyPatch, spark_session  # noqa: ANN001
) -> None:
    monkeypatch.setenv("BILAT_HOME", str(world.store.home))
    monkeypatch.setenv("BILAT_SPARK_CONF", f"{VECTORIZED_READER}=false")
    try:
        _run_cli_on_spark(world)
        assert spark_session.conf.get(VECTORIZED_READER) == "false"  # BILAT_SPARK_CONF reached the session
    finally:
        spark_session.conf.unset(VECTORIZED_READER)


def _csv_total(text: str) -> float:
    import io

    frame = pd.read_csv(io.StringIO(text))
    return float(frame["value_usd"].sum())
