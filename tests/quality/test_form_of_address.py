"""One form of address: everything a visitor or editor reads says "je", never "u" or "uw".

Checked: the site's templates and theme overrides, the hand-written pages, the data files,
CONTRIBUTING.md and the GitHub templates (the issue form is generated), the visitor-facing
scripts, every Dutch text in the package's Python code (the validator's messages, the field
descriptions, page titles), and the text and read-aloud attributes of every page of the
built site.
"""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest
from support import REPO
from support.html import READ_ATTRIBUTES, visible_text

# "u", "uw" or "uzelf" as a word of its own: not inside a word (uur, nu, uit), not a code
# point (U+202E), a flag (-u), a JavaScript name (u.pathname, u=new, item.u) or a time (14.30 u).
FORMAL = re.compile(r"(?<![\w+\-/.'’&])(?<!\d\s)(?:[Uu]|[Uu]w|[Uu]zelf)(?![\w+\-=(/'’]|\.\w)")

VENDORED: set[str] = set()  # third-party code, not our text (none left)


def formal_words(text: str) -> list[str]:
    """Each line of ``text`` that addresses the reader as "u"."""
    return [line.strip() for line in text.splitlines() if FORMAL.search(line)]


def python_texts(source: str) -> str:
    """The string literals of a Python file that contain a space (prose, not keys or names)."""
    out = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.STRING or token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            text = re.sub(r"^[rRbBuUfF]+(?=['\"])", "", token.string)
            if " " in text:
                out.append(text)
    return "\n".join(out)


TEXT_PATTERNS = (
    "zodoenwedat/templates/**/*.html",
    "overrides/**/*.html",
    "zodoenwedat/**/static/*.js",
    "docs/**/*.md",
    "data/*.yml",
    "data/*.txt",
    "CONTRIBUTING.md",
    ".github/**/*.yml",
    ".github/**/*.md",
)
PYTHON_PATTERN = "zodoenwedat/**/*.py"


def _files(pattern: str) -> list[Path]:
    return [p for p in sorted(REPO.glob(pattern)) if p.is_file() and p.name not in VENDORED]


TEXT_FILES = [path for pattern in TEXT_PATTERNS for path in _files(pattern)]
PYTHON_FILES = _files(PYTHON_PATTERN)


def _rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


# ------------------------------------------------------------ the check --


@pytest.mark.parametrize(
    "text",
    [
        "Zet een webinar in uw agenda.",
        "Zet een webinar in je agenda, of abonneer u op alle webinars.",
        "Kent u er een?",
        "U kunt de code kopiëren.",
        "Vul dit in als u iets verandert.",
        "Dat regelt u zelf, of met uzelf.",
        "Wij danken u.",
        "Uw voorstel komt bij de redactie.",
        "<p>Lees hoe u het toevoegt</p>",
    ],
)
def test_the_check_finds_u_and_uw(text):
    assert formal_words(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "Het webinar duurt een uur en begint nu, buiten de wijk, uit eigen beweging.",
        "Zet een webinar in je agenda, of abonneer je op alle webinars.",
        "De tekst bevat een onzichtbaar teken (U+202E); haal het weg.",
        "var u=new URL(a.search,location.href),f=u.pathname.split('/').pop();",
        "a.href = siteRoot + item.u;",
        "set -u; git push -u origin main",
        "Het begint om 14.30 u precies.",
        "Een U-bocht in de straat; de Ubbo Emmiusstraat; UWV en u2.",
    ],
)
def test_the_check_leaves_other_words_alone(text):
    assert formal_words(text) == []


def test_python_texts_are_the_prose_in_string_literals():
    source = 'u = 1\nname = "u"\nmessage = f"Vul {field} in als u wilt."\nother = u"Gewone tekst"\n# een u in commentaar\n'
    assert formal_words(python_texts(source)) == ['"Vul {field} in als u wilt."']


# -------------------------------------------------------- the sources --


@pytest.mark.parametrize("pattern", (*TEXT_PATTERNS, PYTHON_PATTERN))
def test_every_kind_of_file_to_check_is_found(pattern):
    """Each pattern finds files: a pattern left behind by a move would check nothing."""
    assert _files(pattern)


@pytest.mark.parametrize("path", TEXT_FILES, ids=_rel)
def test_no_u_in_texts_for_visitors_and_editors(path):
    assert formal_words(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", PYTHON_FILES, ids=_rel)
def test_no_u_in_the_package_messages_and_descriptions(path):
    assert formal_words(python_texts(path.read_text(encoding="utf-8"))) == []


# ------------------------------------------------------- the built site --


def test_no_u_on_any_built_page(real_site):
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) > 50
    found = {}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        text = visible_text(html)
        text += "\n" + "\n".join(re.findall(r'<meta name="description" content="([^"]*)"', html))
        lines = formal_words(text)
        if lines:
            found[page.relative_to(real_site.site).as_posix()] = lines
    assert found == {}


def test_read_attributes_are_part_of_the_visible_text():
    """aria-label, alt and title are read aloud or shown: they count as text."""
    html = '<main><a href="x" aria-label="Zet in uw agenda">+</a><img src="y" alt="logo"></main>'
    assert "aria-label" in READ_ATTRIBUTES and formal_words(visible_text(html)) == ["Zet in uw agenda"]
