"""The architecture in pyproject.toml's import-linter contracts holds: layers import downward
only, domain and loading import nothing above them, MkDocs only in the adapter."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from casekit import REPO_ROOT


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
