"""A product series that crosses an HS revision lines up once converted (UN correlation tables)."""

from __future__ import annotations

from pathlib import Path

from bilat import queries
from bilat.store import Store

HEADER = "t,i,j,k,v,q\n"


def test_hs2012_code_is_carried_into_its_hs2017_successor(bilat_home: Path, tmp_path: Path) -> None:
    # HS 2012 293991 became HS 2017 293971 (a 1:1 link in the UN table); 847950 did not change.
    (tmp_path / "BACI_HS12_Y2016_V202401.csv").write_text(HEADER + "2016,710,392,293991,10,1\n2016,710,392,847950,4,1\n")
    (tmp_path / "BACI_HS17_Y2017_V202401.csv").write_text(HEADER + "2017,710,392,293971,12,1\n2017,710,392,847950,5,1\n")
    store = Store(bilat_home)
    for name in ("BACI_HS12_Y2016_V202401.csv", "BACI_HS17_Y2017_V202401.csv"):
        store.ingest("baci", tmp_path / name)

    raw = queries.pair_composition("ZAF", "JPN", by="hs6").frame
    assert set(raw[raw.year == 2016].hs_code) == {"293991", "847950"}

    lined_up = queries.pair_composition("ZAF", "JPN", by="hs6", hs_revision=2017).frame
    series = lined_up[lined_up.hs_code == "293971"].set_index("year")["value_usd"]
    assert series.to_dict() == {2016: 10_000.0, 2017: 12_000.0}
    unchanged = lined_up[lined_up.hs_code == "847950"].set_index("year")["value_usd"]
    assert unchanged.to_dict() == {2016: 4_000.0, 2017: 5_000.0}
    assert lined_up.value_usd.sum() == raw.value_usd.sum()
