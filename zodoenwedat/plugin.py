"""The MkDocs adapter: a thin layer over the core.

* ``on_startup``: note whether this is a one-off build (the core may then use a second
  process) or ``mkdocs serve`` / ``--dirty`` (everything in this process).
* ``on_config``: load and validate every case and data file; any problem fails the build
  with the same Dutch ``path:line:column`` messages as ``zodoenwedat validate``. Then start
  the core's :class:`~zodoenwedat.site.build.LiveSite`, which makes the pages and files while
  MkDocs works.
* ``on_files``: add every generated page and file as a generated file (their content comes
  later, when MkDocs reads it: :class:`_Generated`).
* ``on_page_markdown``: give a generated page its meta data (title, description, hidden parts).
* ``on_page_content``: put the core's HTML around a page's rendered Markdown (and fill the
  markers of the hand-written home page).
* ``on_nav``: keep the navigation (for the two below).
* ``on_env``: give the theme a cache for the parts that repeat per folder (:class:`_FolderCache`);
  hand part of the generated pages to a second process that renders them with the theme while
  MkDocs renders the rest (:class:`_SharedRendering`).
* ``on_page_context``: hand the page's extra ``<head>`` HTML to the theme; note its date for the sitemap.
* ``on_post_page``: keep the rendered HTML of every page that is not a case page, for the search index.
* ``on_post_build``: make sure the generated files are written; write the search index (Pagefind:
  the cases from the catalogue, the other pages from their HTML), the content-dated sitemap
  and ``_headers``.
* ``on_build_error``: stop the second processes.
* ``on_serve``: rebuild when ``cases/`` or ``data/`` changes.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

import jinja2
import jinja2.meta

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from .embed.embeds import headers_file
from .opendata.sitemap import gzipped, sitemap
from .parallel import Job
from .search import pagefind_index
from .site.build import LiveSite
from .urlguard import check_all

_log = logging.getLogger("mkdocs.plugins.zodoenwedat")
_NOT_IN_NAV = InclusionLevel.NOT_IN_NAV  # reached through the overview and listing pages, not the sidebar
_MARKER_RE = re.compile(r"<!--\s*zodoenwedat:\s*([a-z0-9-]+)\s*-->")
# Plugins whose page events are known to work when some pages are rendered in a second
# process (their on_page_context runs here for every page; nothing they do in on_post_page
# is needed here). With any other plugin, every page is rendered here.
_SHAREABLE_WITH = {"material/search", "search", "zodoenwedat"}
_SHARE = 0.55  # the part of the generated pages the second process renders


class PluginConfig(Config):
    root = config_options.Type(str, default="")  # the repository, default: beside mkdocs.yml
    edit_url = config_options.Optional(config_options.Type(str))  # base URL to edit a file
    theme_cache = config_options.Type(bool, default=True)  # render repeated theme parts once per folder


class _Generated(File):
    """A generated page or file whose content the core delivers when MkDocs needs it."""

    site: LiveSite

    @property
    def content_string(self) -> str:
        if self.site.is_page(self.src_uri):
            # The body only: its meta data is set in on_page_markdown (no YAML to parse). The
            # blank line first keeps MkDocs from reading the body's first lines as meta data.
            return "\n" + self.site.page(self.src_uri).markdown + "\n"
        return self.content_bytes.decode("utf-8")

    @property
    def content_bytes(self) -> bytes:
        if self.site.is_page(self.src_uri):
            return self.content_string.encode("utf-8")
        self.site.write_files(Path(self.dest_dir))
        return Path(self.abs_dest_path).read_bytes()

    def is_modified(self) -> bool:
        return True

    def copy_file(self, dirty: bool = False) -> None:
        pass  # the core writes every generated file at once (LiveSite.write_files)


class ZoDoenWeDatPlugin(BasePlugin[PluginConfig]):
    supports_multiple_instances = False
    site: LiveSite | None = None
    parallel = False
    shared: "_SharedRendering | None" = None

    def on_startup(self, *, command, dirty):
        # A second process only for one-off builds: `mkdocs serve` runs threads (no fork).
        self.parallel = command in ("build", "gh-deploy") and not dirty

    def on_config(self, config):
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        repo = check_all(self.root)
        if repo.problems:
            lines = "\n".join(p.as_text() for p in repo.problems.sorted())
            raise PluginError(
                f"De site wordt niet gebouwd: {len(repo.problems)} probleem/problemen in de praktijkvoorbeelden of gegevens.\n"
                f"{lines}\nVerbeter ze en controleer met: zodoenwedat validate"
            )
        self.sitemap_pages: dict = {}  # URL -> date of its content (once, even if a page is rendered twice)
        self.search_pages: dict = {}  # URL -> (rendered HTML or None: read it from the file, its path)
        if self.site is not None:
            self.site.close()  # a previous build that stopped halfway
        self.site = LiveSite(repo, edit_url_base=self.config.edit_url, site_url=config.site_url, parallel=self.parallel)
        if config.site_url:
            config.theme.static_templates.discard("sitemap.xml")  # ours is written in on_post_build
        return config

    def on_files(self, files: Files, *, config) -> Files:
        site = self.site
        for src_uri in site.page_uris:
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} botst met een gegenereerde pagina; hernoem of verwijder dat bestand.")
            files.append(_generated(config, site, src_uri, _NOT_IN_NAV))
        for src_uri in site.file_paths:
            files.append(_generated(config, site, src_uri, InclusionLevel.UNDEFINED))
        for src_uri, path in site.copies.items():
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        site.output_ready(Path(config.site_dir))  # MkDocs has emptied site_dir by now
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        if self.site.is_page(page.file.src_uri):
            page.meta = self.site.page(page.file.src_uri).meta()
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        src_uri = page.file.src_uri
        if self.site.is_page(src_uri):
            generated = self.site.page(src_uri)
            return generated.html_before + html + generated.html_after
        if src_uri == "index.md":
            sections = self.site.home_sections()
            return _MARKER_RE.sub(lambda m: sections.get(m.group(1), m.group(0)), html)
        return html

    def on_nav(self, nav, *, config, files):
        self.nav = nav
        return nav

    def on_env(self, env, *, config, files):
        env.globals.update(_FolderCache(self.nav, enabled=self.config.theme_cache).template_globals())
        self.shared = None
        if self.parallel and set(config.plugins) <= _SHAREABLE_WITH:
            self.shared = _SharedRendering(self.site, env, config, files, self.nav)
        return env

    def on_page_context(self, context, *, page, config, nav):
        src_uri = page.file.src_uri
        generated = self.site.page(src_uri) if self.site.is_page(src_uri) else None
        context["zd_head"] = generated.head if generated is not None else ""
        self.sitemap_pages.setdefault(page.url, generated.lastmod if generated is not None else None)
        return context

    def on_post_page(self, output: str, *, page, config) -> str:
        # The search index: cases come from the catalogue, every other page from its HTML. A
        # page rendered by the second process comes here empty: it is read from its file.
        src_uri = page.file.src_uri
        if not (self.site.is_page(src_uri) and self.site.page(src_uri).kind == "case"):
            self.search_pages[page.url] = (output or None, page.file.abs_dest_path)
        return output

    def on_post_build(self, *, config):
        site_dir = Path(config.site_dir)
        if self.shared is not None:
            self.shared.finish()
        self.site.write_files(site_dir)
        _log.debug(f"zodoenwedat: {self.site.report()}")
        self.site.close()
        self._write_search_index(site_dir)
        if config.site_url:  # MkDocs' sitemap dates every page with the build; ours with its content
            text = sitemap(config.site_url, [p for p in self.sitemap_pages.items() if p[0] != "404.html"])
            (site_dir / "sitemap.xml").write_text(text, encoding="utf-8")
            (site_dir / "sitemap.xml.gz").write_bytes(gzipped(text))
        top_level = sorted(p.name for p in site_dir.iterdir() if not p.name.startswith("_"))
        (site_dir / "_headers").write_text(headers_file(top_level), encoding="utf-8")

    def _write_search_index(self, site_dir: Path) -> None:
        started = time.perf_counter()
        pages = [
            (url, html if html is not None else Path(path).read_text(encoding="utf-8"))
            for url, (html, path) in self.search_pages.items()
        ]
        try:
            files = pagefind_index.index_files(self.site.catalogue, pages)
        except pagefind_index.SearchIndexError as error:
            raise PluginError(str(error)) from error
        for path, content in files.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        _log.debug(
            f"zodoenwedat: search index: {len(self.site.catalogue.cases)} cases and {len(pages)} pages "
            f"in {time.perf_counter() - started:.2f} s ({len(files)} files)"
        )

    def on_build_error(self, *, error):
        if self.site is not None:
            self.site.close()
        if self.shared is not None:
            self.shared.stop()

    def on_serve(self, server, *, config, builder):
        for folder in ("cases", "data"):
            path = self.root / folder
            if path.is_dir():
                server.watch(str(path))
        return server


def _generated(config, site: LiveSite, src_uri: str, inclusion) -> _Generated:
    file = _Generated.generated(config, src_uri, content=b"", inclusion=inclusion)
    file.site = site
    return file


class _FolderCache:
    """The theme renders the tabs, the sidebar navigation, the search box and its
    configuration script into every page. For a page that is not in the navigation itself
    they depend only on the folder the page is in (links are relative to it; no item is
    active). overrides/main.html and partials/search.html ask ``zd_cache_key`` for a key and
    render each key's HTML once; pages in the navigation and the home page get no key."""

    def __init__(self, nav, enabled: bool = True):
        self.in_nav = {page.file.src_uri for page in nav.pages} if nav is not None else set()
        self.enabled = enabled
        self.html: dict = {}

    def key(self, page, part: str):
        if not self.enabled or page is None or getattr(page, "file", None) is None:
            return None
        if page.file.src_uri in self.in_nav or page.is_homepage:
            return None
        url = page.url
        if not url.endswith("/"):
            return None  # use_directory_urls: false, or a file URL: render as usual
        return part, url[: url.rstrip("/").rfind("/") + 1]

    def remember(self, key, html: str) -> str:
        if key is not None:
            self.html[key] = html
        return html

    def template_globals(self) -> dict:
        return {"zd_cache_key": self.key, "zd_cache": self.html, "zd_remember": self.remember}


class _SharedRendering:
    """Render the last part of the generated pages in a forked process while MkDocs renders
    the rest here: MkDocs renders pages one by one, and the theme's templates are most of a
    build's time.

    The second process runs MkDocs' own page step (``_build_page``) for its pages and writes
    them. Here those pages still go through every plugin's ``on_page_context`` (the search
    index, the sitemap), but get an empty template, so MkDocs skips writing them (its "Page
    skipped" notes about them are left out of the log). The second process's log records are
    logged here when it is done, so ``--strict`` counts its warnings. If it fails in any way,
    its pages are rendered here after all.
    """

    def __init__(self, site: LiveSite, env, config, files, nav):
        from mkdocs.commands.build import _build_page

        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        generated = [file.page for file in doc_files if site.is_page(file.src_uri) and file.page is not None]
        self.pages = generated[len(generated) - int(len(generated) * _SHARE):]

        def render():
            for page in self.pages:
                page.meta.pop("template", None)  # (when this runs here after all)
            with _captured_logs() as records:
                for page in self.pages:
                    _build_page(page, config, doc_files, nav, env, excluded=page.file.inclusion.is_excluded())
            return records

        self.filter = None
        if self.pages:
            _compile(env, "main.html")  # once, before the fork: both processes use the result
        self.job = Job(render) if self.pages else None
        if self.job is None or self.job.process is None:
            self.job = None  # no second process: MkDocs renders every page here, as usual
            return
        rendered_elsewhere = env.from_string("")  # MkDocs takes a template object as well as a name
        for page in self.pages:
            page.meta["template"] = rendered_elsewhere
        skipped = {f"Page skipped: '{page.file.src_uri}'. Generated empty output." for page in self.pages}
        self.filter = lambda record: record.getMessage() not in skipped
        logging.getLogger("mkdocs.commands.build").addFilter(self.filter)

    def finish(self) -> None:
        self.stop()
        if self.job is not None:
            for name, level, message in self.job.result():
                logging.getLogger(name).log(level, message)
            if self.job.error:
                _log.debug(f"zodoenwedat: the second process failed ({self.job.error}); its {len(self.pages)} pages were rendered here")
            else:
                _log.debug(f"zodoenwedat: {len(self.pages)} pages rendered by a second process")
            self.job = None

    def stop(self) -> None:
        if self.filter is not None:
            logging.getLogger("mkdocs.commands.build").removeFilter(self.filter)
            self.filter = None


def _compile(env, name: str, seen: set | None = None) -> None:
    """Compile a template and every template it names (dynamic names are left to render time)."""
    seen = set() if seen is None else seen
    if name in seen:
        return
    seen.add(name)
    try:
        source, _, _ = env.loader.get_source(env, name)
        names = jinja2.meta.find_referenced_templates(env.parse(source))
        env.get_template(name)
    except jinja2.TemplateError:
        return  # rendering will report it as usual
    for other in names:
        if other:
            _compile(env, other, seen)


class _captured_logs:
    """Collect log records as (logger, level, message) instead of printing them."""

    def __enter__(self) -> list:
        self.records: list = []
        records = self.records

        class Collect(logging.Handler):
            def emit(self, record):
                records.append((record.name, record.levelno, record.getMessage()))

        self.saved = []
        for logger in (logging.getLogger("mkdocs"), logging.getLogger()):
            self.saved.append((logger, logger.handlers[:]))
            logger.handlers[:] = [Collect()]
        return self.records

    def __exit__(self, *exc) -> None:
        for logger, handlers in self.saved:
            logger.handlers[:] = handlers
