"""Every generated page of the site, as plain data: no MkDocs here.

A :class:`GeneratedPage` has a URL, a title and description (plain text), an
optional Markdown body (a case's own text) and HTML to put before and after it.
The MkDocs adapter turns each into a generated file; any other static-site tool
could do the same.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

from jinja2 import BytecodeCache, Environment, PackageLoader, StrictUndefined, Template
from jinja2.bccache import Bucket
from markupsafe import Markup

from ..catalogue import dutch, urls
from ..catalogue.catalogue import Catalogue, organisation_slug
from ..catalogue.related import lower_first
from ..fieldref import field_rows
from ..vocabularies import VOCABULARIES
from . import jsonld

LIST_PAGE_SIZE = urls.LIST_PAGE_SIZE
LISTED_TAXONOMIES = urls.LISTED_TAXONOMIES
TAXONOMY_TITLES = {v.name: (v.title, v.intro) for v in VOCABULARIES if v.listed}
# The vocabularies the case page shows in a place of their own (templates/case_top.html); any
# other vocabulary of the registry is shown after them, in the same way for each.
CASE_PAGE_OWN = ("provinces", "phases", "partner-types", "themes", "target-groups")
MORE_VOCABULARIES = tuple(v for v in VOCABULARIES if v.name not in CASE_PAGE_OWN)


@dataclass
class GeneratedPage:
    url: str  # relative to the site root, e.g. "themas/leefbaarheid/"
    title: str  # plain text (escaped when written)
    description: str  # plain text
    kind: str  # "case", "overview", "taxonomy", "term", "organisations", ...
    html_before: str = ""
    markdown: str = ""
    html_after: str = ""
    hide: tuple[str, ...] = ("navigation", "toc")
    head: str = ""  # extra HTML for <head> (safe, built here)
    lastmod: dt.date | None = None  # for the sitemap: when the content last changed
    # False for a listing without cases yet (a pair of partner types nobody has combined): its
    # address keeps working, but it is not in the sitemap or the search index, and asks search
    # engines not to index it.
    listed: bool = True

    def __post_init__(self) -> None:
        if not self.listed:
            self.head = '<meta name="robots" content="noindex">' + self.head

    @property
    def src_uri(self) -> str:
        return urls.source(self.url)

    def meta(self) -> dict:
        """The page's meta data (front matter): title and description escaped."""
        meta: dict = {
            "title": html.escape(self.title, quote=True),
            "description": html.escape(self.description, quote=True),
        }
        if self.hide:
            meta["hide"] = list(self.hide)
        return meta

    def markdown_file(self) -> str:
        """The generated Markdown file: the meta data as YAML front matter, then the body."""
        lines = ["---"] + [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in self.meta().items()] + ["---"]
        return "\n".join(lines) + "\n\n" + self.markdown + "\n"


def _no_head(*_: str) -> str:
    return ""


@dataclass
class PageParts:
    """What the other outputs put into the pages, handed in by the build: this package imports
    none of them (they are its siblings, each depending only on the catalogue).

    ``helpers`` are objects the templates call by name: ``agenda`` (the calendar's links and
    files of a webinar) and ``embeds`` (the snippets of the "insluiten" boxes). The callables
    give a page's extra ``<head>`` HTML; ``finder`` is the overview template's search context."""

    helpers: Mapping[str, object] = field(default_factory=dict)
    case_head: Callable[[str, str], str] = _no_head  # (case slug, page URL) -> HTML
    theme_head: Callable[[str], str] = _no_head  # (page URL) -> HTML, on a theme's page
    overview_head: Callable[[str], str] = _no_head  # (page URL) -> HTML, on the finder's page
    finder: Mapping[str, object] = field(default_factory=dict)


@dataclass
class SiteOptions:
    edit_url_base: str | None = None  # e.g. https://github.com/org/repo/edit/main/
    site_url: str | None = None  # e.g. https://zodoenwedat.nl/ (absolute links in feeds)
    today: dt.date = field(default_factory=dt.date.today)


class CompiledTemplates(BytecodeCache):
    """Compiled templates kept in memory for the life of the process: ``mkdocs serve`` makes a
    new environment on every rebuild (ours, and the theme's), and compiling the templates again
    was a large part of each rebuild. Jinja checks each template's source against its checksum
    when it loads the bytecode, so an edited template is compiled again."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = CompiledTemplates()


def template_environment() -> Environment:
    """The autoescaping Jinja environment of the site's own templates (zodoenwedat/templates)."""
    env = Environment(
        loader=PackageLoader("zodoenwedat", "templates"),
        bytecode_cache=_COMPILED,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
        keep_trailing_newline=False,
    )
    env.filters["datum"] = dutch.date
    env.filters["lower_first"] = lower_first
    env.globals["dutch"] = dutch
    env.globals["urls"] = urls
    return env


class Renderer:
    """Renders the catalogue's pages with autoescaping Jinja templates."""

    def __init__(self, catalogue: Catalogue, options: SiteOptions, parts: PageParts, env: Environment | None = None):
        self.catalogue = catalogue
        self.options = options
        self.parts = parts
        self.env = env or template_environment()
        self.env.globals.update(parts.helpers)
        self._templates: dict[str, Template] = {}
        self._cards: dict[tuple, str] = {}
        self._card_template = self.env.get_template("_card.html")

    def render(self, template: str, page_url: str, **context) -> str:
        tpl = self._templates.get(template)
        if tpl is None:
            tpl = self._templates[template] = self.env.get_template(template)
        return tpl.render(
            catalogue=self.catalogue,
            link=partial(urls.relative, page_url),
            card=partial(self.card, page_url.count("/")),
            page_url=page_url,
            options=self.options,
            **context,
        )

    def card(self, depth: int, entry, heading: str = "h2", reason: str | None = None) -> Markup:
        """A case card for a page ``depth`` folders deep. Listings repeat the same cards
        thousands of times, so each (case, heading, depth) is rendered once; a related
        case's reason is put into its slot afterwards (escaped)."""
        key = (entry.slug, heading, depth)
        html_ = self._cards.get(key)
        if html_ is None:
            prefix = "../" * depth
            html_ = self._cards[key] = self._card_template.render(
                catalogue=self.catalogue, entry=entry, heading=heading, to=lambda url: (prefix + url) or "./"
            )
        reason_html = f'<p class="zd-card__reason">{html.escape(reason)}</p>' if reason else ""
        return Markup(html_.replace(_REASON_SLOT, reason_html, 1))

    # ------------------------------------------------------------- pages --

    def pages(self) -> list[GeneratedPage]:
        """Every generated page."""
        catalogue = self.catalogue
        pages = [self.overview()]
        pages += [self.list_page(n) for n in range(2, self.list_pages() + 1)]
        pages += [self.case_page(entry.slug) for entry in catalogue.cases]
        for vocabulary in LISTED_TAXONOMIES:
            pages.append(self.taxonomy_page(vocabulary))
            pages += [self.term_page(vocabulary, code) for code in catalogue.vocabularies.get(vocabulary, {})]
        pages.append(self.organisations_page())
        pages += [self.organisation_page(slug) for slug in catalogue.organisations]
        pages += [self.webinars_page(), self.fields_page(), self.matrix_page()]
        types = list(catalogue.vocabularies.get("partner-types", {}))
        pages += [self.pair_page(a, b) for i, a in enumerate(types) for b in types[i + 1 :]]
        newest = self.newest()
        return [self.dated(page, newest) for page in pages]

    def newest(self) -> dt.date | None:
        """The date of the latest change to any case."""
        return _newest(self.catalogue.cases)

    @staticmethod
    def dated(page: GeneratedPage, newest: dt.date | None) -> GeneratedPage:
        if page.lastmod is None and page.kind in ("overview", "list", "taxonomy", "organisations", "matrix"):
            page.lastmod = newest  # these list (or count) every case
        return page

    def list_pages(self) -> int:
        return urls.list_pages(len(self.catalogue.cases))

    def overview(self) -> GeneratedPage:
        """The overview: the finder, and the first page of the static list of cases (newest
        first), which is what shows without JavaScript (or when the finder cannot start)."""
        url = urls.CASES
        page = self.list_page(1)
        page.html_before = self.render(
            "overview.html",
            url,
            entries=self.catalogue.cases,
            static_list=Markup(page.html_before),
            **self.parts.finder,
        )
        page.head = self.parts.overview_head(url) + page.head
        page.description = (
            "Alle praktijkvoorbeelden van samenwerking tussen wonen, zorg, welzijn en gemeenten: "
            "zoek op woorden, thema, partner, doelgroep, provincie en fase."
        )
        return page

    def list_page(self, number: int) -> GeneratedPage:
        """Page ``number`` of the static list of cases, newest first, with links to the pages
        before and after it (rel="prev"/"next"; in the head too from page 2 on: on the first
        page, the overview, the theme's head links go to its neighbours in the navigation)."""
        url = urls.cases_page(number)
        link = partial(urls.relative, url)
        pages = self.list_pages()
        start = (number - 1) * LIST_PAGE_SIZE
        entries = self.catalogue.cases[start : start + LIST_PAGE_SIZE]
        previous = urls.cases_page(number - 1) if number > 1 else None
        following = urls.cases_page(number + 1) if number < pages else None
        head = "".join(
            f'<link rel="{rel}" href="{html.escape(link(target))}">'
            for rel, target in (("prev", previous), ("next", following))
            if target is not None and number > 1
        )
        return GeneratedPage(
            url=url,
            title="Praktijkvoorbeelden" if number == 1 else f"Praktijkvoorbeelden, pagina {number}",
            description=f"Pagina {number} van {pages} van de lijst met alle praktijkvoorbeelden, de nieuwste eerst.",
            kind="overview" if number == 1 else "list",
            html_before=self.render(
                "case_list_page.html",
                url,
                entries=entries,
                number=number,
                pages=pages,
                total=len(self.catalogue.cases),
                first=start + 1,
                previous=previous,
                following=following,
            ),
            head=head,
        )

    def case_page(self, slug: str) -> GeneratedPage:
        entry = self.catalogue.by_slug[slug]
        url = urls.case(slug)
        edit = f"{self.options.edit_url_base}{entry.source_path}" if self.options.edit_url_base else None
        context = dict(
            entry=entry,
            case=entry.case,
            related=self.catalogue.related.get(slug, []),
            webinars=self.catalogue.webinars_by_case.get(slug, []),
            edit_url=edit,
            organisation_slug=organisation_slug,
            more_vocabularies=MORE_VOCABULARIES,
        )
        return GeneratedPage(
            url=url,
            title=entry.case.title,
            description=entry.case.summary,
            kind="case",
            html_before=self.render("case_top.html", url, **context),
            markdown=entry.body,
            html_after=self.render("case_bottom.html", url, **context),
            hide=("navigation",),
            head=self.parts.case_head(slug, url)
            + jsonld.script_tag(jsonld.case_jsonld(self.catalogue, slug, self.options.site_url or "")),
            lastmod=entry.case.last_modified,
        )

    def taxonomy_page(self, vocabulary: str) -> GeneratedPage:
        url = urls.taxonomy(vocabulary)
        title, description = TAXONOMY_TITLES[vocabulary]
        return GeneratedPage(
            url=url,
            title=title,
            description=description,
            kind="taxonomy",
            html_before=self.render("taxonomy.html", url, vocabulary=vocabulary, title=title, intro=description),
        )

    def term_page(self, vocabulary: str, code: str) -> GeneratedPage:
        url = urls.term(vocabulary, code)
        term = self.catalogue.vocabularies[vocabulary][code]
        slugs = self.catalogue.index[vocabulary].get(code, [])
        return GeneratedPage(
            url=url,
            title=term.label,
            description=term.description,
            kind="term",
            lastmod=_newest(self.catalogue.by_slug[s] for s in slugs),
            listed=bool(slugs),
            head=self.parts.theme_head(url) if vocabulary == "themes" else "",
            html_before=self.render(
                "term.html",
                url,
                vocabulary=vocabulary,
                code=code,
                term=term,
                entries=[self.catalogue.by_slug[s] for s in slugs],
                parent_title=TAXONOMY_TITLES[vocabulary][0],
            ),
        )

    def organisations_page(self) -> GeneratedPage:
        url = urls.ORGANISATIONS
        return GeneratedPage(
            url=url,
            title="Organisaties",
            description="Alle organisaties die in de praktijkvoorbeelden samenwerken.",
            kind="organisations",
            html_before=self.render("organisations.html", url),
        )

    def organisation_page(self, slug: str) -> GeneratedPage:
        org = self.catalogue.organisations[slug]
        url = urls.organisation(slug)
        return GeneratedPage(
            url=url,
            title=org.name,
            description=f"Praktijkvoorbeelden waarin {org.name} samenwerkt.",
            kind="organisation",
            lastmod=_newest(self.catalogue.by_slug[s] for s in org.cases),
            html_before=self.render("organisation.html", url, org=org, entries=[self.catalogue.by_slug[s] for s in org.cases]),
        )

    def fields_page(self) -> GeneratedPage:
        url = urls.FIELDS
        return GeneratedPage(
            url=url,
            title="Velden van een praktijkvoorbeeld",
            description="Alle velden van een praktijkvoorbeeld, verplicht en optioneel, met de codes die je kunt kiezen.",
            kind="fields",
            html_before=self.render("fields.html", url, rows=field_rows(self.catalogue.vocabularies)),
        )

    def webinars_page(self) -> GeneratedPage:
        url = urls.WEBINARS
        today = self.options.today
        upcoming = [w for w in self.catalogue.webinars if w.date >= today]
        past = [w for w in reversed(self.catalogue.webinars) if w.date < today]
        return GeneratedPage(
            url=url,
            title="Webinars",
            description="Webinars van de coalitie over de praktijkvoorbeelden: wat komt er aan en wat kun je terugkijken.",
            kind="webinars",
            html_before=self.render("webinars.html", url, upcoming=upcoming, past=past),
        )

    def matrix_page(self) -> GeneratedPage:
        url = urls.COLLABORATION
        return GeneratedPage(
            url=url,
            title="Wie werkt met wie samen?",
            description="Welke soorten partners werken samen in de praktijkvoorbeelden: een overzicht van alle combinaties.",
            kind="matrix",
            html_before=self.render("matrix.html", url, types=list(self.catalogue.vocabularies.get("partner-types", {}))),
        )

    def pair_page(self, first: str, second: str) -> GeneratedPage:
        url = urls.pair(first, second)
        a, b = sorted((first, second))
        label_a = self.catalogue.label("partner-types", a)
        label_b = self.catalogue.label("partner-types", b)
        title = f"{label_a} en {lower_first(label_b)}"
        return GeneratedPage(
            url=url,
            title=title,
            description=f"Praktijkvoorbeelden waarin een {lower_first(label_a)} en een {lower_first(label_b)} samenwerken.",
            kind="pair",
            lastmod=_newest(self.catalogue.by_slug[s] for s in self.catalogue.pair_cases(a, b)),
            listed=bool(self.catalogue.pair_cases(a, b)),
            html_before=self.render(
                "pair.html",
                url,
                a=a,
                b=b,
                title=title,
                entries=[self.catalogue.by_slug[s] for s in self.catalogue.pair_cases(a, b)],
            ),
        )

    # -------------------------------------------------------- home parts --

    def home_sections(self, page_url: str = "") -> dict[str, str]:
        """HTML for the markers in the hand-written home page (docs/index.md)."""
        upcoming = [w for w in self.catalogue.webinars if w.date >= self.options.today]
        past = [w for w in reversed(self.catalogue.webinars) if w.date < self.options.today]
        return {
            "nieuwste-praktijkvoorbeelden": self.render("home_newest.html", page_url, entries=self.catalogue.cases[:6]),
            "themas": self.render("home_themes.html", page_url),
            "volgend-webinar": self.render("home_webinar.html", page_url, upcoming=upcoming[:1], past=past[:1]),
            **self.page_sections(page_url),
        }

    def page_sections(self, page_url: str) -> dict[str, str]:
        """HTML for the markers any hand-written page may use (``<!-- zodoenwedat: licentie -->``):
        facts that live in data/, so that a page never repeats them by hand."""
        return {
            "coalitie": self.render("home_coalition.html", page_url),
            "coalitieleden": self.render("coalition_members.html", page_url),
            "licentie": self.render("licence.html", page_url),
            "gereserveerde-namen": dutch.join([f"<code>{html.escape(slug)}.md</code>" for slug in urls.RESERVED_CASE_SLUGS]),
        }


_REASON_SLOT = "<!--zd-reason-->"


def _newest(entries) -> dt.date | None:
    return max((entry.case.last_modified for entry in entries), default=None)
