"""Permanent URLs, renamed cases, and the open data files of a real build."""

from __future__ import annotations

import csv
import gzip
import io
import json
import re

import feedparser
import jsonschema
import yaml
from support import REPO
from support.repository import copy_repository, rename_case
from support.sites import run_build

from zodoenwedat.catalogue.urlguard import current_urls, docs_urls, read_listed
from zodoenwedat.issueform import PATH as FORM_PATH
from zodoenwedat.issueform import issue_form_yaml
from zodoenwedat.opendata.api import parse_csv_row
from zodoenwedat.repository import load_repository


def test_published_list_is_current():
    """Every URL the site has is in data/published-urls.txt (run `zodoenwedat urls --update`)."""
    repo = load_repository(REPO)
    have, _ = current_urls(repo)
    listed = {url for _, url in read_listed(REPO)}
    assert have - listed == set(), "new URLs: run `zodoenwedat urls --update`"
    assert listed - have == set()


def test_every_listed_url_exists_in_the_build(real_site):
    for _, url in read_listed(REPO):
        path = real_site.site / url.lstrip("/")
        target = path / "index.html" if url.endswith("/") else path
        assert target.is_file(), url


def test_docs_urls_follow_mkdocs(real_site, tmp_path):
    """The hand-written pages' URLs as urlguard lists them are the pages MkDocs builds."""
    urls = docs_urls(REPO / "docs")
    assert len(urls) == len(list((REPO / "docs").rglob("*.md")))
    for url in urls:
        assert (real_site.site / url.lstrip("/") / "index.html").is_file(), url
    for name in ("index.md", "over.md", "map/index.md", "map/verder.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# Kop\n", encoding="utf-8")
    assert sorted(docs_urls(tmp_path)) == ["/", "/map/", "/map/verder/", "/over/"]


def test_atom_feed_parses_and_lists_every_case(real_site):
    feed = feedparser.parse((real_site.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    cases = load_repository(REPO).cases
    links = [e.link for e in feed.entries]
    assert sorted(link.rstrip("/").rsplit("/", 1)[1] for link in links) == sorted(cases)
    updated = [e.updated_parsed for e in feed.entries]
    assert updated == sorted(updated, reverse=True)
    for entry in feed.entries:
        case = cases[entry.link.rstrip("/").rsplit("/", 1)[1]].case
        assert (entry.title, entry.summary) == (case.title, case.summary)
        assert [t.term for t in entry.tags] == case.themes


def test_every_page_has_feed_autodiscovery(real_site):
    for path in [
        real_site.site / "index.html",
        real_site.site / "praktijkvoorbeelden/oslostraat-almere/index.html",
        real_site.site / "redactie/index.html",
    ]:
        assert re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="[./]*feed\.xml"', path.read_text()), path


def test_cases_json_validates_against_the_schema(real_site):
    data = json.loads((real_site.site / "api/cases.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site.site / "api/case.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((REPO / "schema/case.schema.json").read_text(encoding="utf-8"))
    assert data["count"] == len(data["cases"]) == len(load_repository(REPO).cases)
    for record in data["cases"]:
        # Optional fields that are empty are left out; a required one stays even when empty (partners: []).
        front = {
            k: v for k, v in record.items() if k in schema["properties"] and (k in schema["required"] or v not in (None, []))
        }
        jsonschema.validate(front, schema)
        assert record["url"] == f"https://zodoenwedat.nl/praktijkvoorbeelden/{record['slug']}/"
        assert record["embed_url"].endswith(f"/embed/{record['slug']}/")
        assert isinstance(record["related_cases"], list)


def test_csv_opens_with_semicolons_and_round_trips(real_site):
    raw = (real_site.site / "api/cases.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    data = json.loads((real_site.site / "api/cases.json").read_text(encoding="utf-8"))["cases"]
    assert len(rows) == len(data)
    for row, record in zip(rows, data, strict=False):
        parsed = parse_csv_row(row)
        for key, value in record.items():
            assert parsed[key] == (value if value is not None or key in ("partners", "sources") else None) or (
                value in ([], None) and parsed[key] in ([], None)
            ), (record["slug"], key)


def test_case_page_jsonld(real_site):
    """Every case page describes itself as an article about a place, with the named partners,
    published on the day it appeared on this site (a source has its own date)."""
    for slug, entry in load_repository(REPO).cases.items():
        case = entry.case
        html = real_site.page(f"praktijkvoorbeelden/{slug}/")
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
        assert data["@type"] == "Article" and data["about"]["@type"] == "Place"
        assert data["headline"] == case.title
        assert data["about"]["address"]["addressLocality"] == case.place
        assert [o["name"] for o in data.get("mentions", [])] == [p.name for p in case.partners if p.name]
        assert (data["datePublished"], data["dateModified"]) == (case.published.isoformat(), case.last_modified.isoformat())


def test_sitemap_lastmod_comes_from_the_cases(real_site):
    xml = (real_site.site / "sitemap.xml").read_text()
    for slug, entry in load_repository(REPO).cases.items():
        found = re.search(rf"<loc>https://zodoenwedat.nl/praktijkvoorbeelden/{slug}/</loc>\s*<lastmod>([^<]+)</lastmod>", xml)
        assert found and found.group(1) == entry.case.last_modified.isoformat(), slug  # the case's date, not the build's
    assert xml.count("<url>") == xml.count("<loc>") > len(list((REPO / "cases").glob("*.md")))


def test_a_listing_without_cases_stays_reachable_but_is_not_listed(real_site):
    """A pair of partner types (or a term) that no case has yet: its page answers (its address
    may be published), says so, asks search engines not to index it, and is neither in the
    sitemap nor in the site's search index."""
    from zodoenwedat.catalogue import urls
    from zodoenwedat.catalogue.catalogue import build_catalogue

    catalogue = build_catalogue(load_repository(REPO))
    types = list(catalogue.vocabularies["partner-types"])
    pairs = [(a, b) for i, a in enumerate(types) for b in types[i + 1 :]]
    empty = [urls.pair(a, b) for a, b in pairs if not catalogue.pair_cases(*sorted((a, b)))]
    full = [urls.pair(a, b) for a, b in pairs if catalogue.pair_cases(*sorted((a, b)))]
    assert empty and full, "the real site has both kinds"
    xml = (real_site.site / "sitemap.xml").read_text()
    indexed = set()
    for path in (real_site.site / "pagefind" / "fragment").iterdir():
        indexed.add(json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])["url"])
    for url in empty:
        page = real_site.page(url)
        assert '<meta name="robots" content="noindex">' in page
        assert "Er is nog geen praktijkvoorbeeld waarin deze twee samenwerken." in page
        assert f"<loc>https://zodoenwedat.nl/{url}</loc>" not in xml and "/" + url not in indexed
    for url in full:
        page = real_site.page(url)
        assert 'name="robots"' not in page
        assert f"<loc>https://zodoenwedat.nl/{url}</loc>" in xml and "/" + url in indexed
    published = (REPO / "data" / "published-urls.txt").read_text(encoding="utf-8").split()
    assert "/" + empty[0] in published, "an empty listing's address stays published"


def test_issue_form_is_generated_and_valid():
    vocabularies = load_repository(REPO).vocabularies
    committed = (REPO / FORM_PATH).read_text(encoding="utf-8")
    assert committed == issue_form_yaml(vocabularies), "run `zodoenwedat generate`"
    form = yaml.safe_load(committed)
    assert form["name"] and form["description"] and isinstance(form["body"], list)
    ids = [item.get("id") for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids))
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        if item["type"] == "dropdown":
            assert item["attributes"]["options"], item["id"]
    themes = next(i for i in form["body"] if i.get("id") == "themes")
    assert [f"{term.label} ({code})" for code, term in vocabularies["themes"].items()] == themes["attributes"]["options"]
    assert {"title", "summary", "place", "aanleiding", "aanpak", "sources"} <= set(ids)


def test_rename_with_alias_builds_and_redirects(tmp_path):
    root = copy_repository(tmp_path / "repo")
    rename_case(root, "oslostraat-almere", "oslostraat-almere-buiten", alias=True)
    built = run_build(root)
    assert built.result.returncode == 0, built.result.stderr
    old = (built.site / "praktijkvoorbeelden/oslostraat-almere/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../oslostraat-almere-buiten/">' in old
    assert '<link rel="canonical" href="https://zodoenwedat.nl/praktijkvoorbeelden/oslostraat-almere-buiten/">' in old
    assert "url=../oslostraat-almere-buiten/" in (built.site / "embed/oslostraat-almere/index.html").read_text()
    old_oembed = json.loads((built.site / "oembed/oslostraat-almere.json").read_text())
    assert "/embed/oslostraat-almere-buiten/" in old_oembed["html"]
    assert (
        "/praktijkvoorbeelden/oslostraat-almere/ /praktijkvoorbeelden/oslostraat-almere-buiten/ 301"
        in (built.site / "_redirects").read_text()
    )


def test_rename_without_alias_fails_with_a_clear_message(tmp_path):
    root = copy_repository(tmp_path / "repo")
    rename_case(root, "oslostraat-almere", "oslostraat-almere-buiten", alias=False)
    built = run_build(root)
    assert built.result.returncode != 0
    err = built.result.stderr
    assert re.search(
        r"data/published-urls\.txt:\d+:1: Het openbare webadres /praktijkvoorbeelden/oslostraat-almere/ zou verdwijnen", err
    )
    assert "aliases: [oslostraat-almere]" in err
    assert "Traceback" not in err


def test_related_to_a_renamed_case_names_the_new_name(tmp_path):
    root = copy_repository(tmp_path / "repo")
    (root / "data/published-urls.txt").unlink()
    text = (
        (root / "cases/oslostraat-almere.md").read_text(encoding="utf-8").replace("\nphase:", "\naliases: [oslo-oud]\nphase:", 1)
    )
    (root / "cases/oslostraat-almere.md").write_text(text, encoding="utf-8")
    majella = root / "cases/majella-wonen-utrecht.md"
    majella.write_text(majella.read_text(encoding="utf-8").replace("[oslostraat-almere]", "[oslo-oud]"), encoding="utf-8")
    repo = load_repository(root)
    assert [p.code for p in repo.problems] == ["renamed-case"]
    assert "heet nu 'oslostraat-almere'" in repo.problems.items[0].message


def test_a_new_url_never_fails_the_check(tmp_path):
    root = copy_repository(tmp_path / "repo")
    text = (root / "cases" / "ruwaard-oss.md").read_text(encoding="utf-8")
    (root / "cases" / "ruwaard-oss-tweede.md").write_text(text.replace("related:", "related:", 1), encoding="utf-8")
    from zodoenwedat.catalogue.urlguard import check_all

    repo = check_all(root)
    assert not [p for p in repo.problems if p.code == "url-removed"]
    have, _ = current_urls(repo)
    assert "/praktijkvoorbeelden/ruwaard-oss-tweede/" in have


def test_one_pagefind_index_for_cases_and_pages(real_site):
    """The site's search is one Pagefind index of every page a visitor browses (every case, and the
    other pages; not the embed pages, redirects, 404, further pages of the static list or listings
    without cases); no lunr or Material index."""
    site = real_site.site
    assert not (site / "search").exists() and not (site / "praktijkvoorbeelden" / "zoekindex.json").exists()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    fragments = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        fragment = json.loads(gzip.decompress(path.read_bytes())[len(b"pagefind_dcd") :])
        fragments[fragment["url"]] = fragment
    assert entry["languages"]["nl"]["page_count"] == len(fragments)
    browsed = set()
    for path in site.rglob("*.html"):
        rel = path.relative_to(site).as_posix()
        if (
            rel == "404.html"
            or rel.startswith(("embed/", "praktijkvoorbeelden/pagina/"))
            or 'http-equiv="refresh"' in path.read_text(encoding="utf-8")
            or '<meta name="robots" content="noindex">' in path.read_text(encoding="utf-8")  # a listing without cases
        ):
            continue
        browsed.add("/" + rel.removesuffix("index.html"))
    assert set(fragments) == browsed
    for slug, case_entry in load_repository(REPO).cases.items():
        fragment = fragments[f"/praktijkvoorbeelden/{slug}/"]
        assert fragment["meta"]["title"] == case_entry.case.title
        assert fragment["filters"]["thema"] and "soort" not in fragment["filters"]
    for url, fragment in fragments.items():
        if not url.startswith("/praktijkvoorbeelden/") or url == "/praktijkvoorbeelden/":
            assert fragment["filters"] == {"soort": ["pagina"]}, f"{url} is no case: the finder leaves it out"
    titles = [fragments[f"/praktijkvoorbeelden/{slug}/"]["meta"]["title"] for slug in load_repository(REPO).cases]
    for url, fragment in fragments.items():
        if url.startswith("/themas/") and url != "/themas/":
            assert not [title for title in titles if title in fragment["content"]], (
                f"{url}: case cards on listing pages are not indexed again"
            )
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if 'class="md-header' in text:
            assert "data-zd-search" in text and "assets/zoeken/kop.js" in text, path
