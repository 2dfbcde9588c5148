"""Serve a built site on 127.0.0.1 the way a static host does: gzip for text, cache headers.

Used by scripts/lighthouse.sh, so that Lighthouse measures the site rather than
`python -m http.server` (which compresses nothing and sends no cache headers).

    python scripts/serve_static.py PORT DIRECTORY
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys

COMPRESS = (".html", ".css", ".js", ".json", ".xml", ".svg", ".ics", ".csv", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if self.path.split("?")[0].endswith("/"):
            path = path.rstrip("/") + "/index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants_gzip or not path.endswith(COMPRESS):
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
        import io

        return io.BytesIO(body)


def main() -> None:
    port, directory = int(sys.argv[1]), sys.argv[2]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
    server.serve_forever()


if __name__ == "__main__":
    main()
