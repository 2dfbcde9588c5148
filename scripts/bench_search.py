#!/usr/bin/env python3
"""Benchmark: search on Pagefind at 1,000 and 10,000 cases, against the budgets of issue 13.

A benchmark reports; it is not a test and never fails the build. It prints one Markdown table
(every figure, its budget, PASS/MISS, and today's lunr figure beside it) and exits 0. It exits
2 only when the synthetic cases are invalid (a bug in tests/support/synthetic.py) and 3 when
something it needs is missing.

For each N (1,000 and 10,000; ``--sizes`` to choose) it

1. generates N valid synthetic cases (tests/support/synthetic.py, seeded) with bodies of about
   1,000 words (the generator's ~300 words plus ``extra_words``, as in the issue's lunr
   measurement), and puts one word that no other case has ("zonnedauwhof") into the body of
   one case in the middle;
2. builds the real site once (``python -m mkdocs build --strict -v``) in a temporary copy of
   this repository (mkdocs.yml, overrides/, docs/, data/, an empty data/webinars.yml): the
   build's wall time, and what its search index adds to it: Pagefind indexes while MkDocs
   renders, and the build waits only after the last page (the plugin's debug line
   "zodoenwedat: search index of … pages in X s after the last page"), and that wait's share;
3. measures the files: the Pagefind folder (files, bytes) and the finder page's own HTML
   (gzip -6);
4. serves the site on 127.0.0.1 (the one static server, tests/support/server.py; no network latency) and opens
   ``/praktijkvoorbeelden/?q=zonnedauwhof`` in Debian's Chromium, a fresh context per run
   (best of 3): the time from navigation start to the moment that one case is on screen
   (its link is in the results and a frame has been drawn since; a MutationObserver in the
   page), and everything the page fetched until then (Pagefind runs in the page, without a
   Web Worker), each response counted as a host would send it: gzip -6 for text,
   JavaScript, JSON and WebAssembly types, as is for the rest (Pagefind's ``.pf_*`` chunks
   are already gzip-compressed and are served as application/octet-stream, like
   ``wasm.nl.pagefind``); then the same until the filter counts are on screen (the finder
   paints the first results, then loads the filter chunks for the counts: the moment its
   ``showCounts`` fills the ``[data-count]`` elements, and a frame drawn since);
5. types the same word into the header search on a hand-written page (``/over-de-coalitie/``):
   the time from the first key to the case in the panel.

Today's lunr figures (the finder before Pagefind) are printed beside each row: from
BENCHMARKS.md (2026-11-21: 1,000 synthetic cases of about 300 words, ``?q=wijk``) and from
issue 13 (1,000 cases of about 1,000 words; 5,000 cases). Timings on a shared machine are
noisy: the table shows the load average.

    .venv/bin/python scripts/bench_search.py                    # N = 1,000 and 10,000 (several minutes)
    .venv/bin/python scripts/bench_search.py --sizes 1000       # N = 1,000 only
    .venv/bin/python scripts/bench_search.py --keep /tmp/bench-search   # keep the sites
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import benchkit
from benchkit import CHROMIUM, SEED, Table, gzipped, kb, log, ms, section, serve
from support.synthetic import generate_cases

SIZES = (1000, 10000)
RUNS = 3
EXTRA_WORDS = 700  # the generator's ~300 words + this = about 1,000 words per case
MARKER = "zonnedauwhof"  # in one case only
QUERY = "wijk"  # a word in most cases (scripts/bench.py's finder figure)
KB = 1000
AREA = "Search"

# Budgets (issue 13)
BUDGET_SHOWN_MS = {1000: 500.0, 10000: 800.0}
BUDGET_TRANSFER = 400 * KB
BUDGET_FINDER_HTML = 100 * KB

# Today's lunr figures, beside the new ones. N -> row key -> text.
LUNR = {
    1000: {
        "shown": "468 ms to the first results of `?q=wijk` (BENCHMARKS.md); 0.89 s to the one case, ~1,000-word cases (issue 13)",
        "transfer": "1.8 MB (issue 13); the index alone 0.45 MB + case data 48.4 kB (BENCHMARKS.md, ~300-word cases)",
        "html": "62 KB gzip: every case in the static list (issue 13)",
        "index_build": "0.32 s: `finder_index(catalogue)` (BENCHMARKS.md)",
        "share": "6 %: 0.32 s of a 5.29 s build (BENCHMARKS.md)",
        "index_size": "0.45 MB gzip, one file, all of it fetched (BENCHMARKS.md)",
    },
    10000: {
        "shown": "not measured; at 5,000 cases: 1.3 s after the load event (issue 13)",
        "transfer": "not measured; at 5,000 cases the index alone: 9.0 MB gzip (issue 13)",
        "html": "not measured (grows with every case: ~62 KB per 1,000)",
        "index_build": "not measured",
        "share": "not measured",
        "index_size": "not measured; 9.0 MB gzip at 5,000 (issue 13)",
    },
}


# ------------------------------------------------------ synthetic repository --


def make_repository(target: Path, n: int, extra_words: int = EXTRA_WORDS, marker: str | None = MARKER) -> str | None:
    """A copy of this repository's site with N synthetic cases and no webinars (benchkit.make_site,
    without a list of published URLs: no URL guard); with ``marker``, one case in the middle gets
    that word. Returns that case's slug."""
    cases = generate_cases(n, data_dir=benchkit.ROOT / "data", seed=SEED, extra_words=extra_words)
    slug = None
    if marker:
        middle = cases[len(cases) // 2]
        body = middle.body + f"\nHet buurthuis in het complex heet {marker.capitalize()}.\n"
        cases[len(cases) // 2] = dataclasses.replace(
            middle, body=body, text=middle.text[: len(middle.text) - len(middle.body)] + body
        )
        slug = middle.slug
        if any(marker in case.text.lower() for case in cases if case.slug != slug):
            raise RuntimeError(f"{marker!r} is in more than one case")
    benchkit.make_site(target, cases, published_urls=False)
    return slug


def words_per_case(root: Path) -> str:
    counts = sorted(len(p.read_text(encoding="utf-8").split("\n---\n", 1)[-1].split()) for p in (root / "cases").glob("*.md"))
    return f"{counts[0]:,}–{counts[-1]:,} words (median {counts[len(counts) // 2]:,})"


# --------------------------------------------------------------- the site --

# The plugin's debug line (zodoenwedat/plugin.py, on_post_build): the pages besides the cases, and the time.
_INDEX_LINE = re.compile(r"zodoenwedat: search index of (\d+) pages in ([0-9.]+) s")


@dataclass
class IndexedBuild:
    seconds: float
    error: str | None
    index_seconds: float | None = None
    pages: int | None = None


def build_site(repo_dir: Path, out: Path) -> IndexedBuild:
    """``mkdocs build --strict -v``: its time, and that of its search index step (the plugin's debug line)."""
    build = benchkit.mkdocs_build(repo_dir, out, "-v", timeout=3600)
    if not build.ok:
        return IndexedBuild(build.wall, build.error)
    found = _INDEX_LINE.search(build.output)
    return IndexedBuild(build.wall, None, float(found.group(2)) if found else None, int(found.group(1)) if found else None)


# ---------------------------------------------------------------- browser --

# Installed before any page script: when a result link to the wanted case (or, without one,
# the finder's first result) is in the page, when the filter counts are (vinder.js's showCounts
# writes "(n)" into every [data-count] at once, after the first results), and for each the
# first frame drawn after it.
INIT_SCRIPT = (Path(__file__).parent / "browser" / "finder-observer.js").read_text(encoding="utf-8")

COMPRESSIBLE = re.compile(r"text/|javascript|json|xml|svg|wasm", re.I)


@dataclass
class Transfer:
    requests: int = 0
    raw: int = 0
    host: int = 0  # as a host sends it
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [count, host bytes]

    def add(self, url: str, content_type: str, body: bytes) -> None:
        sent = gzipped(body) if COMPRESSIBLE.search(content_type or "") else len(body)
        self.requests += 1
        self.raw += len(body)
        self.host += sent
        kind = kind_of(url, content_type)
        count, total = self.by_kind.get(kind, [0, 0])
        self.by_kind[kind] = [count + 1, total + sent]

    def parts(self) -> str:
        return ", ".join(
            f"{kind} {kb(size)} ({count})" for kind, (count, size) in sorted(self.by_kind.items(), key=lambda kv: -kv[1][1])
        )


def kind_of(url: str, content_type: str) -> str:
    path = url.split("?")[0]
    if "/pagefind/" in path:
        if path.endswith(".js"):
            return "Pagefind JS"
        if path.endswith(".pagefind"):
            return "Pagefind WebAssembly"
        return "Pagefind index"
    if "html" in (content_type or ""):
        return "HTML"
    if path.endswith(".css"):
        return "CSS"
    if path.endswith(".js"):
        return "JS"
    return "other"


class Browser:
    def __init__(self):
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        try:
            self.browser = benchkit.launch(self.playwright)
        except Exception:
            self.playwright.stop()
            raise

    def close(self) -> None:
        self.browser.close()
        self.playwright.stop()

    def fresh_page(self, base: str, wanted: str = ""):
        context = self.browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL", service_workers="block")
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        context.add_init_script(f"window.__zdWanted = {wanted!r};" + INIT_SCRIPT)
        page = context.new_page()
        return context, page

    def finder_run(self, base: str, query: str = QUERY, slug: str = "") -> dict:
        """Open the finder with ``?q=query``: navigation start to the case ``slug`` on screen
        (without a slug: to the first results), and to the filter counts on screen; and what
        was fetched until each of those moments."""
        context, page = self.fresh_page(base, slug)
        finished = []
        page.on("requestfinished", lambda request: finished.append(request))
        try:
            page.goto(f"{base}/praktijkvoorbeelden/?q={query}", wait_until="commit")
            page.wait_for_function("() => window.__zd.shown !== null && window.__zd.countsShown !== null", timeout=120_000)
            page.wait_for_timeout(500)  # let anything still on its way arrive (what started later is left out below)
            data = page.evaluate("""() => ({
              shown: window.__zd.shown, inserted: window.__zd.inserted, origin: performance.timeOrigin,
              counts_shown: window.__zd.countsShown, counts_inserted: window.__zd.countsInserted,
              mark: (performance.getEntriesByName('zd-finder-results')[0] || {}).startTime || null,
              results: Number(document.getElementById('zd-finder').getAttribute('data-results')),
              dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
            })""")
            until = data["origin"] + data["shown"]
            until_counts = data["origin"] + data["counts_shown"]
            transfer, with_counts = Transfer(), Transfer()  # until the case is shown; until the counts are shown
            for request in finished:
                started = request.timing["startTime"]
                if not request.url.startswith(base) or started > max(until, until_counts):
                    continue
                response = request.response()
                if response is None or 300 <= response.status < 400:
                    continue
                try:
                    body = response.body()
                except Exception:  # noqa: BLE001 - a body the browser did not keep
                    continue
                content_type = response.headers.get("content-type", "")
                if started <= until:
                    transfer.add(request.url, content_type, body)
                if started <= until_counts:
                    with_counts.add(request.url, content_type, body)
            data["transfer"], data["with_counts"] = transfer, with_counts
            return data
        finally:
            context.close()

    def header_run(self, base: str, query: str, slug: str, path: str = "/over-de-coalitie/") -> dict:
        """Type ``query`` into the header search on ``path``: first key to the case in the panel."""
        context, page = self.fresh_page(base, slug)
        try:
            page.goto(base + path, wait_until="load")
            page.click("#zd-search-q")
            page.keyboard.type(query)
            page.wait_for_function("() => window.__zd.headerShown > 0", timeout=120_000)
            return page.evaluate("() => ({shown: window.__zd.headerShown, firstKey: window.__zd.firstKey})")
        finally:
            context.close()

    def bare_run(self, base: str, query: str, slug: str) -> float:
        """The floor of any finder on this index and machine: a bare page (BARE_PAGE: no theme,
        no other script) that loads Pagefind and shows the results' titles. Navigation start
        to the case ``slug`` in its list (without a slug: to the first results). The page must
        be in the site first: :func:`add_bare_page`."""
        context, page = self.fresh_page(base, slug)
        try:
            page.goto(f"{base}/{BARE_FOLDER}/?q={query}", wait_until="commit")
            page.wait_for_function(
                "(slug) => document.querySelector(slug ? '#r a[href*=\"/' + slug + '/\"]' : '#r a') && performance.getEntriesByName('bare-results').length",
                arg=slug,
                timeout=120_000,
            )
            return page.evaluate("() => performance.getEntriesByName('bare-results')[0].startTime")
        finally:
            context.close()

    def plain_run(self, base: str, path: str) -> float:
        """DOMContentLoaded of a small hand-written page: the floor for any page of this theme on this machine."""
        context, page = self.fresh_page(base)
        try:
            page.goto(base + path, wait_until="load")
            return page.evaluate("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
        finally:
            context.close()


# A page with nothing but Pagefind (the finder's options, its first 20 results' titles): what
# any finder on this index costs on this machine. Written into the benchmark's copy of the site.
BARE_FOLDER = "_bench-pagefind-alone"
BARE_PAGE = (Path(__file__).parent / "browser" / "pagefind-alone.html").read_text(encoding="utf-8")


def add_bare_page(site: Path) -> None:
    """Put BARE_PAGE into a built site (the benchmark's own copy), for Browser.bare_run."""
    (site / BARE_FOLDER).mkdir(exist_ok=True)
    (site / BARE_FOLDER / "index.html").write_text(BARE_PAGE, encoding="utf-8")


# ------------------------------------------------------------------- main --


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def run_size(table: Table, n: int, work: Path, browser: Browser | None, runs: int) -> None:
    lunr = LUNR.get(n, {})
    repo_dir = work / f"repo-{n}"
    log(f"[N={n:,}] generating {n:,} cases in {repo_dir}")
    slug = make_repository(repo_dir, n)
    count = len(list((repo_dir / "cases").glob("*.md")))
    table.info(AREA, "Synthetic cases (`load_repository`: no problems)", n, f"{count:,}; bodies {words_per_case(repo_dir)}")

    site = work / f"site-{n}"
    log(f"[N={n:,}] mkdocs build --strict (once)")
    build = build_site(repo_dir, site)
    if build.error:
        table.goal(AREA, "Site build (`mkdocs build --strict`)", n, f"failed after {build.seconds:.1f} s", "builds", False)
        log(build.error)
        return
    table.info(AREA, "Whole build, `mkdocs build --strict -v` (one run, start-up included)", n, f"{build.seconds:.1f} s")
    if build.index_seconds is not None:
        table.info(
            AREA,
            f"Search index in the build, the wait after the last page (Pagefind indexes while MkDocs renders): {n:,} case records + {build.pages:,} pages from their HTML",
            n,
            f"{build.index_seconds:.1f} s",
            note=lunr.get("index_build", ""),
        )
        table.info(
            AREA, "… its share of the whole build", n, f"{build.index_seconds / build.seconds:.0%}", note=lunr.get("share", "")
        )
    files, size = folder_size(site / "pagefind")
    table.info(
        AREA,
        "Pagefind folder `pagefind/` (all of it; a visitor fetches a few chunks)",
        n,
        f"{files:,} files, {size / 1e6:.1f} MB",
        note=lunr.get("index_size", ""),
    )
    html = (site / "praktijkvoorbeelden" / "index.html").read_bytes()
    table.goal(
        AREA,
        "Finder page `/praktijkvoorbeelden/`: its own HTML, gzip -6",
        n,
        f"{kb(gzipped(html))} ({kb(len(html))} uncompressed)",
        f"≤ {BUDGET_FINDER_HTML / KB:g} kB",
        gzipped(html) <= BUDGET_FINDER_HTML,
        note=lunr.get("html", ""),
    )

    if browser is None:
        table.goal(AREA, "Finder in Chromium", n, "not measured (no Chromium)", f"≤ {BUDGET_SHOWN_MS.get(n, 0) / 1000:g} s", None)
        return
    with serve(site) as base:
        log(f"[N={n:,}] Chromium: finder, {runs} fresh pages")
        finder = [browser.finder_run(base, MARKER, slug) for _ in range(runs)]
        log(f"[N={n:,}] Chromium: header search and a plain page, {runs} each")
        header = [browser.header_run(base, MARKER, slug) for _ in range(runs)]
        plain = [browser.plain_run(base, "/redactie/") for _ in range(runs)]
        add_bare_page(site)
        bare = [browser.bare_run(base, MARKER, slug) for _ in range(runs)]

    best = min(finder, key=lambda r: r["shown"])
    budget = BUDGET_SHOWN_MS.get(n)
    label = (
        f"`/praktijkvoorbeelden/?q={MARKER}` (a word in one case): navigation start → that case on screen "
        f"(best of {runs}; all: {', '.join(ms(r['shown']) for r in finder)})"
    )
    table.goal(
        AREA,
        label,
        n,
        ms(best["shown"]),
        f"≤ {budget / 1000:g} s" if budget else "—",
        best["shown"] <= budget if budget else None,
        note=lunr.get("shown", ""),
    )
    table.info(
        AREA,
        "… results found / in the page / `zd-finder-results` mark / DOMContentLoaded",
        n,
        f"{best['results']} / {ms(best['inserted'])} / {ms(best['mark'])} / {ms(best['dcl'])}",
    )
    t: Transfer = best["transfer"]
    table.goal(
        AREA,
        f"… everything fetched until then, as a host sends it ({t.requests} responses: {t.parts()})",
        n,
        f"{kb(t.host)} ({kb(t.raw)} uncompressed)",
        f"≤ {BUDGET_TRANSFER / KB:g} kB",
        t.host <= BUDGET_TRANSFER,
        note=lunr.get("transfer", ""),
    )
    table.info(
        AREA,
        "… navigation start → the filter counts on screen (their chunks load after the first results are drawn; "
        "same run; in the page / on screen)",
        n,
        f"{ms(best['counts_inserted'])} / {ms(best['counts_shown'])}",
    )
    c: Transfer = best["with_counts"]
    table.info(
        AREA,
        f"… everything fetched until the counts are on screen too, as a host sends it ({c.requests} responses: {c.parts()})",
        n,
        f"{kb(c.host)} ({kb(c.raw)} uncompressed)",
    )
    best_header = min(header, key=lambda r: r["shown"] - r["firstKey"])
    table.info(
        AREA,
        f'Header search on `/over-de-coalitie/`: first key of "{MARKER}" → the case in the panel, index loaded on focus '
        f"(best of {runs}; typing takes part of it)",
        n,
        ms(best_header["shown"] - best_header["firstKey"]),
    )
    table.info(AREA, f"Reference: DOMContentLoaded of a small page, `/redactie/` (best of {runs})", n, ms(min(plain)))
    table.info(
        AREA,
        f"Reference: Pagefind alone, on a bare page without the theme or any other script: navigation start → "
        f"the same case listed (best of {runs}; all: {', '.join(ms(b) for b in bare)})",
        n,
        ms(min(bare)),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="numbers of cases (default 1000 10000)")
    parser.add_argument("--keep", type=Path, help="keep the generated repositories and sites in this (new) directory")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"browser runs per figure, the best counts (default {RUNS})")
    args = parser.parse_args(argv)

    try:
        import pagefind  # noqa: F401
        from playwright.sync_api import sync_playwright  # noqa: F401
    except ImportError as error:
        print(f"Missing: {error}. Install the test extras (`make .venv/.installed-test`).")
        return 3

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        work = args.keep
    else:
        work = Path(tempfile.mkdtemp(prefix="bench-search-"))

    table = Table(note_header="lunr today")
    browser = None
    chromium = "—"
    started = time.perf_counter()
    load_start = os.getloadavg()[0]
    try:
        if CHROMIUM.is_file():
            try:
                browser = Browser()
                chromium = browser.browser.version
            except Exception as error:
                log(f"Chromium at {CHROMIUM} does not start: {error}")
        else:
            log(f"Chromium is missing at {CHROMIUM} (make chromium); the browser figures are skipped")
        for n in args.sizes:
            with section(table, AREA, f"N={n:,}"):
                run_size(table, n, work, browser, max(1, args.runs))
            if not args.keep:
                shutil.rmtree(work / f"site-{n}", ignore_errors=True)
                shutil.rmtree(work / f"repo-{n}", ignore_errors=True)
    finally:
        if browser is not None:
            browser.close()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    load1, load5, _ = os.getloadavg()
    from importlib import metadata

    print(f"## Search benchmark: {', '.join(f'{n:,}' for n in args.sizes)} synthetic cases\n")
    print(
        f"Python {platform.python_version()}, Pagefind {metadata.version('pagefind')}, Chromium {chromium}, {os.cpu_count()} CPUs, "
        f"load average (1 min) {load_start:.2f} at the start, {load1:.2f} at the end (5 min: {load5:.2f}); "
        f"total {time.perf_counter() - started:.0f} s. Browser figures: fresh context per run, served by http.server on "
        "127.0.0.1 (no network latency; sizes counted as a gzip-serving host would send them).\n"
    )
    print(table.markdown())
    return 0


if __name__ == "__main__":
    benchkit.run(main)
