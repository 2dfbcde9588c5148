"""The real site in real Chromium: headings, layout on a phone, accessibility (axe-core),
no requests to other hosts, no console errors, and the links between cases and themes.

Screenshots go to test-output/screenshots/<name>-<width>.png (git-ignored).
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

CASE_PATH = "/praktijkvoorbeelden/oslostraat-almere/"
CASE_TITLE = "Oslostraat in Almere"

# name, path, the page's h1
MAIN_PAGES = [
    ("home", "/", "Zo doen we dat"),
    ("case-oslostraat-almere", CASE_PATH, CASE_TITLE),
    ("theme-leefbaarheid", "/themas/leefbaarheid/", "Leefbaarheid"),
]
AXE_ONLY_PAGES = [
    ("cases", "/praktijkvoorbeelden/", "Praktijkvoorbeelden"),
    ("partner-type-woningcorporatie", "/partners/woningcorporatie/", "Woningcorporatie"),
    ("organisation-de-alliantie", "/organisaties/de-alliantie/", "de Alliantie"),
    ("matrix", "/samenwerking/", "Wie werkt met wie samen?"),
    ("webinars", "/webinars/", "Webinars"),
    ("themes", "/themas/", "Thema's"),
    ("accessibility-statement", "/toegankelijkheid/", "Toegankelijkheidsverklaring"),
    ("privacy-statement", "/privacy/", "Privacyverklaring"),
    ("colophon", "/colofon/", "Colofon"),
]
VIEWPORTS = [(1280, 800), (390, 844)]
PHONE_WIDTH = 390
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _ids(pages):
    return [name for name, _, _ in pages]


def _viewport_ids():
    return [f"{width}px" for width, _ in VIEWPORTS]


# ---------------------------------------------------------------- helpers --

# Elements that stick out to the right of the viewport and are not inside
# something that scrolls or clips them (like .zd-matrix, overflow-x: auto).
_OVERFLOW_JS = """
(limit) => {
  const contained = (el) => {
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible') return true;
    }
    return false;
  };
  const describe = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) text += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) text += '.' + el.className.trim().split(/\\s+/).join('.');
    return text;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= limit || contained(el)) continue;
    // Report only the outermost offender of a subtree.
    if (el.parentElement && el.parentElement.getBoundingClientRect().right > limit && !contained(el.parentElement)
        && el.parentElement !== document.body) continue;
    out.push(`${describe(el)} (right edge at ${Math.round(rect.right)} px, ${Math.round(rect.width)} px wide)`);
    if (out.length >= 12) break;
  }
  return {scrollWidth: document.documentElement.scrollWidth, offenders: out};
}
"""

_AXE_RUN_JS = """
async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.map(String), html: n.html.slice(0, 200), summary: n.failureSummary})),
  }));
}
"""


def _format_violations(path: str, width: int, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) on {path} at {width} px:"]
    for v in violations:
        lines.append(f"- [{v['id']}] ({v['impact']}) {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:10]:
            lines.append(f"    target: {' '.join(node['target'])}")
            lines.append(f"      html: {node['html']}")
            summary = (node["summary"] or "").replace("\n", " / ")
            lines.append(f"      why:  {summary[:400]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... and {len(v['nodes']) - 10} more node(s)")
    return "\n".join(lines)


def _h1_texts(page) -> list[str]:
    return [text.strip() for text in page.locator("h1").all_inner_texts()]


def _settle(page) -> None:
    """Let fonts and late scripts finish before measuring or taking screenshots."""
    page.wait_for_load_state("networkidle")
    page.evaluate("() => document.fonts ? document.fonts.ready.then(() => true) : true")


# ------------------------------------------------------------------ pages --


@pytest.mark.parametrize("width,height", VIEWPORTS, ids=_viewport_ids())
@pytest.mark.parametrize("name,path,h1", MAIN_PAGES, ids=_ids(MAIN_PAGES))
def test_page_renders(open_page, screenshots, name, path, h1, width, height):
    page, recorded = open_page(path, width, height)
    _settle(page)
    page.screenshot(path=str(screenshots / f"{name}-{width}.png"), full_page=True)

    assert _h1_texts(page) == [h1], f"{path}: expected one h1 {h1!r}, found {_h1_texts(page)!r}"
    assert page.title().startswith(h1) or path == "/", f"{path}: <title> {page.title()!r} does not start with {h1!r}"

    if width == PHONE_WIDTH:
        found = page.evaluate(_OVERFLOW_JS, PHONE_WIDTH + 1)
        assert found["scrollWidth"] <= PHONE_WIDTH + 1, (
            f"{path} at {PHONE_WIDTH} px scrolls sideways: the document is {found['scrollWidth']} px wide. "
            "Sticking out:\n  " + "\n  ".join(found["offenders"] or ["(no single element found)"])
        )
    recorded.assert_clean()


@pytest.mark.parametrize("width,height", VIEWPORTS, ids=_viewport_ids())
@pytest.mark.parametrize("name,path,h1", MAIN_PAGES + AXE_ONLY_PAGES, ids=_ids(MAIN_PAGES + AXE_ONLY_PAGES))
def test_axe(open_page, axe_script, name, path, h1, width, height):
    page, recorded = open_page(path, width, height)
    _settle(page)
    page.add_script_tag(path=str(axe_script))
    violations = page.evaluate(_AXE_RUN_JS, AXE_TAGS)
    assert not violations, _format_violations(path, width, violations)
    recorded.assert_clean()


def test_matrix_scrolls_inside_itself_on_a_phone(open_page, screenshots):
    """The matrix is wider than a phone: it scrolls inside .zd-matrix, never the whole page."""
    page, recorded = open_page("/samenwerking/", PHONE_WIDTH, 844)
    _settle(page)
    page.screenshot(path=str(screenshots / f"matrix-{PHONE_WIDTH}.png"), full_page=True)
    matrix = page.locator(".zd-matrix")
    assert matrix.count() == 1, "/samenwerking/ has no (or more than one) .zd-matrix"
    found = page.evaluate(_OVERFLOW_JS, PHONE_WIDTH + 1)
    assert found["scrollWidth"] <= PHONE_WIDTH + 1, (
        f"/samenwerking/ at {PHONE_WIDTH} px scrolls sideways ({found['scrollWidth']} px). Sticking out:\n  "
        + "\n  ".join(found["offenders"] or ["(no single element found)"])
    )
    box = matrix.evaluate("el => ({scroll: el.scrollWidth, client: el.clientWidth, overflow: getComputedStyle(el).overflowX})")
    if box["scroll"] > box["client"]:
        assert box["overflow"] in ("auto", "scroll"), f".zd-matrix is wider than its box but has overflow-x: {box['overflow']}"
    recorded.assert_clean()


# ------------------------------------------------------------------ links --


def test_home_to_case_to_theme_and_back(open_page, base_url):
    """Home -> 'Bekijk de praktijkvoorbeelden' -> a case -> one of its themes, which lists the case."""
    page, recorded = open_page("/")
    page.get_by_role("link", name="Bekijk de praktijkvoorbeelden").click()
    page.wait_for_url(base_url + "/praktijkvoorbeelden/")
    assert _h1_texts(page) == ["Praktijkvoorbeelden"]

    page.locator(".md-content").get_by_role("link", name=CASE_TITLE, exact=True).first.click()
    page.wait_for_url(base_url + CASE_PATH)
    assert _h1_texts(page) == [CASE_TITLE]

    # The case's own theme tags (in Kenmerken), not those of the related cases further down.
    tag = page.locator(".zd-meta").get_by_role("list", name="Thema's").get_by_role("link").first
    theme = tag.inner_text().strip()
    tag.click()
    page.wait_for_url(re.compile(re.escape(base_url) + r"/themas/[a-z0-9-]+/$"))
    assert _h1_texts(page) == [theme], f"clicked the theme tag {theme!r}, landed on {page.url} with h1 {_h1_texts(page)!r}"

    back = page.locator(".md-content").get_by_role("link", name=CASE_TITLE, exact=True)
    assert back.count() >= 1, f"the theme page {page.url} does not list {CASE_TITLE!r}"
    back.first.click()
    page.wait_for_url(base_url + CASE_PATH)
    assert _h1_texts(page) == [CASE_TITLE]
    recorded.assert_clean()


def test_every_theme_of_the_case_lists_the_case(open_page, base_url):
    page, recorded = open_page(CASE_PATH)
    tags = page.locator(".zd-meta").get_by_role("list", name="Thema's").get_by_role("link")
    targets = [(link.inner_text().strip(), link.evaluate("a => a.href")) for link in tags.all()]
    assert len(targets) >= 1, "the case page shows no theme tags"
    for label, href in targets:
        assert href.startswith(base_url + "/themas/"), f"theme tag {label!r} links to {href}"
        page.goto(href)
        assert _h1_texts(page) == [label], f"{href}: h1 {_h1_texts(page)!r}, expected {label!r}"
        links = page.locator(".md-content").get_by_role("link", name=CASE_TITLE, exact=True)
        assert links.count() >= 1, f"the theme page {href} does not list {CASE_TITLE!r}"
        assert links.first.evaluate("a => a.href") == base_url + CASE_PATH
    recorded.assert_clean()


def test_case_page_has_edit_link(open_page):
    page, recorded = open_page(CASE_PATH)
    edit = page.get_by_role("link", name="Bewerk deze pagina")
    assert edit.count() == 1, f"expected one 'Bewerk deze pagina' link, found {edit.count()}"
    href = edit.get_attribute("href")
    assert href.startswith("https://") and href.endswith("/cases/oslostraat-almere.md"), f"edit link points to {href!r}"
    recorded.assert_clean()


def test_a_visit_leaves_no_cookies_and_nothing_stored(new_page, base_url):
    """What the privacy statement promises: a visit (pages, the finder with a filter, the
    header search) sets no cookie, stores nothing in the browser and asks no other host."""
    page, recorded = new_page()
    for path in ["/", CASE_PATH, "/webinars/", "/themas/leefbaarheid/", "/privacy/", "/praktijkvoorbeelden/?q=wijk"]:
        response = page.goto(base_url + path, wait_until="load")
        assert response is not None and response.ok, path
        _settle(page)
    page.wait_for_selector("#zd-finder:not([hidden])")
    page.check('input[name="thema"][value="leefbaarheid"]')
    page.wait_for_function("new URL(location.href).searchParams.getAll('thema').includes('leefbaarheid')")
    page.goto(base_url + "/", wait_until="load")
    _settle(page)
    page.click("#zd-search-q")  # the header search (Pagefind)
    page.keyboard.type("wijk")
    page.wait_for_selector(".zd-search__item")
    assert page.context.cookies() == []
    assert page.evaluate("Object.keys(localStorage).length + Object.keys(sessionStorage).length") == 0
    recorded.assert_clean()
