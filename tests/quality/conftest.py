"""The real site, built once for the quality gates."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import REPO, run_build


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    built = run_build(REPO, tmp_path_factory.mktemp("quality") / "site")
    assert built.result.returncode == 0, built.result.stderr
    return built.site
