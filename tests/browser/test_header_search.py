"""Material's header search keeps working, in Dutch: its worker loads lunr.nl and stems queries."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_header_search_finds_cases_with_dutch_stemming(open_page):
    page, recorded = open_page("/")
    page.click("input[data-md-component=search-query]")
    page.keyboard.type("wijken")  # the summaries say "wijk"
    page.wait_for_selector(".md-search-result__item")
    titles = page.eval_on_selector_all(".md-search-result__item h1, .md-search-result__item h2", "els => els.map(e => e.textContent)")
    assert any("Ruwaard" in t or "Oss" in t for t in titles), titles
    loaded = [url for url in recorded.requests if "/lunr/" in url]
    assert any(url.endswith("lunr.nl.min.js") for url in loaded), loaded
    assert not any(url.endswith("lunr.du.min.js") for url in loaded)
    recorded.assert_clean()
