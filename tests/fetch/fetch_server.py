"""A local HTTP server (for tests/fetch) that serves a synthetic BACI release the way a file server does, and misbehaves on demand.

No test here touches the internet: the server listens on 127.0.0.1 and serves a zip written by
``bilat.synth.generate_baci(..., as_zip=True)``. It honours ``Range`` (206 + ``Content-Range``),
and can be told to ignore ``Range`` (answer 200 with the whole file), or to drop the connection
after sending half the body (the next ``drop`` requests), to exercise resuming.
"""

from __future__ import annotations

import http.server
from dataclasses import dataclass, field

RELEASE_YEARS = [2018, 2019]
RELEASE_ROWS = 3_000


@dataclass
class ServerState:
    files: dict[str, bytes]
    ignore_range: bool = False
    drop: int = 0  #: the next ``drop`` answers stop half-way and close the connection
    requests: list[dict[str, str]] = field(default_factory=list)


class RangeHandler(http.server.BaseHTTPRequestHandler):
    state: ServerState
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        state = self.state
        state.requests.append({"path": self.path, **{k.lower(): v for k, v in self.headers.items()}})
        name = self.path.rsplit("/", 1)[-1]
        body = state.files.get(name)
        if body is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        start = 0
        wanted = self.headers.get("Range")
        if wanted and not state.ignore_range:
            start = int(wanted.removeprefix("bytes=").split("-")[0])
            if start >= len(body):
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{len(body)}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
        else:
            self.send_response(200)
        chunk = body[start:]
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(len(chunk)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if state.drop > 0:
            state.drop -= 1
            self.wfile.write(chunk[: len(chunk) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(chunk)
