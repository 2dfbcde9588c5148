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


# Void elements never get an end tag, so they never open a level of nesting.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes whose text a visitor reads or hears (screen readers read aria-label and alt).
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


def visible_text(html_text: str, *, within: str | None = None, skip_ids: tuple[str, ...] = (), attributes: bool = True) -> str:
    """The text a visitor reads on a page: text nodes (not scripts or styles) and the
    attributes in READ_ATTRIBUTES, one piece per line.

    ``within``: only inside the first element with this tag (``"article"``: the page's own
    content, without the theme's header, navigation and footer). ``skip_ids``: leave out
    every element labelled by, or with, one of these ids (``"zd-bronnen"``: a case's
    sources list, ``<section aria-labelledby="zd-bronnen">``)."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, inside `within`)
            self.seen_within = False

        def _state(self):
            return self.stack[-1][1:] if self.stack else (False, within is None)

        def handle_starttag(self, tag, attrs):
            skipped, inside = self._state()
            values = dict(attrs)
            skipped = skipped or tag in ("script", "style", "template") or any(
                values.get(name) in skip_ids for name in ("id", "aria-labelledby")
            )
            if within is not None and tag == within and not self.seen_within:
                self.seen_within, inside = True, True
            if inside and not skipped and attributes:
                self.parts += [values[name] for name in READ_ATTRIBUTES if values.get(name)]
            if tag not in _VOID:
                self.stack.append((tag, skipped, inside))

        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs)
            if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
                self.stack.pop()

        def handle_endtag(self, tag):
            for index in range(len(self.stack) - 1, -1, -1):  # forgiving, like a browser
                if self.stack[index][0] == tag:
                    del self.stack[index:]
                    break

        def handle_data(self, data):
            skipped, inside = self._state()
            if inside and not skipped and data.strip():
                self.parts.append(data.strip())

    reader = Reader()
    reader.feed(html_text)
    reader.close()
    return "\n".join(reader.parts)
