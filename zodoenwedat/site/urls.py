"""The site's public URLs, declared once.

Coalition members and other sites link to these: change them only together
with a redirect (see ``aliases``). Every function returns a path relative to
the site root, ending in ``/`` for pages; ``source(url)`` is the generated
Markdown file that MkDocs turns into that page.
"""

from __future__ import annotations

from functools import lru_cache

# Vocabulary name -> URL segment (Dutch, public).
TAXONOMY_SEGMENTS = {
    "themes": "themas",
    "partner-types": "partners",
    "target-groups": "doelgroepen",
    "provinces": "provincies",
    "phases": "fases",
}

CASES = "praktijkvoorbeelden/"
PAGINATION = CASES + "pagina/"  # the no-JavaScript list's further pages: pagina/2/, pagina/3/, ...
ORGANISATIONS = "organisaties/"
COLLABORATION = "samenwerking/"
WEBINARS = "webinars/"
FIELDS = "redactie/velden/"
HOME = ""


def case(slug: str) -> str:
    return f"{CASES}{slug}/"


def cases_page(number: int) -> str:
    """Page ``number`` of the static list of cases (the first is the overview itself)."""
    return CASES if number <= 1 else f"{PAGINATION}{number}/"


def term(vocabulary: str, slug: str) -> str:
    return f"{TAXONOMY_SEGMENTS[vocabulary]}/{slug}/"


def taxonomy(vocabulary: str) -> str:
    return f"{TAXONOMY_SEGMENTS[vocabulary]}/"


def organisation(slug: str) -> str:
    return f"{ORGANISATIONS}{slug}/"


def pair(first: str, second: str) -> str:
    a, b = sorted((first, second))
    return f"{COLLABORATION}{a}--{b}/"


def source(url: str) -> str:
    """The src_uri of the generated Markdown file for a page URL (``themas/x/`` -> ``themas/x.md``)."""
    return "index.md" if url in ("", "/") else url.rstrip("/") + ".md"


@lru_cache(maxsize=65536)
def relative(from_url: str, to_url: str) -> str:
    """A link from the page at ``from_url`` to ``to_url`` (both relative to the site root).

    Page URLs end in ``/``; file URLs (``webinars.ics``) do not. Pure string work (called
    for every link on every generated page, so no ``os.path`` calls and a cache).
    """
    base = from_url.split("/")[:-1]  # the folders the page sits in
    path, hash_, fragment = to_url.partition("#")
    target = path.split("/")
    common = 0
    while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
        common += 1
    rel = "../" * (len(base) - common) + "/".join(target[common:])
    return (rel or "./") + hash_ + fragment
