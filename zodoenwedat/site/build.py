"""Everything the site consists of besides hand-written pages, computed once per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..repository import Repository
from .catalogue import Catalogue, build_catalogue
from .pages import FINDER_DATA, FINDER_INDEX, FINDER_SCRIPT, GeneratedPage, Renderer, SiteOptions

MEDIA_URL = "praktijkvoorbeelden/media/"


@dataclass
class SiteBuild:
    catalogue: Catalogue
    pages: list[GeneratedPage]
    home_sections: dict[str, str]
    files: dict[str, str | bytes] = field(default_factory=dict)  # src_uri -> content (feeds, data, ...)
    copies: dict[str, Path] = field(default_factory=dict)  # src_uri -> file to copy (case media)

    def __post_init__(self) -> None:
        self.by_src = {page.src_uri: page for page in self.pages}


def build_site(
    repo: Repository, edit_url_base: str | None = None, site_url: str | None = None, today: dt.date | None = None
) -> SiteBuild:
    catalogue = build_catalogue(repo)
    options = SiteOptions(edit_url_base=edit_url_base, site_url=site_url, today=today or dt.date.today())
    renderer = Renderer(catalogue, options)
    pages = renderer.pages()
    site = SiteBuild(catalogue=catalogue, pages=pages, home_sections=renderer.home_sections())
    add_finder(site)
    add_calendar(site, renderer)
    site.files.update(renderer.embeds.files())
    add_open_data(site, options)
    add_redirects(site, renderer, options)
    media = repo.root / "cases" / "media"
    if media.is_dir():
        for path in sorted(media.rglob("*")):
            if path.is_file():
                site.copies[MEDIA_URL + path.relative_to(media).as_posix()] = path
    return site


def add_finder(site: SiteBuild) -> None:
    """The finder's prebuilt index and data, and its scripts (lunr.js, lunr.nl, finder.js)."""
    from importlib import resources

    from ..search import finder

    site.files[FINDER_INDEX] = finder.dumps(finder.finder_index(site.catalogue))
    site.files[FINDER_DATA] = finder.dumps(finder.finder_data(site.catalogue))
    static = resources.files("zodoenwedat.search") / "static"
    parts = [(static / name).read_text(encoding="utf-8") for name in ("lunr.js", "lunr.stemmer.support.js", "lunr.nl.js", "finder.js")]
    site.files[FINDER_SCRIPT] = "\n;\n".join(parts)


def add_calendar(site: SiteBuild, renderer: Renderer) -> None:
    from importlib import resources

    from ..calendar.agenda import SCRIPT

    site.files.update(renderer.agenda.files())
    site.copies[SCRIPT] = Path(str(resources.files("zodoenwedat.calendar") / "static" / "webinars.js"))


def add_open_data(site: SiteBuild, options: SiteOptions) -> None:
    from ..opendata import api, feed

    site.files[feed.FEED] = feed.atom_feed(site.catalogue, options.site_url or "/")
    site.files.update(api.files(site.catalogue, options.site_url or ""))


def add_redirects(site: SiteBuild, renderer: Renderer, options: SiteOptions) -> None:
    from .redirects import redirect_files

    site.files.update(redirect_files(site.catalogue, options.site_url or "", renderer.embeds.oembed_json))
