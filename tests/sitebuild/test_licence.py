"""The content licence: one setting (data/licence.yml), carried by every open data output
and shown on the pages that talk about reuse (open data, colofon)."""

from __future__ import annotations

import csv
import io
import json
import re

import feedparser
import pytest
from support import REPO
from support.html import visible_text
from support.repository import copy_repository
from support.sites import run_build

from zodoenwedat.repository import load_repository

LICENCE = load_repository(REPO).licence
CASES = sorted(p.stem for p in (REPO / "cases").glob("*.md"))

# A different licence, to show that the outputs take it from the one setting.
OTHER = """\
spdx: CC0-1.0
name: Creative Commons Publiek Domein Verklaring 1.0
short: CC0 1.0
url: https://creativecommons.org/publicdomain/zero/1.0/
summary: Je mag de teksten en gegevens zonder voorwaarden gebruiken.
attribution: Zo doen we dat (zodoenwedat.nl), als je dat wilt
"""


@pytest.fixture(scope="module")
def other(tmp_path_factory):
    root = copy_repository(tmp_path_factory.mktemp("other-licence") / "repo")
    (root / "data/licence.yml").write_text(OTHER, encoding="utf-8")
    built = run_build(root)
    assert built.result.returncode == 0, built.result.stderr
    return built


def outputs(built) -> dict[str, str]:
    """Every open data output, and the pages that show the licence, as text."""
    site = built.site
    found = {
        "feed.xml": (site / "feed.xml").read_text(encoding="utf-8"),
        "api/cases.json": (site / "api/cases.json").read_text(encoding="utf-8"),
        "api/cases.csv-metadata.json": (site / "api/cases.csv-metadata.json").read_text(encoding="utf-8"),
        "open-data/": built.page("open-data/"),
        "colofon/": built.page("colofon/"),
    }
    for slug in CASES:
        html = built.page(f"praktijkvoorbeelden/{slug}/")
        found[f"JSON-LD of {slug}"] = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return found


def test_the_feed_carries_the_licence(real_site):
    feed = feedparser.parse((real_site.site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert LICENCE.short in feed.feed.rights and LICENCE.url in feed.feed.rights
    assert [link.href for link in feed.feed.links if link.rel == "license"] == [LICENCE.url]


def test_cases_json_carries_the_licence(real_site):
    data = json.loads((real_site.site / "api/cases.json").read_text(encoding="utf-8"))
    assert data["license"] == {"spdx": LICENCE.spdx, "name": LICENCE.name, "url": LICENCE.url, "attribution": LICENCE.attribution}


def test_the_csv_metadata_carries_the_licence_and_describes_the_csv(real_site):
    meta = json.loads((real_site.site / "api/cases.csv-metadata.json").read_text(encoding="utf-8"))
    assert meta["@context"][0] == "http://www.w3.org/ns/csvw"
    assert (real_site.site / "api" / meta["url"]).is_file() and meta["url"] == "cases.csv"
    assert meta["dc:license"] == {"@id": LICENCE.url}
    assert LICENCE.short in meta["dc:rights"]
    raw = (real_site.site / "api/cases.csv").read_bytes().decode("utf-8-sig")
    header = next(csv.reader(io.StringIO(raw), delimiter=meta["dialect"]["delimiter"]))
    assert [column["name"] for column in meta["tableSchema"]["columns"]] == header


@pytest.mark.parametrize("slug", CASES)
def test_every_case_page_names_the_licence_in_its_jsonld(real_site, slug):
    html = real_site.page(f"praktijkvoorbeelden/{slug}/")
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["license"] == LICENCE.url


def test_the_open_data_page_shows_the_licence(real_site):
    html = real_site.page("open-data/")
    text = visible_text(html, within="article")
    assert f"{LICENCE.name} ({LICENCE.short})" in text and LICENCE.summary in text
    assert f'<a href="{LICENCE.link}" rel="license">' in html
    assert "vrij te hergebruiken" not in text
    assert "zodoenwedat:" not in html, "every marker is filled"


def test_every_output_follows_the_one_setting(real_site, other):
    """With another licence in data/licence.yml, every output names that one and none the old."""
    other_url = "https://creativecommons.org/publicdomain/zero/1.0/"
    assert LICENCE.url != other_url and LICENCE.short != "CC0 1.0", "OTHER must differ from the repository's licence"
    before, after = outputs(real_site), outputs(other)
    assert set(before) == set(after)
    for name, text in after.items():
        assert "CC0 1.0" in text or other_url in text, name
        assert LICENCE.url not in text and LICENCE.short not in text and LICENCE.spdx not in text, name
    for name, text in before.items():
        assert LICENCE.url in text, name
