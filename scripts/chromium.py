"""How the tests and the benchmarks start Debian's Chromium (never ``playwright install``)."""

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")  # the package chromium; `make chromium` installs it
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
