"""The webinar calendar: iCalendar feeds checked by two parsers and by our own RFC 5545 rules."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
import vobject
from support import REPO

from zodoenwedat.build import build_site
from zodoenwedat.calendar import ical, links
from zodoenwedat.models import Webinar
from zodoenwedat.repository import load_repository

UTC = dt.UTC


@pytest.fixture(scope="module")
def site():
    repo = load_repository(REPO)
    assert not repo.problems
    return build_site(repo, site_url="https://zodoenwedat.nl/", today=dt.date(2022, 3, 1))


def ics_files(site) -> dict[str, str]:
    return {path: text for path, text in site.files.items() if path.endswith(".ics")}


def test_feeds_exist(site):
    files = ics_files(site)
    assert "webinars.ics" in files
    for webinar in site.catalogue.webinars:
        assert f"webinars/{webinar.id}.ics" in files
    for theme in site.catalogue.vocabularies["themes"]:
        assert f"themas/{theme}/webinars.ics" in files


def test_every_file_parses_with_two_parsers(site):
    for path, text in ics_files(site).items():
        cal = icalendar.Calendar.from_ical(text)
        assert cal["VERSION"] == "2.0", path
        parsed = vobject.readOne(text)
        assert parsed.name == "VCALENDAR", path
        events_ical = [c for c in cal.walk("VEVENT")]
        events_vobj = list(getattr(parsed, "vevent_list", []))
        assert len(events_ical) == len(events_vobj), path


def _events(text):
    return {str(e["UID"]): e for e in icalendar.Calendar.from_ical(text).walk("VEVENT")}


def test_exact_utc_instants_of_the_known_webinars(site):
    events = _events(site.files["webinars.ics"])
    expected = {
        "2022-03-22-gemengd-wonen-utrecht@zodoenwedat.nl": (
            dt.datetime(2022, 3, 22, 13, 30, tzinfo=UTC),
            dt.datetime(2022, 3, 22, 14, 30, tzinfo=UTC),
        ),
        "2022-04-14-selwerd-groningen@zodoenwedat.nl": (
            dt.datetime(2022, 4, 14, 13, 0, tzinfo=UTC),
            dt.datetime(2022, 4, 14, 14, 0, tzinfo=UTC),
        ),
        "2022-05-25-de-posten-enschede@zodoenwedat.nl": (
            dt.datetime(2022, 5, 25, 12, 30, tzinfo=UTC),
            dt.datetime(2022, 5, 25, 13, 30, tzinfo=UTC),
        ),
    }
    for uid, (start, end) in expected.items():
        assert events[uid]["DTSTART"].dt.astimezone(UTC) == start
        assert events[uid]["DTEND"].dt.astimezone(UTC) == end
    # The same instants through vobject, an independent parser.
    cal = vobject.readOne(site.files["webinars.ics"])
    starts = {
        str(e.uid.value): e.dtstart.value.astimezone(UTC) for e in cal.vevent_list if isinstance(e.dtstart.value, dt.datetime)
    }
    assert (
        starts["2022-03-22-gemengd-wonen-utrecht@zodoenwedat.nl"]
        == expected["2022-03-22-gemengd-wonen-utrecht@zodoenwedat.nl"][0]
    )
    # The all-day webinar is a DATE, the whole day.
    ruwaard = events["2022-02-09-ruwaard-oss@zodoenwedat.nl"]
    assert ruwaard["DTSTART"].dt == dt.date(2022, 2, 9) and ruwaard["DTEND"].dt == dt.date(2022, 2, 10)
    assert "DTSTART;VALUE=DATE:20220209\r\n" in site.files["webinars.ics"]


def test_rfc_rules_we_promise(site):
    for path, text in ics_files(site).items():
        raw = text.encode("utf-8")
        assert raw.endswith(b"\r\n"), path
        assert b"\n" not in raw.replace(b"\r\n", b""), f"{path}: bare LF"
        for line in raw.split(b"\r\n"):
            assert len(line) <= 75, (path, line)
            line.decode("utf-8")  # a folded line never splits a UTF-8 character
        if "TZID=" in text:
            assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n" in text, path
        for event in _events(text).values():
            assert event.get("DTSTAMP") is not None and event.get("URL") is not None
    feed = site.files["webinars.ics"]
    assert "DTSTART;TZID=Europe/Amsterdam:20220322T143000\r\n" in feed
    assert "URL:https://zodoenwedat.nl/webinars/#2022-03-22-gemengd-wonen-utrecht\r\n" in feed


def test_description_links_to_its_cases(site):
    event = _events(site.files["webinars.ics"])["2022-03-22-gemengd-wonen-utrecht@zodoenwedat.nl"]
    assert "https://zodoenwedat.nl/praktijkvoorbeelden/majella-wonen-utrecht/" in str(event["DESCRIPTION"])


def test_uid_and_dtstamp_are_stable_between_builds(site):
    again = build_site(load_repository(REPO), site_url="https://zodoenwedat.nl/", today=dt.date(2023, 1, 1))
    for path, text in ics_files(site).items():
        assert again.files[path] == text, path  # byte-identical, whatever day it is built


def test_dtstamp_changes_only_with_the_webinar():
    base = dict(
        id="x", title="Titel", date=dt.date(2022, 3, 22), start="14:30", end="15:30", description="Een webinar over iets."
    )
    a = Webinar(**base)
    assert ical.dtstamp(a) == ical.dtstamp(Webinar(**base))
    assert ical.dtstamp(Webinar(**base, updated=dt.date(2022, 3, 1))) == "20220301T000000Z"


def test_escaping_of_text():
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    webinar = Webinar(
        id="x",
        title="Wonen, zorg; welzijn \\ meer",
        date=dt.date(2022, 3, 22),
        start="14:30",
        end="15:30",
        description="Regel één\nRegel twee, met komma; en puntkomma.",
    )
    text = ical.calendar("Test", [(webinar, ical.event_lines(webinar, "https://zodoenwedat.nl/webinars/#x", []))])
    assert "SUMMARY:Wonen\\, zorg\\; welzijn \\\\ meer\r\n" in text
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == "Wonen, zorg; welzijn \\ meer"
    assert str(event["DESCRIPTION"]).startswith("Regel één\nRegel twee, met komma; en puntkomma.")


def test_long_dutch_title_is_folded_without_splitting_characters():
    title = "Ervaringsdeskundigheid in de wijk: één gesprek over privé-ruimte, cliëntenzorg en ’s-Hertogenbosch " * 3
    line = "SUMMARY:" + ical.escape_text(title.strip())
    folded = ical.fold(line)
    parts = folded.encode("utf-8").split(b"\r\n")
    assert len(parts) > 3
    assert all(len(p) <= 75 for p in parts)
    assert all(p.startswith(b" ") for p in parts[1:])
    for p in parts:
        p.decode("utf-8")
    assert b"".join(p[1:] if i else p for i, p in enumerate(parts)).decode("utf-8") == line  # unfolds to the original
    webinar = Webinar(
        id="lang",
        title=title.strip()[:160],
        date=dt.date(2022, 3, 22),
        start="14:30",
        end="15:30",
        description="Een lange titel.",
    )
    text = ical.calendar("Test", [(webinar, ical.event_lines(webinar, "https://x.nl/", []))])
    assert str(icalendar.Calendar.from_ical(text).walk("VEVENT")[0]["SUMMARY"]) == title.strip()[:160]


def test_agenda_links_have_the_right_time_zone():
    webinar = Webinar(
        id="x", title="Gemengd wonen", date=dt.date(2022, 3, 22), start="14:30", end="15:30", description="Een webinar."
    )
    google = parse_qs(urlsplit(links.google(webinar, "details")).query)
    assert google["dates"] == ["20220322T143000/20220322T153000"] and google["ctz"] == ["Europe/Amsterdam"]
    outlook = parse_qs(urlsplit(links.outlook(webinar, "details")).query)
    assert outlook["startdt"] == ["2022-03-22T13:30:00Z"] and outlook["enddt"] == ["2022-03-22T14:30:00Z"]
    allday = Webinar(id="y", title="Ruwaard", date=dt.date(2022, 2, 9), description="Een hele dag.")
    assert parse_qs(urlsplit(links.google(allday, "d")).query)["dates"] == ["20220209/20220210"]
    assert parse_qs(urlsplit(links.outlook(allday, "d")).query)["allday"] == ["true"]
    assert links.instants(allday) == ("2022-02-08T23:00:00Z", "2022-02-09T23:00:00Z")


def test_webinars_page_splits_by_build_date_and_links_agenda(site):
    page = next(p for p in site.pages if p.url == "webinars/")
    html = page.html_before
    upcoming, past = html.split('id="zd-eerder"')
    assert "2022-03-22-gemengd-wonen-utrecht" in upcoming and "2022-02-09-ruwaard-oss" in past
    assert re.search(r'href="2022-03-22-gemengd-wonen-utrecht\.ics" download', html)
    assert "dinsdag 22 maart 2022, 14.30–15.30 uur" in html
    assert "woensdag 9 februari 2022</time>" in html  # all-day: only the date
    assert 'href="https://www.divosa.nl' in html  # organisers linked
    assert 'href="../praktijkvoorbeelden/majella-wonen-utrecht/"' in html
