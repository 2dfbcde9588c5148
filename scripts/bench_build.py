#!/usr/bin/env python3
"""Benchmark: how long does the whole site take to build, compared with a plain Material site?

For each N (default 100 and 1,000) this generates N synthetic, valid cases
(tests/support/synthetic.py: seeded, ~300 words each, 1–4 themes, 1–4 partners from a
pool of ~150 organisations, dates 2015–2025) and builds two sites with
``python -m mkdocs build --strict -q`` (one process each), best of 3 runs each
(alternating):

(a) full: a temporary copy of this repository's layout (mkdocs.yml, overrides/,
    docs/, data/) with cases/ replaced by the synthetic ones, an empty
    data/webinars.yml and the synthetic site's own data/published-urls.txt,
    built with the zodoenwedat plugin: every page the plugin generates;
(b) plain: the same N Markdown bodies as docs/praktijkvoorbeelden/<slug>.md
    (title as ``# H1``) in a plain Material for MkDocs site: theme material,
    language nl, font false, the search plugin, no zodoenwedat plugin, the
    cases not in the nav (the nav lists only the home page).

Then one more full build per N measures the plugin's own share of it (see
:func:`plugin_share`): the same ``mkdocs build`` run in one process, with a timer
around the core's work (``zodoenwedat.catalogue.urlguard.check_all`` and
``zodoenwedat.build.build_site``, as the plugin calls them) and around every
event handler of the plugin; their sum against the wall time of the whole build in
that process. Rendering and writing the generated pages is MkDocs' and Material's
work, not the plugin's: it is in the rest of that build. (Both figures come from that one
run: subtracting them from the best-of-3 times would mix runs on a shared machine.)

Prints the table (scripts/benchkit.py): per N both build times, their ratio, pages generated,
CPU time as a check on a busy machine and the plugin's share; then the time per case and the
marginal time per extra case between the sizes, and PASS/MISS for the goals: at N=1000 the
full build takes at most 2.0x the plain one, and growth is linear (the marginal time per case
in the upper range at most 1.5x that in the lower range).
A benchmark reports; it never fails the build: it exits 0 (2 only when the
synthetic cases are invalid, a bug in the generator).

    .venv/bin/python scripts/bench_build.py            # N = 100 and 1000
    .venv/bin/python scripts/bench_build.py --quick    # N = 100 only
    .venv/bin/python scripts/bench_build.py --n 5000   # N = 100, 1000 and 5000
    .venv/bin/python scripts/bench_build.py --keep /tmp/bench   # keep the generated sites
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import benchkit
from benchkit import SEED, Table, section
from support.synthetic import SyntheticCase, generate_cases

GOAL_RATIO = 2.0  # full build / plain build at N=1000 (issue 12)
GOAL_MARGINAL = 1.5  # linear growth: marginal time per case in the upper range / the lower one
DEFAULT_SIZES = (100, 1000)

PLAIN_CONFIG = """\
site_name: Zo doen we dat
site_url: https://zodoenwedat.nl/
docs_dir: docs
strict: true
use_directory_urls: true
theme:
  name: material
  language: nl
  font: false
plugins:
  - search:
      lang: nl
markdown_extensions:
  - toc:
      permalink: false
  - tables
  - admonition
not_in_nav: |
  /praktijkvoorbeelden/
nav:
  - Home: index.md
"""
PLAIN_HOME = """\
# Zo doen we dat

Praktijkvoorbeelden van woningcorporaties, zorg, welzijn en gemeenten die samen werken aan leefbare wijken.
"""


@dataclass
class Result:
    n: int
    full: float
    plain: float
    full_pages: int
    plain_pages: int
    full_ok: bool
    plain_ok: bool
    full_cpu: float = 0.0
    plain_cpu: float = 0.0
    paired: float = 0.0  # median of full/plain over the alternating pairs of runs
    share: Share | None = None  # the plugin's own share of one more full build

    @property
    def ratio(self) -> float:
        return self.full / self.plain if self.plain else float("inf")

    @property
    def cpu_ratio(self) -> float:
        return self.full_cpu / self.plain_cpu if self.plain_cpu else float("inf")


@dataclass
class Share:
    """Where the time of one full ``mkdocs build`` goes, measured inside its process."""

    total: float  # wall time in the process: importing MkDocs, loading the config, building
    process: float  # wall time of the whole subprocess, interpreter start-up included
    spent: dict[str, float]  # timer -> seconds (see SHARE_TIMERS)
    calls: dict[str, int]
    ok: bool = True
    error: str = ""

    @property
    def handlers(self) -> float:
        """Time inside the plugin's event handlers (the core's work included: on_config calls it)."""
        return sum(seconds for name, seconds in self.spent.items() if is_handler(name))

    @property
    def core(self) -> float:
        return self.spent.get("check_all", 0.0) + self.spent.get("build_site", 0.0)

    @property
    def fraction(self) -> float:
        return self.handlers / self.total if self.total else float("nan")

    def breakdown(self) -> str:
        s = self.spent
        besides = ", ".join(
            f"{name} {seconds - (self.core if name == 'on_config' else 0.0):.2f} s"
            for name, seconds in s.items()  # in the order of their first call
            if is_handler(name)
        )
        pages = self.calls.get("on_page_content", 0)
        return (
            f"core {self.core:.2f} s (`check_all` {s.get('check_all', 0.0):.2f} s, `build_site` {s.get('build_site', 0.0):.2f} s, "
            f"of which related ranking {s.get('related', 0.0):.2f} s); handlers besides the core ({pages:,} MkDocs pages): "
            f"{besides}"
        )


def is_handler(name: str) -> bool:
    """Every event handler of the plugin is timed (see _share_child); on_config includes the core's work."""
    return name.startswith("on_")


# ----------------------------------------------------------------- set-up --


def make_plain_site(target: Path, cases: list[SyntheticCase]) -> None:
    docs = target / "docs"
    (docs / "praktijkvoorbeelden").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (docs / "index.md").write_text(PLAIN_HOME, encoding="utf-8")
    for case in cases:
        (docs / "praktijkvoorbeelden" / f"{case.slug}.md").write_text(f"# {case.title}\n{case.body}", encoding="utf-8")


# --------------------------------------------------------------- measuring --


def plugin_share(site: Path, out: Path) -> Share:
    """One more full build, in a subprocess running ``mkdocs build --strict -q`` in one process
    with timers around the plugin (see :func:`_share_child`): the plugin's own share of it."""
    command = [sys.executable, str(Path(__file__).resolve()), "--share-of", str(site), str(out)]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=site, env={**os.environ, **benchkit.BUILD_ENV}, capture_output=True, text=True)
    process = time.perf_counter() - start
    for line in reversed(run.stdout.splitlines()):
        if line.startswith("{"):
            data = json.loads(line)
            return Share(data["total"], process, data["spent"], data["calls"], data["ok"], data["error"])
    return Share(float("nan"), process, {}, {}, False, (run.stdout + run.stderr)[-2000:])


def _share_child(site: Path, out: Path) -> None:
    """In the subprocess: ``mkdocs build --strict -q`` through MkDocs' own command line, with a
    timer around each call of the plugin's event handlers, of the core's two steps as the
    plugin calls them (``check_all``, ``build_site``) and of related-case ranking
    (``RelatedCases.__getitem__``). Prints one JSON line. The total runs from before MkDocs is
    imported to the end of the build (the interpreter's own start-up is not in it)."""
    start = time.perf_counter()
    import functools
    from collections import Counter, defaultdict

    from mkdocs.__main__ import cli

    import zodoenwedat.plugin as plugin
    from zodoenwedat.catalogue import related

    spent: dict[str, float] = defaultdict(float)
    calls: Counter = Counter()

    def timed(name, function):
        @functools.wraps(function)  # keeps mkdocs_priority (event_priority) for MkDocs
        def wrapper(*args, **kwargs):
            begin = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - begin
                calls[name] += 1

        return wrapper

    plugin.check_all = timed("check_all", plugin.check_all)  # the names on_config calls
    plugin.build_site = timed("build_site", plugin.build_site)
    for name in [name for name in vars(plugin.ZoDoenWeDatPlugin) if is_handler(name)]:  # every event it handles
        setattr(plugin.ZoDoenWeDatPlugin, name, timed(name, getattr(plugin.ZoDoenWeDatPlugin, name)))
    related.RelatedCases.__getitem__ = timed("related", related.RelatedCases.__getitem__)
    ok, error = True, ""
    try:
        cli.main(["build", "--strict", "-q", "-f", str(site / "mkdocs.yml"), "-d", str(out)], standalone_mode=False)
    except BaseException as problem:  # noqa: BLE001 - reported to the parent
        ok, error = False, f"{type(problem).__name__}: {problem}"[:2000]
    total = time.perf_counter() - start
    print(json.dumps({"total": total, "spent": dict(spent), "calls": dict(calls), "ok": ok, "error": error}))


def count_pages(out: Path) -> int:
    return sum(1 for path in out.rglob("*.html") if path.name != "404.html")


def measure(n: int, work: Path, runs: int, seed: int, share: bool = True) -> Result:
    cases = generate_cases(n, data_dir=benchkit.ROOT / "data", seed=seed)
    full, plain = work / f"full-{n}", work / f"plain-{n}"
    benchkit.make_site(full, cases)
    make_plain_site(plain, cases)

    # Alternate the two builds, so that a busy machine slows both alike; the best run counts.
    times = {"full": [], "plain": []}
    cpus = {"full": [], "plain": []}
    ok = {"full": True, "plain": True}
    for _ in range(runs):
        for label, site in (("full", full), ("plain", plain)):
            build = benchkit.mkdocs_build(site, site / "site", "-q")
            times[label].append(build.wall)
            cpus[label].append(build.cpu)
            if not build.ok:
                ok[label] = False
                benchkit.log(f"WARNING: the {label} build at N={n} failed:\n{build.error}")
    full_time, plain_time = min(times["full"]), min(times["plain"])
    pairs = sorted(f / p for f, p in zip(times["full"], times["plain"], strict=True))
    full_ok, plain_ok = ok["full"], ok["plain"]
    result = Result(
        n,
        full_time,
        plain_time,
        count_pages(full / "site"),
        count_pages(plain / "site"),
        full_ok,
        plain_ok,
        full_cpu=min(cpus["full"]),
        plain_cpu=min(cpus["plain"]),
        paired=statistics.median(pairs),
    )
    if share:
        result.share = plugin_share(full, full / "site-share")
        shutil.rmtree(full / "site-share", ignore_errors=True)
    benchkit.log(
        f"  N={n}: full {result.full:.2f} s ({result.full_pages} pages), plain {result.plain:.2f} s ({result.plain_pages} pages); "
        f"runs: full {', '.join(f'{t:.2f}' for t in times['full'])}, plain {', '.join(f'{t:.2f}' for t in times['plain'])}"
    )
    return result


# ---------------------------------------------------------------- report --


def per_case_lines(results: list[Result]) -> tuple[list[str], list[tuple[Result, Result, float, float]]]:
    """Time per case at each N, and the marginal time per extra case between consecutive sizes."""
    lines = [f"{r.n:,}: full {r.full / r.n * 1000:.1f} ms, plain {r.plain / r.n * 1000:.1f} ms per case" for r in results]
    marginals = []
    for low, high in zip(results, results[1:], strict=False):
        full = (high.full - low.full) / (high.n - low.n)
        plain = (high.plain - low.plain) / (high.n - low.n)
        marginals.append((low, high, full, plain))
    return lines, marginals


def rows(table: Table, result: Result, runs: int) -> None:
    """The report's rows for one N: both builds, their ratio (a goal at N = 1,000), the plugin's share."""
    area, n = "Build", result.n
    failed = "" if result.full_ok and result.plain_ok else " (a build failed)"
    table.info(
        area,
        f"Full site, `mkdocs build --strict` with the plugin, one process ({result.full_pages:,} HTML pages; best of {runs})",
        n,
        f"{result.full:.2f} s (CPU {result.full_cpu:.2f} s){failed}",
    )
    table.info(
        area,
        f"Plain Material site, same bodies ({result.plain_pages:,} HTML pages; best of {runs})",
        n,
        f"{result.plain:.2f} s (CPU {result.plain_cpu:.2f} s)",
    )
    label = "Ratio full / plain"
    value = f"{result.ratio:.2f}x (median of pairs {result.paired:.2f}x; CPU {result.cpu_ratio:.2f}x)"
    if n == 1000:
        table.goal(area, label, n, value, f"≤ {GOAL_RATIO:g}x", result.ratio <= GOAL_RATIO and not failed)
    else:
        table.info(area, label, n, value)
    share = result.share
    if share is not None and share.ok:
        table.info(
            area,
            "Plugin's own share of one more full build: time in its event handlers (the core's "
            "`check_all` + `build_site` included) / the build's wall time in the same process",
            n,
            f"{share.handlers:.2f} s / {share.total:.2f} s = {share.fraction:.0%} ({share.breakdown()})",
        )
        table.info(
            area,
            "Rest of that build, outside the plugin: MkDocs and Material loading, rendering and writing every page "
            "(the generated ones included)",
            n,
            f"{share.total - share.handlers:.2f} s",
        )
    elif share is not None:
        table.error(area, "Plugin's own share", RuntimeError(share.error))


def growth_rows(table: Table, results: list[Result]) -> None:
    """Time per case, marginal time per extra case, and the linear-growth goal, over all N."""
    area = "Build"
    results = sorted(results, key=lambda r: r.n)
    if results:
        table.info(
            area,
            "Time per case (total / N): full (plain)",
            None,
            ", ".join(f"{r.n:,}: {r.full / r.n * 1000:.1f} ms ({r.plain / r.n * 1000:.1f} ms)" for r in results),
        )
    _, marginals = per_case_lines(results)
    for low, high, full, plain in marginals:
        table.info(
            area,
            f"Marginal time per extra case, {low.n:,} → {high.n:,}: full (plain)",
            None,
            f"{full * 1000:.1f} ms ({plain * 1000:.1f} ms)",
        )
    if len(marginals) >= 2:
        first, last = marginals[0], marginals[-1]
        change = last[2] / first[2] if first[2] > 0 else float("inf")
        table.goal(
            area,
            f"Linear growth: marginal {last[0].n:,} → {last[1].n:,} / marginal {first[0].n:,} → {first[1].n:,} (full)",
            None,
            f"{change:.2f}x",
            f"≤ {GOAL_MARGINAL:g}x",
            change <= GOAL_MARGINAL,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="only N=100")
    parser.add_argument(
        "--n", type=int, action="append", default=[], metavar="N", help="also measure this N (repeatable), e.g. --n 5000"
    )
    parser.add_argument("--runs", type=int, default=3, help="builds per measurement; the best counts (default 3)")
    parser.add_argument("--seed", type=int, default=SEED, help="seed of the synthetic cases (default 2022)")
    parser.add_argument("--keep", metavar="DIR", help="generate into DIR and keep it (default: a temporary directory)")
    parser.add_argument("--no-share", action="store_true", help="skip the extra build that measures the plugin's share")
    parser.add_argument("--share-of", nargs=2, metavar=("SITE", "OUT"), help=argparse.SUPPRESS)  # plugin_share's subprocess
    args = parser.parse_args(argv)
    if args.share_of:
        _share_child(Path(args.share_of[0]), Path(args.share_of[1]))
        return 0

    sizes = sorted(set(([100] if args.quick else list(DEFAULT_SIZES)) + args.n))
    if args.keep:
        work = Path(args.keep).resolve()
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        tmp = None
    else:
        tmp = tempfile.mkdtemp(prefix="zodoenwedat-bench-build-")
        work = Path(tmp)
    benchkit.log(benchkit.compile_bytecode())
    benchkit.log(f"Building sites for N = {', '.join(map(str, sizes))} under {work}")
    table = Table()
    results = []
    try:
        for n in sizes:
            with section(table, "Build", f"N={n:,}"):
                result = measure(n, work, args.runs, args.seed, share=not args.no_share)
                results.append(result)
                rows(table, result, args.runs)
        growth_rows(table, results)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print(table.markdown())
    print(
        f"\nWall time of `python -m mkdocs build --strict -q` (one process), start-up included, best of {args.runs} (full and "
        "plain alternating). Load average now: " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
    )
    return 0


if __name__ == "__main__":
    benchkit.run(main)
