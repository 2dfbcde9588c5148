"""The site's one search index, made with Pagefind in the build.

Every case becomes a Pagefind *custom record* fed from the catalogue: its summary and body as
the text (excerpts come from there); title, place and neighbourhood, summary, partner names and
vocabulary labels as meta data (Pagefind searches those too, the title above all; the finder
shows the card's fields from them); a filter per facet; sort keys for date and title. Every
other page (hand-written and listing pages) is indexed from its rendered HTML. Both the finder
on /praktijkvoorbeelden/ and the header search read this one index with Pagefind's JavaScript
API (zodoenwedat/search/static/).

:func:`index_files` returns the files of the index (``pagefind/...``) as ``{path: bytes}``.
It runs the Pagefind binary that ships with the ``pagefind[bin]`` package: no network.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import json
import re
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..catalogue import urls
from ..catalogue.catalogue import CaseEntry, Catalogue
from ..vocabularies import VOCABULARIES
from . import stable

LANGUAGE = "nl"
BUNDLE = "pagefind/"  # the index's folder in the site
WASM = f"{BUNDLE}wasm.{LANGUAGE}.pagefind"  # Pagefind's WebAssembly for Dutch (the finder preloads it)
# The filter that tells the finder which results are not cases: every page from HTML has
# soort=pagina, no case has it. (Put on the few pages rather than on the many cases, the
# finder's first search loads a small filter chunk: "not soort=pagina".)
KIND_FILTER = "soort"
KIND_PAGE = "pagina"
# Facet: (URL parameter = Pagefind filter name, vocabulary in data/, legend). The finder and
# the filters column read these names from the page (data attributes), never from its script.
FACETS = tuple((v.facet, v.name, v.legend) for v in VOCABULARIES)
# Meta data of a case record. Pagefind searches every meta field ("title" counts most) and
# shows them with a result; the record's text (its excerpts) is the summary and the body.
META_TITLE, META_PLACE, META_SUMMARY = "title", "plaats", "samenvatting"
META_ORGANISATIONS, META_LABELS = "organisaties", "kenmerken"
# Sort keys: "datum" sorts descending in the catalogue's order (newest first, then title),
# "titel" ascending by title. See case_records().
SORT_DATE, SORT_TITLE = "datum", "titel"
# Only the parts of the bundle the site uses: not Pagefind's own UI kits, not its Web Worker
# (the search runs in the page: zoeken.js, noWorker), not the WebAssembly for pages in an
# unknown language (every page is Dutch).
_KEEP = re.compile(
    r"^(pagefind\.js|pagefind-entry\.json|pagefind\..+\.pf_meta|wasm\.(?!unknown\.).+\.pagefind|(index|fragment|filter)/.+)$"
)
# What an HTML page contributes: its article (Material's content), not the header, tabs,
# sidebars or footer. Case cards on listing pages carry data-pagefind-ignore.
ROOT_SELECTOR = "article"
# Pages left out: the static list's further pages repeat the first; 404 is not content.
_SKIPPED_PAGES = re.compile(r"^(?:" + re.escape(urls.PAGINATION) + r".*|404\.html)$")

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_SYNTAX = re.compile(r"^[ \t]*(?:#{1,6}|[-*+]|\d+[.)]|>)[ \t]+|[*_`~]+", re.MULTILINE)


class SearchIndexError(Exception):
    """Pagefind could not make the index (a Dutch message for the build log)."""


@dataclass(frozen=True)
class Record:
    """One case as Pagefind indexes it (the arguments of ``add_custom_record``)."""

    url: str
    content: str
    meta: dict[str, str]
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: dict[str, str] = field(default_factory=dict)


def body_text(markdown: str) -> str:
    """The words of a Markdown body, without link targets and syntax characters."""
    return _MD_SYNTAX.sub(" ", _MD_LINK.sub(r"\1", markdown))


def page_url(url: str) -> str:
    """A page's URL in the index: from the site root, with a leading slash. Pagefind puts the
    site's own base path in front in the browser (derived from where pagefind.js is)."""
    return "/" + url.lstrip("/")


def case_record(catalogue: Catalogue, entry: CaseEntry, date_key: str, title_key: str) -> Record:
    case = entry.case
    place = " · ".join(filter(None, [case.place, case.neighbourhood]))
    organisations = [p.name for p in case.partners if p.name]
    labels = [catalogue.label(vocabulary, code) for _, vocabulary, _ in FACETS for code in entry.codes(vocabulary)]
    content = case.summary + "\n" + body_text(entry.body)
    filters = {}
    for name, vocabulary, _ in FACETS:
        codes = entry.codes(vocabulary)
        if codes:
            filters[name] = list(codes)
    return Record(
        url=page_url(urls.case(entry.slug)),
        content=content,
        meta={
            META_TITLE: case.title,
            META_PLACE: place,
            META_SUMMARY: case.summary,
            META_ORGANISATIONS: ", ".join(dict.fromkeys(organisations)),
            META_LABELS: ", ".join(dict.fromkeys(labels)),
        },
        filters=filters,
        sort={SORT_DATE: date_key, SORT_TITLE: title_key},
    )


def case_records(catalogue: Catalogue) -> list[Record]:
    """A record per case, in the catalogue's order (newest first).

    Pagefind sorts a key's values as text and a descending sort reverses the ascending order,
    ties included. So the date key is the publication date followed by a number that counts
    down through the catalogue: descending, it gives exactly the catalogue's order (newest
    first; the same day by title). The title key is the title with the slug (unique).
    """
    n = len(catalogue.cases)
    width = len(str(n))
    return [
        case_record(
            catalogue,
            entry,
            date_key=f"{entry.case.published.isoformat()}.{n - 1 - position:0{width}d}",
            title_key=f"{entry.case.title.casefold()} {entry.slug}",
        )
        for position, entry in enumerate(catalogue.cases)
    ]


_ARTICLE = re.compile(r"<article\b[^>]*>")
_PAGE_MARK = f'<span data-pagefind-filter="{KIND_FILTER}:{KIND_PAGE}" hidden></span>'


def indexed_pages(pages: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (url, html) pages that go into the index, in a stable order, each with the filter
    soort=pagina at the start of its article (what Pagefind indexes of it)."""
    chosen = {url: html for url, html in pages if not _SKIPPED_PAGES.match(url.lstrip("/"))}
    return [(url, _ARTICLE.sub(lambda m: m.group(0) + _PAGE_MARK, html, count=1)) for url, html in sorted(chosen.items())]


def index_files(catalogue: Catalogue, pages: Iterable[tuple[str, str]] = ()) -> dict[str, bytes]:
    """The Pagefind index of the cases (from the catalogue) and the given pages (url, rendered
    HTML), as ``{path in the site: content}``; paths start with ``pagefind/``. The same input
    gives the same bytes (:mod:`zodoenwedat.search.stable`)."""
    records = case_records(catalogue)
    html_pages = indexed_pages(pages)
    try:
        files = _run(lambda: _build(records, html_pages))
    except SearchIndexError:
        raise
    except Exception as error:  # the binary is missing, or stopped: say so in Dutch
        raise SearchIndexError(f"De zoekindex (Pagefind) kon niet gemaakt worden: {error}") from error
    files = stable.canonical(files)
    return {BUNDLE + path: content for path, content in sorted(files.items())}


def _run(make_coroutine):
    """Run Pagefind's asynchronous API to the end. Where this thread already runs an event loop
    (a host that calls the build from async code, or Playwright's sync API in the tests),
    asyncio.run() is refused: then its own loop runs in one short-lived thread."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(make_coroutine())
    result: dict = {}

    def run() -> None:
        try:
            result["files"] = asyncio.run(make_coroutine())
        except BaseException as error:  # handed back to the caller below
            result["error"] = error

    thread = threading.Thread(target=run, name="pagefind")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["files"]


async def _build(records: list[Record], pages: list[tuple[str, str]]) -> dict[str, bytes]:
    from pagefind.index import IndexConfig

    service = await _Service().launch()
    try:
        index = await service.create_index(IndexConfig(force_language=LANGUAGE, root_selector=ROOT_SELECTOR))
        # Sent in this order (the service handles one request at a time, in the order they
        # arrive), so the pages are numbered the same way in every build.
        added = [
            index.add_custom_record(url=r.url, content=r.content, language=LANGUAGE, meta=r.meta, filters=r.filters, sort=r.sort)
            for r in records
        ]
        added += [index.add_html_file(content=html, url=page_url(url)) for url, html in pages]
        await asyncio.gather(*added)
        with tempfile.TemporaryDirectory(prefix="zodoenwedat-pagefind-") as folder:
            # write_files, not get_files: Pagefind's Python API warns that a large index can
            # block the pipe that get_files reads.
            await index.write_files(output_path=folder)
            root = Path(folder)
            return {
                path.relative_to(root).as_posix(): path.read_bytes()
                for path in sorted(root.rglob("*"))
                if path.is_file() and _KEEP.match(path.relative_to(root).as_posix())
            }
    finally:
        await service.close()


@functools.cache
def _service_class():
    from pagefind.service import PagefindService

    class Service(PagefindService):
        """Pagefind's Python service, reading its answers as they come.

        pagefind 1.5.2's reader sleeps 0.1 s before it reads each answer, which makes a
        record cost at least 0.1 s (17 minutes for 10,000 cases). This reader is the same
        loop without the pause; everything else is Pagefind's own (PagefindService,
        create_index, PagefindIndex).
        """

        async def _wait_for_responses(self) -> None:
            while True:
                output = await self._backend.stdout.readuntil(b",")  # type: ignore[union-attr]  # Pagefind opens stdout
                response = json.loads(base64.b64decode(output[:-1]))
                if response is None:
                    continue
                message_id = response.get("message_id")
                payload = response.get("payload") or {}
                if message_id is None and payload.get("original_message"):
                    message_id = json.loads(payload["original_message"]).get("message_id")
                future = self._responses.get(message_id)
                if future is None or future.done():
                    continue
                if payload.get("type") == "Error":
                    future.set_exception(SearchIndexError(f"Pagefind meldt: {payload.get('message')}"))
                else:
                    future.set_result(payload)  # type: ignore[arg-type]  # Pagefind's own TypedDicts, as JSON

        async def close(self) -> None:
            # Stop at once, also after an error (the parent's close waits for every answer).
            self._poll_task.cancel()
            if self._backend.returncode is None:
                self._backend.terminate()
            await self._backend.wait()

    return Service


def _Service():  # noqa: N802 - reads like the class it makes
    return _service_class()()
