"""The webinar page decides "upcoming" with the visitor's clock; old URLs of renamed cases land on the new page."""

from __future__ import annotations

import datetime as dt

import pytest
from support.repository import copy_repository, rename_case
from support.server import serve
from support.sites import run_build

pytestmark = pytest.mark.browser
UTC = dt.UTC


def sections(page) -> tuple[list[str], list[str]]:
    page.wait_for_selector("html[data-zd-webinars=sorted]")
    upcoming = page.eval_on_selector_all("#zd-upcoming-list:not([hidden]) > li", "els => els.map(e => e.id)")
    past = page.eval_on_selector_all("#zd-past-list:not([hidden]) > li", "els => els.map(e => e.id)")
    return upcoming, past


@pytest.mark.parametrize(
    "now, upcoming, past",
    [
        # Before 22 March 2022 14.30 (13:30 UTC): the Utrecht webinar is still to come.
        (
            dt.datetime(2022, 3, 22, 12, 0, tzinfo=UTC),
            ["2022-03-22-gemengd-wonen-utrecht", "2022-04-14-selwerd-groningen", "2022-05-25-de-posten-enschede"],
            ["2022-02-09-ruwaard-oss"],
        ),
        # After it ended (15.30 local = 14:30 UTC): past, newest first.
        (
            dt.datetime(2022, 4, 1, 10, 0, tzinfo=UTC),
            ["2022-04-14-selwerd-groningen", "2022-05-25-de-posten-enschede"],
            ["2022-03-22-gemengd-wonen-utrecht", "2022-02-09-ruwaard-oss"],
        ),
        # Years later: nothing upcoming.
        (
            dt.datetime(2026, 11, 21, 10, 0, tzinfo=UTC),
            [],
            [
                "2022-05-25-de-posten-enschede",
                "2022-04-14-selwerd-groningen",
                "2022-03-22-gemengd-wonen-utrecht",
                "2022-02-09-ruwaard-oss",
            ],
        ),
    ],
)
def test_webinars_sorted_by_the_visitors_clock(new_page, base_url, now, upcoming, past):
    page, recorded = new_page()
    page.clock.install(time=now)
    page.goto(base_url + "/webinars/")
    assert sections(page) == (upcoming, past)
    assert page.is_visible("#zd-upcoming-empty") == (not upcoming)
    page.goto(base_url + "/")
    page.wait_for_selector("html[data-zd-webinars=sorted]")
    next_text = page.inner_text("#zd-next-webinar")
    if upcoming:
        assert page.get_attribute("#zd-next-webinar a", "href").endswith("#" + upcoming[0])
    else:
        assert "geen webinar gepland" in next_text
    recorded.assert_clean()


def test_a_renamed_case_redirects_from_its_old_url(browser, tmp_path):
    root = copy_repository(tmp_path / "repo")
    old, new = "oslostraat-almere", "oslostraat-almere-buiten"
    rename_case(root, old, new, alias=True)
    built = run_build(root)
    assert built.result.returncode == 0, built.result.stderr
    with serve(built.site) as url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(f"{url}/praktijkvoorbeelden/{old}/")
        page.wait_for_url(f"{url}/praktijkvoorbeelden/{new}/")
        assert page.inner_text("h1") == "Oslostraat in Almere"
        page.goto(f"{url}/embed/{old}/")
        page.wait_for_url(f"{url}/embed/{new}/")
        assert page.inner_text("h1") == "Oslostraat in Almere"
        context.close()
