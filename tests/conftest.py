"""Fixtures shared by the validator tests (helpers live in casekit.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casekit import copy_repository


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    """A copy of the real data/, docs/ and cases/ in a temporary directory."""
    return copy_repository(tmp_path / "repo")
