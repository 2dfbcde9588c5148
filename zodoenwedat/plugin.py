"""The MkDocs adapter: hands the core's pages and files to MkDocs through its plugin events.

* ``on_config``: load and validate every case and data file (a problem fails the build with
  the same Dutch ``path:line:column`` messages as ``zodoenwedat validate``), then make every
  generated page and file once, in memory (:func:`~zodoenwedat.build.build_site`).
* ``on_env``: keep the theme's compiled templates between the rebuilds of ``mkdocs serve``
  (a Jinja bytecode cache in memory, checked against each template's source).
* ``on_files``: add them as generated files (``File.generated``), with a sitemap dated by
  content; MkDocs renders and writes them.
* ``on_page_content``: put the core's HTML around a generated page's Markdown, and fill the
  markers of hand-written pages (the home page's, and facts from data/ elsewhere).
* ``on_page_context``: hand the page's extra ``<head>`` HTML to the theme.
* ``on_post_page``: hand every rendered page that is not a case page to the search index, which
  Pagefind makes while MkDocs renders (the cases went to it from the catalogue in ``on_config``).
* ``on_post_build`` (last): write the search index and ``_headers``, which names every
  top-level folder of the output. ``on_build_error``: stop Pagefind.
* ``on_serve``: rebuild when ``cases/`` or ``data/`` changes.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from .build import SiteBuild, build_site
from .catalogue.urlguard import check_all
from .embed.embeds import headers_file
from .opendata.sitemap import gzipped, sitemap
from .pages.renderer import CompiledTemplates
from .search import pagefind_index

_log = logging.getLogger("mkdocs.plugins.zodoenwedat")
_MARKER_RE = re.compile(r"<!--\s*zodoenwedat:\s*([a-z0-9-]+)\s*-->")
_THEME_TEMPLATES = CompiledTemplates()  # the theme's, for the life of the process (mkdocs serve)


class PluginConfig(Config):
    root = config_options.Type(str, default="")  # the repository, default: beside mkdocs.yml
    edit_url = config_options.Optional(config_options.Type(str))  # base URL to edit a file


class ZoDoenWeDatPlugin(BasePlugin[PluginConfig]):
    site: SiteBuild

    def on_config(self, config):
        self.root = Path(self.config.root or Path(config.config_file_path).parent).resolve()
        repo = check_all(self.root)
        if repo.problems:
            lines = "\n".join(p.as_text() for p in repo.problems.sorted())
            raise PluginError(
                f"De site wordt niet gebouwd: {len(repo.problems)} probleem/problemen in de praktijkvoorbeelden of gegevens.\n"
                f"{lines}\nVerbeter ze en controleer met: zodoenwedat validate"
            )
        self.site = build_site(repo, edit_url_base=self.config.edit_url, site_url=config.site_url)
        self.search = self._start_search_index()
        if config.site_url:
            config.theme.static_templates.discard("sitemap.xml")  # ours, dated by content, comes in on_files
        return config

    def on_env(self, env, *, config, files):
        env.bytecode_cache = _THEME_TEMPLATES
        return env

    def on_files(self, files: Files, *, config) -> Files:
        for page in self.site.pages:
            if files.get_file_from_path(page.src_uri) is not None:
                raise PluginError(f"docs/{page.src_uri} botst met een gegenereerde pagina; hernoem of verwijder dat bestand.")
            # Reached through the overview and listing pages, not the sidebar.
            files.append(File.generated(config, page.src_uri, content=page.markdown_file(), inclusion=InclusionLevel.NOT_IN_NAV))
        for src_uri, content in self.site.files.items():
            files.append(File.generated(config, src_uri, content=content))
        for src_uri, path in self.site.copies.items():
            files.append(File.generated(config, src_uri, abs_src_path=str(path)))
        if config.site_url:  # MkDocs' sitemap dates every page with the build; ours with its content
            pages = [(_page_url(file), self._lastmod(file)) for file in files.documentation_pages() if self._listed(file)]
            text = sitemap(config.site_url, pages)
            theirs = files.get_file_from_path("sitemap.xml")  # the theme's template, copied as it is once not rendered
            if theirs is not None:
                files.remove(theirs)
            files.append(File.generated(config, "sitemap.xml", content=text))
            files.append(File.generated(config, "sitemap.xml.gz", content=gzipped(text)))
        return files

    def on_page_content(self, html: str, *, page, config, files) -> str:
        generated = self.site.by_source.get(page.file.src_uri)
        if generated is not None:
            return generated.html_before + html + generated.html_after
        if _MARKER_RE.search(html):  # a hand-written page with facts from data/ (home, colofon, open data)
            sections = self.site.home_sections if page.file.src_uri == "index.md" else self.site.page_sections(page.url)
            return _MARKER_RE.sub(lambda m: sections.get(m.group(1), m.group(0)), html)
        return html

    def on_page_context(self, context, *, page, config, nav):
        generated = self.site.by_source.get(page.file.src_uri)
        context["zd_head"] = generated.head if generated is not None else ""
        return context

    def on_post_page(self, output: str, *, page, config) -> str:
        generated = self.site.by_source.get(page.file.src_uri)
        # Cases go to the index from the catalogue; a listing without cases not at all.
        if generated is None or (generated.kind != "case" and generated.listed):
            self.search.add_page(page.url, output)
        return output

    @event_priority(-100)  # last: _headers names every top-level folder, other plugins' output included
    def on_post_build(self, *, config):
        site_dir = Path(config.site_dir)
        started = time.perf_counter()
        try:
            files = self.search.files()
        except pagefind_index.SearchIndexError as error:
            raise PluginError(str(error)) from error
        for path, content in files.items():
            (site_dir / path).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / path).write_bytes(content)
        waited = time.perf_counter() - started  # Pagefind indexed while MkDocs rendered: this is what is left
        _log.debug(f"zodoenwedat: search index of {self.search.pages} pages in {waited:.2f} s after the last page")
        top_level = sorted(p.name for p in site_dir.iterdir() if not p.name.startswith("_"))
        (site_dir / "_headers").write_text(headers_file(top_level), encoding="utf-8")

    def on_build_error(self, *, error):
        if getattr(self, "search", None) is not None:
            self.search.close()  # stop Pagefind: the build will not write its index

    def on_serve(self, server, *, config, builder):
        for folder in ("cases", "data"):
            if (self.root / folder).is_dir():
                server.watch(str(self.root / folder))
        return server

    def _start_search_index(self) -> pagefind_index.IndexFeed:
        try:  # the cases go to Pagefind now; each other page once rendered (on_post_page)
            return pagefind_index.IndexFeed(self.site.catalogue)
        except pagefind_index.SearchIndexError as error:
            raise PluginError(str(error)) from error

    def _listed(self, file: File) -> bool:
        generated = self.site.by_source.get(file.src_uri)
        return generated is None or generated.listed

    def _lastmod(self, file: File):
        generated = self.site.by_source.get(file.src_uri)
        return generated.lastmod if generated is not None else None


def _page_url(file: File) -> str:
    return "" if file.url == "./" else file.url  # the home page, as Page.url has it
