"""The claim cards name a pair's total trade without an arrow: it has no direction."""

from bilat.cli.claim_cards import card_lines, record_line


def _row(measure: str) -> dict:
    return {"verdict": "consistent", "claim": "some $5 billion", "measure": measure, "from": "AAA", "to": "BBB",
            "year": 2019, "article": 3, "why": "because", "data_usd": None}


def test_total_trade_has_no_arrow() -> None:
    assert card_lines(_row("bilateral_trade_total"))[1].startswith("  measures: total trade AAA–BBB, 2019")


def test_exports_keep_their_direction() -> None:
    assert card_lines(_row("exports"))[1].startswith("  measures: exports AAA → BBB, 2019")


def test_record_line_of_a_total() -> None:
    line = record_line({"kind": "claim", "what": "bilateral_trade_total", "from": "AAA", "to": "BBB",
                        "text": "some $5 billion", "value": 5e9, "currency": "USD", "year": 2019})
    assert "AAA–BBB" in line and "→" not in line
