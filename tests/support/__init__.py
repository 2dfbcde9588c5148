"""The test support kit: one place for what more than one test (or benchmark) needs.

Importable from every test as ``support`` (tests/conftest.py puts tests/ on sys.path);
the benchmarks in scripts/ import it too (scripts/benchkit.py), never the other way round.

* ``support.repository``: throw-away copies of the repository, and edits an editor makes.
* ``support.cases``: case files written in a test (the validator's base case, fixture cases).
* ``support.sites``: ``mkdocs build --strict`` as a user runs it, on the repository or on fixture cases.
* ``support.html``: the text a visitor reads on a built page.
* ``support.server``: the one static server (tests, benchmarks, Lighthouse).
* ``support.chromium``: Debian's Chromium through Playwright (never ``playwright install``).
* ``support.browser``: what a page did in the browser tests (requests, console errors).
* ``support.synthetic``: seeded synthetic cases, for tests on many cases and for the benchmarks.
"""

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "tests" / "example-files"
