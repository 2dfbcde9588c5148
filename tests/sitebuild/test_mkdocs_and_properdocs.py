"""The site builds the same with MkDocs 1.6.1 and with ProperDocs 1.6.7, its maintained drop-in
fork: the same files with the same bytes, apart from the generator tag; neither build prints
anything (no warnings, no notices, no "Page skipped")."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from support.repository import copy_repository

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _build(tool: str, root: Path, site: Path) -> subprocess.CompletedProcess:
    # The README's platform section explains the one setting: Material's end-of-life notice
    # is printed on every MkDocs run unless NO_MKDOCS_2_WARNING is set.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    command = [sys.executable, "-m", tool, "build", "--strict", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    return subprocess.run(command, capture_output=True, text=True, cwd=root, env=env)


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): GENERATOR.sub(b"", p.read_bytes()) for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = copy_repository(tmp_path_factory.mktemp("two-tools") / "repo")
    return {tool: (_build(tool, root, root / f"site-{tool}"), root / f"site-{tool}") for tool in ("mkdocs", "properdocs")}


@pytest.mark.parametrize("tool", ["mkdocs", "properdocs"])
def test_each_tool_builds_quietly(builds, tool):
    result, _ = builds[tool]
    assert result.returncode == 0, result.stderr
    noise = [line for line in (result.stdout + result.stderr).splitlines() if not line.startswith("INFO")]
    assert noise == []


def test_both_tools_make_the_same_site(builds):
    mkdocs_files, properdocs_files = (_files(builds[tool][1]) for tool in ("mkdocs", "properdocs"))
    assert sorted(mkdocs_files) == sorted(properdocs_files)
    assert len(mkdocs_files) > 200  # pages, embeds, feeds, open data
    assert [path for path in mkdocs_files if mkdocs_files[path] != properdocs_files[path]] == []
