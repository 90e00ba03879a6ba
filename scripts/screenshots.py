"""Refresh the ISR-JPN screenshots in docs/img: the report (first screen, composition, complexity) and the dashboard.

Run from the repository root: ``python scripts/screenshots.py`` (needs playwright and /usr/bin/chromium).
The report is written to a temporary folder with a fresh store; the dashboard is served by uvicorn
on a free loopback port for the time of the screenshot.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
IMG = REPO / "docs" / "img"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]


def main() -> None:
    IMG.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BILAT_HOME": str(Path(tmp) / "home")}
        report = Path(tmp) / "bilat-report-ISR-JPN.html"
        subprocess.run([sys.executable, "-m", "bilat.cli", "report", "ISR", "JPN", "--out", str(report)], env=env, check=True,
                       capture_output=True)
        port = _free_port()
        server = subprocess.Popen([sys.executable, "-m", "bilat.cli", "serve", "--port", str(port)], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait(f"http://127.0.0.1:{port}/api/health")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(report.as_uri())
                page.wait_for_selector(".chart .plotly .main-svg", timeout=60_000)
                page.screenshot(path=str(IMG / "report-ISR-JPN.png"))  # the first screen
                for section in ("composition", "complexity"):
                    page.locator(f"section#{section}").screenshot(path=str(IMG / f"report-ISR-JPN-{section}.png"))
                page.goto(f"http://127.0.0.1:{port}/?a=ISR&b=JPN")
                page.wait_for_selector('body[data-pair="ISR-JPN"]', state="attached", timeout=90_000)
                page.screenshot(path=str(IMG / "dashboard-ISR-JPN.png"), full_page=True)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=20)
    print(f"wrote report-ISR-JPN*.png and dashboard-ISR-JPN.png in {IMG}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(url: str) -> None:
    for _ in range(120):
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit(f"the dashboard did not start: {url}")


if __name__ == "__main__":
    main()
