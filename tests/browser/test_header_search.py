"""The search box in the header, on every page, in real Chromium: it reads the site's one
Pagefind index (loaded only when the visitor starts to search) and finds cases and
hand-written pages, with the keyboard alone too; axe-clean, nothing from elsewhere."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def search(page, words: str) -> list[dict]:
    """Type into the header box and return the results shown: [{href, title, kind}]."""
    page.click("#zd-search-q")
    page.keyboard.type(words)
    page.wait_for_function(
        "words => document.querySelector('[data-zd-count]').textContent.includes('‘' + words + '’')", arg=words
    )
    return page.eval_on_selector_all(
        ".zd-search__item a",
        """els => els.map(a => ({href: a.getAttribute('href'), title: a.querySelector('.zd-search__title').textContent,
                                kind: a.querySelector('.zd-search__kind').textContent}))""",
    )


def pagefind_requests(recorded) -> list[str]:
    return [url for url in recorded.requests if "/pagefind/" in url]


def test_the_index_loads_only_when_the_visitor_starts_to_search(open_page):
    page, recorded = open_page("/over-de-coalitie/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#zd-search-q").is_visible()
    assert pagefind_requests(recorded) == []
    page.focus("#zd-search-q")
    page.wait_for_function("() => performance.getEntriesByType('resource').some(e => e.name.includes('/pagefind/pagefind.js'))")
    assert any(url.endswith("/pagefind/pagefind.js") for url in pagefind_requests(recorded))
    recorded.assert_clean()


def test_finds_a_case(open_page, base_url):
    page, recorded = open_page("/webinars/")
    results = search(page, "Oslostraat")
    assert results[0]["title"] == "Oslostraat in Almere"
    assert results[0]["kind"] == "Praktijkvoorbeeld · Almere · Oslostraat, Almere Buiten"
    page.click(".zd-search__item a >> nth=0")
    page.wait_for_url(base_url + "/praktijkvoorbeelden/oslostraat-almere/")
    recorded.assert_clean()


def test_finds_a_hand_written_page(open_page, base_url):
    page, recorded = open_page("/praktijkvoorbeelden/ruwaard-oss/")
    results = search(page, "coalitie")
    pages = [r for r in results if r["kind"] == "Pagina"]
    assert any(r["title"] == "Over de coalitie" for r in pages), results
    target = next(r for r in pages if r["title"] == "Over de coalitie")
    page.click(f'.zd-search__item a[href="{target["href"]}"]')
    page.wait_for_url(base_url + "/over-de-coalitie/")
    recorded.assert_clean()


def test_dutch_stemming_in_the_header(open_page):
    page, recorded = open_page("/")
    results = search(page, "wijken")  # Ruwaard's text says "wijk"
    assert any(r["href"].endswith("praktijkvoorbeelden/ruwaard-oss/") for r in results), results
    marks = page.locator(".zd-search__excerpt mark").all_inner_texts()
    assert marks and all(re.match(r"(?i)wijk", m) for m in marks), marks
    recorded.assert_clean()


def test_keyboard_only(open_page, base_url):
    page, recorded = open_page("/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "zd-search-q":
            break
    else:
        pytest.fail("the header search box cannot be reached with Tab")
    page.keyboard.type("Majella")
    page.wait_for_selector(".zd-search__item a")
    page.keyboard.press("Escape")
    assert page.locator("#zd-search-panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == "zd-search-q"
    page.keyboard.type(" Utrecht")
    page.wait_for_function("() => document.querySelector('[data-zd-count]').textContent.includes('Majella Utrecht')")
    assert page.locator("#zd-search-panel").is_visible()
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused.endswith("praktijkvoorbeelden/majella-wonen-utrecht/")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "zd-search-q"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "/praktijkvoorbeelden/majella-wonen-utrecht/")
    page.keyboard.press("/")  # the shortcut Material's search had
    assert page.evaluate("document.activeElement.id") == "zd-search-q"
    assert page.input_value("#zd-search-q") == ""
    recorded.assert_clean()


def test_submitting_opens_the_finder_with_the_words(open_page, base_url):
    page, recorded = open_page("/redactie/")
    page.click("#zd-search-q")
    page.keyboard.type("renovatie")
    page.keyboard.press("Enter")
    page.wait_for_url(base_url + "/praktijkvoorbeelden/?q=renovatie")
    page.wait_for_selector("#zd-finder[data-ready]", state="attached")
    assert page.input_value("#zd-q") == "renovatie"
    assert page.locator("#zd-results .zd-card").count() >= 1
    recorded.assert_clean()


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_clean_with_the_results_open(new_page, base_url, axe_script, width):
    page, recorded = new_page(width, 800)
    page.goto(base_url + "/over-de-coalitie/")
    search(page, "wonen")
    assert page.locator("#zd-search-panel").is_visible()
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]
    assert not violations, json.dumps(violations, indent=1)
    box = page.locator("#zd-search-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width, box
    recorded.assert_clean()


def test_without_javascript_there_is_no_header_search(new_page, base_url):
    page, recorded = new_page(1280, 800, javascript=False)
    page.goto(base_url + "/")
    assert page.locator("form[data-zd-search]").is_hidden()
    recorded.assert_clean()
