"""The content as visitors get it, in a real build: partners whose organisation no source
names, and no editors' notes about the sources on any page or in any output."""

from __future__ import annotations

import html as html_lib
import json
import re
import textwrap
import tomllib
from pathlib import Path

import pytest
from support import REPO
from support.html import visible_text
from support.sites import build_fixture_site

from zodoenwedat.catalogue.catalogue import build_catalogue
from zodoenwedat.repository import load_repository

SOURCE_TALK = re.compile(r"\bbron", re.IGNORECASE)  # bron, bronnen, bronvermelding, ...
CASES = sorted(p.stem for p in (REPO / "cases").glob("*.md"))


def source_talk(html: str) -> list[str]:
    """The lines of a case page's own content (not the theme's) that mention a source,
    outside the page's list of sources."""
    text = visible_text(html, within="article", skip_ids=("zd-bronnen",))
    return [line for line in text.splitlines() if SOURCE_TALK.search(line)]


def partner_items(html: str) -> list[str]:
    """The partners as a case page lists them, one text per partner."""
    block = re.search(r'<ul class="zd-partners">(.*?)</ul>', html, re.S)
    if block is None:
        return []
    return [
        html_lib.unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in re.findall(r"<li>(.*?)</li>", block.group(1), re.S)
    ]


# ----------------------------------------------------------- the sources --


@pytest.mark.parametrize("slug", CASES)
def test_no_case_page_talks_about_its_sources_outside_the_sources_list(real_site, slug):
    html = real_site.page(f"praktijkvoorbeelden/{slug}/")
    assert source_talk(html) == []
    assert source_talk(real_site.page(f"embed/{slug}/")) == []
    # The list itself is there (so the check above did not skip the whole page).
    assert "Bronnen" in visible_text(html, within="article")
    assert "Aanleiding" in visible_text(html, within="article", skip_ids=("zd-bronnen",))


def test_the_source_check_finds_a_note_about_the_source(tmp_path):
    """A sentence about the source in a case's text is found; the sources list is not."""
    text = _case(
        partners="  - gemeente\n",
        extra="sources:\n  - title: Bronnen van inspiratie in de wijk\n    publisher: Gemeente Zwolle\n",
        body_note="Welke organisatie het wijkteam leidt, zegt de bron niet.",
    )
    built = build_fixture_site(tmp_path, {"wijkaanpak-zwolle": text})
    assert built.result.returncode == 0, built.result.stderr
    found = source_talk(built.page("praktijkvoorbeelden/wijkaanpak-zwolle/"))
    assert found == ["Welke organisatie het wijkteam leidt, zegt de bron niet."]


# ----------------------------------------- partners without organisation --


def _case(partners: str, extra: str = "", body_note: str = "") -> str:
    return textwrap.dedent(
        """\
        ---
        title: Wijkaanpak in Zwolle
        summary: In de Zwolse wijk Holtenbroek werken corporatie, zorg, welzijn en gemeente samen aan een buurt waar iedereen mee kan doen.
        place: Zwolle
        province: overijssel
        themes: [leefbaarheid]
        partners:
        {partners}phase: lopend
        published: 2022-03-01
        {extra}---

        ## Aanleiding

        In Holtenbroek wonen veel mensen die steun nodig hebben naast buren die graag iets voor de buurt doen.
        Bewoners merkten dat signalen van eenzaamheid en overlast te laat bij de juiste organisatie terechtkwamen.

        {body_note}

        ## Aanpak

        Een wijkteam van de partners komt elke twee weken bij elkaar. Zij bespreken zorgen uit de straat, spreken af
        wie wat doet en koppelen terug aan de bewoners. Vrijwilligers uit de buurt organiseren ontmoetingen in het
        buurthuis, zodat nieuwe bewoners snel hun buren leren kennen.
        """
    ).format(partners=partners, extra=extra, body_note=body_note)


NOTE = "Voor de redactie: de bron noemt zorg, maar niet welke organisatie"
PARTNERS = (
    "  - type: woningcorporatie\n"
    "    name: Woonstichting Holtenbroek\n"
    f"  # {NOTE}\n"
    "  - zorgorganisatie\n"
    "  - type: gemeente\n"
    "    role: Brengt de partners elke twee weken bij elkaar\n"
)


@pytest.fixture(scope="module")
def unnamed(tmp_path_factory):
    built = build_fixture_site(tmp_path_factory.mktemp("unnamed"), {"wijkaanpak-zwolle": _case(PARTNERS)})
    assert built.result.returncode == 0, built.result.stderr
    return built


def test_a_partner_without_organisation_shows_its_type_and_nothing_else(unnamed):
    html = unnamed.page("praktijkvoorbeelden/wijkaanpak-zwolle/")
    assert partner_items(html) == [
        "Woonstichting Holtenbroek (woningcorporatie)",
        "Zorgorganisatie",
        "Gemeente: Brengt de partners elke twee weken bij elkaar",
    ]
    assert '<li><a href="../../partners/zorgorganisatie/">Zorgorganisatie</a></li>' in html
    assert source_talk(html) == []
    embed = unnamed.page("embed/wijkaanpak-zwolle/")
    assert re.search(
        r'<ul class="e-partners">\s*<li>Woonstichting Holtenbroek \(woningcorporatie\)</li><li>Zorgorganisatie</li><li>Gemeente</li></ul>',
        embed,
    )


def test_a_partner_without_organisation_counts_for_its_type_but_is_no_organisation(unnamed):
    assert "Wijkaanpak in Zwolle" in unnamed.page("partners/zorgorganisatie/")
    organisations = visible_text(unnamed.page("organisaties/"), within="article")
    assert "Woonstichting Holtenbroek" in organisations and "Zorgorganisatie" not in organisations
    record = json.loads((unnamed.site / "api/cases.json").read_text(encoding="utf-8"))["cases"][0]
    assert [(p["type"], p["name"], p["role"]) for p in record["partners"]] == [
        ("woningcorporatie", "Woonstichting Holtenbroek", None),
        ("zorgorganisatie", None, None),
        ("gemeente", None, "Brengt de partners elke twee weken bij elkaar"),
    ]
    block = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', unnamed.page("praktijkvoorbeelden/wijkaanpak-zwolle/"), re.S
    )
    assert [o["name"] for o in json.loads(block.group(1))["mentions"]] == ["Woonstichting Holtenbroek"]


def test_an_editors_note_in_a_yaml_comment_reaches_no_output(unnamed):
    for path in unnamed.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".xml", ".ics", ".txt"):
            assert NOTE not in path.read_text(encoding="utf-8", errors="replace"), path.relative_to(unnamed.site)


def _expected_partner(partner, label: str) -> str:
    """A partner as the case page shows it: its name and type, or (no organisation known) its type only."""
    shown = f"{partner.name} ({label[:1].lower()}{label[1:]})" if partner.name else label
    return f"{shown}: {partner.role}" if partner.role else shown


def test_every_case_page_lists_its_partners_as_the_case_file_names_them(real_site):
    """Named partners with their type, unnamed ones by their type only; a case whose sources name
    no partner (partners: []) shows no partners at all, on its page and its embed page."""
    catalogue = build_catalogue(load_repository(REPO))
    assert catalogue.cases
    for entry in catalogue.cases:
        case, slug = entry.case, entry.slug
        html = real_site.page(f"praktijkvoorbeelden/{slug}/")
        expected = [_expected_partner(p, catalogue.label("partner-types", p.type)) for p in case.partners]
        assert partner_items(html) == expected, slug
        meta = re.search(r'<section class="zd-meta".*?</section>', html, re.S).group(0)
        assert ("<dt>Partners</dt>" in meta) is bool(case.partners), slug
        assert ('class="e-partners"' in real_site.page(f"embed/{slug}/")) is bool(case.partners), slug


# ------------------------------------------- the pages a public site owes --

PUBLIC_PAGES = ("toegankelijkheid/", "privacy/", "colofon/")  # accessibility statement, privacy statement, colophon


def _site_pages(site: Path) -> list[Path]:
    """Every page of the site a visitor browses (embed pages are widgets inside other sites)."""
    return [p for p in sorted(site.rglob("*.html")) if not p.relative_to(site).as_posix().startswith("embed/")]


def test_every_page_links_the_three_public_pages_from_its_footer(real_site):
    site = real_site.site
    pages = _site_pages(site)
    assert len(pages) > len(PUBLIC_PAGES)
    wanted = {(site / url / "index.html").resolve() for url in PUBLIC_PAGES}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = re.search(r'<footer class="md-footer">.*?</footer>', html, re.S)
        assert footer, f"{page.relative_to(site)} has no footer"
        # Relative links; absolute ones on 404.html, which is served at any address.
        targets = {
            ((site / href.lstrip("/")) if href.startswith("/") else (page.parent / href)).resolve() / "index.html"
            for href in re.findall(r'<a href="([^"#]+/)"', footer.group(0))
        }
        assert wanted <= targets, (page.relative_to(site), sorted(str(t.relative_to(site)) for t in wanted - targets))


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_the_public_pages_exist_with_one_title_and_every_marker_filled(real_site, url):
    html = real_site.page(url)
    titles = [visible_text(h1) for h1 in re.findall(r"<h1[^>]*>.*?</h1>", html, re.S)]
    assert len(titles) == 1 and titles[0].strip()
    assert re.search(r"<title>" + re.escape(titles[0]), html), "the page's <title> starts with its heading"
    assert "zodoenwedat:" not in html, "every marker is filled"


def test_the_colophon_names_every_coalition_member_and_both_licences(real_site):
    from zodoenwedat.repository import load_repository

    repo = load_repository(REPO)
    text = visible_text(real_site.page("colofon/"), within="article")
    for member in repo.coalition.values():
        assert member.name in text, member.name
    code_licence = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"]
    assert code_licence in text and f"{repo.licence.name} ({repo.licence.short})" in text


def test_no_hand_written_page_leaves_a_marker_unfilled(real_site):
    for source in sorted((REPO / "docs").glob("*.md")):
        url = "" if source.stem == "index" else f"{source.stem}/"
        html = real_site.page(url) if url else (real_site.site / "index.html").read_text(encoding="utf-8")
        assert not re.search(r"<!--\s*zodoenwedat:", html), source.name
