"""Quality gates on the built files: valid HTML, no broken links, no leaks, reproducible."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from support import REPO
from support.sites import run_build

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Errors the Nu HTML Checker reports in markup that Material for MkDocs writes itself
# (partials we do not override). Each entry: a fragment of the message, and why it is allowed.
VNU_ALLOWED = [
    # Material's hidden toggles (<input class="md-toggle" type="checkbox" autocomplete="off">):
    # autocomplete on a checkbox. Harmless; it stops Firefox restoring the drawer state.
    "Attribute “autocomplete” is only allowed when the input type is",
    # Material's table-of-contents label (<label class="md-nav__title" for="__toc">) on pages
    # whose navigation sidebar is hidden: the toggle it points to is hidden there.
    "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
]


class Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.scripts: list[tuple[dict, str]] = []
        self._script: dict | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        for key in ("id", "name"):
            if key in attrs and tag != "meta" and tag != "input":
                self.ids.add(attrs[key])
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if key in attrs:
                self.refs.append((tag, key, attrs[key]))
        if tag == "script":
            self._script, self._text = attrs, ""

    def handle_data(self, data):
        if self._script is not None:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, self._text))
            self._script = None


def parse(path: Path) -> Collect:
    parser = Collect()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_nu_html_checker_reports_no_errors(real_site):
    assert VNU.is_file(), "vnu.jar missing: run `npm ci` (make test does)"
    assert shutil.which("java"), "Java is needed for the Nu HTML Checker"
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(real_site.site)],
        capture_output=True,
        text=True,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [m for m in messages if m.get("type") == "error" and not any(a in m["message"] for a in VNU_ALLOWED)]
    report = "\n".join(f"{m['url'].split('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in errors[:30])
    assert not errors, f"{len(errors)} HTML errors:\n{report}"


def _target(site: Path, page: Path, value: str) -> tuple[Path, str] | None:
    """The file a link points to inside the site, and its fragment; None for other sites."""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith(("mailto:", "#")) and not value.startswith("#"):
        return None
    page_url = page.relative_to(site).as_posix()
    resolved = urljoin("/" + page_url, value)
    path = unquote(urlsplit(resolved).path).lstrip("/")
    target = site / path
    if resolved.split("#")[0].endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def test_every_internal_link_and_fragment_resolves(real_site):
    ids_cache: dict[Path, set[str]] = {}
    broken = []
    for page in html_files(real_site.site):
        doc = parse(page)
        ids_cache[page] = doc.ids
        for tag, attr, value in doc.refs:
            if not value or value.startswith(("mailto:", "webcal:", "https:", "http:", "data:")):
                continue
            found = _target(real_site.site, page, value)
            if found is None:
                continue
            target, fragment = found
            if not target.is_file():
                broken.append(f"{page.relative_to(real_site.site)}: {tag} {attr}={value} (no file)")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = parse(target).ids
                if fragment not in ids_cache[target]:
                    broken.append(f"{page.relative_to(real_site.site)}: {value} (no #{fragment})")
    assert not broken, "\n".join(broken[:40])


EXTERNAL_RESOURCE = re.compile(r"""(?:src|href|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)
CSS_EXTERNAL = re.compile(r"""(?:url\(\s*["']?(?:https?:)?//|@import\s+(?:url\()?["']?(?:https?:)?//)""", re.I)


def test_no_built_file_loads_anything_from_elsewhere(real_site):
    problems = []
    for path in real_site.site.rglob("*"):
        if path.suffix == ".html":
            for tag in re.findall(
                r"<(?:script|link|img|iframe|source|video|audio|object|embed)\b[^>]*>", path.read_text(encoding="utf-8")
            ):
                if re.search(r'rel="(?:canonical|alternate)"', tag):
                    continue  # a reference, not a download
                if EXTERNAL_RESOURCE.search(tag):
                    problems.append(f"{path.relative_to(real_site.site)}: {tag[:120]}")
        elif path.suffix == ".css":
            text = path.read_text(encoding="utf-8", errors="replace")
            for match in CSS_EXTERNAL.finditer(text):
                problems.append(f"{path.relative_to(real_site.site)}: {text[match.start() : match.start() + 80]}")
    for path in real_site.site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for needle in (
            "fonts.googleapis.com",
            "fonts.gstatic.com",
            "googletagmanager",
            "google-analytics",
            "cdn.jsdelivr",
            "unpkg.com",
        ):
            if needle in text:
                problems.append(f"{path.relative_to(real_site.site)}: {needle}")
    assert not problems, "\n".join(problems[:30])


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(real_site, tmp_path):
    again = tmp_path / "again"
    result = run_build(REPO, again).result
    assert result.returncode == 0, result.stderr
    first, second = _tree(real_site.site), _tree(again)
    assert sorted(first) == sorted(second)
    different = [name for name in first if first[name] != second[name]]
    assert not different, different[:20]
