#!/usr/bin/env python3
"""Benchmark: related-case ranking, the plain definition against the bit-set version.

:func:`zodoenwedat.catalogue.related.rank_plainly` is the definition written out plainly: every
case scored against every other case, so its time grows with the square of N.
:func:`zodoenwedat.catalogue.related.rank_related` (the site's :class:`RelatedCases`) gives the same
lists with bit sets. Issue 12 asks whether the bit-set version earns its place: this measures
both at N = 5,000 synthetic cases (tests/support/synthetic.py, the same cases as the build
benchmark), on one catalogue built beforehand (loading and cataloguing are not timed).

The plain ranking runs once per N; the bit-set one is the best of 3. If the plain one would
take more than PLAIN_LIMIT_S (5 minutes) at the target N (predicted quadratically from
N = 1,000), it is measured at 1,000 and 2,000 only and extrapolated quadratically from
2,000 (t × (target / 2,000)²); the report says so, with the exponent measured between 1,000
and 2,000. Wherever both ran, their results are compared (they must be equal).

A benchmark reports; it never fails: it exits 0 (2 only when the synthetic cases are invalid).

    .venv/bin/python scripts/bench_related.py                # target N = 5,000
    .venv/bin/python scripts/bench_related.py --target 2000
"""

from __future__ import annotations

import argparse
import gc
import math
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import benchkit
from benchkit import ROOT, SEED, Table, seconds, section, synthetic

PLAIN_LIMIT_S = 300.0  # beyond this (predicted) the plain ranking is extrapolated, not run
BITSET_RUNS = 3


@dataclass
class Point:
    n: int
    bitset: float  # best of BITSET_RUNS, seconds
    plain: float | None = None  # one run, seconds; None when not run at this N
    equal: bool | None = None  # both gave the same lists (None: the plain one did not run)


@dataclass
class RelatedResult:
    target: int
    points: dict[int, Point] = field(default_factory=dict)
    plain_target: float = float("nan")  # measured or extrapolated plain time at the target N
    extrapolated: bool = False
    exponent: float | None = None  # log(t2 / t1) / log(n2 / n1) of the plain ranking, if measured at two sizes

    @property
    def bitset_target(self) -> float:
        return self.points[self.target].bitset

    @property
    def speedup(self) -> float:
        return self.plain_target / self.bitset_target if self.bitset_target else float("inf")

    def method(self) -> str:
        if not self.extrapolated:
            return f"measured at N = {self.target:,}"
        return (
            f"extrapolated quadratically from N = 2,000 (t × {(self.target / 2000) ** 2:g}); measured exponent "
            f"between 1,000 and 2,000: {self.exponent:.2f}"
            if self.exponent is not None
            else "extrapolated quadratically"
        )


def catalogue(n: int, work: Path, seed: int):
    """The catalogue of N synthetic cases (only data/ and cases/ are needed to load them)."""
    from zodoenwedat.catalogue.catalogue import build_catalogue

    root = work / f"related-{n}"
    if not (root / "cases").is_dir():
        shutil.copytree(ROOT / "data", root / "data")
        (root / "data" / "webinars.yml").write_text("[]\n", encoding="utf-8")  # the real ones name real cases
        (root / "data" / "published-urls.txt").unlink(missing_ok=True)
        synthetic.write_cases(synthetic.generate_cases(n, data_dir=ROOT / "data", seed=seed), root / "cases")
    return build_catalogue(synthetic.load_valid(root))


def timed(function, *args) -> tuple[float, object]:
    gc.collect()
    start = time.perf_counter()
    value = function(*args)
    return time.perf_counter() - start, value


def measure_at(n: int, work: Path, seed: int, plain: bool, log=print) -> Point:
    from zodoenwedat.catalogue.related import rank_plainly, rank_related

    ranked_catalogue = catalogue(n, work, seed)
    best, ranked = float("inf"), None
    for _ in range(BITSET_RUNS):  # rank_related starts from nothing each time (a new RelatedCases)
        took, ranked = timed(rank_related, ranked_catalogue)
        best = min(best, took)
    point = Point(n, best)
    log(f"  related N={n:,}: bit sets {seconds(best)} (best of {BITSET_RUNS})")
    if plain:
        point.plain, plainly = timed(rank_plainly, ranked_catalogue)
        point.equal = plainly == ranked
        log(f"  related N={n:,}: plainly {seconds(point.plain)}; same lists: {point.equal}")
    return point


def measure(work: Path, target: int = 5000, seed: int = SEED, log=print) -> RelatedResult:
    result = RelatedResult(target)
    small = min(1000, target)
    result.points[small] = measure_at(small, work, seed, plain=True, log=log)
    predicted = result.points[small].plain * (target / small) ** 2
    if target == small:
        result.plain_target = result.points[small].plain
    elif predicted <= PLAIN_LIMIT_S:
        log(f"  related: plainly at N={target:,} predicted {predicted:.0f} s: measuring it")
        result.points[target] = measure_at(target, work, seed, plain=True, log=log)
        result.plain_target = result.points[target].plain
    else:
        log(f"  related: plainly at N={target:,} predicted {predicted:.0f} s > {PLAIN_LIMIT_S:g} s: N=2,000 and extrapolating")
        middle = min(2000, target)
        result.points[middle] = measure_at(middle, work, seed, plain=True, log=log)
        t1, t2 = result.points[small].plain, result.points[middle].plain
        result.exponent = math.log(t2 / t1) / math.log(middle / small) if t1 and t2 else None
        result.plain_target = t2 * (target / middle) ** 2
        result.extrapolated = middle < target  # a target up to 2,000 was measured, not extrapolated
        if target not in result.points:
            result.points[target] = measure_at(target, work, seed, plain=False, log=log)
    for n in list(result.points):  # the generated repositories are not needed any more
        shutil.rmtree(work / f"related-{n}", ignore_errors=True)
    return result


def rows(table: Table, r: RelatedResult, builds: list | None = None) -> None:
    """The report's rows: both rankings at each N, and (given the build benchmark's results) their
    share of the full build at the target N."""
    area, target = "Related ranking", r.target
    for n, point in sorted(r.points.items()):
        plain = f"plainly {seconds(point.plain)}, " if point.plain is not None else ""
        same = "" if point.equal is None else f"; same lists: {'yes' if point.equal else 'NO'}"
        table.info(
            area,
            f"Measured: `rank_plainly` (once) and `rank_related` (best of {BITSET_RUNS}), catalogue built beforehand",
            n,
            f"{plain}bit sets {seconds(point.bitset)}{same}",
        )
    table.info(
        area, f"`rank_related` (bit sets, the site's `RelatedCases`), best of {BITSET_RUNS}", target, seconds(r.bitset_target)
    )
    approx = "≈ " if r.extrapolated else ""
    table.info(
        area,
        f"`rank_plainly` (the definition), {r.method()}",
        target,
        f"{approx}{seconds(r.plain_target)} ({r.speedup:,.0f}x the bit sets)",
    )
    build = next((b for b in builds or [] if b.n == target and b.full_ok), None)
    if build is not None:
        plain_build = build.full - r.bitset_target + r.plain_target
        table.info(
            area,
            f"Share of the {target:,}-case full build ({build.full:.2f} s, best of the build runs): bit sets; "
            "plainly, of a build that ranked plainly instead",
            target,
            f"{r.bitset_target / build.full:.1%}; {approx}{r.plain_target / plain_build:.0%} (≈ {plain_build:.0f} s build)",
        )
        if build.share is not None and build.share.ok:
            table.info(
                area,
                "In the build itself: time in `RelatedCases` (the share build's timer)",
                target,
                f"{build.share.spent.get('related', 0.0):.2f} s of {build.share.total:.2f} s",
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=int, default=5000, help="N to compare at (default 5000)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    benchkit.log(benchkit.compile_bytecode())
    work = Path(tempfile.mkdtemp(prefix="zodoenwedat-bench-related-"))
    table = Table()
    try:
        with section(table, "Related ranking", f"N={args.target:,}"):
            rows(table, measure(work, args.target, args.seed, log=benchkit.log))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table.markdown())
    return 0


if __name__ == "__main__":
    benchkit.run(main)
