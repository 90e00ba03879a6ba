"""``bilat serve``: the JSON API and the dashboard, on this machine by default."""

from __future__ import annotations

import ipaddress

import typer

from bilat.cli.app import app, err_console

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8765, "--port", "-p", min=1, max=65535, help="TCP port."),
    engine: str = typer.Option("duckdb", "--engine", "-e", help="Query engine: duckdb (default) or spark."),
    cache_size: int = typer.Option(512, "--cache-size", min=0, help="Answers kept until the store changes (0: none)."),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level: warning, info, debug."),
) -> None:
    """Serve the dashboard and the read-only JSON API (OpenAPI at /openapi.json).

    Example: bilat serve --port 8765
    """
    import uvicorn

    from bilat.engines import ENGINES
    from bilat.errors import BilatError
    from bilat.web import create_app

    if engine not in ENGINES:
        raise BilatError(f"unknown engine {engine!r}; choose one of: {', '.join(ENGINES)}")
    if not is_loopback(host):
        err_console.print(
            f"warning: listening on {host}, reachable from other machines; bilat serve has no authentication "
            "(it is read-only, but it shows everything in the store)",
            style="yellow",
            highlight=False,
            markup=False,
        )
    shown = f"[{host}]" if ":" in host else host
    err_console.print(f"bilat: dashboard at http://{shown}:{port}/ (Ctrl+C to stop)", highlight=False, markup=False)
    uvicorn.run(create_app(engine=engine, cache_entries=cache_size), host=host, port=port, log_level=log_level, server_header=False)
