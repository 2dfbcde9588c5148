"""The case finder in real Chromium: same results as lunr.py, facets, URL state, keyboard, axe."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

import pytest
from sitekit import REPO, build_site, serve

from zodoenwedat.repository import load_repository
from zodoenwedat.search import pipeline, reference
from zodoenwedat.search.finder import finder_index
from zodoenwedat.site.catalogue import build_catalogue

from .test_fixture_cases import CASES

pytestmark = pytest.mark.browser

QUERIES = ["wijk", "wijken", "woonladder", "overlast na renovatie", "Almere", "gemengd wonen", "woonlader", "renova",
           "philadelphia", "ervaringsdeskundigen", "vuistregels", "corporatie zorg", "samenwerking", "qqqzzz"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def query_state(page) -> dict:
    """The query string as the page has it now (page.url follows history.replaceState a little late)."""
    return parse_qs(page.evaluate("location.search").lstrip("?"))


def result_slugs(page) -> list[str]:
    page.wait_for_selector("#zd-finder[data-ready]")
    hrefs = page.eval_on_selector_all("#zd-results .zd-card__title a", "els => els.map(a => a.getAttribute('href'))")
    return [h.rstrip("/").rsplit("/", 1)[1] for h in hrefs]


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(load_repository(REPO))


def test_same_case_list_in_the_same_order_as_lunr_py(open_page, catalogue):
    index = reference.load(finder_index(catalogue))
    page, recorded = open_page("/praktijkvoorbeelden/")
    page.wait_for_selector("#zd-finder[data-ready]")
    for query in QUERIES:
        refs, mode = reference.finder_search(index, query)
        expected = [catalogue.cases[int(r)].slug for r in refs] if pipeline.query_words(query) else [e.slug for e in catalogue.cases]
        page.fill("#zd-q", query)
        assert result_slugs(page) == expected, (query, mode)
        status = page.inner_text("#zd-status")
        assert (f"{len(expected)} praktijkvoorbeeld" in status) if expected else ("Geen praktijkvoorbeelden" in status)
    recorded.assert_clean()


def test_browser_stemmer_agrees_with_the_index(open_page, catalogue):
    words = sorted({w for e in catalogue.cases for w in pipeline.tokenize(e.case.title + " " + e.case.summary + " " + e.body)})
    words = [pipeline.trim(w) for w in words if pipeline.trim(w)]
    page, _ = open_page("/praktijkvoorbeelden/")
    page.wait_for_selector("#zd-finder[data-ready]")
    stems = page.evaluate("words => words.map(w => lunr.nl.stemmer(new lunr.Token(w, {})).toString())", words)
    mismatches = [(w, js, pipeline.stem(w)) for w, js in zip(words, stems) if js != pipeline.stem(w)]
    assert len(words) > 500 and not mismatches, mismatches[:20]


def test_typing_errors_are_forgiven_and_filters_suggested(open_page):
    page, recorded = open_page("/praktijkvoorbeelden/?q=woonlader")
    assert result_slugs(page) == ["beschermd-wonen-light-leiden"]
    assert "typefout" in page.inner_text("#zd-status")
    page.fill("#zd-q", "renova")
    assert result_slugs(page) == ["oslostraat-almere"]
    assert "zo beginnen" in page.inner_text("#zd-status")
    page.goto(page.url.split("?")[0] + "?q=woonladder&provincie=groningen")
    assert result_slugs(page) == []
    assert page.is_visible("#zd-suggest")
    page.click("#zd-suggest button")
    assert result_slugs(page) == ["beschermd-wonen-light-leiden"]
    assert "provincie" not in query_state(page)
    recorded.assert_clean()


# ------------------------------------------------------------------ facets on a hand-made fixture --


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    built = build_site(tmp_path_factory.mktemp("finder"), CASES)
    assert built.result.returncode == 0, built.result.stderr
    with serve(built.site) as url:
        yield url


def counts(page, facet: str) -> dict[str, int]:
    return page.evaluate(
        """facet => Object.fromEntries(Array.from(document.querySelectorAll(`[data-count-for^="${facet}:"]`))
             .map(n => [n.getAttribute('data-count-for').split(':')[1], Number(n.textContent.replace(/[()]/g, ''))]))""",
        facet,
    )


def test_facet_counts_against_a_hand_computed_fixture(browser, fixture_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(fixture_url + "/praktijkvoorbeelden/")
    assert result_slugs(page) == ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
    themes = counts(page, "thema")
    assert (themes["gemengd-wonen"], themes["leefbaarheid"], themes["renovatie"], themes["veiligheid"], themes["beschermd-wonen"]) == (3, 2, 1, 1, 0)
    assert {k: v for k, v in counts(page, "provincie").items() if v} == {"utrecht": 4, "flevoland": 1, "zeeland": 1}
    # Tick a theme: cases with it; other facets count within that selection, its own facet does not.
    page.check('input[name="thema"][value="gemengd-wonen"]')
    assert result_slugs(page) == ["alpha", "bravo", "charlie"]
    assert {k: v for k, v in counts(page, "provincie").items() if v} == {"utrecht": 2, "flevoland": 1}
    assert {k: v for k, v in counts(page, "partner").items() if v} == {"ggz-instelling": 2, "gemeente": 1, "woningcorporatie": 1}
    assert counts(page, "thema")["leefbaarheid"] == 2
    # Across facets AND.
    page.check('input[name="provincie"][value="utrecht"]')
    assert result_slugs(page) == ["alpha", "bravo"]
    assert {k: v for k, v in counts(page, "thema").items() if v} == {"gemengd-wonen": 2, "leefbaarheid": 2, "veiligheid": 1, "participatie": 1}
    assert counts(page, "partner")["gemeente"] == 0
    # Within a facet OR.
    page.check('input[name="thema"][value="veiligheid"]')
    assert result_slugs(page) == ["alpha", "bravo", "delta"]
    assert page.inner_text("#zd-status").startswith("3 praktijkvoorbeelden")
    # Words and filters together.
    page.fill("#zd-q", "Charlie")
    assert result_slugs(page) == []
    page.uncheck('input[name="provincie"][value="utrecht"]')
    assert result_slugs(page) == ["charlie"]
    context.close()


def test_state_lives_in_the_url_reload_and_back(browser, fixture_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(fixture_url + "/praktijkvoorbeelden/")
    result_slugs(page)
    page.fill("#zd-q", "Utrecht")
    assert query_state(page) == {"q": ["Utrecht"]}
    page.check('input[name="thema"][value="leefbaarheid"]')
    page.check('input[name="partner"][value="ggz-instelling"]')
    assert query_state(page) == {"q": ["Utrecht"], "thema": ["leefbaarheid"], "partner": ["ggz-instelling"]}
    before = result_slugs(page)
    assert sorted(before) == ["alpha", "bravo"]
    page.reload()
    assert result_slugs(page) == before
    assert page.input_value("#zd-q") == "Utrecht"
    assert page.is_checked('input[name="partner"][value="ggz-instelling"]')
    assert not page.evaluate("document.querySelector('[data-md-toggle=search]').checked"), "Material's search must stay closed"
    page.go_back()
    assert not page.is_checked('input[name="partner"][value="ggz-instelling"]')
    assert page.is_checked('input[name="thema"][value="leefbaarheid"]')
    assert sorted(result_slugs(page)) == ["alpha", "bravo"]
    page.go_back()
    assert not page.is_checked('input[name="thema"][value="leefbaarheid"]')
    context.close()


def test_without_javascript_the_page_lists_every_case(browser, fixture_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(fixture_url + "/praktijkvoorbeelden/")
    assert page.is_hidden("#zd-finder")
    assert page.locator("#zd-overview .zd-card").count() == len(CASES)
    context.close()


def test_keyboard_only(browser, fixture_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(fixture_url + "/praktijkvoorbeelden/")
    result_slugs(page)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "zd-q":
            break
    else:
        pytest.fail("the search box cannot be reached with Tab")
    page.keyboard.type("Charlie")
    assert result_slugs(page) == ["charlie"]
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "thema"
    page.keyboard.press("Space")
    assert page.evaluate("document.activeElement.checked") is True
    assert "thema" in query_state(page)
    page.keyboard.press("Space")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#zd-results')"):
            break
    else:
        pytest.fail("the results cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/praktijkvoorbeelden/charlie/")
    context.close()


def test_axe_clean_with_filters_applied(open_page, axe_script):
    page, recorded = open_page("/praktijkvoorbeelden/?q=wonen&thema=gemengd-wonen&provincie=utrecht")
    result_slugs(page)
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]
    assert not violations, json.dumps(violations, indent=1)
    recorded.assert_clean()
