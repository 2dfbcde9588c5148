#!/usr/bin/env python3
"""Benchmark: how long after saving a case file does ``mkdocs serve`` serve the new page?

For each N (default 50 and 1,000) this makes a synthetic site like scripts/bench_build.py's
full site (benchkit.make_site: the repository's layout with N synthetic cases), starts
``python -m mkdocs serve -a 127.0.0.1:<free port>`` on it as a subprocess and waits until it
serves the first case's page. Then, a few times over, it appends a sentence with a new, unique
word to that case's summary and body, saves the file, and polls the case page over HTTP (every
20 ms) until the word is in it. The time from just before the save to the first response with
the word is one measurement; the best and the median are shown, the goal (at most 1.5 s
at N = 50) holds the median, since the watcher's random 0-0.5 s wait is part of what an
editor sees. Between edits it waits until the
server is quiet again. The server is stopped afterwards; every loop has a deadline.

Serve's own log lines, timestamped as they arrive, split each measurement:

* save → "Detected file changes": MkDocs' watcher. ``mkdocs.livereload.LiveReloadServer``
  watches with watchdog's ``PollingObserver(timeout=0.5)``: every watched folder (docs/,
  mkdocs.yml, and cases/ and data/ through the plugin's ``on_serve``) is snapshotted (a scan
  and a stat of each file) every 0.5 s, so a save waits 0 to 0.5 s, about 0.25 s on average.
* "Detected file changes" → "Building documentation...": ``build_delay``: the build loop
  waits until no change came for 0.1 s.
* "Building documentation..." → "Reloading browsers": the rebuild. Serve rebuilds everything
  (not ``--dirty``) and loads the config again, so the plugin is a new instance: the core
  loads, checks and generates the whole site again, and MkDocs renders every page.
* "Reloading browsers" → new text served: the page is on disk; the rest is this script's
  polling (up to 20 ms) and one request.

A benchmark reports; it never fails: it exits 0 (2 only when the synthetic cases are invalid).

    .venv/bin/python scripts/bench_serve.py                # N = 50 and 1,000
    .venv/bin/python scripts/bench_serve.py --n 50 --edits 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import benchkit
from benchkit import ROOT, SEED, Table, section
from support.server import free_port
from support.synthetic import generate_cases

GOAL_SECONDS = {50: 1.5}  # save -> new text served, median of the edits (issue 12)
DEFAULT_SIZES = (50, 1000)
POLL = 0.02  # seconds between two requests for the page
START_TIMEOUT = 600.0  # the first build of a large site on a busy machine
EDIT_TIMEOUT = 300.0
SUMMARY_MAX = 400  # zodoenwedat.models: summary is Text(40, 400)
QUIET = 1.0  # seconds without a new log line before the next edit

# Serve's log lines that mark the stages of a rebuild (mkdocs/livereload, mkdocs/commands/serve.py).
DETECTED, BUILDING, RELOADED = "Detected file changes", "Building documentation", "Reloading browsers"


@dataclass
class Edit:
    total: float  # save -> first response with the new text
    detected: float | None = None  # save -> "Detected file changes"
    building: float | None = None  # save -> "Building documentation..."
    reloaded: float | None = None  # save -> "Reloading browsers"


@dataclass
class ServeResult:
    n: int
    edits: list[Edit] = field(default_factory=list)
    start: float = 0.0  # process start -> first page served (the first build)
    error: str = ""

    @property
    def best(self) -> float:
        return min(e.total for e in self.edits) if self.edits else float("nan")

    @property
    def median(self) -> float:
        return statistics.median(e.total for e in self.edits) if self.edits else float("nan")

    def stage(self, name: str) -> float | None:
        """Median time of one stage: watcher (save -> detected), wait (detected -> building),
        build (building -> reloaded), serve (reloaded -> new text)."""
        values = []
        for e in self.edits:
            if e.detected is None or e.building is None or e.reloaded is None:
                continue
            values.append(
                {
                    "watcher": e.detected,
                    "wait": e.building - e.detected,
                    "build": e.reloaded - e.building,
                    "serve": e.total - e.reloaded,
                }[name]
            )
        return statistics.median(values) if values else None

    def stages(self) -> str:
        parts = []
        for name, label in (
            ("watcher", "watcher (save → change detected)"),
            ("wait", "quiet wait"),
            ("build", "rebuild"),
            ("serve", "page served"),
        ):
            value = self.stage(name)
            parts.append(f"{label} {value:.2f} s" if value is not None else f"{label} n/a")
        return ", ".join(parts)


class Log:
    """Serve's output, each line with the time it arrived (a reader thread)."""

    def __init__(self, stream):
        self.lines: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:
        for line in iter(stream.readline, ""):
            with self.lock:
                self.lines.append((time.perf_counter(), line.rstrip()))

    def first(self, text: str, after: float) -> float | None:
        with self.lock:
            for when, line in self.lines:
                if when >= after and text in line:
                    return when
        return None

    def last_time(self) -> float:
        with self.lock:
            return self.lines[-1][0] if self.lines else 0.0

    def tail(self, count: int = 30) -> str:
        with self.lock:
            return "\n".join(line for _, line in self.lines[-count:])


def fetch(url: str, timeout: float) -> str | None:
    """The page's text, or None while the server does not answer (or answers with an error)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def make_site(n: int, work: Path, seed: int) -> tuple[Path, str]:
    """The synthetic site (as bench_build's full site) and the slug of the case to edit."""
    cases = generate_cases(n, data_dir=ROOT / "data", seed=seed)
    site = benchkit.make_site(work / f"serve-{n}", cases)
    return site, cases[0].slug


def edited(text: str, word: str) -> str:
    """The case file with ``word`` in a sentence at the end of its summary and of its body."""
    sentence = f"Bijgewerkt: {word}."
    lines = text.split("\n")
    for i, line in enumerate(lines):
        # synthetic.py writes the summary on one line, quoted; it stays within its 400 characters.
        if line.startswith('summary: "') and line.endswith('"') and len(line) - 11 + len(sentence) + 1 <= SUMMARY_MAX:
            lines[i] = line[:-1] + " " + sentence + '"'
            break
    return "\n".join(lines).rstrip("\n") + f"\n\n{sentence}\n"


def wait_quiet(log: Log, deadline: float) -> None:
    """Until serve has written nothing for QUIET seconds (a rebuild it started has ended)."""
    while time.perf_counter() < deadline and time.perf_counter() - log.last_time() < QUIET:
        time.sleep(0.1)


def measure(n: int, work: Path, edits: int, seed: int = SEED) -> ServeResult:
    result = ServeResult(n)
    site, slug = make_site(n, work, seed)
    case_file = site / "cases" / f"{slug}.md"
    original = case_file.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/praktijkvoorbeelden/{slug}/"
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(site / "mkdocs.yml")]
    env = {**os.environ, **benchkit.BUILD_ENV, "PYTHONUNBUFFERED": "1"}
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=site,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        errors="replace",
    )
    log = Log(process.stdout)
    try:
        deadline = started + START_TIMEOUT
        while time.perf_counter() < deadline and process.poll() is None:
            if fetch(url, timeout=5) is not None:
                break
            time.sleep(0.2)
        else:
            raise RuntimeError(f"mkdocs serve did not serve {url} (exit {process.poll()}):\n{log.tail()}")
        result.start = time.perf_counter() - started
        wait_quiet(log, time.perf_counter() + 60)

        for number in range(1, edits + 1):
            word = f"zdbench{number}x{os.getpid()}"
            saved = time.perf_counter()
            case_file.write_text(edited(original, word), encoding="utf-8")
            deadline = saved + EDIT_TIMEOUT
            while True:
                page = fetch(url, timeout=max(1.0, deadline - time.perf_counter()))
                if page is not None and word in page:
                    served = time.perf_counter()
                    break
                if time.perf_counter() > deadline or process.poll() is not None:
                    raise RuntimeError(f"edit {number}: the new text was not served within {EDIT_TIMEOUT:g} s:\n{log.tail()}")
                time.sleep(POLL)
            edit = Edit(served - saved)
            for attribute, text in (("detected", DETECTED), ("building", BUILDING), ("reloaded", RELOADED)):
                when = log.first(text, saved)
                setattr(edit, attribute, None if when is None or when > served else when - saved)
            result.edits.append(edit)
            benchkit.log(f"  N={n:,} edit {number}: {edit.total:.2f} s")
            wait_quiet(log, time.perf_counter() + 60)
    except Exception as error:  # noqa: BLE001 - reported, not raised
        result.error = f"{type(error).__name__}: {error}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)
        case_file.write_text(original, encoding="utf-8")
    return result


def rows(table: Table, r: ServeResult) -> None:
    """The report's rows for one N: save → new text served (a goal at N = 50), its stages, the first build."""
    area, n = "Serve", r.n
    if not r.edits:
        raise RuntimeError(r.error or "no edit measured")
    note = f"; then: {r.error}" if r.error else ""
    label = (
        f"`mkdocs serve`: save a case file → its page served with the new text (median of {len(r.edits)} edits; "
        f"best {r.best:.2f} s; all: {', '.join(f'{e.total:.2f}' for e in r.edits)} s{note})"
    )
    goal = GOAL_SECONDS.get(n)
    if goal is not None:
        table.goal(area, label, n, f"{r.median:.2f} s", f"≤ {goal:g} s", r.median <= goal)
    else:
        table.info(area, label, n, f"{r.median:.2f} s")
    table.info(area, "… its stages (medians; from serve's log lines as they arrived)", n, r.stages())
    table.info(area, "… first build, from starting `mkdocs serve` until it serves the page", n, f"{r.start:.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--n", type=int, action="append", default=[], metavar="N", help="number of cases (repeatable; default 50 and 1000)"
    )
    parser.add_argument("--edits", type=int, default=5, help="edits per N; the best and the median count (default 5)")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    sizes = sorted(set(args.n or DEFAULT_SIZES))
    benchkit.log(benchkit.compile_bytecode())
    work = Path(tempfile.mkdtemp(prefix="zodoenwedat-bench-serve-"))
    table = Table()
    try:
        for n in sizes:
            with section(table, "Serve", f"N={n:,}"):
                rows(table, measure(n, work, args.edits, args.seed))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(table.markdown())
    return 0


if __name__ == "__main__":
    benchkit.run(main)
