"""The theme cache changes nothing but the speed.

The theme renders the tabs, the sidebar navigation and its configuration script into every
page; the site renders them once per folder for pages that are not in the navigation
(zodoenwedat.plugin._FolderCache, overrides/main.html).
This builds the site with the cache on (the default) and off (``theme_cache: false``) and
compares every page, ignoring only whitespace between tags.
"""

from __future__ import annotations

import re

from sitekit import copy_repo, run_build


def _pages(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}


def test_pages_with_the_theme_cache_equal_pages_without_it(tmp_path):
    root = copy_repo(tmp_path)
    cached = run_build(root, root / "site-cached")
    assert cached.result.returncode == 0, cached.result.stderr

    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - zodoenwedat:\n" in text
    config.write_text(text.replace("  - zodoenwedat:\n", "  - zodoenwedat:\n      theme_cache: false\n"), encoding="utf-8")
    plain = run_build(root, root / "site-plain")
    assert plain.result.returncode == 0, plain.result.stderr

    cached_pages, plain_pages = _pages(cached.site), _pages(plain.site)
    assert sorted(cached_pages) == sorted(plain_pages)
    assert [path for path in cached_pages if cached_pages[path] != plain_pages[path]] == []
    # the cached parts are really there, on a case page and a listing page alike
    for path in ("praktijkvoorbeelden/ruwaard-oss/index.html", "themas/leefbaarheid/index.html"):
        page = cached_pages[path]
        for part in ('data-md-component="tabs"', 'data-md-type="navigation"', 'id="__config"'):
            assert part.replace(" ", "") in page, (path, part)
