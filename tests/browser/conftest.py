"""Fixtures for the browser tests: the real site, served locally, in Debian's Chromium.

* ``site_dir``: the repository's own site, built once per session with
  ``mkdocs build --strict`` into a temporary directory.
* ``base_url``: that directory served by a threaded ``http.server`` on
  127.0.0.1 (a free port), stopped at the end of the session.
* ``browser``: Chromium from ``/usr/bin/chromium`` through Playwright. Never
  ``playwright install``: without that binary the tests FAIL (not skip).
* ``page`` / ``recorded`` (and ``new_page`` / ``open_page`` for other
  viewports and other local sites): a page that records every request URL and every
  console error, so a test can assert that nothing left the local server and that the
  page logged no errors (``recorded.assert_clean()``).
* ``finder_url`` / ``many_url``: the finder's hand-made fixture cases and 120 synthetic
  cases, each built once per session and served like the real site.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sitekit import REPO, run_build, serve  # tests/sitekit.py, shared with the build and quality tests

sys.path.insert(0, str(REPO / "scripts"))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402  (scripts/chromium.py, shared with the benchmarks)

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-output" / "screenshots"
NOT_NETWORK = ("data:", "blob:", "about:")  # URLs a page may use that never leave the browser


# ------------------------------------------------------------------ site --


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The repository's own site: ``python -m mkdocs build --strict -f <repo>/mkdocs.yml -d <tmp>/site``."""
    out = tmp_path_factory.mktemp("browser") / "site"
    built = run_build(REPO, out)  # the shared kit (tests/sitekit.py): sys.executable -m mkdocs build --strict
    if built.result.returncode != 0:
        pytest.fail(
            f"The site does not build (mkdocs build --strict exited with {built.result.returncode}):\n"
            f"{built.result.stdout}\n{built.result.stderr}",
            pytrace=False,
        )
    return out


@pytest.fixture(scope="session")
def base_url(site_dir) -> str:
    with serve(site_dir) as url:
        yield url


# --------------------------------------------------------------- browser --


class _NoChromium:
    """Stands in for the browser when Chromium is missing: every test that opens a page FAILS
    (in its own call, with this message), none is skipped."""

    def __init__(self, message: str):
        self.message = message

    def new_context(self, **_kwargs):
        pytest.fail(self.message, pytrace=False)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.is_file() or not os.access(CHROMIUM, os.X_OK):
        yield _NoChromium(
            f"Chromium is missing: the browser tests need Debian's Chromium at {CHROMIUM}. "
            "Install it with `make chromium` (apt-get install chromium); never `playwright install`."
        )
        return
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    except Exception as error:  # depends on the machine
        playwright.stop()
        yield _NoChromium(f"Chromium at {CHROMIUM} does not start: {error}")
        return
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing: {AXE} does not exist. Run `npm ci` (or `make test`).", pytrace=False)
    return AXE


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


@pytest.fixture
def new_page(browser, base_url):
    """``new_page(width=1280, height=800, origin=base_url, javascript=True) -> (page, recorded)``:
    a fresh page in its own context (``origin``: another local site, such as a fixture site).

    Every request URL and every console error (and uncaught exception) of the
    page is recorded; requests to any other origin than the local server are
    recorded and then aborted, so nothing ever leaves the machine.
    """
    contexts = []

    def new(width: int = 1280, height: int = 800, origin: str | None = None, javascript: bool = True):
        site = origin or base_url
        context = browser.new_context(
            viewport={"width": width, "height": height}, locale="nl-NL", service_workers="block", java_script_enabled=javascript
        )
        contexts.append(context)
        recorded = Recorded(origin=site)

        def route(route):
            url = route.request.url
            if url == site or url.startswith(site + "/"):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("request", lambda request: recorded.requests.append(request.url))
        page.on(
            "console",
            lambda message: message.type == "error"
            and recorded.console_errors.append(f"{message.text} (at {message.location.get('url') or '?'})"),
        )
        page.on("pageerror", lambda error: recorded.console_errors.append(f"uncaught exception: {error}"))
        return page, recorded

    yield new
    for context in contexts:
        context.close()


@pytest.fixture
def open_page(new_page, base_url):
    """``open_page(path, width=1280, height=800) -> (page, recorded)``: a new page, loaded."""

    def open_(path: str, width: int = 1280, height: int = 800):
        page, recorded = new_page(width, height)
        response = page.goto(base_url + path, wait_until="load")
        assert response is not None and response.ok, f"{path} answered {response.status if response else 'nothing'}"
        return page, recorded

    return open_


@pytest.fixture
def page_and_record(new_page):
    """A fresh 1280×800 page and what it records: ``(page, recorded)``."""
    return new_page()


@pytest.fixture
def page(page_and_record):
    return page_and_record[0]


@pytest.fixture
def recorded(page_and_record) -> Recorded:
    return page_and_record[1]


# ------------------------------------------------------- fixture sites --


def _serve_built(tmp_path_factory, name: str, cases: dict[str, str]):
    from sitekit import build_site

    built = build_site(tmp_path_factory.mktemp(name), cases)
    if built.result.returncode != 0:
        pytest.fail(f"The {name} fixture site does not build:\n{built.result.stdout}\n{built.result.stderr}", pytrace=False)
    with serve(built.site) as url:
        yield url


@pytest.fixture(scope="session")
def finder_cases() -> dict[str, str]:
    """Hand-made cases for the finder and header search tests (tests/browser/finder_cases.py)."""
    from .finder_cases import CASES

    return CASES


@pytest.fixture(scope="session")
def finder_url(tmp_path_factory, finder_cases):
    """The hand-made finder cases, built and served (once per session)."""
    yield from _serve_built(tmp_path_factory, "finder", finder_cases)


@pytest.fixture(scope="session")
def many_cases() -> dict[str, str]:
    """120 synthetic cases (scripts/synthetic.py): three pages of the static list, and more
    results than the finder shows at once."""
    from synthetic import generate_cases

    return {case.slug: case.text for case in generate_cases(120, data_dir=REPO / "data", seed=13)}


@pytest.fixture(scope="session")
def many_url(tmp_path_factory, many_cases):
    yield from _serve_built(tmp_path_factory, "many", many_cases)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
