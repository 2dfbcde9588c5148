"""The lock file (uv.lock) agrees with pyproject.toml: `make lock` after every dependency edit."""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib

from support import REPO


def _uv() -> str:
    uv = REPO / ".tools" / "bin" / "uv"
    found = str(uv) if uv.exists() else shutil.which("uv")
    assert found, "uv is missing: `make test` installs it into .tools/"
    return found


def test_lock_agrees_with_pyproject():
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never"}
    result = subprocess.run([_uv(), "lock", "--check", "--offline"], cwd=REPO, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"uv.lock is out of date; run `make lock`:\n{result.stderr}"


def test_material_and_mkdocs_are_pinned_exactly():
    # overrides/ extends Material's templates: a new Material is a deliberate change.
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {dep.split("==")[0]: dep for dep in dependencies if "==" in dep}
    assert "mkdocs-material" in pins and "mkdocs" in pins
