"""The search's own files besides the index: its scripts and the finder's word list.

The scripts (zodoenwedat/search/static/*.js) are ES modules served from ``assets/zoeken/``:
``zoeken.js`` loads Pagefind's API (shared), ``vinder.js`` is the finder on
/praktijkvoorbeelden/, ``kop.js`` the header search on every page. ``zonder-modules.js`` is
for browsers without modules: it shows the finder's static list instead.

The word list (``praktijkvoorbeelden/zoekwoorden.json``) holds the site's own words that the
finder may suggest for a misspelled query: words of the titles, places and neighbourhoods,
organisation names and vocabulary labels, most used first.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from importlib import resources

import rjsmin

from ..catalogue import urls
from ..catalogue.catalogue import Catalogue
from .pagefind_index import BUNDLE, FACETS, KIND_FILTER, KIND_PAGE, SORT_DATE, WASM

ASSETS = "assets/zoeken/"
SHARED_SCRIPT = ASSETS + "zoeken.js"
FINDER_SCRIPT = ASSETS + "vinder.js"
HEADER_SCRIPT = ASSETS + "kop.js"
NO_MODULES_SCRIPT = ASSETS + "zonder-modules.js"
SCRIPTS = {
    SHARED_SCRIPT: "zoeken.js",
    FINDER_SCRIPT: "vinder.js",
    HEADER_SCRIPT: "kop.js",
    NO_MODULES_SCRIPT: "zonder-modules.js",
}
WORDS = "praktijkvoorbeelden/zoekwoorden.json"
PATHS = [*SCRIPTS, WORDS]

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MIN_LENGTH = 4  # shorter words are not corrected (the finder does not suggest for them either)


def spelling_words(catalogue: Catalogue) -> list[str]:
    """The site's own words, lower case, at least MIN_LENGTH letters, most used first (ties
    alphabetical). Hyphenated words count as a whole and as their parts."""
    counts: Counter = Counter()

    def add(text: str | None) -> None:
        for word in _WORD.findall((text or "").lower()):
            parts = [word] + (re.split(r"['’-]", word) if re.search(r"['’-]", word) else [])
            counts.update(part for part in parts if len(part) >= MIN_LENGTH)

    for entry in catalogue.cases:
        case = entry.case
        add(case.title)
        add(case.place)
        add(case.neighbourhood)
    for organisation in catalogue.organisations.values():
        add(organisation.name)
    for terms in catalogue.vocabularies.values():
        for term in terms.values():
            add(term.label)
    return [word for word, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def script(name: str) -> str:
    """One of the search's scripts, minified (licence comments, /*! … */, are kept)."""
    text = (resources.files("zodoenwedat.search") / "static" / name).read_text(encoding="utf-8")
    return rjsmin.jsmin(text, keep_bang_comments=True) + "\n"


def files(catalogue: Catalogue) -> dict[str, str]:
    """The scripts and the word list, path in the site -> content."""
    out = {path: script(name) for path, name in SCRIPTS.items()}
    out[WORDS] = json.dumps(spelling_words(catalogue), ensure_ascii=False, separators=(",", ":"))
    return out


def overview_head(page_url: str) -> str:
    """The finder's part of the overview page's <head>.

    The finder's markup shows at once, the static list only without JavaScript (the noscript
    style) or when the finder fails (vinder.js, zonder-modules.js): no flash. zoeken.js runs on
    its own as soon as it arrives and, told so by the meta tag, starts loading Pagefind (whose
    script and WebAssembly are preloaded) before the finder's own script and the rest of the
    page are there."""

    def link(path: str) -> str:
        return html.escape(urls.relative(page_url, path))

    return (
        "<noscript><style>.zd-finder{display:none}.zd-static{display:block}</style></noscript>"
        + '<meta name="zd-zoeken" content="direct">'
        + f'<link rel="modulepreload" href="{link(BUNDLE + "pagefind.js")}">'
        + f'<link rel="preload" href="{link(WASM)}" as="fetch" crossorigin>'
        + f'<script type="module" async src="{link(SHARED_SCRIPT)}"></script>'
        + f'<script type="module" async src="{link(FINDER_SCRIPT)}"></script>'
        + f'<script nomodule src="{link(NO_MODULES_SCRIPT)}"></script>'
    )


def overview_context() -> dict[str, object]:
    """What the overview template needs of the search: the facets (the filters column and the
    finder read them from the page, as data), the word list and the index's names."""
    return {"facets": FACETS, "words": WORDS, "kind_filter": KIND_FILTER, "kind_page": KIND_PAGE, "sort_key": SORT_DATE}
