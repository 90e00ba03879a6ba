"""`bilat report UAE India` leads with each direction's own latest year.

The UAE stopped reporting to IMF DOTS in 1982, India reports to 2020. On the embedded data (no
Indian import figures) the ARE→IND line says since when the UAE is silent; with India's own
imports from the UAE loaded (country_flows flow M; the one invented figure below), both directions
lead with 2020 and the ARE→IND figure is labelled a mirror.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

import bilat.settings
from bilat.analytics.targets import usd
from bilat.cli.app import app

MIRROR_2020 = 26.6e9  # invented: India's imports CIF from the UAE in 2020, as a worked example


@pytest.fixture
def with_indian_imports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import bilat.engines.base

    src = bilat.settings.EMBEDDED_DIR
    out = tmp_path / "embedded"
    out.mkdir()
    for name in ("product_flows.parquet", "indicators.parquet", "PROVENANCE.md"):
        shutil.copy(src / name, out / name)
    con = duckdb.connect()
    con.execute(f"""
        COPY (SELECT * FROM '{src / 'country_flows.parquet'}'
              UNION ALL
              SELECT CAST(2020 AS SMALLINT), 'IND', 'ARE', 'M', {MIRROR_2020}, 'CIF', 'imf_dots', 'test:indian-imports'
        ) TO '{out / 'country_flows.parquet'}' (FORMAT parquet)""")
    con.close()
    monkeypatch.setattr(bilat.engines.base, "EMBEDDED_DIR", out)
    monkeypatch.setattr(bilat.settings, "EMBEDDED_DIR", out)
    return out


def summary(tmp_path: Path) -> list[str]:
    result = CliRunner().invoke(app, ["report", "UAE", "India", "--format", "json", "--out", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    return data["sections"]["summary"]["tables"]["key_figures"]


def test_report_uae_india_leads_with_2020_both_ways_mirror_labelled(with_indian_imports, tmp_path):
    rows = summary(tmp_path)
    first, second = rows[0], rows[1]
    assert first["measure"] == "ARE → IND exports (mirror: IND's reported imports)"
    assert first["year"] == 2020 and first["value"] == usd(MIRROR_2020)
    assert second["measure"] == "IND → ARE exports" and second["year"] == 2020
    assert rows[2]["measure"].startswith("total trade") and rows[2]["year"] == 2020


def test_report_uae_india_on_embedded_data_leads_with_2020_and_says_since_when_the_uae_is_silent(tmp_path):
    # No Indian import figures are embedded (DOTS has exports only), so no 2020 mirror exists:
    # the report leads with the direction that has 2020, then says where the other one ends.
    rows = summary(tmp_path)
    assert rows[0]["measure"] == "IND → ARE exports" and rows[0]["year"] == 2020
    assert rows[1]["measure"] == "ARE → IND exports (ARE has not reported since 1982)"
    assert rows[1]["year"] == 1982
    assert rows[2]["measure"] == "total trade (last year with both directions)" and rows[2]["year"] == 1982
    shares = [r for r in rows if " as " in r["measure"]]
    assert [r["year"] for r in shares[:2]] == [2020, 2020]  # each side's own latest year, newest first


def test_report_uae_india_summary_opens_with_the_current_year(tmp_path):
    result = CliRunner().invoke(app, ["report", "UAE", "India", "--format", "json", "--out", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    import json

    paragraphs = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["sections"]["summary"]["paragraphs"]
    assert paragraphs[0].startswith("In 2020, India exported")
    assert "no figure after 1982" in paragraphs[0]
    assert paragraphs[1].startswith("The last year with both directions is 1982:")


def test_growth_of_each_direction_runs_over_its_own_years_not_the_silent_reporters():
    # Spans common to both directions judged India's exports (reported to 2020) on 1976-1982,
    # the UAE's last DOTS years. Each measure now has its own whole, 10- and 5-year spans.
    from bilat.questions import profile

    cagr = profile("ARE", "IND").cagr
    india = cagr[cagr.measure == "IND_to_ARE_usd"]
    uae = cagr[cagr.measure == "ARE_to_IND_usd"]
    assert set(india.last_year) == {2020} and {2010, 2015} <= set(india.first_year)
    assert set(uae.last_year) == {1982}
    assert india.cagr.notnull().all()
