"""What the benchmarks (scripts/bench*.py) share: the report table, synthetic sites and their
builds, the bytecode cache, and, from the test support kit (tests/support/), the one static
server, Debian's Chromium and the synthetic case generator. Benchmarks import the test support
kit; tests never import scripts/.

    python scripts/benchkit.py serve PORT DIRECTORY   # serve a built site like a static host (scripts/lighthouse.sh)
"""

from __future__ import annotations

import compileall
import contextlib
import gzip
import os
import resource
import shutil
import subprocess
import sys
import sysconfig
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parent.parent
for _path in (ROOT, ROOT / "tests"):  # this package, and the test support kit (`support`)
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from support import synthetic  # noqa: E402
from support.chromium import CHROMIUM, CHROMIUM_ARGS, launch  # noqa: E402, F401  (for the scripts)
from support.chromium import missing as chromium_missing  # noqa: E402, F401
from support.server import serve, serve_forever  # noqa: E402, F401

SEED = 2022
SITE_LAYOUT = ("mkdocs.yml", "overrides", "docs", "data")  # what a synthetic site copies from this repository
PUBLISHED_URLS = "data/published-urls.txt"
BUILD_ENV = {"NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life notice is no part of a build's time


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def kb(value: int) -> str:
    return f"{value / 1000:,.1f} kB"


def ms(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} ms"


def seconds(value: float) -> str:
    """Seconds with the digits that mean something: 0.02 s, 3.4 s, 250 s."""
    if value >= 100:
        return f"{value:,.0f} s"
    return f"{value:.1f} s" if value >= 10 else f"{value:.2f} s"


def gzipped(data: bytes) -> int:
    """The size of ``data`` as a host sends it with gzip -6."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


# ------------------------------------------------------------------ table --


@dataclass
class Row:
    area: str
    measurement: str
    n: int | None
    result: str
    goal: str = ""
    verdict: str = ""
    note: str = ""


@dataclass
class Table:
    """The one report of every benchmark: a Markdown table of measurements, goals and verdicts;
    ``note_header`` adds a last column (e.g. a figure to compare with)."""

    note_header: str | None = None
    rows: list[Row] = field(default_factory=list)

    def info(self, area: str, measurement: str, n: int | None, result: str, note: str = "") -> None:
        self.rows.append(Row(area, measurement, n, result, note=note))

    def goal(self, area: str, measurement: str, n: int | None, result: str, goal: str, ok: bool | None, note: str = "") -> None:
        self.rows.append(Row(area, measurement, n, result, goal, verdict(ok), note))

    def error(self, area: str, what: str, error: BaseException) -> None:
        message = f"{type(error).__name__}: {error}".replace("|", "\\|").replace("\n", " ")[:300]
        self.rows.append(Row(area, f"{what}: not measured", None, f"error ({message})", "", "n/a"))

    def markdown(self) -> str:
        header = ["Area", "Measurement", "N", "Result", "Goal", "Verdict"] + ([self.note_header] if self.note_header else [])
        lines = ["| " + " | ".join(header) + " |", "|---|---|---:|---:|---|---|" + ("---|" if self.note_header else "")]
        for row in self.rows:
            cells = [row.area, row.measurement, f"{row.n:,}" if row.n else "", row.result, row.goal, row.verdict]
            lines.append("| " + " | ".join(cells + ([row.note] if self.note_header else [])) + " |")
        return "\n".join(lines)


@contextlib.contextmanager
def section(table: Table, area: str, what: str):
    """A part that fails becomes an error row; the other parts still run."""
    try:
        yield
    except Exception as error:  # noqa: BLE001 - a benchmark reports, it does not fail
        log(f"{area}: {what} failed:\n{traceback.format_exc()}")
        table.error(area, what, error)


# ------------------------------------------------------- bytecode cache --


def compile_bytecode() -> str:
    """Fill Python's bytecode cache (``__pycache__``) of the virtualenv's packages and this package;
    a line saying so.

    Where ``PYTHONDONTWRITEBYTECODE`` is set, as on the shared development machines, nothing is
    ever cached and every ``mkdocs`` or ``zodoenwedat`` process compiles MkDocs, Material, pydantic
    and this package again: about 1.5 s per process, which is no part of what the benchmarks
    measure. This writes what Python itself would have written on first use (an existing,
    current cache is kept)."""
    start = time.perf_counter()
    paths = [Path(sysconfig.get_paths()["purelib"]), ROOT / "zodoenwedat"]
    for path in paths:
        if path.is_dir():
            compileall.compile_dir(str(path), quiet=2, workers=1)
    shown = " and ".join(str(p.relative_to(ROOT)) if p.is_relative_to(ROOT) else str(p) for p in paths)
    return f"bytecode cache filled for {shown} in {time.perf_counter() - start:.1f} s"


# -------------------------------------------------------- synthetic sites --


def make_site(target: Path, cases: list[synthetic.SyntheticCase], *, published_urls: bool = True) -> Path:
    """A copy of this repository's site (mkdocs.yml, overrides/, docs/, data/) with these cases
    and no webinars (the real ones name the real cases). With ``published_urls``, the site gets
    its own data/published-urls.txt, so that the build checks it as on the real site; else none.
    Exits (status 2) if the cases are not valid (a bug in the generator)."""
    target.mkdir(parents=True)
    for name in SITE_LAYOUT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    (target / "data" / "webinars.yml").write_text("[]\n", encoding="utf-8")
    (target / PUBLISHED_URLS).unlink(missing_ok=True)  # the real list names the real cases
    synthetic.write_cases(cases, target / "cases")
    synthetic.load_valid(target)
    if published_urls:
        publish_urls(target)
    return target


def publish_urls(root: Path) -> None:
    """Write the site's own data/published-urls.txt (every URL it has), unless it has problems
    (then validate or the build says what is wrong)."""
    from zodoenwedat.catalogue.urlguard import updated_list
    from zodoenwedat.repository import load_repository

    repo = load_repository(root)
    if repo.problems:
        return
    text, _added, _removed = updated_list(repo)
    (root / PUBLISHED_URLS).write_text(text, encoding="utf-8")


@dataclass
class Build:
    """One ``mkdocs build --strict`` in a subprocess."""

    wall: float  # seconds, start-up included
    cpu: float  # user + system seconds of the child
    ok: bool
    output: str  # stdout and stderr

    @property
    def error(self) -> str | None:
        return None if self.ok else self.output.strip()[-3000:]


def mkdocs_build(site: Path, out: Path, *flags: str, timeout: float | None = None) -> Build:
    """``python -m mkdocs build --strict <flags> -f <site>/mkdocs.yml -d <out>``, timed."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *flags, "-f", str(site / "mkdocs.yml"), "-d", str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(command, cwd=site, env={**os.environ, **BUILD_ENV}, capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Build(wall, cpu, run.returncode == 0, run.stdout + run.stderr)


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[0] == "serve":
        serve_forever(Path(argv[2]), int(argv[1]), like_a_host=True)
        return 0
    print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
    return 2


def run(main: Callable[[], int | None]) -> NoReturn:
    """A benchmark script's entry point. argparse's own exits stand (``--help``: 0, a usage
    error: 2), as does the code ``main`` returns (e.g. 3: something it needs is missing); a
    crash prints its traceback and exits 0: a benchmark reports, it never fails the build."""
    try:
        code = main()
    except SystemExit as stop:
        sys.exit(stop.code)
    except Exception:  # noqa: BLE001 - benchmarks don't fail
        traceback.print_exc()
        sys.exit(0)
    sys.exit(code or 0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
