"""Golden files: a few key pages and files of the real site, compared byte for byte with the copies
in tests/golden/ (after the normalisation below). They show in one diff what a change does to the
site a visitor gets; the other tests say why it is right or wrong.

After a change that is meant to change them, regenerate them and read the diff before committing:

    .venv/bin/python -m pytest tests/test_golden.py --regenerate-golden
    git diff tests/golden/

Normalised (the only thing in these files that depends on the day of the build, not on the
repository): which webinars are upcoming and which past. The build splits them by its own date
and every visitor's browser splits them again by its clock (webinars.js); the golden copies hold
every webinar in one list, by date, and the home page's "next webinar" without the build's pick
(its list of candidates stays). No output carries a build timestamp (two builds are byte-identical:
tests/quality/test_static_gates.py).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

import pytest
from support import REPO

from zodoenwedat.build import build_site
from zodoenwedat.repository import load_repository

GOLDEN = REPO / "tests" / "golden"
PAGES = [
    "index.html",  # the home page
    "praktijkvoorbeelden/index.html",  # the overview and finder
    "praktijkvoorbeelden/oslostraat-almere/index.html",  # a case page
    "embed/oslostraat-almere/index.html",  # its embed page
    "webinars/index.html",
    "feed.xml",
    "api/cases.json",
]
REGENERATE = "--regenerate-golden"
COMMAND = f".venv/bin/python -m pytest tests/test_golden.py {REGENERATE}"

# ----------------------------------------------------------- normalisation --

_WEBINAR_ITEM = re.compile(r'<li class="zd-webinar" id="[^"]+".*?\n</li>\n', re.S)
_WEBINAR_LIST = re.compile(r'<ul class="zd-webinars" id="zd-(upcoming|past)-list"(?: hidden)?>\n.*?^</ul>', re.S | re.M)
_HIDDEN_BY_DATE = re.compile(r'((?:id="zd-(?:upcoming|past)-empty"|class="zd-webinar__register")) hidden')
_NEXT_WEBINAR = re.compile(r'<div id="zd-next-webinar">\n.*?</div>', re.S)


def normalise(text: str) -> str:
    """``text`` without what depends on the day of the build (see the module's docstring)."""
    lists = list(_WEBINAR_LIST.finditer(text))
    if lists:
        items = sorted(item for match in lists for item in _WEBINAR_ITEM.findall(match.group(0)))
        note = "<!-- golden copy: every webinar by date; the build's date and the visitor's clock split them -->\n"

        def one_list(match: re.Match) -> str:
            which = match.group(1)
            inside = note + "".join(items) if which == "upcoming" else ""
            return f'<ul class="zd-webinars" id="zd-{which}-list">\n{inside}</ul>'

        text = _WEBINAR_LIST.sub(one_list, text)
    text = _HIDDEN_BY_DATE.sub(r"\1", text)
    return _NEXT_WEBINAR.sub(
        "<div id=\"zd-next-webinar\">\n<!-- golden copy: chosen by the build's date and the visitor's clock -->\n</div>", text
    )


def test_normalising_removes_all_that_depends_on_the_build_date():
    """Built in this process on two days that split the webinars differently (three upcoming and
    one past, or all four past), every generated page and file is the same once normalised."""
    repo = load_repository(REPO)
    early, late = (
        build_site(repo, site_url="https://zodoenwedat.nl/", today=day) for day in (dt.date(2022, 3, 1), dt.date(2023, 1, 1))
    )

    def outputs(built) -> dict[str, str]:
        found = {f"page {page.src_uri}": page.html_before for page in built.pages}
        found |= {f"home {name}": html for name, html in built.home_sections.items()}
        found |= {f"file {name}": content for name, content in built.files.items() if isinstance(content, str)}
        return found

    before, after = outputs(early), outputs(late)
    assert set(before) == set(after)
    changed = sorted(name for name in before if before[name] != after[name])
    assert changed, "the two days should split the webinars differently"
    assert [name for name in changed if normalise(before[name]) != normalise(after[name])] == []


# ------------------------------------------------------------------- golden --


@pytest.fixture(scope="module")
def regenerate(request) -> bool:
    return request.config.getoption(REGENERATE)


@pytest.mark.parametrize("path", PAGES)
def test_page_is_its_golden_copy(real_site, regenerate, path):
    built = normalise((real_site.site / path).read_bytes().decode("utf-8")).encode("utf-8")
    golden = GOLDEN / path
    if regenerate:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(built)
        return
    assert golden.is_file(), f"tests/golden/{path} is missing; make it with `{COMMAND}`"
    expected = golden.read_bytes()
    if built != expected:
        diff = difflib.unified_diff(
            expected.decode("utf-8").splitlines(keepends=True),
            built.decode("utf-8").splitlines(keepends=True),
            f"tests/golden/{path}",
            f"{path} as built now",
            n=2,
        )
        pytest.fail(
            f"{path} is not its golden copy. If the change is meant, run `{COMMAND}` and commit the "
            f"diff of tests/golden/; else this is what changed:\n" + "".join(diff)[:8000],
            pytrace=False,
        )


def test_there_is_a_golden_copy_for_every_page_and_nothing_else(regenerate):
    on_disk = {path.relative_to(GOLDEN).as_posix() for path in GOLDEN.rglob("*") if path.is_file()}
    if regenerate:
        for stale in on_disk - set(PAGES):
            (GOLDEN / stale).unlink()
        return
    assert on_disk == set(PAGES), f"run `{COMMAND}`"
