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

import json
import re
from collections import Counter
from importlib import resources

from ..catalogue.catalogue import Catalogue

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
    import rjsmin

    text = (resources.files("zodoenwedat.search") / "static" / name).read_text(encoding="utf-8")
    return rjsmin.jsmin(text, keep_bang_comments=True) + "\n"


def files(catalogue: Catalogue) -> dict[str, str]:
    """The scripts and the word list, path in the site -> content."""
    out = {path: script(name) for path, name in SCRIPTS.items()}
    out[WORDS] = json.dumps(spelling_words(catalogue), ensure_ascii=False, separators=(",", ":"))
    return out
