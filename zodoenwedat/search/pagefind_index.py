"""The site's one search index, made with Pagefind in the build.

Every case becomes a Pagefind *custom record* fed from the catalogue: its summary and body as
the text (excerpts come from there); title, place and neighbourhood, summary, partner names and
vocabulary labels as meta data (Pagefind searches those too, the title above all; the finder
shows the card's fields from them); a filter per facet; sort keys for date and title. Every
other page (hand-written and listing pages) is indexed from its rendered HTML. Both the finder
on /praktijkvoorbeelden/ and the header search read this one index with Pagefind's JavaScript
API (zodoenwedat/search/static/).

:class:`IndexFeed` makes the index while the site is rendered (the MkDocs adapter hands it
each page as it is rendered); :func:`index_files` makes it from pages at hand. Either returns
the files of the index (``pagefind/...``) as ``{path: bytes}``. It runs the Pagefind binary that ships with the ``pagefind[bin]`` package: no network.
"""

from __future__ import annotations

import asyncio
import base64
import concurrent.futures
import functools
import gzip
import json
import re
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

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


def index_files(catalogue: Catalogue, pages: Iterable[tuple[str, str]] = ()) -> dict[str, bytes]:
    """The Pagefind index of the cases (from the catalogue) and the given pages (url, rendered
    HTML), as ``{path in the site: content}``; paths start with ``pagefind/``. The same input
    gives the same bytes, in any order (the pages are sent sorted by URL; see also
    :mod:`zodoenwedat.search.stable`)."""
    feed = IndexFeed(catalogue)
    for url, html in sorted(dict(pages).items()):
        feed.add_page(url, html)
    return feed.files()


class IndexFeed:
    """The index, made while the site is rendered: the cases go to Pagefind when the feed is
    made, each other page as soon as it is rendered (:meth:`add_page`), and :meth:`files`
    waits for the rest and returns the index's files.

    Pagefind's Python API is asynchronous: it talks to the Pagefind binary (its own process)
    through a pipe. The feed runs that API on an event loop in one thread of its own, so the
    binary indexes while the build goes on rendering; the build waits only at the end. The
    binary handles its requests one at a time in the order they are sent, so the same pages in
    the same order give the same index.
    """

    def __init__(self, catalogue: Catalogue):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="pagefind", daemon=True)
        self._thread.start()
        self._sent: list[concurrent.futures.Future] = []
        self._service: Any = None  # Pagefind's service, once launched
        self.pages = 0  # pages sent besides the cases
        try:
            self._index = self._wait(self._open())
        except BaseException:
            self.close()
            raise
        for r in case_records(catalogue):
            self._send(
                self._index.add_custom_record(
                    url=r.url, content=r.content, language=LANGUAGE, meta=r.meta, filters=r.filters, sort=r.sort
                )
            )

    def add_page(self, url: str, html: str) -> None:
        """Index a rendered page (not a case: those come from the catalogue), unless it is one
        that is left out (404, the static list's further pages)."""
        if _SKIPPED_PAGES.match(url.lstrip("/")):
            return
        marked = _ARTICLE.sub(lambda m: m.group(0) + _PAGE_MARK, html, count=1)
        self.pages += 1
        self._send(self._index.add_html_file(content=marked, url=page_url(url)))

    def files(self) -> dict[str, bytes]:
        """Wait for every page to be indexed, then the index's files, ``{path: content}``."""
        try:
            for sent in self._sent:
                self._result(sent)
            files = stable.canonical(self._wait(self._write()))
            return {BUNDLE + path: content for path, content in sorted(files.items())}
        finally:
            self.close()

    def close(self) -> None:
        """Stop Pagefind and the feed's thread (also after an error; again is harmless)."""
        if self._loop.is_closed():
            return
        if self._service is not None:
            try:
                self._wait(self._service.close())
            except Exception:  # noqa: S110 - stopping after an error: the first error is the one to report
                pass
        self._wait(_cancel_the_rest())  # after an error: requests still waiting for an answer
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()

    # -- on the feed's thread --

    async def _open(self):
        # Pagefind's API is imported where an index is made (about 80 ms): the pages, the
        # finder's files and the tests of the records do not need it.
        from pagefind.index import IndexConfig

        service = self._service = await _Service().launch()
        return await service.create_index(IndexConfig(force_language=LANGUAGE, root_selector=ROOT_SELECTOR))

    async def _write(self) -> dict[str, bytes]:
        with tempfile.TemporaryDirectory(prefix="zodoenwedat-pagefind-") as folder:
            # write_files, not get_files: Pagefind's Python API warns that a large index can
            # block the pipe that get_files reads.
            await self._index.write_files(output_path=folder)
            return await settled(Path(folder))

    # -- between the threads --

    def _send(self, coroutine) -> None:
        # Tasks start in the order they are handed over, and each writes its request before
        # it first waits: the requests reach Pagefind in this order.
        self._sent.append(asyncio.run_coroutine_threadsafe(coroutine, self._loop))

    def _wait(self, coroutine):
        return self._result(asyncio.run_coroutine_threadsafe(coroutine, self._loop))

    @staticmethod
    def _result(future: concurrent.futures.Future):
        try:
            return future.result()
        except SearchIndexError:
            raise
        except Exception as error:  # the binary is missing, or stopped: say so in Dutch
            raise SearchIndexError(f"De zoekindex (Pagefind) kon niet gemaakt worden: {error}") from error


async def _cancel_the_rest() -> None:
    rest = [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]
    for task in rest:
        task.cancel()
    await asyncio.gather(*rest, return_exceptions=True)


def read_bundle(root: Path) -> dict[str, bytes]:
    """The files of the bundle in ``root`` that the site uses (_KEEP), by relative path."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and _KEEP.match(path.relative_to(root).as_posix())
    }


def whole(files: dict[str, bytes]) -> bool:
    """Is every file complete? The entry is JSON naming a metadata file that is there; each
    chunk (gzip) ends with its checksum; the script and the WebAssembly are not empty."""
    try:
        entry = json.loads(files["pagefind-entry.json"])
        for language in entry["languages"].values():
            if f"pagefind.{language['hash']}.pf_meta" not in files:
                return False
        for path, content in files.items():
            if path.endswith((".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")):
                gzip.decompress(content)
            elif not content:
                return False
    except (KeyError, TypeError, ValueError, OSError, EOFError):
        return False
    return "pagefind.js" in files


async def settled(root: Path, attempts: int = 100, pause: float = 0.02) -> dict[str, bytes]:
    """The bundle once Pagefind has finished writing it. Pagefind 1.5.2 answers write_files
    before every file has reached the disk (an empty pagefind-entry.json was seen in a test
    run): read until every file is whole and a second read a moment later gives the same."""
    previous = None
    for _ in range(attempts):
        files = read_bundle(root)
        if files == previous and whole(files):
            return files
        previous = files
        await asyncio.sleep(pause)
    raise SearchIndexError(
        f"De zoekindex (Pagefind) is niet volledig geschreven: na {attempts * pause:.0f} s ontbreken nog bestanden "
        "of zijn ze onvolledig. Bouw de site opnieuw; gebeurt het weer, meld het dan aan de ontwikkelaars."
    )


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
