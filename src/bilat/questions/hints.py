"""What to load, said once: the hints every answer gives when the data cannot answer it."""

BACI_FILE = "BACI_HS17_Y2016_V202401.csv"

#: Product-level data of either kind.
LOAD_HINT = (
    f"load product-level data with `bilat ingest baci {BACI_FILE}` (CEPII BACI) or "
    "`bilat ingest comtrade FILE.csv` (UN Comtrade)"
)

#: BACI, with where to get it.
BACI_HINT = (
    f"load CEPII BACI with `bilat ingest baci {BACI_FILE}` "
    "(https://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37)"
)

#: Bilateral product flows (potential, RCA).
LOAD_BACI = f"load bilateral product flows with `bilat ingest baci {BACI_FILE}` (CEPII BACI)"

#: Each country's exports to the world by product.
LOAD_OTS = "bilat ingest ots world_trade_2017.csv.gz"
