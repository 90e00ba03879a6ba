"""Build bilat's compact nomenclature files from the shared raw data.

Why a build step: the raw tables (HS 2022 from datahub, BACI's HS 2017 product list, the UN
HS correlation tables) live outside the package, are larger than needed, and have quirks
(lost leading zeros, BOMs, a TOTAL row). This script reads them once and writes small Parquet
files into ``src/bilat/data/nomenclature/``; at run time the package reads only those.

Usage (from the repository root):

    .venv/bin/python scripts/build_nomenclature.py [--shared ../shared/data]

The hand-maintained country tables in the same folder (aliases, demonyms, numeric codes, IMF
names, historic countries) are not built: edit them directly.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO / ".." / "shared" / "data"
OUT = REPO / "src" / "bilat" / "data" / "nomenclature"

#: The HS steps of the UN correlation tables, newest revision first (``code.after`` is the newer).
HS_STEPS = ["1996 to 1992", "2002 to 1996", "2007 to 2002", "2012 to 2007", "2017 to 2012", "2022 to 2017"]


def build_hs(shared: Path) -> pd.DataFrame:
    """HS 2022 codes (2/4/6 digits) plus the HS 2017 six-digit codes that HS 2022 deleted."""
    hs = pd.read_csv(shared / "hs_nomenclature_datahub" / "harmonized-system.csv", dtype=str, keep_default_na=False)
    hs = hs[hs["level"].isin(["2", "4", "6"])].copy()  # drops the single TOTAL row (level 5)
    hs["level"] = hs["level"].astype("int8")
    bad = hs[hs["hscode"].str.len() != hs["level"]]
    if len(bad):
        raise SystemExit(f"HS 2022 codes whose length is not their level: {bad['hscode'].tolist()[:5]}")
    hs = hs.rename(columns={"hscode": "code"})[["code", "level", "section", "description"]]
    # chapter 99 "Commodities not specified according to kind" (Comtrade's 99/9999/999999) is in
    # no HS section; the source marks it "TOTAL"
    hs["section"] = hs["section"].replace("TOTAL", "")
    hs["edition"] = "HS2022"

    baci = pd.read_csv(shared / "baci_ONEcampaign" / "product_codes.csv", dtype=str, keep_default_na=False)
    baci["code"] = baci["code"].str.zfill(6)
    only17 = baci[~baci["code"].isin(hs["code"])].copy()
    chapter_section = hs[hs["level"] == 2].set_index("code")["section"]
    only17["section"] = only17["code"].str[:2].map(chapter_section)
    if only17["section"].isna().any():
        raise SystemExit(f"HS 2017 codes in an unknown chapter: {only17[only17['section'].isna()]['code'].tolist()}")
    only17["level"] = 6
    only17["edition"] = "HS2017"
    out = pd.concat([hs, only17[["code", "level", "section", "description", "edition"]]], ignore_index=True)
    out["level"] = out["level"].astype("int8")
    out["description"] = out["description"].str.strip()
    return out.sort_values("code", kind="stable").reset_index(drop=True)


def build_sections(shared: Path) -> pd.DataFrame:
    """The 21 HS sections, names trimmed and capitalised (the source has "live animals")."""
    sections = pd.read_csv(shared / "hs_nomenclature_datahub" / "sections.csv", dtype=str, encoding="utf-8-sig")
    sections["name"] = sections["name"].str.strip().map(lambda s: s[:1].upper() + s[1:])
    return sections[["section", "name"]]


def build_concordance(shared: Path) -> pd.DataFrame:
    """Links between adjacent HS revisions, codes zero-padded back to six digits."""
    raw = pd.read_csv(
        shared / "hs_concordance_growthlab" / "HS_consolidated_comtrade_concordances.csv.gz",
        dtype=str,
        keep_default_na=False,
    )
    raw = raw[raw["adjustment"].isin(HS_STEPS)].copy()
    years = raw["adjustment"].str.extract(r"(\d{4}) to (\d{4})").astype("int16")
    out = pd.DataFrame(
        {
            "rev_new": years[0],
            "rev_old": years[1],
            "code_new": raw["code.after"].str.zfill(6),
            "code_old": raw["code.before"].str.zfill(6),
            "relationship": raw["Relationship"],
        }
    )
    for column in ("code_new", "code_old"):
        if not out[column].str.fullmatch(r"\d{6}").all():
            raise SystemExit(f"non-numeric codes in the concordance column {column}")
    return out.drop_duplicates().sort_values(["rev_new", "code_new", "code_old"]).reset_index(drop=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/data folder")
    args = parser.parse_args()
    shared = args.shared.resolve()
    if not shared.is_dir():
        raise SystemExit(f"shared data folder not found: {shared}")
    OUT.mkdir(parents=True, exist_ok=True)

    outputs = {
        "hs_codes.parquet": build_hs(shared),
        "hs_concordance.parquet": build_concordance(shared),
    }
    for name, frame in outputs.items():
        frame.to_parquet(OUT / name, index=False, compression="zstd")
    build_sections(shared).to_csv(OUT / "hs_sections.csv", index=False)

    total = sum(p.stat().st_size for p in OUT.iterdir() if p.is_file())
    for path in sorted(OUT.iterdir()):
        print(f"{path.name:32s} {path.stat().st_size / 1024:8.1f} KiB")
    print(f"{'total':32s} {total / 1024:8.1f} KiB")
    if total > 2 * 1024 * 1024:
        raise SystemExit("nomenclature data exceed 2 MB: make them smaller")


if __name__ == "__main__":
    main()
