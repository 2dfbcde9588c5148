"""Permanent URLs, renamed cases, and the open data files of a real build."""

from __future__ import annotations

import csv
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


def test_docs_urls_follow_mkdocs():
    urls = docs_urls(REPO / "docs")
    assert "/" in urls and "/redactie/" in urls and "/over-de-coalitie/" in urls


def test_atom_feed_parses_and_lists_every_case(real_site):
    feed = feedparser.parse((real_site.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    links = [e.link for e in feed.entries]
    cases = sorted(p.stem for p in (REPO / "cases").glob("*.md"))
    assert sorted(link.rstrip("/").rsplit("/", 1)[1] for link in links) == cases
    updated = [e.updated_parsed for e in feed.entries]
    assert updated == sorted(updated, reverse=True)
    oslo = next(e for e in feed.entries if "oslostraat" in e.link)
    assert {t.term for t in oslo.tags} >= {"leefbaarheid", "renovatie"}
    assert oslo.summary.startswith("In de Oslostraat")


def test_every_page_has_feed_autodiscovery(real_site):
    for path in [real_site.site / "index.html", real_site.site / "praktijkvoorbeelden/oslostraat-almere/index.html", real_site.site / "redactie/index.html"]:
        assert re.search(r'<link rel="alternate" type="application/atom\+xml"[^>]*href="[./]*feed\.xml"', path.read_text()), path


def test_cases_json_validates_against_the_schema(real_site):
    data = json.loads((real_site.site / "api/cases.json").read_text(encoding="utf-8"))
    schema = json.loads((real_site.site / "api/case.schema.json").read_text(encoding="utf-8"))
    assert schema == json.loads((REPO / "schema/case.schema.json").read_text(encoding="utf-8"))
    assert data["count"] == len(data["cases"]) == 5
    for record in data["cases"]:
        # Optional fields that are empty are left out; a required one stays even when empty (partners: []).
        front = {k: v for k, v in record.items() if k in schema["properties"] and (k in schema["required"] or v not in (None, []))}
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
    for row, record in zip(rows, data):
        parsed = parse_csv_row(row)
        for key, value in record.items():
            assert parsed[key] == (value if value is not None or key in ("partners", "sources") else None) or (
                value in ([], None) and parsed[key] in ([], None)
            ), (record["slug"], key)


def test_case_page_jsonld(real_site):
    html = (real_site.site / "praktijkvoorbeelden/oslostraat-almere/index.html").read_text()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(block)
    assert data["@type"] == "Article" and data["about"]["@type"] == "Place"
    assert data["about"]["address"]["addressLocality"] == "Almere"
    assert {o["name"] for o in data["mentions"]} == {"de Alliantie", "Philadelphia", "gemeente Almere"}
    assert data["datePublished"] == "2022-02-09"  # published on this site; the source (2021-05-20) has its own date


def test_sitemap_lastmod_comes_from_the_cases(real_site):
    xml = (real_site.site / "sitemap.xml").read_text()
    entry = re.search(r"<loc>https://zodoenwedat.nl/praktijkvoorbeelden/oslostraat-almere/</loc>\s*<lastmod>([^<]+)</lastmod>", xml)
    assert entry and entry.group(1) == "2022-02-09"  # the case's published date, not the build's
    assert "<lastmod>20" in xml and xml.count("<url>") > 50


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
    assert "Gemengd wonen (gemengd-wonen)" in themes["attributes"]["options"]
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
    assert "/praktijkvoorbeelden/oslostraat-almere/ /praktijkvoorbeelden/oslostraat-almere-buiten/ 301" in (built.site / "_redirects").read_text()


def test_rename_without_alias_fails_with_a_clear_message(tmp_path):
    root = copy_repository(tmp_path / "repo")
    rename_case(root, "oslostraat-almere", "oslostraat-almere-buiten", alias=False)
    built = run_build(root)
    assert built.result.returncode != 0
    err = built.result.stderr
    assert re.search(r"data/published-urls\.txt:\d+:1: Het openbare webadres /praktijkvoorbeelden/oslostraat-almere/ zou verdwijnen", err)
    assert "aliases: [oslostraat-almere]" in err
    assert "Traceback" not in err


def test_related_to_a_renamed_case_names_the_new_name(tmp_path):
    root = copy_repository(tmp_path / "repo")
    (root / "data/published-urls.txt").unlink()
    text = (root / "cases/oslostraat-almere.md").read_text(encoding="utf-8").replace("\nphase:", "\naliases: [oslo-oud]\nphase:", 1)
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
    """The site's search is one Pagefind index: every case, and the other pages (not the
    embed pages, redirects or further pages of the static list); no lunr or Material index."""
    import gzip

    site = real_site.site
    assert not (site / "search").exists() and not (site / "praktijkvoorbeelden" / "zoekindex.json").exists()
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["nl"]
    fragments = [json.loads(gzip.decompress(p.read_bytes())[len(b"pagefind_dcd"):]) for p in (site / "pagefind" / "fragment").iterdir()]
    assert entry["languages"]["nl"]["page_count"] == len(fragments)
    urls = {f["url"] for f in fragments}
    cases = {f"/praktijkvoorbeelden/{p.stem}/" for p in (REPO / "cases").glob("*.md")}
    assert cases <= urls
    for page in ("/", "/over-de-coalitie/", "/redactie/", "/praktijkvoorbeelden/", "/themas/leefbaarheid/", "/organisaties/", "/webinars/"):
        assert page in urls, page
    assert not [u for u in urls if u.startswith(("/embed/", "/praktijkvoorbeelden/pagina/")) or u.endswith(".html")]
    oslo = next(f for f in fragments if f["url"] == "/praktijkvoorbeelden/oslostraat-almere/")
    assert oslo["meta"]["title"] == "Oslostraat in Almere"
    assert oslo["filters"]["thema"] and oslo["filters"]["soort"] == ["praktijkvoorbeeld"]
    over = next(f for f in fragments if f["url"] == "/over-de-coalitie/")
    assert over["meta"]["title"] == "Over de coalitie"
    assert not over.get("filters"), "a page is no case: the finder never shows it"
    theme = next(f for f in fragments if f["url"] == "/themas/leefbaarheid/")
    assert "Oslostraat" not in theme["content"], "case cards on listing pages are not indexed again"
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if 'class="md-header' in text:
            assert "data-zd-search" in text and "assets/zoeken/kop.js" in text, path


