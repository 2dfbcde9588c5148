"""Everything the site consists of besides hand-written pages, computed once per build.

Two independent halves: the generated pages (rendered here) and the generated files
(the finder's index, calendars, embed pages, open data, redirects). On a machine with
more than one core the files are computed in a forked worker process while the pages
render (:mod:`zodoenwedat.parallel`); any problem with the worker and they are simply
computed here instead, so the result is always the same. ``ZODOENWEDAT_PARALLEL=0`` turns
the worker off.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..calendar.agenda import SCRIPT as WEBINARS_SCRIPT
from ..parallel import Job
from ..repository import Repository
from .catalogue import Catalogue, build_catalogue
from .pages import FINDER_DATA, FINDER_INDEX, FINDER_SCRIPT, GeneratedPage, Renderer, SiteOptions

MEDIA_URL = "praktijkvoorbeelden/media/"
FileMap = dict[str, "str | bytes"]


@dataclass
class SiteBuild:
    catalogue: Catalogue
    pages: list[GeneratedPage]
    home_sections: dict[str, str]
    files: FileMap = field(default_factory=dict)  # src_uri -> content (feeds, data, ...)
    copies: dict[str, Path] = field(default_factory=dict)  # src_uri -> file to copy (case media)

    def __post_init__(self) -> None:
        self.by_src = {page.src_uri: page for page in self.pages}


def build_site(
    repo: Repository, edit_url_base: str | None = None, site_url: str | None = None, today: dt.date | None = None
) -> SiteBuild:
    catalogue = build_catalogue(repo)
    catalogue.related  # rank once, before the worker forks: both halves use it
    options = SiteOptions(edit_url_base=edit_url_base, site_url=site_url, today=today or dt.date.today())
    renderer = Renderer(catalogue, options)
    job = Job(lambda: generated_files(renderer))
    pages = renderer.pages()
    site = SiteBuild(catalogue=catalogue, pages=pages, home_sections=renderer.home_sections())
    site.files.update(job.result())
    media = repo.root / "cases" / "media"
    if media.is_dir():
        for path in sorted(media.rglob("*")):
            if path.is_file():
                site.copies[MEDIA_URL + path.relative_to(media).as_posix()] = path
    return site


def generated_files(renderer: Renderer) -> FileMap:
    """Every generated file that is not a page."""
    from ..opendata import api, feed
    from ..search import finder
    from .redirects import redirect_files

    catalogue, options = renderer.catalogue, renderer.options
    files: FileMap = {
        FINDER_INDEX: finder.dumps(finder.finder_index(catalogue)),
        FINDER_DATA: finder.dumps(finder.finder_data(catalogue)),
        FINDER_SCRIPT: finder_script(),
    }
    files.update(renderer.agenda.files())
    files[WEBINARS_SCRIPT] = (resources.files("zodoenwedat.calendar") / "static" / "webinars.js").read_text(encoding="utf-8")
    files.update(renderer.embeds.files())
    files[feed.FEED] = feed.atom_feed(catalogue, options.site_url or "/")
    files.update(api.files(catalogue, options.site_url or ""))
    files.update(redirect_files(catalogue, options.site_url or "", renderer.embeds.oembed_json))
    return files


def finder_script() -> str:
    """lunr.js, its Dutch pipeline and the finder in one minified file, loaded async by the
    overview (licence comments, /*! … */, are kept)."""
    import rjsmin

    static = resources.files("zodoenwedat.search") / "static"
    parts = [(static / name).read_text(encoding="utf-8") for name in ("lunr.js", "lunr.stemmer.support.js", "lunr.nl.js", "finder.js")]
    return rjsmin.jsmin("\n;\n".join(parts), keep_bang_comments=True) + "\n"
