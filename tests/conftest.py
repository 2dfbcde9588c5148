"""Fixtures for every test. Helpers live in tests/support/ (the ``support`` package).

* ``repo_copy``: a throw-away copy of the repository (configuration, pages, data, cases).
* ``real_site``: the repository's own site, built ONCE per test session with
  ``mkdocs build --strict``; every test that reads the real built site uses it (read only).
  Tests that need a changed copy of the repository build their own.
* ``--regenerate-golden``: rewrite tests/golden/ from the real site (tests/test_golden.py).

The browser tests run last: while Playwright's browser is open, its event loop runs in the
main thread, and a test that runs asyncio itself (Pagefind's Python API) cannot.
"""

from __future__ import annotations

import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
if str(TESTS) not in sys.path:  # `import support` from every test, whatever pytest's import mode
    sys.path.insert(0, str(TESTS))

import pytest  # noqa: E402
from support import REPO  # noqa: E402
from support.repository import copy_repository  # noqa: E402
from support.sites import BuiltSite, run_build  # noqa: E402


def pytest_addoption(parser):
    parser.addoption(
        "--regenerate-golden",
        action="store_true",
        help="write tests/golden/ from the real site instead of comparing with it (see tests/test_golden.py)",
    )


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)  # stable: the order stays otherwise


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the real repository in a temporary directory, to change in a test."""
    return copy_repository(tmp_path / "repo")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> BuiltSite:
    """The repository's own site: ``python -m mkdocs build --strict -f <repo>/mkdocs.yml -d <tmp>/site``,
    once per session. Read it; never change it (other tests read it after you)."""
    built = run_build(REPO, tmp_path_factory.mktemp("real") / "site", quiet=False)
    if built.result.returncode != 0:
        pytest.fail(
            f"The site does not build (mkdocs build --strict exited with {built.result.returncode}):\n"
            f"{built.result.stdout}\n{built.result.stderr}",
            pytrace=False,
        )
    return built
