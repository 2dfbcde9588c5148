#!/usr/bin/env python3
"""Benchmark: how fast is `zodoenwedat validate` on a large repository?

Generates N synthetic, valid case files (about 30 front-matter lines and a body of
about 300 words each) next to a copy of the real ``data/`` directory (with an empty
``data/webinars.yml``, since the real webinars name the real cases, and the synthetic
site's own ``data/published-urls.txt`` instead of the real one, so that validate checks
the published URLs as it does on the real repository) and ``docs/`` (whose pages the URL
check looks for), then measures

(a) the wall time of ``zodoenwedat validate`` as a subprocess, start-up included: one
    process that loads and checks every file itself (it forks nothing), so its CPU time
    (user + system, also shown) is about its wall time;
(b) a baseline: a subprocess that only reads every file and parses its front matter
    with ``yaml.load(..., Loader=yaml.CSafeLoader)``.

Both are the best of several runs. Then (c) the hostile input of tests/support/hostile.py, in
this process: the slowest of the pathological body lines (``check_body`` and
``privacy_problems``) and of the deeply nested or aliased YAML (``load_located``); the tests
check what comes out, this how long it takes.

Prints the table (scripts/benchkit.py) with PASS/MISS per goal (wall time under 2 s; at most 4x
the baseline; no hostile input over 5 s). Always exits 0: a benchmark reports, it does not fail
the build.

    .venv/bin/python scripts/bench_validate.py [--cases 2000] [--runs 3] [--keep DIR]

``generate``, ``measure``, ``rows`` and ``hostile_rows`` are importable (scripts/bench.py uses them).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import benchkit
from benchkit import PUBLISHED_URLS, ROOT, Table, section

GOAL_WALL_SECONDS = 2.0
GOAL_RATIO = 4.0
GOAL_HOSTILE_SECONDS = 5.0  # quadratic behaviour once took 15 to 50 s on one line

WORDS = (
    "de het een en van in op met voor bewoners wijk buurt samen corporatie gemeente zorg welzijn "
    "begeleiding woning wonen partners afspraken huurders ondersteuning leefbaarheid aanpak straat "
    "complex organisatie coalitie gesprek vertrouwen netwerk vrijwilligers ervaring jaar plan "
    "overleg project team kennis regie verhuizing opvang jongeren ouderen buren signalen overlast "
    "contact activiteiten ontmoeting bijeenkomst wijkteam werkwijze resultaat doel vraag antwoord "
    "zelfstandig kwetsbaar betrokken gezamenlijk structureel tijdelijk nieuw sterk goed lokaal"
).split()

THEMES = [
    "leefbaarheid",
    "wonen-zorg-welzijn",
    "gemengd-wonen",
    "beschermd-wonen",
    "community-building",
    "participatie",
    "veiligheid",
    "renovatie",
    "ervaringsdeskundigheid",
    "doorstroom",
]
PROVINCES = [
    "groningen",
    "fryslan",
    "drenthe",
    "overijssel",
    "flevoland",
    "gelderland",
    "utrecht",
    "noord-holland",
    "zuid-holland",
    "zeeland",
    "noord-brabant",
    "limburg",
]
PARTNER_TYPES = [
    "woningcorporatie",
    "zorgorganisatie",
    "ggz-instelling",
    "welzijnsorganisatie",
    "gemeente",
    "maatschappelijke-opvang",
    "bewonersorganisatie",
]
TARGET_GROUPS = ["psychische-kwetsbaarheid", "lvb", "dakloosheid", "ouderen", "jongeren", "buurtbewoners"]
PHASES = ["verkenning", "pilot", "lopend", "structureel", "afgerond"]
PLACES = ["Zwolle", "Deventer", "Amersfoort", "Leeuwarden", "Tilburg", "Heerlen", "Delft", "Emmen", "Goes", "Arnhem"]


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random, words: int) -> str:
    parts, left = [], words
    while left > 0:
        size = min(left, rng.randint(8, 16))
        parts.append(_sentence(rng, size))
        left -= size
    return " ".join(parts)


def case_text(index: int, slugs: list[str], rng: random.Random) -> str:
    slug = slugs[index]
    place = rng.choice(PLACES)
    themes = rng.sample(THEMES, rng.randint(2, 4))
    groups = rng.sample(TARGET_GROUPS, 2)
    related = rng.sample([s for s in slugs[max(0, index - 20) : index + 20] if s != slug], 2)
    published = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 700))
    updated = published + dt.timedelta(days=rng.randint(0, 200))
    partners = rng.sample(PARTNER_TYPES, 3)
    front = [
        "---",
        f"title: Samen wonen in {place} {index}",
        "summary: >-",
        f"  {_paragraph(rng, 14)[:-1]}, met bewoners, corporatie,",
        "  zorg en gemeente die elkaar vinden in de wijk.",
        f"place: {place}",
        f"neighbourhood: Wijk {index}",
        f"province: {rng.choice(PROVINCES)}",
        f"themes: [{', '.join(themes)}]",
        "partners:",
        f"  - type: {partners[0]}",
        f"    name: Organisatie {index} Wonen",
        "    role: Verhuurt de woningen en brengt partijen bij elkaar",
        f"    url: https://www.voorbeeld-{index}.nl/",
        f"  - type: {partners[1]}",
        "    role: Begeleidt bewoners die ondersteuning nodig hebben",
        f"  - type: {partners[2]}",
        f"target_groups: [{', '.join(groups)}]",
        f"phase: {rng.choice(PHASES)}",
        f"started: {rng.randint(2005, 2021)}",
        f"published: {published.isoformat()}",
        f"updated: {updated.isoformat()}",
        "sources:",
        f"  - title: Verslag over samen wonen in {place}",
        "    publisher: Platform voor de wijk",
        f"    url: https://www.voorbeeld-{index}.nl/verslag",
        f"    date: {published.isoformat()}",
        f"related: [{', '.join(related)}]",
        "contact:",
        f"  organisation: Organisatie {index} Wonen",
        f"  email: info@voorbeeld-{index}.nl",
        "coordinates:",
        f"  lat: {rng.uniform(51.0, 53.3):.4f}",
        f"  lon: {rng.uniform(4.0, 6.9):.4f}",
        "---",
    ]
    body = [
        "",
        "## Aanleiding",
        "",
        _paragraph(rng, 70),
        "",
        _paragraph(rng, 40),
        "",
        "## Aanpak",
        "",
        _paragraph(rng, 60) + f" Lees ook [dit voorbeeld]({related[0]}.md).",
        "",
        "- " + _sentence(rng, 10),
        "- " + _sentence(rng, 10),
        "- " + _sentence(rng, 10),
        "",
        "## Resultaten",
        "",
        _paragraph(rng, 50) + f" Meer op [de website](https://www.voorbeeld-{index}.nl/resultaten).",
        "",
        "## Lessen",
        "",
        _paragraph(rng, 50),
        "",
    ]
    return "\n".join(front + body)


def generate(target: Path, count: int, seed: int = 2022) -> None:
    """N synthetic cases in ``target`` (created if needed) with a copy of data/ and docs/."""
    rng = random.Random(seed)
    shutil.copytree(ROOT / "data", target / "data")
    # The real webinars and list of published URLs name the real cases, which are not here.
    (target / "data" / "webinars.yml").write_text("[]\n", encoding="utf-8")
    (target / PUBLISHED_URLS).unlink(missing_ok=True)
    if (ROOT / "docs").is_dir():  # validate also checks the hand-written pages' URLs
        shutil.copytree(ROOT / "docs", target / "docs")
    cases = target / "cases"
    cases.mkdir(parents=True)
    slugs = [f"samen-wonen-{i:04d}" for i in range(count)]
    for index, slug in enumerate(slugs):
        (cases / f"{slug}.md").write_text(case_text(index, slugs, rng), encoding="utf-8")
    benchkit.publish_urls(target)


BASELINE = r"""
import sys, yaml
from pathlib import Path
count = 0
for path in sorted(Path(sys.argv[1], "cases").glob("*.md")):
    text = path.read_text(encoding="utf-8")
    _, front, _body = text.split("---\n", 2)
    yaml.load(front, Loader=yaml.CSafeLoader)
    count += 1
print(count)
"""


def validate_command(root: Path) -> list[str]:
    script = Path(sys.executable).parent / "zodoenwedat"
    if script.exists():
        return [str(script), "--root", str(root), "validate"]
    return [sys.executable, "-m", "zodoenwedat.cli", "--root", str(root), "validate"]


def best_of(command: list[str], runs: int) -> tuple[float, float, subprocess.CompletedProcess]:
    """Best wall time, the CPU time (user + system) of that run, and the last run."""
    best, best_cpu, last = float("inf"), float("nan"), None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        last = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if wall < best:
            best = wall
            best_cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return best, best_cpu, last


@dataclass
class Measured:
    validate: float  # best wall time of `zodoenwedat validate`, seconds
    baseline: float  # best wall time of the CSafeLoader baseline, seconds
    validate_run: subprocess.CompletedProcess
    baseline_run: subprocess.CompletedProcess
    validate_cpu: float = float("nan")  # user + system time of the best validate run
    baseline_cpu: float = float("nan")

    @property
    def ratio(self) -> float:
        return self.validate / self.baseline if self.baseline else float("inf")


def measure(root: Path, runs: int) -> Measured:
    """Best-of-``runs`` wall times of validate and of the baseline on the repository at ``root``."""
    validate_time, validate_cpu, validate_run = best_of(validate_command(root), runs)
    baseline_time, baseline_cpu, baseline_run = best_of([sys.executable, "-c", BASELINE, str(root)], runs)
    return Measured(validate_time, baseline_time, validate_run, baseline_run, validate_cpu, baseline_cpu)


def rows(table: Table, m: Measured, n: int, runs: int) -> None:
    """The validate rows of the report."""
    area = "Validate"
    note = ""
    if m.validate_run.returncode != 0:
        first = " ".join((m.validate_run.stdout + m.validate_run.stderr).split())[:200].replace("|", "\\|")
        note = f" (exit {m.validate_run.returncode}: {first})"
    table.goal(
        area,
        f"`zodoenwedat validate`, one process, start-up included (best of {runs})",
        n,
        f"{m.validate:.2f} s (CPU {m.validate_cpu:.2f} s){note}",
        f"< {GOAL_WALL_SECONDS:g} s",
        m.validate < GOAL_WALL_SECONDS and not note,
    )
    table.info(
        area,
        f"Baseline: read the files + `yaml.load(front, CSafeLoader)`, subprocess (best of {runs})",
        n,
        f"{m.baseline:.2f} s (CPU {m.baseline_cpu:.2f} s)",
    )
    table.goal(area, "Ratio validate / baseline", n, f"{m.ratio:.2f}x", f"≤ {GOAL_RATIO:g}x", m.ratio <= GOAL_RATIO)


def slowest(inputs: dict[str, str], check) -> tuple[str, float]:
    """The input ``check`` takes longest on, and how long (one run each, in this process)."""
    times = {}
    for name, text in inputs.items():
        start = time.perf_counter()
        check(text)
        times[name] = time.perf_counter() - start
    name = max(times, key=times.__getitem__)
    return name, times[name]


def hostile_rows(table: Table) -> None:
    """How long the validator takes on the hostile input the tests check (tests/support/hostile.py)."""
    from support.hostile import BILLION_LAUGHS, DEEP_YAML, PATHOLOGICAL_LINES

    from zodoenwedat.body import check_body
    from zodoenwedat.textrules import privacy_problems
    from zodoenwedat.yamlsource import load_located

    area = "Validate"
    name, seconds = slowest(PATHOLOGICAL_LINES, lambda line: (check_body(line, 1), privacy_problems(line)))
    table.goal(
        area,
        f"Hostile body lines (~90,000 characters, {len(PATHOLOGICAL_LINES)} kinds): the slowest, `{name}`, "
        "`check_body` + `privacy_problems`",
        None,
        f"{seconds:.2f} s",
        f"< {GOAL_HOSTILE_SECONDS:g} s",
        seconds < GOAL_HOSTILE_SECONDS,
    )
    name, seconds = slowest({**DEEP_YAML, "billion-laughs": BILLION_LAUGHS}, load_located)
    table.goal(
        area,
        f"Hostile YAML (deep nesting, aliases; {len(DEEP_YAML) + 1} kinds): the slowest, `{name}`, `load_located`",
        None,
        f"{seconds:.2f} s",
        f"< {GOAL_HOSTILE_SECONDS:g} s",
        seconds < GOAL_HOSTILE_SECONDS,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000, help="number of synthetic case files (default 2000)")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    parser.add_argument("--keep", help="generate into this directory and keep it (default: a temporary directory)")
    args = parser.parse_args(argv)

    print(benchkit.compile_bytecode())
    tmp = None
    if args.keep:
        root = Path(args.keep)
        if root.exists():
            shutil.rmtree(root)
        root.mkdir(parents=True)
    else:
        tmp = tempfile.mkdtemp(prefix="zodoenwedat-bench-")
        root = Path(tmp)
    table = Table()
    try:
        with section(table, "Validate", f"{args.cases:,} cases"):
            start = time.perf_counter()
            generate(root, args.cases)
            sizes = [p.stat().st_size for p in (root / "cases").glob("samen-wonen-*.md")]
            print(
                f"Generated {len(sizes)} case files ({sum(sizes) // 1024} KB, about {sum(sizes) // max(1, len(sizes))} bytes each) "
                f"in {time.perf_counter() - start:.2f} s under {root}"
            )
            result = measure(root, args.runs)
            if result.baseline_run.returncode != 0:
                print(f"\nWARNING: the baseline exited {result.baseline_run.returncode}:\n{result.baseline_run.stderr[-2000:]}")
            rows(table, result, len(sizes), args.runs)
        with section(table, "Validate", "hostile input"):
            hostile_rows(table)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    print()
    print(table.markdown())
    print(f"\nPython {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    benchkit.run(main)
