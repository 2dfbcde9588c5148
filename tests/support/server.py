"""The one static server: a built site on 127.0.0.1, in a thread, for the browser tests, the
benchmarks and Lighthouse.

Plain (``python -m http.server``'s behaviour) by default; ``like_a_host=True`` compresses text
with gzip and sends cache headers the way a static host does, so that Lighthouse measures the
site rather than a server that compresses nothing.

    with serve(site) as url: ...                     # http://127.0.0.1:<free port>
    python scripts/benchkit.py serve PORT DIRECTORY  # like a host, until stopped (scripts/lighthouse.sh)
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".csv", ".txt")


class _Handler(http.server.SimpleHTTPRequestHandler):
    like_a_host = False

    def log_message(self, format, *args):  # noqa: A002 - keep the output of tests and benchmarks clean
        pass

    def send_head(self):
        if not self.like_a_host:
            return super().send_head()
        path = self.translate_path(self.path)
        if self.path.split("?")[0].endswith("/"):
            path = path.rstrip("/") + "/index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.endswith(COMPRESS):
            return super().send_head()
        try:
            with open(path, "rb") as handle:
                body = gzip.compress(handle.read(), compresslevel=6, mtime=0)
        except OSError:
            return super().send_head()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header(
            "Cache-Control", "public, max-age=31536000, immutable" if "/assets/" in self.path else "public, max-age=600"
        )
        self.end_headers()
        return io.BytesIO(body)


class _HostHandler(_Handler):
    like_a_host = True


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A page closed while a file was still being sent (a test or benchmark closes its pages): not news.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def _server(directory: Path, port: int, like_a_host: bool) -> _Server:
    handler = _HostHandler if like_a_host else _Handler
    return _Server(("127.0.0.1", port), functools.partial(handler, directory=str(directory)))


@contextlib.contextmanager
def serve(directory: Path, port: int = 0, *, like_a_host: bool = False) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port unless given) in a thread; yields the base URL
    (``http://127.0.0.1:<port>``, no trailing slash) and stops the server afterwards."""
    server = _server(directory, port, like_a_host)
    thread = threading.Thread(target=server.serve_forever, name=f"serve {directory}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def serve_forever(directory: Path, port: int, *, like_a_host: bool = True) -> None:
    """Serve ``directory`` in this thread until the process is stopped."""
    _server(directory, port, like_a_host).serve_forever()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
