#!/usr/bin/env python3
"""All benchmarks in one table: writes BENCHMARKS.md (generated; never edit it by hand).

One run measures, on this machine and in this order (ratios always within the same run):

1. Validate throughput: 2,000 synthetic cases (scripts/bench_validate.py's generator: about
   30 front-matter lines and 300 words each; an empty data/webinars.yml and the synthetic
   site's own data/published-urls.txt). Wall time of ``zodoenwedat validate`` as a
   subprocess (one process), start-up included, against a subprocess that only reads every
   file and parses its front matter with ``yaml.CSafeLoader``. Goals: < 2 s and <= 4x. And the
   hostile input the tests check (tests/support/hostile.py): the slowest body line and the slowest
   YAML, in this process. Goal: < 5 s each.
2. Site build: N = 100, 1,000 and 5,000 synthetic cases (tests/support/synthetic.py), the full
   site (``mkdocs build --strict``, one process, with the zodoenwedat plugin) against a plain
   Material site with the same Markdown bodies (scripts/bench_build.py), the time per case
   and the marginal time per extra case. Goals: full / plain <= 2.0 at N = 1,000; linear
   growth (marginal time per case 1,000 → 5,000 at most 1.5x that of 100 → 1,000). Plus the
   plugin's own share: one more full build per N with timers, in the build's process, around
   the plugin's event handlers and the core's work they call (``check_all``, ``build_site``).
3. Related-case ranking (scripts/bench_related.py): ``rank_plainly`` (the definition) against
   ``rank_related`` (bit sets, what the site uses) at N = 5,000, in seconds and as a share of
   the 5,000-case build; the plain one is extrapolated quadratically from N = 2,000 when it
   would take more than 5 minutes.
4. ``mkdocs serve`` (scripts/bench_serve.py): from saving a case file to the case page served
   with the new text, N = 50 and 1,000, with serve's own stages (watcher, quiet wait,
   rebuild). Goal: <= 1.5 s at N = 50 (median of the edits).
5. Search index at N = 1,000 (Pagefind; scripts/bench_search.py): one more build of the
   1,000-case site with ``-v``, the wait for its search index after the last page (the plugin's debug line)
   and its share of that build, and the size of the ``pagefind/`` folder. No goal (the
   budgets are in scripts/bench_search.py).
6. Transfer size of the home page, a case page and an embed page of the built 1,000-case
   site in Chromium (fresh context, cache disabled, until the network is idle): every
   same-origin response body Chromium received (HTML, CSS, JS, JSON, images, Pagefind's files),
   each compressed with gzip -6 as a gzip-serving host would send it. The local http.server
   does not compress: its uncompressed bytes on the wire (CDP ``Network.loadingFinished``
   ``encodedDataLength``, headers included) are shown too.
7. Time from navigation start to the finder's first results, ``/praktijkvoorbeelden/?q=wijk``
   at N = 1,000 in Chromium: ``performance.getEntriesByName("zd-finder-results")[0].startTime``
   (the first results are in the page). Goal: <= 0.5 s. And, in the same run, the time until
   the filter counts are on screen (the finder loads their chunks after the first results).

Before measuring, Python's bytecode cache is filled (benchkit.compile_bytecode): where
PYTHONDONTWRITEBYTECODE is set, every process would otherwise compile its imports again.

A benchmark reports; it never fails: the exit status is always 0. A part that breaks
becomes an "error" row in the table. Every part's rows are written by its own script (``rows``),
into the one table of scripts/benchkit.py; each script also runs alone (see its docstring).

    .venv/bin/python scripts/bench.py            # full: N up to 5,000, best of 3 (~25-35 min)
    .venv/bin/python scripts/bench.py --quick    # no N = 5,000 (related at 1,000), serve at 50 only, best of 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import bench_build
import bench_related
import bench_search
import bench_serve
import bench_validate
import benchkit
from benchkit import ROOT, SEED, Table, kb, log, section

OUTPUT = ROOT / "BENCHMARKS.md"
VALIDATE_CASES = 2000
BROWSER_N = 1000

SERVE_SIZES = (50, 1000)
GOAL_FINDER_MS = bench_search.BUDGET_SHOWN_MS[1000]  # 500 ms (the other goals are in each part's script)


# ---------------------------------------------------------------- machine --


def nproc() -> str:
    try:
        return subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(os.cpu_count())


def memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return "unknown"


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def load() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def command_line(argv: list[str]) -> str:
    python = Path(sys.executable)
    try:
        python_text = str(python.relative_to(ROOT)) if python.is_relative_to(ROOT) else str(python)
    except ValueError:
        python_text = str(python)
    script = Path(__file__).resolve().relative_to(ROOT)
    return " ".join([python_text, str(script), *map(shlex.quote, argv)])


# --------------------------------------------------------------- validate --


def measure_validate(table: Table, work: Path, runs: int) -> None:
    root = work / "validate"
    root.mkdir(parents=True)
    log(f"[validate] generating {VALIDATE_CASES:,} cases in {root}")
    bench_validate.generate(root, VALIDATE_CASES, seed=SEED)
    log(f"[validate] zodoenwedat validate and the CSafeLoader baseline, best of {runs}")
    bench_validate.rows(table, bench_validate.measure(root, runs), VALIDATE_CASES, runs)
    shutil.rmtree(root, ignore_errors=True)
    log("[validate] hostile input (tests/support/hostile.py)")
    bench_validate.hostile_rows(table)


# ------------------------------------------------------------------ build --


def measure_builds(table: Table, work: Path, sizes: list[int], runs: int, keep: tuple[int, ...]) -> list[bench_build.Result]:
    """Full and plain builds at each N, and the plugin's share; the full sites for ``keep`` stay."""
    results: list[bench_build.Result] = []
    for n in sizes:
        with section(table, "Build", f"N={n:,}"):
            log(f"[build] N={n:,}: full and plain site, best of {runs}, then one more full build for the plugin's share")
            result = bench_build.measure(n, work, runs, SEED)
            results.append(result)
            bench_build.rows(table, result, runs)
            # The plain site and the full sites not needed later are removed.
            shutil.rmtree(work / f"plain-{n}", ignore_errors=True)
            if n not in keep:
                shutil.rmtree(work / f"full-{n}", ignore_errors=True)
    bench_build.growth_rows(table, results)
    return results


# ---------------------------------------------------------------- related --


def measure_related(table: Table, work: Path, target: int, builds: list[bench_build.Result]) -> None:
    log(f"[related] rank_plainly vs rank_related, target N={target:,}")
    bench_related.rows(table, bench_related.measure(work, target, SEED, log=log), builds)


# ------------------------------------------------------------------ serve --


def measure_serve(table: Table, work: Path, sizes: tuple[int, ...], edits: int) -> None:
    for n in sizes:
        with section(table, "Serve", f"N={n:,}"):
            log(f"[serve] N={n:,}: mkdocs serve, {edits} edits")
            result = bench_serve.measure(n, work, edits, SEED)
            shutil.rmtree(work / f"serve-{n}", ignore_errors=True)
            bench_serve.rows(table, result)


# ------------------------------------------------------------------ index --


def measure_index(table: Table, work: Path, runs: int) -> None:
    area = "Search index"
    n = BROWSER_N
    repo_dir = work / f"full-{n}"
    if not (repo_dir / "cases").is_dir():  # the build part failed before making it
        repo_dir = work / f"index-{n}"
        bench_search.make_repository(repo_dir, n, extra_words=0, marker=None)
    log(f"[index] N={n:,}: one more build with -v, for the search index step")
    build = bench_search.build_site(repo_dir, work / f"index-site-{n}")
    if build.error:
        raise RuntimeError(f"the build failed: {build.error[-300:]}")
    if build.index_seconds is None:
        raise RuntimeError("the build log has no 'zodoenwedat: search index' line")
    table.info(
        area,
        f"Pagefind index in `mkdocs build --strict -v`, the wait after the last page (it indexes while MkDocs renders): {n:,} case records + {build.pages:,} pages (one build)",
        n,
        f"{build.index_seconds:.2f} s of {build.seconds:.2f} s ({build.index_seconds / build.seconds:.0%})",
    )
    files, size = bench_search.folder_size(work / f"index-site-{n}" / "pagefind")
    table.info(
        area, "`pagefind/` folder (a visitor fetches only the chunks a search needs)", n, f"{files:,} files, {size / 1e6:.2f} MB"
    )
    shutil.rmtree(work / f"index-site-{n}", ignore_errors=True)


# ---------------------------------------------------------------- browser --


@dataclass
class Transfer:
    requests: int = 0
    raw: int = 0  # response bodies as received
    gz: int = 0  # each body gzip -6
    wire: int = 0  # CDP encodedDataLength: what http.server sent, headers included
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [count, gz]
    blocked: int = 0  # other origins (aborted)
    urls: list[str] = field(default_factory=list)

    def add(self, url: str, kind: str, body: bytes) -> None:
        self.requests += 1
        self.raw += len(body)
        packed = len(gzip.compress(body, compresslevel=6, mtime=0))
        self.gz += packed
        count, total = self.by_kind.get(kind, [0, 0])
        self.by_kind[kind] = [count + 1, total + packed]


def kind_of(url: str, content_type: str) -> str:
    path = url.split("?")[0].split("#")[0]
    content_type = content_type.lower()
    if "html" in content_type:
        return "HTML"
    if path.endswith(".css") or "css" in content_type:
        return "CSS"
    if path.endswith((".js", ".mjs")) or "javascript" in content_type:
        return "JS"
    if path.endswith(".json") or "json" in content_type:
        return "JSON"
    if content_type.startswith("image/") or path.endswith((".svg", ".png", ".jpg", ".webp", ".ico")):
        return "images"
    return "other"


def page_transfer(browser: bench_search.Browser, base: str, path: str) -> Transfer:
    """Load ``path`` in a fresh context with the cache disabled until the network is idle; add up
    every same-origin response and what CDP says came over the wire."""
    context = browser.browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL", service_workers="block")
    out = Transfer()
    try:

        def route(r):
            if r.request.url.startswith(base):
                r.continue_()
            else:
                out.blocked += 1
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        wire: dict[str, int] = {}
        cdp.on("Network.loadingFinished", lambda e: wire.__setitem__(e["requestId"], int(e.get("encodedDataLength", 0))))
        responses = []
        context.on("response", lambda response: responses.append(response))
        page.goto(base + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)  # anything a late timer starts
        page.wait_for_load_state("networkidle")
        for response in responses:
            if not response.url.startswith(base) or response.status >= 300 and response.status < 400:
                continue
            try:
                body = response.body()
            except Exception:  # noqa: BLE001 - a body the browser did not keep
                continue
            out.add(response.url, kind_of(response.url, response.headers.get("content-type", "")), body)
            out.urls.append(response.url[len(base) :])
        out.wire = sum(wire.values())
    finally:
        context.close()
    return out


def measure_browser(table: Table, work: Path, runs: int) -> None:
    site = work / f"full-{BROWSER_N}" / "site"
    if not (site / "index.html").is_file():
        raise RuntimeError(f"no built {BROWSER_N:,}-case site at {site} (the build part failed)")
    slug = sorted(p.stem for p in (work / f"full-{BROWSER_N}" / "cases").glob("*.md"))[0]
    browser = bench_search.Browser()
    chromium = browser.browser.version
    n = BROWSER_N
    try:
        with benchkit.serve(site) as base:
            area = "Transfer"
            pages = [("Home page", "/"), ("Case page", f"/praktijkvoorbeelden/{slug}/"), ("Embed page", f"/embed/{slug}/")]
            for label, path in pages:
                with section(table, area, f"{label} `{path}`"):
                    log(f"[browser] transfer size of {path}")
                    t = page_transfer(browser, base, path)
                    parts = ", ".join(
                        f"{kind} {kb(gz)}" for kind, (_count, gz) in sorted(t.by_kind.items(), key=lambda kv: -kv[1][1])
                    )
                    table.info(
                        area,
                        f"{label} `{path}`: same-origin responses, each gzip -6 ({t.requests} response{'s' if t.requests != 1 else ''}: {parts})",
                        n,
                        f"{kb(t.gz)} (uncompressed {kb(t.raw)}; on the wire {kb(t.wire)})",
                    )
            area = "Finder in Chromium"
            with section(table, area, "first results"):
                log(f"[browser] finder, {runs} fresh page(s)")
                marks = [browser.finder_run(base, bench_search.QUERY) for _ in range(runs)]
                best = min(marks, key=lambda r: r["mark"] if r["mark"] is not None else float("inf"))
                value = best["mark"]
                all_runs = ", ".join(benchkit.ms(r["mark"]) for r in marks)
                table.goal(
                    area,
                    f"`/praktijkvoorbeelden/?q={bench_search.QUERY}`: navigation start → `zd-finder-results` mark "
                    f"(best of {runs}; all: {all_runs}; {best['results']:,} results)",
                    n,
                    benchkit.ms(value),
                    f"≤ {GOAL_FINDER_MS / 1000:g} s",
                    None if value is None else value <= GOAL_FINDER_MS,
                )
                table.info(
                    area,
                    "… navigation start → the filter counts on screen, same run (their chunks load after the first results)",
                    n,
                    benchkit.ms(best["counts_shown"]),
                )
                plain = min(browser.plain_run(base, "/redactie/") for _ in range(runs))
                table.info(
                    area,
                    f"Reference: DOMContentLoaded of a small page, `/redactie/` (best of {runs})",
                    n,
                    f"{benchkit.ms(plain)}" + (f" (finder / it: {value / plain:.1f}x)" if value and plain else ""),
                )
                bench_search.add_bare_page(site)
                bare = [browser.bare_run(base, bench_search.QUERY, "") for _ in range(runs)]
                table.info(
                    area,
                    f"Reference: Pagefind alone, on a bare page without the theme or any other script: navigation start → "
                    f"the first results of the same query (best of {runs})",
                    n,
                    f"{benchkit.ms(min(bare))}" + (f" (finder / it: {value / min(bare):.1f}x)" if value else ""),
                )
    finally:
        browser.close()
    table.chromium = chromium  # type: ignore[attr-defined]


# ------------------------------------------------------------------- main --


def render(table: Table, header: dict[str, str], command: str) -> str:
    lines = [
        "# Benchmarks",
        "",
        "<!-- Generated by scripts/bench.py: do not edit by hand; run the script again. -->",
        "",
        f"Generated by `scripts/bench.py` on {header['date']} with `{command}`. Do not edit by hand.",
        "",
        f"- **Machine:** {header['nproc']} CPUs (`nproc`), {header['memory']} memory, {header['cpu']}",
        f"- **Software:** Python {header['python']}, MkDocs {header['mkdocs']}, Material for MkDocs {header['material']}, "
        f"Chromium {header['chromium']}",
        f"- **Load average (1, 5, 15 min):** {header['load_start']} at the start, {header['load_end']} at the end. "
        "The machine is shared: timings are noisy, ratios (both sides measured in the same run) less so.",
        f"- **Duration:** {header['duration']}",
        "",
        'Method: wall times are the best of the runs shown; "CPU" is user + system time. Every build and '
        "`zodoenwedat validate` runs in one process. Python's bytecode cache was filled before measuring "
        f"({header['bytecode']}), so no process compiles its imports again. "
        "Synthetic repositories have an empty `data/webinars.yml` and never the real `data/published-urls.txt` "
        "(validate and build get the synthetic site's own list). "
        "The plugin's own share: one more full build per N runs `mkdocs build` through MkDocs' command line in one "
        "process, with a timer around every call of the plugin's event handlers (`on_config`, which calls the core's "
        "`check_all` and `build_site`, `on_files`, `on_page_content`, `on_page_context`, `on_post_page`, `on_post_build`) and "
        "around related ranking (`RelatedCases`), against that process's wall time from importing MkDocs to the end "
        "of the build (the interpreter's start-up excluded); MkDocs and Material rendering the pages the plugin "
        "hands over is not the plugin's time. "
        "Serve: `mkdocs serve -a 127.0.0.1:<free port>` as a subprocess; each edit appends a sentence with a new word "
        "to a case's summary and body and polls the case page every 20 ms until the word is served. MkDocs' watcher "
        "(`mkdocs.livereload`) is watchdog's `PollingObserver` with a 0.5 s interval (a save waits 0-0.5 s to be "
        "seen), then waits 0.1 s without changes, then rebuilds the whole site with a fresh plugin instance. "
        "Transfer sizes: every same-origin response Chromium "
        "received (fresh context, cache disabled, until the network is idle; Pagefind runs in the page, without a Web Worker), "
        "each body compressed with gzip -6 as a gzip-serving host would send it; the local `http.server` does not compress, "
        'so "on the wire" (CDP `encodedDataLength`, headers included) is uncompressed.',
        "",
        table.markdown(),
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="skip N=5,000 (related ranking at 1,000), serve at N=50 only, best of 1 run instead of 3",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"where to write the report (default {OUTPUT.name})")
    parser.add_argument("--keep", type=Path, help="work in this (new) directory and keep it")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    header = {
        "date": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "nproc": nproc(),
        "memory": memory(),
        "cpu": cpu_model(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "material": version("mkdocs-material"),
        "chromium": "not run",
        "load_start": load(),
        "bytecode": "not filled",
    }
    sizes = [100, 1000] if args.quick else [100, 1000, 5000]
    build_runs = 1 if args.quick else 3  # alternating full and plain builds; the best counts
    runs = 1 if args.quick else 3

    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=False)
        work = args.keep.resolve()
    else:
        work = Path(tempfile.mkdtemp(prefix="zodoenwedat-bench-"))
    serve_sizes = SERVE_SIZES[:1] if args.quick else SERVE_SIZES
    serve_edits = 3 if args.quick else 5
    table = Table()
    try:
        try:
            header["bytecode"] = benchkit.compile_bytecode().removeprefix("bytecode cache filled ")
        except Exception as error:  # noqa: BLE001 - measure anyway, and say so
            header["bytecode"] = f"failed: {error}"
        log(f"[bytecode] {header['bytecode']}")
        with section(table, "Validate", f"{VALIDATE_CASES:,} cases"):
            measure_validate(table, work, runs)
        builds = measure_builds(table, work, sizes, build_runs, keep=(BROWSER_N,))
        with section(table, "Related ranking", f"N={max(sizes):,}"):
            measure_related(table, work, max(sizes), builds)
        measure_serve(table, work, serve_sizes, serve_edits)
        with section(table, "Search index", f"N={BROWSER_N:,}"):
            measure_index(table, work, runs)
        with section(table, "Browser", f"N={BROWSER_N:,}"):
            measure_browser(table, work, runs)
            header["chromium"] = getattr(table, "chromium", "unknown")
    except KeyboardInterrupt:
        table.info("—", "interrupted: the table is incomplete", None, "")
    except BaseException as error:  # noqa: BLE001 - report, never fail
        log(traceback.format_exc())
        table.error("—", "bench.py", error)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)

    header["load_end"] = load()
    minutes, secs = divmod(int(time.perf_counter() - started), 60)
    header["duration"] = f"{minutes} min {secs} s"
    text = render(table, header, command_line(argv))
    try:
        args.output.write_text(text, encoding="utf-8")
        log(f"Wrote {args.output}")
    except OSError as error:
        log(f"Could not write {args.output}: {error}")
    print(text)
    return 0


if __name__ == "__main__":
    benchkit.run(main)
