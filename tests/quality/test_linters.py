"""The linters pass on the package: ruff (lint and format) and mypy, as configured in
pyproject.toml. (`make check` runs them on the whole repository.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from casekit import REPO_ROOT

BIN = Path(sys.executable).parent


@pytest.mark.parametrize(
    "command",
    [["ruff", "check", "zodoenwedat"], ["ruff", "format", "--check", "zodoenwedat"], ["mypy"]],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_linter_passes(command):
    result = subprocess.run([str(BIN / command[0]), *command[1:]], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
