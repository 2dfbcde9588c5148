"""The navigation cache in overrides/main.html changes nothing but the speed.

The theme renders the tabs and the sidebar navigation into every page; the site renders them
once per folder for pages that are not in the navigation (zodoenwedat.plugin._NavigationCache).
This builds the site with and without the two cached blocks and compares every page, ignoring
only whitespace between tags.
"""

from __future__ import annotations

import re

from sitekit import copy_repo, run_build

BEGIN, END = "{#- zd-nav-cache: begin -#}", "{#- zd-nav-cache: end -#}"


def _pages(site) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): re.sub(r"\s+", "", p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}


def test_cached_navigation_equals_the_themes_own(tmp_path):
    root = copy_repo(tmp_path)
    cached = run_build(root, root / "site-cached")
    assert cached.result.returncode == 0, cached.result.stderr

    template = root / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    assert text.count(BEGIN) == 1 and text.count(END) == 1
    template.write_text(text[: text.index(BEGIN)] + text[text.index(END) + len(END):], encoding="utf-8")
    plain = run_build(root, root / "site-plain")
    assert plain.result.returncode == 0, plain.result.stderr

    cached_pages, plain_pages = _pages(cached.site), _pages(plain.site)
    assert sorted(cached_pages) == sorted(plain_pages)
    assert [path for path in cached_pages if cached_pages[path] != plain_pages[path]] == []
    # the navigation is really there, on a case page and a listing page alike
    for path in ("praktijkvoorbeelden/ruwaard-oss/index.html", "themas/leefbaarheid/index.html"):
        assert 'data-md-component="tabs"' in cached_pages[path] or "md-tabs" in cached_pages[path]
        assert 'data-md-type="navigation"' in cached_pages[path]
