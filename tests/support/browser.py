"""What a page did in a browser test: every request it made and every error it logged."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

NOT_NETWORK = ("data:", "blob:", "about:")  # URLs a page may use that never leave the browser


@dataclass
class Recorded:
    """What one page did: every request it made and every error it logged."""

    origin: str  # the local server, e.g. http://127.0.0.1:8765
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        out = []
        for url in self.requests:
            if url.startswith(NOT_NETWORK):
                continue
            parts = urlsplit(url)
            if f"{parts.scheme}://{parts.netloc}" != self.origin:
                out.append(url)
        return out

    def assert_clean(self) -> None:
        foreign = self.foreign_requests()
        assert not foreign, "Requests to other hosts than the local server:\n  " + "\n  ".join(foreign)
        assert not self.console_errors, "Console errors:\n  " + "\n  ".join(self.console_errors)

    def watch(self, page) -> None:
        """Record every request and every console error (and uncaught exception) of ``page``."""
        page.on("request", lambda request: self.requests.append(request.url))
        page.on(
            "console",
            lambda message: (
                message.type == "error"
                and self.console_errors.append(f"{message.text} (at {message.location.get('url') or '?'})")
            ),
        )
        page.on("pageerror", lambda error: self.console_errors.append(f"uncaught exception: {error}"))


class NoChromium:
    """Stands in for the browser when Chromium is missing or does not start: every test that
    opens a page FAILS (in its own call, with this message), none is skipped."""

    def __init__(self, message: str):
        self.message = message

    def new_context(self, **_kwargs):
        pytest.fail(self.message, pytrace=False)
