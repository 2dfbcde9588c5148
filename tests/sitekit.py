"""Building real sites for tests: from fixture cases written inline, or from a copy of the repository.

The fixture copies the repository's mkdocs.yml, overrides/, docs/ and data/ into
a temporary folder, writes the given case files, and runs ``mkdocs build --strict``
in a subprocess, exactly as a user would.
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

BODY = textwrap.dedent(
    """
    ## Aanleiding

    {intro} In deze wijk wonen veel mensen die ondersteuning nodig hebben, en de buren merken dat.
    Daarom besloten de partners om samen te kijken wat er beter kan in de buurt en in de woningen.
    Zij spraken af om elkaar vaker op te zoeken en bewoners vanaf het begin te betrekken.

    ## Aanpak

    De corporatie, de zorgorganisatie en de gemeente maakten samen een plan met duidelijke afspraken.
    Iedere partner bracht kennis in, en bewoners kregen een vaste plek in het overleg over de wijk.
    Zo ontstond een aanpak die past bij wat mensen zelf willen en kunnen, stap voor stap uitgevoerd.
    """
)


def case_text(
    title: str,
    themes: list[str],
    partners: list[tuple[str, str | None]],
    province: str = "utrecht",
    target_groups: list[str] | None = None,
    related: list[str] | None = None,
    published: str = "2022-02-09",
    summary: str | None = None,
    place: str = "Utrecht",
    body_intro: str = "Dit is een praktijkvoorbeeld voor de tests.",
    extra: str = "",
) -> str:
    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        "---",
        f"title: {q(title)}",
        f"summary: {q(summary or 'Een samenvatting van dit praktijkvoorbeeld, lang genoeg voor de regels van de site.')}",
        f"place: {q(place)}",
        f"province: {province}",
        f"themes: [{', '.join(themes)}]",
        "partners:",
    ]
    for type_, name in partners:
        lines.append(f"  - type: {type_}")
        if name:
            lines.append(f"    name: {q(name)}")
    if target_groups:
        lines.append(f"target_groups: [{', '.join(target_groups)}]")
    lines += ["phase: lopend", f"published: {published}"]
    if related:
        lines.append(f"related: [{', '.join(related)}]")
    if extra:
        lines.append(extra.rstrip("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n" + BODY.format(intro=body_intro)


@dataclass
class BuiltSite:
    root: Path
    site: Path
    result: subprocess.CompletedProcess

    def page(self, url: str) -> str:
        path = self.site / url / "index.html" if not url.endswith(".html") else self.site / url
        return path.read_text(encoding="utf-8")


def copy_repo(tmp: Path) -> Path:
    """A copy of the real repository's content and configuration (cases included)."""
    root = tmp / "repo"
    root.mkdir()
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for folder in ("overrides", "docs", "data", "cases"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def run_build(root: Path, site: Path | None = None) -> BuiltSite:
    site = site or root / "site-out"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=root,
    )
    return BuiltSite(root=root, site=site, result=result)


def build_site(tmp: Path, cases: dict[str, str], webinars: str = "[]\n") -> BuiltSite:
    root = tmp / "repo"
    root.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, root / name)
    for folder in ("overrides", "docs", "data"):
        shutil.copytree(REPO / folder, root / folder)
    (root / "data" / "webinars.yml").write_text(webinars, encoding="utf-8")
    (root / "data" / "published-urls.txt").unlink()  # other cases, other URLs: tested separately
    (root / "cases").mkdir()
    for slug, text in cases.items():
        (root / "cases" / f"{slug}.md").write_text(text, encoding="utf-8")
    return run_build(root)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep the test output clean
        pass


@contextlib.contextmanager
def serve(directory: Path, port: int = 0):
    """Serve a folder on 127.0.0.1 (a free port unless given) in a thread; yields the base URL."""
    import functools
    import threading

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def set_site_url(root: Path, url: str) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_url: https://zodoenwedat.nl/", f"site_url: {url}"), encoding="utf-8")


def rename_case(root: Path, old: str, new: str, alias: bool) -> None:
    """Rename a case file the way an editor would, updating 'related' in the other cases;
    with ``alias`` the old name goes into the renamed case's 'aliases'."""
    for path in (root / "cases").glob("*.md"):
        if path.stem != old:
            path.write_text(path.read_text(encoding="utf-8").replace(old + ",", new + ",").replace(old + "]", new + "]"), encoding="utf-8")
    text = (root / "cases" / f"{old}.md").read_text(encoding="utf-8")
    if alias:
        text = text.replace("\nphase:", f"\naliases: [{old}]\nphase:", 1)
    (root / "cases" / f"{old}.md").unlink()
    (root / "cases" / f"{new}.md").write_text(text, encoding="utf-8")
