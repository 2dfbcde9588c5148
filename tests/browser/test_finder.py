"""The finder on /praktijkvoorbeelden/ in real Chromium, on the site's Pagefind index.

Against the real site and two fixture sites (tests/browser/finder_cases.py: hand-made cases;
120 synthetic cases): Dutch stemming, filter counts against counts computed from the case
files themselves, every URL parameter through type/tick, reload and back, sorting, the
spelling suggestion, "Toon meer", the static list in pages without JavaScript, keyboard-only
use, axe, and no request that leaves the site.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs

import pytest
import yaml

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
FACETS = {  # URL parameter -> how to read its codes from a case file's front matter
    "thema": lambda f: set(f["themes"]),
    "partner": lambda f: {p["type"] for p in f["partners"]},
    "doelgroep": lambda f: set(f.get("target_groups") or []),
    "provincie": lambda f: {f["province"]},
    "fase": lambda f: {f["phase"]},
}


# ---------------------------------------------------------------- helpers --


def front(text: str) -> dict:
    return yaml.safe_load(text.split("---", 2)[1])


def facet_codes(cases: dict[str, str]) -> dict[str, dict[str, set[str]]]:
    """slug -> facet -> codes, read from the case files themselves."""
    return {slug: {facet: read(front(text)) for facet, read in FACETS.items()} for slug, text in cases.items()}


def newest_first(cases: dict[str, str]) -> list[str]:
    """The site's order: newest first, the same day by title."""
    return sorted(
        cases, key=lambda slug: (-front(cases[slug])["published"].toordinal(), front(cases[slug])["title"].casefold(), slug)
    )


def expected_counts(codes: dict, chosen: dict[str, list[str]], pool: set[str] | None = None) -> dict[str, dict[str, int]]:
    """What each filter value should show: the cases (of the pool) that have it and that match
    every other filter's ticks (one of them per filter); a filter's own ticks do not count."""
    pool = set(codes) if pool is None else pool
    out: dict[str, dict[str, int]] = {}
    for facet in FACETS:
        others = [(f, set(v)) for f, v in chosen.items() if v and f != facet]
        eligible = [s for s in pool if all(codes[s][f] & values for f, values in others)]
        counts: dict[str, int] = {}
        for slug in eligible:
            for code in codes[slug][facet]:
                counts[code] = counts.get(code, 0) + 1
        out[facet] = counts
    return out


def matching(codes: dict, chosen: dict[str, list[str]], pool: set[str] | None = None) -> set[str]:
    pool = set(codes) if pool is None else pool
    return {s for s in pool if all(codes[s][f] & set(v) for f, v in chosen.items() if v)}


def query_state(page) -> dict:
    return parse_qs(page.evaluate("location.search").lstrip("?"))


def wait_ready(page) -> None:
    page.wait_for_selector("#zd-finder[data-ready]", state="attached")


def act(page, action) -> None:
    """Do something that makes the finder search again, and wait until it has shown the result."""
    page.evaluate("document.getElementById('zd-finder').removeAttribute('data-ready')")
    action()
    wait_ready(page)


def result_slugs(page) -> list[str]:
    hrefs = page.eval_on_selector_all("#zd-results .zd-card__title a", "els => els.map(a => a.getAttribute('href'))")
    return [h.rstrip("/").rsplit("/", 1)[1] for h in hrefs]


def shown_counts(page) -> dict[str, dict[str, int]]:
    """facet -> code -> the count the page shows (values shown with 0 are left out)."""
    raw = page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-facet] input[type=checkbox]')).map(b =>
             [b.name, b.value, b.parentNode.querySelector('[data-count]').textContent])"""
    )
    out: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    for facet, code, text in raw:
        number = int(re.fullmatch(r"\((\d+)\)", text).group(1))
        if number:
            out[facet][code] = number
    return out


def tick(page, facet: str, code: str, on: bool = True) -> None:
    group = page.locator(f'details[data-facet="{facet}"]')
    if not group.evaluate("d => d.open"):
        group.locator("summary").click()
    box = group.locator(f'input[value="{code}"]')
    act(page, (lambda: box.check()) if on else (lambda: box.uncheck()))


def type_words(page, text: str) -> None:
    act(page, lambda: page.fill("#zd-q", text))


def open_finder(new_page, origin: str, query: str = "", width: int = 1280):
    page, recorded = new_page(width, 800, origin=origin)
    page.goto(origin + "/praktijkvoorbeelden/" + query)
    wait_ready(page)
    return page, recorded


def axe(page, axe_script) -> list:
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:5]) for v in result["violations"]]


# ------------------------------------------------------------ the real site --


def test_real_site_dutch_stemming_and_no_outside_request(new_page, base_url):
    page, recorded = open_finder(new_page, base_url, "?q=wijken")  # the cases say "wijk"
    found = result_slugs(page)
    assert "ruwaard-oss" in found, found
    assert page.inner_text("#zd-status").startswith(f"{len(found)} praktijkvoorbeeld")
    assert any(url.startswith(base_url + "/pagefind/") for url in recorded.requests)
    recorded.assert_clean()


def test_real_site_axe_clean_with_filters_applied(new_page, base_url, axe_script):
    page, recorded = open_finder(new_page, base_url, "?q=wonen&thema=leefbaarheid&provincie=flevoland")
    assert result_slugs(page) == ["oslostraat-almere"]
    assert page.locator("#zd-chosen").is_visible()
    violations = axe(page, axe_script)
    assert not violations, json.dumps(violations, indent=1)
    recorded.assert_clean()


# ------------------------------------------------------ hand-made fixture --


def test_stemming_finds_singular_from_plural(new_page, finder_url, finder_cases):
    assert not any("wijken" in text for text in finder_cases.values())
    page, recorded = open_finder(new_page, finder_url, "?q=wijken")
    assert sorted(result_slugs(page)) == sorted(slug for slug, text in finder_cases.items() if re.search(r"\bwijk\b", text))
    type_words(page, "woonladders")  # one case says "woonladder"
    assert result_slugs(page) == ["golf"]
    type_words(page, "buurtkamers")  # two say "buurtkamer" (one in its title)
    assert sorted(result_slugs(page)) == ["golf", "hotel"]
    recorded.assert_clean()


def test_each_result_shows_title_place_excerpt_and_themes(new_page, finder_url, finder_cases):
    page, recorded = open_finder(new_page, finder_url, "?q=woonladder")
    card = page.locator("#zd-results .zd-card")
    assert card.count() == 1
    golf = front(finder_cases["golf"])
    assert card.locator(".zd-card__title").inner_text() == golf["title"]
    assert card.locator(".zd-card__place").inner_text() == golf["place"]
    assert [m.lower() for m in card.locator(".zd-card__excerpt mark").all_inner_texts()] == ["woonladder"]
    labels = card.locator(".zd-tags a").all_inner_texts()
    assert labels == ["Participatie", "Community building"]
    hrefs = card.locator(".zd-tags a").evaluate_all("els => els.map(a => a.href)")
    assert hrefs == [finder_url + "/themas/participatie/", finder_url + "/themas/community-building/"]
    # Without words a card shows the summary; a title with markup characters stays text.
    type_words(page, "")
    foxtrot = page.locator("#zd-results .zd-card", has=page.locator('a[href$="/foxtrot/"]'))
    assert foxtrot.locator(".zd-card__title").inner_text() == 'Wonen & "zorg" <3 samen'
    assert foxtrot.locator(".zd-card__summary").inner_text() == front(finder_cases["foxtrot"])["summary"]
    assert page.locator("#zd-results mark").count() == 0
    recorded.assert_clean()


def test_filter_counts_equal_counts_from_the_case_files(new_page, finder_url, finder_cases):
    codes = facet_codes(finder_cases)
    page, recorded = open_finder(new_page, finder_url)
    assert shown_counts(page) == expected_counts(codes, {})
    assert result_slugs(page) == newest_first(finder_cases)
    chosen: dict[str, list[str]] = {}
    for facet, code in [
        ("thema", "gemengd-wonen"),
        ("provincie", "utrecht"),
        ("thema", "veiligheid"),
        ("partner", "gemeente"),
        ("fase", "lopend"),
        ("doelgroep", "psychische-kwetsbaarheid"),
    ]:
        tick(page, facet, code)
        chosen.setdefault(facet, []).append(code)
        assert shown_counts(page) == expected_counts(codes, chosen), chosen
        assert sorted(result_slugs(page)) == sorted(matching(codes, chosen)), chosen
    recorded.assert_clean()


def test_filter_counts_with_words_count_only_cases_with_those_words(new_page, finder_url, finder_cases):
    codes = facet_codes(finder_cases)
    pool = {slug for slug, text in finder_cases.items() if "buurtkamer" in text.lower()}
    page, recorded = open_finder(new_page, finder_url, "?q=buurtkamer&partner=woningcorporatie")
    assert shown_counts(page) == expected_counts(codes, {"partner": ["woningcorporatie"]}, pool)
    assert result_slugs(page) == ["hotel"]
    recorded.assert_clean()


@pytest.mark.parametrize(
    "facet,code",
    [("thema", "renovatie"), ("partner", "gemeente"), ("doelgroep", "jongeren"), ("provincie", "zeeland"), ("fase", "afgerond")],
)
def test_a_tick_round_trips_through_the_url_reload_and_back(new_page, finder_url, finder_cases, facet, code):
    codes = facet_codes(finder_cases)
    page, recorded = open_finder(new_page, finder_url)
    everything = result_slugs(page)
    tick(page, facet, code)
    assert query_state(page) == {facet: [code]}
    after = result_slugs(page)
    assert sorted(after) == sorted(matching(codes, {facet: [code]}))
    act(page, page.reload)
    assert page.is_checked(f'input[name="{facet}"][value="{code}"]')
    assert result_slugs(page) == after
    act(page, page.go_back)
    assert query_state(page) == {}
    assert not page.is_checked(f'input[name="{facet}"][value="{code}"]')
    assert result_slugs(page) == everything
    act(page, page.go_forward)
    assert query_state(page) == {facet: [code]} and result_slugs(page) == after
    recorded.assert_clean()


def test_words_round_trip_through_the_url_reload_and_back(new_page, finder_url):
    page, recorded = open_finder(new_page, finder_url)
    everything = result_slugs(page)
    page.click("#zd-q")
    act(page, lambda: page.keyboard.type("Deventer"))
    assert query_state(page) == {"q": ["Deventer"]}
    assert result_slugs(page) == ["hotel"]
    act(page, page.reload)
    assert page.input_value("#zd-q") == "Deventer"
    assert result_slugs(page) == ["hotel"]
    act(page, page.go_back)  # typing made one history entry
    assert page.input_value("#zd-q") == ""
    assert result_slugs(page) == everything
    recorded.assert_clean()


def test_words_filters_and_order_together_and_sharing(new_page, finder_url):
    page, recorded = open_finder(new_page, finder_url)
    type_words(page, "buurtkamer")
    tick(page, "thema", "community-building")
    act(page, lambda: page.select_option("#zd-sort", "nieuwste"))
    assert query_state(page) == {"q": ["buurtkamer"], "thema": ["community-building"], "volgorde": ["nieuwste"]}
    shared = page.url
    assert result_slugs(page) == ["golf", "hotel"]
    other, other_recorded = new_page(1280, 800, origin=finder_url)  # someone opens the shared link
    other.goto(shared)
    wait_ready(other)
    assert other.input_value("#zd-q") == "buurtkamer"
    assert other.is_checked('input[name="thema"][value="community-building"]')
    assert other.input_value("#zd-sort") == "nieuwste"
    assert result_slugs(other) == ["golf", "hotel"]
    act(page, page.go_back)
    assert "volgorde" not in query_state(page) and page.input_value("#zd-sort") == "relevantie"
    recorded.assert_clean()
    other_recorded.assert_clean()


def test_sorting_by_relevance_or_newest(new_page, finder_url, finder_cases):
    page, recorded = open_finder(new_page, finder_url, "?q=buurtkamer")
    assert page.input_value("#zd-sort") == "relevantie"
    assert result_slugs(page) == ["hotel", "golf"]  # "Buurtkamer" is hotel's title; golf is newer
    act(page, lambda: page.select_option("#zd-sort", "nieuwste"))
    assert result_slugs(page) == ["golf", "hotel"]
    type_words(page, "wijk")
    assert result_slugs(page) == newest_first(finder_cases)
    # Without words there is nothing to weigh: newest first, and "Relevantie" cannot be chosen.
    type_words(page, "")
    assert result_slugs(page) == newest_first(finder_cases)
    assert page.input_value("#zd-sort") == "nieuwste"
    assert page.evaluate("document.querySelector('#zd-sort option[value=relevantie]').disabled")
    recorded.assert_clean()


def test_chosen_filters_are_buttons_that_remove_them_and_clear_all(new_page, finder_url, finder_cases):
    page, recorded = open_finder(new_page, finder_url, "?thema=gemengd-wonen&provincie=utrecht&provincie=flevoland")
    chosen = page.locator("#zd-chosen-list button")
    assert chosen.evaluate_all("els => els.map(b => b.textContent)") == [
        "Filter weghalen: Thema Gemengd wonen ×",
        "Filter weghalen: Provincie Utrecht ×",
        "Filter weghalen: Provincie Flevoland ×",
    ]
    assert [b.get_attribute("data-facet-value") for b in chosen.all()] == [
        "thema:gemengd-wonen",
        "provincie:utrecht",
        "provincie:flevoland",
    ]
    act(page, lambda: chosen.nth(1).click())
    assert query_state(page) == {"thema": ["gemengd-wonen"], "provincie": ["flevoland"]}
    assert page.evaluate("document.activeElement.getAttribute('data-facet-value')") == "provincie:flevoland"
    act(page, lambda: page.click("#zd-clear"))
    assert query_state(page) == {}
    assert page.locator("#zd-chosen").is_hidden()
    assert result_slugs(page) == newest_first(finder_cases)
    assert page.evaluate("document.activeElement.id") == "zd-q"
    recorded.assert_clean()


def test_no_results_offers_to_remove_filters_and_a_misspelling_gets_a_suggestion(new_page, finder_url, finder_cases):
    page, recorded = open_finder(new_page, finder_url, "?q=buurtkamer&provincie=groningen")
    assert result_slugs(page) == []
    assert page.inner_text("#zd-status") == "Geen praktijkvoorbeelden gevonden voor ‘buurtkamer’ met deze filters."
    assert page.locator("#zd-suggest .zd-finder__spelling").count() == 0, "the words are right: no spelling to suggest"
    act(page, lambda: page.get_by_role("button", name="Zonder Groningen").click())
    assert sorted(result_slugs(page)) == ["golf", "hotel"] and "provincie" not in query_state(page)

    assert page.locator("#zd-suggest").is_hidden(), "results for the right words: nothing to suggest"
    # "Almre" is in no case (Pagefind may still match a shorter word it starts with); a place
    # and an organisation say "Almere".
    type_words(page, "Almre")
    suggestion = page.locator("#zd-suggest .zd-finder__spelling a")
    assert suggestion.inner_text() == "almere"
    assert suggestion.get_attribute("href").endswith("?q=almere")
    act(page, suggestion.click)
    assert query_state(page) == {"q": ["almere"]}
    assert sorted(result_slugs(page)) == sorted(slug for slug, text in finder_cases.items() if "almere" in text.lower())

    type_words(page, "qqqzzxx")  # nothing near it
    assert page.locator("#zd-suggest .zd-finder__spelling").count() == 0
    assert "Probeer minder of andere woorden." in page.inner_text("#zd-suggest")
    recorded.assert_clean()


def test_axe_clean_with_results_and_with_none(new_page, finder_url, axe_script):
    page, recorded = open_finder(new_page, finder_url, "?q=buurtkamer&thema=community-building&doelgroep=ouderen")
    assert result_slugs(page) == ["hotel"]
    assert not axe(page, axe_script)
    page2, recorded2 = open_finder(new_page, finder_url, "?q=Almre&fase=pilot", width=390)
    page2.wait_for_selector("#zd-suggest:not([hidden])")
    violations = axe(page2, axe_script)
    assert not violations, json.dumps(violations, indent=1)
    recorded.assert_clean()
    recorded2.assert_clean()


def test_keyboard_only(new_page, finder_url):
    page, recorded = open_finder(new_page, finder_url)

    def tab_to(predicate: str, limit: int = 80, back: bool = False) -> None:
        for _ in range(limit):
            page.keyboard.press("Shift+Tab" if back else "Tab")
            if page.evaluate(f"(() => {{ const e = document.activeElement; return !!({predicate}); }})()"):
                return
        pytest.fail(f"cannot reach {predicate} with the keyboard")

    tab_to("e.id === 'zd-q'")
    act(page, lambda: page.keyboard.type("wijk"))
    tab_to("e.tagName === 'SUMMARY' && e.parentNode.dataset.facet === 'provincie'")
    page.keyboard.press("Enter")  # opens the group
    assert page.evaluate("document.querySelector('details[data-facet=provincie]').open")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "provincie"
    tab_to("e.value === 'zeeland'")
    act(page, lambda: page.keyboard.press("Space"))
    assert query_state(page) == {"q": ["wijk"], "provincie": ["zeeland"]}
    assert sorted(result_slugs(page)) == ["echo", "india"]
    tab_to("e.getAttribute('data-facet-value') === 'provincie:zeeland'")
    act(page, lambda: page.keyboard.press("Enter"))  # removes the filter
    assert query_state(page) == {"q": ["wijk"]}
    assert page.evaluate("document.activeElement.id") == "zd-q"
    tab_to("e.id === 'zd-sort'")
    act(page, lambda: page.keyboard.press("ArrowDown"))  # relevance -> newest
    assert query_state(page).get("volgorde") == ["nieuwste"]
    tab_to("!!e.closest('#zd-results')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/praktijkvoorbeelden/golf/$"))  # the newest case
    recorded.assert_clean()


# ------------------------------------------------------- 120 synthetic cases --


def test_many_cases_counts_and_toon_meer(new_page, many_url, many_cases):
    codes = facet_codes(many_cases)
    page, recorded = open_finder(new_page, many_url)
    order = newest_first(many_cases)
    assert result_slugs(page) == order[:20]
    assert shown_counts(page) == expected_counts(codes, {})
    more = page.locator("#zd-more")
    assert more.inner_text() == "Toon meer (nog 100 praktijkvoorbeelden)"
    page.evaluate("document.getElementById('zd-more').focus()")
    page.keyboard.press("Enter")
    page.wait_for_function("document.querySelectorAll('#zd-results > li').length === 40")
    assert result_slugs(page) == order[:40]
    assert page.evaluate("document.activeElement.getAttribute('href')").endswith(f"/{order[20]}/")
    chosen = {"thema": ["leefbaarheid", "participatie"], "provincie": ["utrecht", "gelderland", "zuid-holland"]}
    for facet, values in chosen.items():
        for value in values:
            tick(page, facet, value)
    assert shown_counts(page) == expected_counts(codes, chosen)
    expected = [slug for slug in order if slug in matching(codes, chosen)]
    assert result_slugs(page) == expected[:20]
    assert more.is_visible() == (len(expected) > 20)
    recorded.assert_clean()


def test_without_javascript_the_list_comes_in_pages_of_fifty(new_page, many_url, many_cases):
    order = newest_first(many_cases)
    page, recorded = new_page(1280, 800, origin=many_url, javascript=False)
    page.goto(many_url + "/praktijkvoorbeelden/")
    assert page.locator("#zd-finder").is_hidden()
    assert page.locator("header form[data-zd-search]").is_hidden()
    seen: list[str] = []
    pages = 0
    while True:
        pages += 1
        cards = page.locator(".md-content .zd-card__title a")
        assert 1 <= cards.count() <= 50
        assert cards.first.is_visible()
        seen += [href.rstrip("/").rsplit("/", 1)[1] for href in cards.evaluate_all("els => els.map(a => a.getAttribute('href'))")]
        link_next = page.locator('.zd-pagination a[rel="next"]')
        if pages > 1:  # (the first page is the overview: its head links are the navigation's)
            link_prev = page.locator('.zd-pagination a[rel="prev"]')
            assert page.locator('head link[rel="prev"]').get_attribute("href") == link_prev.get_attribute("href")
            head_next = page.locator('head link[rel="next"]')
            assert head_next.count() == link_next.count()
            if link_next.count():
                assert head_next.get_attribute("href") == link_next.get_attribute("href")
        if not link_next.count():
            break
        link_next.click()
        page.wait_for_load_state()
        assert page.url == f"{many_url}/praktijkvoorbeelden/pagina/{pages + 1}/"
    assert pages == 3
    assert seen == order
    page.locator('.zd-pagination a[rel="prev"]').click()
    page.wait_for_url(f"{many_url}/praktijkvoorbeelden/pagina/2/")
    recorded.assert_clean()


def test_with_javascript_the_static_list_stays_out_of_sight_until_the_index_fails(new_page, many_url):
    page, recorded = open_finder(new_page, many_url)
    assert page.locator("#zd-overview").is_hidden()
    assert page.locator("#zd-finder").is_visible()
    recorded.assert_clean()
    broken, _ = new_page(1280, 800, origin=many_url)
    broken.route("**/pagefind/**", lambda route: route.abort())
    broken.goto(many_url + "/praktijkvoorbeelden/")
    broken.wait_for_selector("html.zd-finder-failed", state="attached")
    assert broken.locator("#zd-overview .zd-card").first.is_visible()
    assert broken.locator("#zd-finder").is_hidden()
