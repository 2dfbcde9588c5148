"""Fixtures for the browser tests: the real site, served locally, in Debian's Chromium.

* ``base_url``: the session's real site (``real_site``, tests/conftest.py) served by the one
  static server (tests/support/server.py) on 127.0.0.1, stopped at the end of the session.
* ``browser``: Chromium from ``/usr/bin/chromium`` through Playwright (tests/support/chromium.py).
  Never ``playwright install``: without that binary the tests FAIL (not skip).
* ``page`` / ``recorded`` (and ``new_page`` / ``open_page`` for other viewports and other
  local sites): a page that records every request URL and every console error
  (tests/support/browser.py), so a test can assert that nothing left the local server and
  that the page logged no errors (``recorded.assert_clean()``).
* ``finder_url`` / ``many_url``: the finder's hand-made fixture cases and 120 synthetic
  cases (tests/support/synthetic.py), each built once per session and served like the real site.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import REPO, chromium, synthetic
from support.browser import NoChromium, Recorded
from support.server import serve
from support.sites import build_fixture_site

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "test-output" / "screenshots"


@pytest.fixture(scope="session")
def base_url(real_site) -> str:
    with serve(real_site.site) as url:
        yield url


# --------------------------------------------------------------- browser --


@pytest.fixture(scope="session")
def browser():
    missing = chromium.missing()
    if missing:
        yield NoChromium(missing)
        return
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        browser = chromium.launch(playwright)
    except Exception as error:  # depends on the machine
        playwright.stop()
        yield NoChromium(f"Chromium at {chromium.CHROMIUM} does not start: {error}")
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
        recorded.watch(page)
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
    built = build_fixture_site(tmp_path_factory.mktemp(name), cases)
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
    """120 synthetic cases: three pages of the static list, and more results than the finder shows at once."""
    return {case.slug: case.text for case in synthetic.generate_cases(120, data_dir=REPO / "data", seed=13)}


@pytest.fixture(scope="session")
def many_url(tmp_path_factory, many_cases):
    yield from _serve_built(tmp_path_factory, "many", many_cases)


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
