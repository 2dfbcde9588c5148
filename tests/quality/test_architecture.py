"""The architecture in pyproject.toml's import-linter contracts holds: layers import downward
only, domain and loading import nothing above them, MkDocs only in the adapter. And the tests
stand on their own: they never import from scripts/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from support import REPO


def test_import_contracts_are_kept():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


MKDOCS_PACKAGES = {"mkdocs", "material", "properdocs"}


def imports_mkdocs(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] in MKDOCS_PACKAGES for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] in MKDOCS_PACKAGES:
            return True
    return False


def test_the_modules_that_import_mkdocs_stay_small():
    """Issue 12: the adapter is thin; every module that imports MkDocs (or its theme) counts,
    and together they stay under 200 lines."""
    assert imports_mkdocs("from mkdocs.plugins import BasePlugin\n") and not imports_mkdocs("import yaml\n")
    adapters = {
        path.relative_to(REPO).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in (REPO / "zodoenwedat").rglob("*.py")
        if imports_mkdocs(path.read_text(encoding="utf-8"))
    }
    assert "zodoenwedat/plugin.py" in adapters
    assert sum(adapters.values()) < 200, adapters


SCRIPTS = {path.stem for path in (REPO / "scripts").glob("*.py")}


def imports_from_scripts(source: str) -> list[str]:
    """What a Python source takes from scripts/: modules it imports, and a sys.path entry for the folder."""
    found, on_path = set(), False
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names} & SCRIPTS
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found |= {node.module.split(".")[0]} & SCRIPTS
        elif isinstance(node, ast.Call) and ast.unparse(node.func).startswith("sys.path."):
            on_path |= any(isinstance(part, ast.Constant) and part.value == "scripts" for part in ast.walk(node))
    return sorted(found) + (["sys.path"] if on_path else [])


def test_the_check_finds_an_import_from_scripts():
    assert "bench" in SCRIPTS
    source = 'import sys\nsys.path.insert(0, str(REPO / "scripts"))\nimport bench\nfrom bench import main\n'
    assert imports_from_scripts(source) == ["bench", "sys.path"]
    assert imports_from_scripts("from support import synthetic\nimport pytest\n") == []


def test_no_test_imports_from_scripts():
    """Scripts (benchmarks) may use the test support kit; tests never depend on scripts/."""
    found = {}
    for path in sorted((REPO / "tests").rglob("*.py")):
        taken = imports_from_scripts(path.read_text(encoding="utf-8"))
        if taken:
            found[path.relative_to(REPO).as_posix()] = taken
    assert found == {}
