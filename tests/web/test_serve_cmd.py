"""`bilat serve`: loopback by default, a warning (not a refusal) for any other address."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import bilat.cli  # noqa: F401 - registers every command module
from bilat.cli.app import app
from bilat.cli.serve_cmds import is_loopback

runner = CliRunner()


@pytest.fixture()
def started(monkeypatch: pytest.MonkeyPatch) -> dict:
    """Replace uvicorn.run: record what bilat serve would have served, without listening."""
    import uvicorn

    calls: dict = {}

    def fake_run(asgi_app, **kwargs) -> None:  # noqa: ANN001
        calls["app"] = asgi_app
        calls.update(kwargs)

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("0.0.0.0", False), ("192.168.1.10", False), ("::", False), ("example.org", False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_listens_on_loopback_by_default_without_warning(started: dict) -> None:
    result = runner.invoke(app, ["serve"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert started["host"] == "127.0.0.1" and started["port"] == 8765
    assert "warning" not in result.output
    assert [r.path for r in started["app"].routes if getattr(r, "path", "") == "/openapi.json"]


def test_serve_warns_but_binds_a_public_address(started: dict) -> None:
    result = runner.invoke(app, ["serve", "--host", "0.0.0.0", "--port", "9000"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert started["host"] == "0.0.0.0" and started["port"] == 9000
    assert "warning: listening on 0.0.0.0" in result.output


def test_serve_refuses_an_unknown_engine(started: dict) -> None:
    result = runner.invoke(app, ["serve", "--engine", "oracle"])
    assert result.exit_code != 0
    assert "unknown engine 'oracle'" in str(result.exception) + result.output
    assert "app" not in started
