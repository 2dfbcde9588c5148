"""The site builds the same with MkDocs 1.6.1 and with ProperDocs 1.6.7, its maintained drop-in
fork: the same files with the same bytes, apart from the generator tag; neither build prints
anything (no warnings, no notices, no "Page skipped").

The MkDocs build is the session's real site (tests/conftest.py); ProperDocs builds it once more.
Both run with the one setting the README's platform section explains: Material's end-of-life
notice is printed on every MkDocs run unless NO_MKDOCS_2_WARNING is set (support.sites.BUILD_ENV).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import REPO
from support.sites import run_build

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes()) for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def builds(real_site, tmp_path_factory):
    properdocs = run_build(REPO, tmp_path_factory.mktemp("properdocs") / "site", tool="properdocs", quiet=False)
    return {"mkdocs": real_site, "properdocs": properdocs}


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_each_tool_builds_quietly(builds, tool):
    result = builds[tool].result
    assert result.returncode == 0, result.stderr
    noise = [line for line in (result.stdout + result.stderr).splitlines() if not line.startswith("INFO")]
    assert noise == []


def test_both_tools_make_the_same_site(builds):
    mkdocs_files, properdocs_files = (_files(builds[tool].site) for tool in ("mkdocs", "properdocs"))
    assert sorted(mkdocs_files) == sorted(properdocs_files)
    cases = {f"praktijkvoorbeelden/{p.stem}/index.html" for p in (REPO / "cases").glob("*.md")}
    assert cases and cases <= set(mkdocs_files)  # the comparison covers the generated pages
    assert [path for path in mkdocs_files if mkdocs_files[path] != properdocs_files[path]] == []
