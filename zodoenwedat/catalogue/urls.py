"""The site's public URLs and file paths, declared once.

Coalition members and other sites link to these: change them only together
with a redirect (see ``aliases``). Every function returns a path relative to
the site root, ending in ``/`` for pages; ``source(url)`` is the generated
Markdown file that MkDocs turns into that page; ``absolute(site_url, path)``
the address to publish.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..vocabularies import LISTED, PARTNER_TYPES, VOCABULARIES

if TYPE_CHECKING:  # only for the type: the catalogue imports nothing from here at run time
    from .catalogue import Catalogue

# Vocabulary name -> URL segment (Dutch, public).
TAXONOMY_SEGMENTS = {v.name: v.segment for v in VOCABULARIES if v.segment}

# The vocabularies with a listing page and a page per term.
LISTED_TAXONOMIES = LISTED

CASES = "praktijkvoorbeelden/"
PAGINATION = CASES + "pagina/"  # the no-JavaScript list's further pages: pagina/2/, pagina/3/, ...
MEDIA = CASES + "media/"  # the cases' pictures (cases/media/)
# Folders under CASES that are not cases: no case (or old name of one) may be called so.
RESERVED_CASE_SLUGS = tuple(path[len(CASES) :].strip("/") for path in (PAGINATION, MEDIA))
ORGANISATIONS = "organisaties/"
COLLABORATION = "samenwerking/"
WEBINARS = "webinars/"
FIELDS = "redactie/velden/"
LIST_PAGE_SIZE = 50  # cases per page of the static (no-JavaScript) list

# Files (no trailing slash).
FEED = "feed.xml"  # Atom feed of new and updated cases
CALENDAR = "webinars.ics"  # every webinar; also per theme, in the theme's folder
EMBED = "embed/"
OEMBED = "oembed/"
EMBED_SCRIPT = "embed.js"
API_JSON = "api/cases.json"
API_CSV = "api/cases.csv"
# W3C "Metadata Vocabulary for Tabular Data": a CSV file's metadata is found next to it,
# under its own name plus "-metadata.json".
API_CSV_METADATA = API_CSV + "-metadata.json"
API_SCHEMA = "api/case.schema.json"
API_FILES = (API_JSON, API_CSV, API_CSV_METADATA, API_SCHEMA)


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


def webinar_calendar(webinar_id: str) -> str:
    return f"{WEBINARS}{webinar_id}.ics"


def theme_calendar(theme: str) -> str:
    return term("themes", theme) + CALENDAR


def case_embed(slug: str) -> str:
    return f"{EMBED}{slug}/"


def theme_embed(theme: str) -> str:
    return f"{EMBED}themas/{theme}/"


def oembed(slug: str) -> str:
    return f"{OEMBED}{slug}.json"


def list_pages(case_count: int) -> int:
    """How many pages the static list of cases has (at least one, the overview)."""
    return max(1, -(-case_count // LIST_PAGE_SIZE))


def page_urls(catalogue: Catalogue) -> list[str]:
    """The URL of every generated page, in the order the site makes them."""
    out = [CASES] + [cases_page(n) for n in range(2, list_pages(len(catalogue.cases)) + 1)]
    out += [case(entry.slug) for entry in catalogue.cases]
    for vocabulary in LISTED_TAXONOMIES:
        out.append(taxonomy(vocabulary))
        out += [term(vocabulary, code) for code in catalogue.vocabularies.get(vocabulary, {})]
    out.append(ORGANISATIONS)
    out += [organisation(slug) for slug in catalogue.organisations]
    out += [WEBINARS, FIELDS, COLLABORATION]
    types = list(catalogue.vocabularies.get(PARTNER_TYPES, {}))
    out += [pair(a, b) for i, a in enumerate(types) for b in types[i + 1 :]]
    return out


def public_files(catalogue: Catalogue) -> list[str]:
    """Every generated file with a public address (calendars, embeds, oEmbed, feed, open data)."""
    themes = list(catalogue.vocabularies.get("themes", {}))
    out = [CALENDAR] + [webinar_calendar(w.id) for w in catalogue.webinars] + [theme_calendar(t) for t in themes]
    out.append(EMBED_SCRIPT)
    for entry in catalogue.cases:
        out += [case_embed(entry.slug) + "index.html", oembed(entry.slug)]
    out += [theme_embed(t) + "index.html" for t in themes]
    return out + [FEED, *API_FILES]


def renamed(catalogue: Catalogue) -> dict[str, str]:
    """Old slug -> current slug, from the cases' ``aliases``."""
    return {alias: entry.slug for entry in catalogue.cases for alias in entry.case.aliases}


def moved(catalogue: Catalogue) -> dict[str, str]:
    """Old URL -> new URL, for every public URL a rename moved (case page, embed page, oEmbed)."""
    out = {}
    for old, new in renamed(catalogue).items():
        out[case(old)] = case(new)
        out[case_embed(old)] = case_embed(new)
        out[oembed(old)] = oembed(new)
    return out


def absolute(site_url: str | None, path: str) -> str:
    """The address to publish for a path: on ``site_url`` when it is known, else from the root."""
    return (site_url.rstrip("/") + "/" if site_url else "/") + path


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
