"""Everything the site consists of besides hand-written pages: the generated pages and the
generated files (the search's scripts, calendars, embed pages, open data, redirects).

:func:`build_site` makes all of them once, in memory, in this process: a static-site tool
(the MkDocs adapter, :mod:`zodoenwedat.plugin`) hands them on and writes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .calendar.agenda import SCRIPT as WEBINARS_SCRIPT
from .calendar.agenda import Agenda
from .catalogue import urls
from .catalogue.catalogue import Catalogue, build_catalogue
from .embed.embeds import Embeds
from .opendata import api, feed
from .pages.renderer import GeneratedPage, PageParts, Renderer, SiteOptions, template_environment
from .redirects import redirect_files
from .repository import Repository
from .search import finder

FileMap = dict[str, "str | bytes"]


@dataclass
class SiteBuild:
    catalogue: Catalogue
    pages: list[GeneratedPage]
    home_sections: dict[str, str]
    files: FileMap = field(default_factory=dict)  # src_uri -> content (feeds, data, ...)
    copies: dict[str, Path] = field(default_factory=dict)  # src_uri -> file to copy (case media)
    renderer: Renderer | None = None  # for page_sections
    by_source: dict[str, GeneratedPage] = field(init=False)  # src_uri -> generated page

    def __post_init__(self) -> None:
        self.by_source = {page.src_uri: page for page in self.pages}

    def page_sections(self, page_url: str) -> dict[str, str]:
        """HTML for the markers any hand-written page may use (see Renderer.page_sections)."""
        return self.renderer.page_sections(page_url) if self.renderer is not None else {}


def build_site(
    repo: Repository, edit_url_base: str | None = None, site_url: str | None = None, today: dt.date | None = None
) -> SiteBuild:
    """Every generated page and file, once, in memory."""
    catalogue = build_catalogue(repo)
    options = SiteOptions(edit_url_base=edit_url_base, site_url=site_url, today=today or dt.date.today())
    env = template_environment()
    agenda = Agenda(catalogue, options.site_url, options.today)
    embeds = Embeds(catalogue, env, options.site_url)
    parts = PageParts(
        helpers={"agenda": agenda, "embeds": embeds},
        case_head=embeds.case_head,
        theme_head=embeds.copy_script_tag,
        overview_head=finder.overview_head,
        finder=finder.overview_context(),
    )
    renderer = Renderer(catalogue, options, parts, env)
    return SiteBuild(
        catalogue=catalogue,
        pages=renderer.pages(),
        home_sections=renderer.home_sections(),
        files=generated_files(catalogue, options, agenda, embeds),
        copies=media_copies(repo),
        renderer=renderer,
    )


def media_copies(repo: Repository) -> dict[str, Path]:
    """Case media (cases/media/...) to copy as they are."""
    media = repo.root / "cases" / "media"
    if not media.is_dir():
        return {}
    return {urls.MEDIA + path.relative_to(media).as_posix(): path for path in sorted(media.rglob("*")) if path.is_file()}


def generated_files(catalogue: Catalogue, options: SiteOptions, agenda: Agenda, embeds: Embeds) -> FileMap:
    """Every generated file that is not a page."""
    site_url = options.site_url or ""
    files: FileMap = dict(finder.files(catalogue))
    files.update(agenda.files())
    files[WEBINARS_SCRIPT] = (resources.files("zodoenwedat.calendar") / "static" / "webinars.js").read_text(encoding="utf-8")
    files.update(embeds.files())
    files[feed.FEED] = feed.atom_feed(catalogue, site_url or "/")
    files.update(api.files(catalogue, site_url))
    files.update(redirect_files(catalogue, site_url, embeds.oembed_json))
    return files
