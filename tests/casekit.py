"""Helpers for the validator tests: a throw-away copy of the real repository."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = Path(__file__).resolve().parent / "example-files"


def copy_repository(target: Path, *, cases: bool = True, media: bool = False) -> Path:
    """Copy the real data/ (and cases/) into ``target``; return ``target``.

    docs/ comes along when it exists: `zodoenwedat validate` also checks that the
    hand-written pages listed in data/published-urls.txt still exist. With ``media``,
    the pictures in tests/example-files/media/ become cases/media/.
    """
    shutil.copytree(REPO_ROOT / "data", target / "data")
    if (REPO_ROOT / "docs").is_dir():
        shutil.copytree(REPO_ROOT / "docs", target / "docs")
    if cases:
        shutil.copytree(REPO_ROOT / "cases", target / "cases")
    else:
        (target / "cases").mkdir()
    if media:
        shutil.copytree(EXAMPLES / "media", target / "cases" / "media", dirs_exist_ok=True)
    return target
