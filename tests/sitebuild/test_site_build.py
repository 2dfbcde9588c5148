"""Build a real mini-site from fixture cases and check what a visitor gets."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from support.cases import case_text
from support.fixture_cases import CASES as SHARED
from support.sites import build_fixture_site

HOSTILE_TITLE = 'Wonen & "zorg" <3 samen'
HOSTILE_SUMMARY = "Een samenvatting met 'quotes', \"dubbele quotes\", &lt;b&gt;geen opmaak&lt;/b&gt; en een ampersand & meer."

CASES = {
    **SHARED,
    "foxtrot": case_text(
        HOSTILE_TITLE,
        ["participatie"],
        [("welzijnsorganisatie", 'Stichting "Samen" & Co')],
        summary=HOSTILE_SUMMARY,
        published="2021-01-01",
        place="'s-Hertogenbosch",
        body_intro='Code als `<script>alert("zdxss")</script>` en `<img src=x onerror=zdxss()>` blijft tekst, net als &lt;b&gt; en "quotes" & ampersands.',
    ),
}


class Extract(HTMLParser):
    """Text of selected elements and attributes, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.h1: list[str] = []
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: list[str] = []
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append(tag)
        d = dict(attrs)
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
        if tag == "meta" and d.get("name"):
            self.meta[d["name"]] = d.get("content", "")
        if tag == "a" and d.get("href"):
            self.links.append(d["href"])
        if tag == "h1":
            self.h1.append("")

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if "h1" in self.stack and self.h1:
            self.h1[-1] += data
        if self.stack and self.stack[-1] == "title":
            self.title += data


def parse(html: str) -> Extract:
    parser = Extract()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    site = build_fixture_site(tmp_path_factory.mktemp("site"), CASES)
    assert site.result.returncode == 0, site.result.stderr
    return site


def test_every_public_page_exists(built):
    for url in [
        "",
        "praktijkvoorbeelden/",
        "praktijkvoorbeelden/alpha/",
        "themas/",
        "themas/gemengd-wonen/",
        "partners/",
        "partners/ggz-instelling/",
        "doelgroepen/psychische-kwetsbaarheid/",
        "provincies/utrecht/",
        "organisaties/",
        "organisaties/gemeente-almere/",
        "samenwerking/",
        "webinars/",
        "over-de-coalitie/",
        "redactie/",
    ]:
        assert (built.site / url / "index.html").is_file(), url
    assert not (built.root / "docs" / "praktijkvoorbeelden").exists(), "generated pages must never be written into docs/"


def test_overview_lists_all_cases_newest_first(built):
    html = built.page("praktijkvoorbeelden")
    order = re.findall(r'href="(?:\.\./)*(?:praktijkvoorbeelden/)?(alpha|bravo|charlie|delta|echo|foxtrot)/"', html)
    assert order == ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]


def test_links_both_ways_case_theme_case(built):
    case = parse(built.page("praktijkvoorbeelden/alpha"))
    assert "../../themas/gemengd-wonen/" in case.links
    assert "../../provincies/utrecht/" in case.links
    assert "../../partners/ggz-instelling/" in case.links
    theme = parse(built.page("themas/gemengd-wonen"))
    for slug in ("alpha", "bravo", "charlie"):
        assert f"../../praktijkvoorbeelden/{slug}/" in theme.links
    assert "../../praktijkvoorbeelden/delta/" not in theme.links


def test_empty_term_gets_a_page_that_says_so(built):
    html = built.page("themas/ervaringsdeskundigheid")
    assert "Er zijn nog geen praktijkvoorbeelden" in html
    assert "0 praktijkvoorbeelden" in html


def _related_section(html: str) -> str:
    return html.split('id="zd-vergelijkbaar"', 1)[1].split("</section>", 1)[0]


def test_related_cases_hand_picked_first_then_ranked_with_reasons(built):
    section = _related_section(built.page("praktijkvoorbeelden/alpha"))
    order = re.findall(r'href="(?:\.\./)+(?:praktijkvoorbeelden/)?(\w+)/"', section)
    assert order == ["echo", "bravo", "charlie"], order  # delta shares only the province: not related
    assert "gekozen door de redactie" in section
    assert "ook over gemengd wonen en leefbaarheid, met een ggz-instelling" in section
    assert "ook over gemengd wonen</p>" in section


def test_organisation_merges_spellings_across_cases(built):
    html = built.page("organisaties/gemeente-almere")
    assert "../../praktijkvoorbeelden/charlie/" in html and "../../praktijkvoorbeelden/delta/" in html
    assert "2 praktijkvoorbeelden" in html
    overview = built.page("organisaties")
    assert overview.count('href="gemeente-almere/"') == 1
    assert (built.site / "organisaties" / "ggz-midden" / "index.html").is_file()
    # Partners without a name have no organisation page.
    assert "adviesbureau" not in [p.name for p in (built.site / "organisaties").iterdir()]


def test_collaboration_matrix_counts_and_links(built):
    html = built.page("samenwerking")
    cell = re.search(r'<a href="ggz-instelling--woningcorporatie/"[^>]*>(\d+)</a>', html)
    assert cell and cell.group(1) == "1"
    diagonal = re.search(r'<a href="\.\./partners/gemeente/"[^>]*aria-label="2 praktijkvoorbeelden[^"]*">2</a>', html)
    assert diagonal, "the diagonal counts the cases with that partner type"
    pair = built.page("samenwerking/ggz-instelling--woningcorporatie")
    assert "../../praktijkvoorbeelden/alpha/" in pair and "bravo" not in pair


def test_hostile_text_is_escaped_everywhere(built):
    for url in ("praktijkvoorbeelden/foxtrot", "praktijkvoorbeelden", "themas/participatie", "organisaties/stichting-samen-co"):
        html = built.page(url)
        doc = parse(html)
        assert "b" not in doc.tags, url  # &lt;b&gt; stays text
        for tag, name, _value in doc.attrs:
            assert not name.startswith("on"), (url, tag, name)
    doc = parse(built.page("praktijkvoorbeelden/foxtrot"))
    assert doc.h1 == [HOSTILE_TITLE]
    assert doc.meta["description"] == HOSTILE_SUMMARY
    assert doc.title.startswith(HOSTILE_TITLE)
    assert 'Stichting "Samen" &amp; Co' not in built.page("praktijkvoorbeelden/foxtrot")


def test_case_page_has_edit_link_and_metadata(built):
    html = built.page("praktijkvoorbeelden/alpha")
    assert 'href="https://github.com/zodoenwedat/kennisbank/edit/main/cases/alpha.md"' in html
    assert "Bewerk deze pagina" in html
    for label in ("Plaats", "Provincie", "Fase", "Partners", "Thema's", "Doelgroepen", "Gepubliceerd"):
        assert f"<dt>{label}</dt>" in html


def test_no_outside_requests_in_built_files(built):
    for path in built.site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html, path
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", html):
            if re.search(r'rel="(?:canonical|alternate)"', tag):
                continue  # a reference, not something the browser fetches
            if re.search(r'(?:src|href|srcset)="(?:https?:)?//', tag):
                pytest.fail(f"{path}: external resource {tag}")


def test_broken_case_fails_build_with_dutch_line_messages(tmp_path):
    cases = dict(CASES)
    cases["kapot"] = case_text("Kapot", ["gemengd-wonenn"], [("gemeente", None)])
    site = build_fixture_site(tmp_path, cases)
    assert site.result.returncode != 0
    assert "cases/kapot.md:6:" in site.result.stderr
    assert "Bedoelde je 'gemengd-wonen'?" in site.result.stderr
    assert "Traceback" not in site.result.stderr


def test_hostile_but_valid_text_never_becomes_markup_or_script(built):
    pages = [
        built.site / "praktijkvoorbeelden/foxtrot/index.html",
        built.site / "embed/foxtrot/index.html",
        built.site / "praktijkvoorbeelden/index.html",
    ]
    benign = parse(built.page("praktijkvoorbeelden/alpha"))
    for path in pages:
        html = path.read_text(encoding="utf-8")
        doc = parse(html)
        for tag, name, value in doc.attrs:
            assert not name.startswith("on"), (path, tag, name)
            assert "javascript:" not in value.replace(" ", "").lower(), (path, tag, name, value)
        assert "zdxss" not in "".join(re.findall(r"<script\b[^>]*>(.*?)</script>", html, re.S)), path
        assert not [a for a in doc.attrs if a[0] == "img" and a[1] == "src" and a[2] == "x"], path
    case = parse(built.page("praktijkvoorbeelden/foxtrot"))
    assert case.tags.count("script") == benign.tags.count("script"), "no script the site did not write itself"
    assert '&lt;script&gt;alert("zdxss")&lt;/script&gt;' in built.page("praktijkvoorbeelden/foxtrot")
