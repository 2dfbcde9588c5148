"""The webinar calendar of the site: feeds, per-webinar files and agenda links."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from ..catalogue import urls
from ..catalogue.catalogue import Catalogue
from ..models import Webinar
from . import ical, links

FEED = urls.CALENDAR
SCRIPT = "assets/agenda/webinars.js"


class Agenda:
    def __init__(self, catalogue: Catalogue, site_url: str | None, today: dt.date):
        self.catalogue = catalogue
        self.site_url = (site_url or "").rstrip("/") + "/" if site_url else ""
        self.today = today
        self.feed_path = FEED
        self.script_path = SCRIPT
        parts = urlsplit(self.site_url) if self.site_url else None
        self.webcal = f"webcal://{parts.netloc}{parts.path}{FEED}" if parts and parts.netloc else ""

    # -- URLs --
    def absolute(self, path: str) -> str:
        return urls.absolute(self.site_url, path)

    def url(self, webinar: Webinar) -> str:
        return self.absolute(urls.WEBINARS) + "#" + webinar.id

    def ics_path(self, webinar: Webinar) -> str:
        return urls.webinar_calendar(webinar.id)

    def theme_feed_path(self, theme: str) -> str:
        return urls.theme_calendar(theme)

    # -- facts --
    def instants(self, webinar: Webinar) -> tuple[str, str]:
        return links.instants(webinar)

    def is_past(self, webinar: Webinar) -> bool:
        return webinar.date < self.today

    def case_links(self, webinar: Webinar) -> list[tuple[str, str]]:
        return [
            (self.catalogue.by_slug[slug].case.title, self.absolute(urls.case(slug)))
            for slug in webinar.cases
            if slug in self.catalogue.by_slug
        ]

    def details(self, webinar: Webinar) -> str:
        text = webinar.description
        for title, link in self.case_links(webinar):
            text += f"\n\n{title}: {link}"
        return text + f"\n\nMeer informatie: {self.url(webinar)}"

    def google(self, webinar: Webinar) -> str:
        return links.google(webinar, self.details(webinar))

    def outlook(self, webinar: Webinar) -> str:
        return links.outlook(webinar, self.details(webinar))

    # -- files --
    def _event(self, webinar: Webinar) -> tuple[Webinar, list[str]]:
        return webinar, ical.event_lines(webinar, self.url(webinar), self.case_links(webinar))

    def files(self) -> dict[str, str]:
        """src path -> iCalendar text: the feed, one file per webinar, one feed per theme."""
        webinars = self.catalogue.webinars
        out = {FEED: ical.calendar("Zo doen we dat – webinars", (self._event(w) for w in webinars))}
        for webinar in webinars:
            out[self.ics_path(webinar)] = ical.calendar(webinar.title, [self._event(webinar)])
        for theme, term in self.catalogue.vocabularies.get("themes", {}).items():
            selected = [
                w
                for w in webinars
                if any(
                    slug in self.catalogue.by_slug and theme in self.catalogue.by_slug[slug].case.codes("themes")
                    for slug in w.cases
                )
            ]
            out[self.theme_feed_path(theme)] = ical.calendar(
                f"Zo doen we dat – webinars over {term.label}", (self._event(w) for w in selected)
            )
        return out
