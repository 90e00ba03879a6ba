"""Switching pairs redraws every card: ISR–JPN → KOR–VNM → ARE–IND, each card names the current pair only.

Also: the composition card calls a Comtrade HS 27/44 slice a slice, with its share of the flow, and
the ARE→IND figure (the UAE stopped reporting to IMF DOTS in 1982) says where its data end.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

PAIRS = [("ISR", "JPN"), ("KOR", "VNM"), ("ARE", "IND")]
CARDS = ("flows", "composition", "target", "potential")
CODES = re.compile(r"\b(ISR|JPN|KOR|VNM|ARE|IND)\b")


def switch(page, a: str, b: str) -> None:  # noqa: ANN001
    page.locator("#country-a").fill(a)
    page.locator("#country-b").fill(b)
    page.locator("#country-b").press("Enter")
    page.wait_for_selector(f'body[data-pair="{a}-{b}"]', state="attached", timeout=90_000)


def test_every_card_names_the_current_pair_only(chromium_browser, live_server) -> None:  # noqa: ANN001
    context = chromium_browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        page.wait_for_selector('body[data-pair="ISR-JPN"]', state="attached", timeout=90_000)
        for a, b in PAIRS:
            if (a, b) != PAIRS[0]:
                switch(page, a, b)
            for card in CARDS:
                text = page.locator(f"#{card}").inner_text()
                named = set(CODES.findall(text))
                assert named <= {a, b}, f"{card} card for {a}–{b} names {sorted(named - {a, b})}: {text[:400]}"
            target = page.locator("#target").inner_text()
            assert "ISR–JPN" not in target or (a, b) == ("ISR", "JPN")
            if (a, b) == ("ISR", "JPN"):
                assert "data that end in 2020" in target  # the goal's year is 2022
            composition = page.locator("#composition")
            assert composition.get_attribute("data-slice") == "yes"
            caption = page.locator("#composition-table caption").inner_text()
            assert caption.startswith("Slice of the flow") and re.search(r"of (%s→%s|%s→%s) \d{4}" % (a, b, b, a), caption)
            assert "%" in caption
            if (a, b) == ("ARE", "IND"):
                latest = page.locator('#flows-latest li[data-exporter="ARE"]').inner_text()
                assert "mirror" in latest or "data end 1982" in latest, latest
                assert "since 1982" in latest
                other = page.locator('#flows-latest li[data-exporter="IND"]').inner_text()
                assert other.startswith("IND → ARE 2020")
    finally:
        context.close()
