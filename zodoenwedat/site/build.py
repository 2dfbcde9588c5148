"""Everything the site consists of besides hand-written pages: the generated pages and the
generated files (the search's scripts, calendars, embed pages, open data, redirects).

:class:`LiveSite` makes them while a static-site tool does its own work, with a worker
process where that helps (:mod:`zodoenwedat.parallel`); :func:`build_site` makes everything
at once, in this process, and keeps it in memory. Both come to the same pages and files.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..calendar.agenda import SCRIPT as WEBINARS_SCRIPT
from ..parallel import MISSING, Stream
from ..repository import Repository
from . import urls
from .catalogue import Catalogue, build_catalogue
from .pages import GeneratedPage, Renderer, SiteOptions

MEDIA_URL = "praktijkvoorbeelden/media/"
FileMap = dict[str, "str | bytes"]


@dataclass
class SiteBuild:
    catalogue: Catalogue
    pages: list[GeneratedPage]
    home_sections: dict[str, str]
    files: FileMap = field(default_factory=dict)  # src_uri -> content (feeds, data, ...)
    copies: dict[str, Path] = field(default_factory=dict)  # src_uri -> file to copy (case media)


def build_site(
    repo: Repository, edit_url_base: str | None = None, site_url: str | None = None, today: dt.date | None = None
) -> SiteBuild:
    """Every generated page and file at once, in memory (for tools and tests)."""
    live = LiveSite(repo, edit_url_base=edit_url_base, site_url=site_url, today=today, parallel=False)
    site = SiteBuild(catalogue=live.catalogue, pages=live.pages(), home_sections=live.home_sections(), files=live.files())
    site.copies.update(live.copies)
    return site


def media_copies(repo: Repository) -> dict[str, Path]:
    """Case media (cases/media/...) to copy as they are."""
    media = repo.root / "cases" / "media"
    if not media.is_dir():
        return {}
    return {MEDIA_URL + path.relative_to(media).as_posix(): path for path in sorted(media.rglob("*")) if path.is_file()}


def generated_file_paths(renderer: Renderer) -> list[str]:
    """The paths of every file :func:`generated_files` makes, known without making them."""
    from ..opendata import api, feed
    from ..search import finder
    from .redirects import redirect_paths

    catalogue = renderer.catalogue
    paths = list(finder.PATHS)  # the search index itself is made from the rendered pages (plugin.on_post_build)
    paths += renderer.agenda.file_paths() + [WEBINARS_SCRIPT]
    paths += renderer.embeds.file_paths()
    paths += [feed.FEED, *api.PATHS]
    paths += redirect_paths(catalogue)
    return paths


def generated_files(renderer: Renderer) -> FileMap:
    """Every generated file that is not a page."""
    from ..opendata import api, feed
    from ..search import finder
    from .redirects import redirect_files

    catalogue, options = renderer.catalogue, renderer.options
    files: FileMap = finder.files(catalogue)
    files.update(renderer.agenda.files())
    files[WEBINARS_SCRIPT] = (resources.files("zodoenwedat.calendar") / "static" / "webinars.js").read_text(encoding="utf-8")
    files.update(renderer.embeds.files())
    files[feed.FEED] = feed.atom_feed(catalogue, options.site_url or "/")
    files.update(api.files(catalogue, options.site_url or ""))
    files.update(redirect_files(catalogue, options.site_url or "", renderer.embeds.oembed_json))
    return files


class LiveSite:
    """The generated site for one build, made while the static-site tool does its own work.

    What the tool needs first is known at once: the generated pages' source paths
    (``page_uris``, in the order the tool should read them) and the generated files' paths
    (``file_paths``). The rest arrives when asked for: ``home_sections()``, ``page(src_uri)``
    and the files, which :meth:`write_files` puts in the output folder.

    With a second core (:mod:`zodoenwedat.parallel`) a forked worker renders the pages in
    order (ranking each case's related cases as it goes) and makes the files, and writes those files itself once
    :meth:`output_ready` says the tool has emptied its output folder. Whatever the worker does
    not deliver is made here, so the result is the same either way (``ZODOENWEDAT_PARALLEL=0``
    or ``parallel=False``: everything here).
    """

    def __init__(self, repo: Repository, edit_url_base: str | None = None, site_url: str | None = None,
                 today: dt.date | None = None, parallel: bool = True):
        self.catalogue = build_catalogue(repo)
        options = SiteOptions(edit_url_base=edit_url_base, site_url=site_url, today=today or dt.date.today())
        self.renderer = Renderer(self.catalogue, options)
        plan = self.renderer.plan()
        self._render = {urls.source(url): render for url, render in plan}
        self.page_uris: list[str] = list(self._render)
        self.file_paths: list[str] = generated_file_paths(self.renderer)
        self.copies: dict[str, Path] = media_copies(repo)
        self._pages: dict[str, GeneratedPage] = {}
        self._home: dict[str, str] | None = None
        self._written: list[str] | None = None
        self._newest = self.renderer.newest()
        self.worker = Stream(self._produce, start=parallel)
        self._worker_started = self.worker.running
        self._made_here: dict[str, int] = {}  # what the worker did not deliver: kind -> count

    # -- what the worker does, in the order the tool asks for it --
    def _produce(self, emit, receive) -> None:
        emit("home", self.renderer.home_sections())
        for src_uri, render in self._render.items():
            emit(("page", src_uri), self.renderer.dated(render(), self._newest))
        files = self.files()
        output = receive()  # the tool has emptied its output folder
        emit("written", _write(files, Path(output)))

    def files(self) -> FileMap:
        """Every generated file, made here (path -> content)."""
        files = generated_files(self.renderer)
        unplanned = set(files) ^ set(self.file_paths)
        if unplanned:  # a programming error: generated_file_paths() and generated_files() disagree
            raise RuntimeError(f"generated_file_paths() is out of step with generated_files(): {sorted(unplanned)}")
        return files

    # -- what the tool asks for --
    def is_page(self, src_uri: str) -> bool:
        return src_uri in self._render

    def home_sections(self) -> dict[str, str]:
        if self._home is None:
            home = self.worker.get("home")
            self._home = self._here("home sections", self.renderer.home_sections) if home is MISSING else home
        return self._home

    def page(self, src_uri: str) -> GeneratedPage:
        page = self._pages.get(src_uri)
        if page is None:
            page = self.worker.get(("page", src_uri))
            if page is MISSING:
                page = self._here("pages", lambda: self.renderer.dated(self._render[src_uri](), self._newest))
            self._pages[src_uri] = page
        self.worker.drain()  # take in what has arrived, so the worker can go on
        return page

    def pages(self) -> list[GeneratedPage]:
        return [self.page(src_uri) for src_uri in self.page_uris]

    def output_ready(self, output: Path) -> None:
        """The tool has emptied its output folder: the worker may write the files there."""
        self.worker.send(str(output))

    def write_files(self, output: Path) -> list[str]:
        """Make sure every generated file is in the output folder (the worker's, or made here)."""
        if self._written is None:
            written = self.worker.get("written")
            if written is MISSING:
                written = self._here("files", lambda: _write(self.files(), output))
            self._written = written
        return self._written

    def report(self) -> str:
        """Who made what (for debugging and tests)."""
        if self._worker_started and self.worker.error is None and not self._made_here:
            return "the worker made every page and file"
        why = f" (the worker stopped: {self.worker.error})" if self.worker.error else ""
        return f"made here: {self._made_here or 'everything'}{why}"

    def close(self) -> None:
        self.worker.close()

    def _here(self, what: str, work):
        self._made_here[what] = self._made_here.get(what, 0) + 1
        return work()


def _write(files: FileMap, output: Path) -> list[str]:
    made: set[Path] = set()
    for src_uri, content in files.items():
        path = output / src_uri
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return sorted(files)
