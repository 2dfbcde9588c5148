"""How the tests and the benchmarks start Debian's Chromium (never ``playwright install``)."""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")  # the Debian package chromium; `make chromium` installs it
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def missing() -> str | None:
    """Why Chromium cannot be used here, or None when it is installed."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return None
    return (
        f"Chromium is missing: the browser tests and benchmarks need Debian's Chromium at {CHROMIUM}. "
        "Install it with `make chromium` (apt-get install chromium); never `playwright install`."
    )


def launch(playwright):
    """Debian's Chromium, headless, through a started Playwright (``sync_playwright().start()``)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
