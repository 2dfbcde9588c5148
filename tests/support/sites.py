"""Building real sites in a test: ``mkdocs build --strict`` in a subprocess, exactly as a user runs it,
on the repository itself, on a copy of it, or on fixture cases written inline."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from support.repository import copy_repository

# Material prints its end-of-life notice on every MkDocs run unless this is set (the README's
# platform section; the Makefile sets it too).
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


@dataclass
class BuiltSite:
    root: Path  # the repository that was built
    site: Path  # the built site
    result: subprocess.CompletedProcess

    def page(self, url: str) -> str:
        """The HTML of a page by its URL without the leading slash: ``""``, ``"colofon/"``, ``"404.html"``."""
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return path.read_text(encoding="utf-8")

    def text(self, path: str) -> str:
        """A built file's text, by its path in the site (``"feed.xml"``)."""
        return (self.site / path).read_text(encoding="utf-8")


def run_build(root: Path, site: Path | None = None, *, tool: str = "mkdocs", quiet: bool = True) -> BuiltSite:
    """``python -m <tool> build --strict [-q] -f <root>/mkdocs.yml -d <site>`` (default ``<root>/site-out``)."""
    site = site or root / "site-out"
    command = [
        sys.executable,
        "-m",
        tool,
        "build",
        "--strict",
        *(["-q"] if quiet else []),
        "-f",
        str(root / "mkdocs.yml"),
        "-d",
        str(site),
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=root, env={**os.environ, **BUILD_ENV})
    return BuiltSite(root=root, site=site, result=result)


def build_fixture_site(tmp: Path, cases: dict[str, str], webinars: str = "[]\n") -> BuiltSite:
    """The repository's configuration, pages and data with only these cases (slug -> file text)
    and these webinars, built in ``tmp/repo``."""
    root = copy_repository(tmp / "repo", cases=False)
    (root / "data" / "webinars.yml").write_text(webinars, encoding="utf-8")
    (root / "data" / "published-urls.txt").unlink()  # other cases, other URLs: tested separately
    for slug, text in cases.items():
        (root / "cases" / f"{slug}.md").write_text(text, encoding="utf-8")
    return run_build(root)
