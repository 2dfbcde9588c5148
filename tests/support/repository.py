"""Throw-away copies of the repository, and the edits an editor makes to one."""

from __future__ import annotations

import shutil
from pathlib import Path

from support import EXAMPLES, REPO

# What a build or `zodoenwedat validate` reads: configuration, theme overrides, pages, data, cases.
SITE_FILES = ("mkdocs.yml",)
SITE_FOLDERS = ("overrides", "docs", "data")


def copy_repository(target: Path, *, cases: bool = True, media: bool = False) -> Path:
    """Copy the real repository's mkdocs.yml, overrides/, docs/, data/ (and cases/) into
    ``target``; return ``target``. Without ``cases``, cases/ is empty. With ``media``, the
    pictures in tests/example-files/media/ become cases/media/.

    Enough to validate (which also checks that the hand-written pages listed in
    data/published-urls.txt exist) and to build with ``mkdocs build --strict``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_FILES:
        shutil.copy(REPO / name, target / name)
    for folder in SITE_FOLDERS:
        shutil.copytree(REPO / folder, target / folder)
    if cases:
        shutil.copytree(REPO / "cases", target / "cases")
    else:
        (target / "cases").mkdir()
    if media:
        shutil.copytree(EXAMPLES / "media", target / "cases" / "media", dirs_exist_ok=True)
    return target


def set_site_url(root: Path, url: str) -> None:
    """Point the copy's mkdocs.yml at another address (e.g. a local server)."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "site_url: https://zodoenwedat.nl/" in text, "mkdocs.yml has another site_url than this helper replaces"
    config.write_text(text.replace("site_url: https://zodoenwedat.nl/", f"site_url: {url}"), encoding="utf-8")


def rename_case(root: Path, old: str, new: str, alias: bool) -> None:
    """Rename a case file the way an editor would, updating 'related' in the other cases;
    with ``alias`` the old name goes into the renamed case's 'aliases'."""
    for path in (root / "cases").glob("*.md"):
        if path.stem != old:
            path.write_text(
                path.read_text(encoding="utf-8").replace(old + ",", new + ",").replace(old + "]", new + "]"), encoding="utf-8"
            )
    text = (root / "cases" / f"{old}.md").read_text(encoding="utf-8")
    if alias:
        text = text.replace("\nphase:", f"\naliases: [{old}]\nphase:", 1)
    (root / "cases" / f"{old}.md").unlink()
    (root / "cases" / f"{new}.md").write_text(text, encoding="utf-8")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace ``old`` (which must occur exactly once) by ``new`` in the file ``rel``."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def with_case(root: Path, text: str | bytes, name: str = "wijkaanpak-zwolle") -> str:
    """Write a case file ``cases/<name>.md``; return its path relative to ``root``."""
    path = root / "cases" / f"{name}.md"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return f"cases/{name}.md"
