"""'Zet in agenda' links for Google Calendar and Outlook.com (plain links: no request
leaves the site until the visitor follows one)."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from ..models import TIMEZONE, Webinar, local_datetime


def _utc(webinar: Webinar, time: str) -> dt.datetime:
    return local_datetime(webinar.date, time).astimezone(dt.UTC)


def _end_time(webinar: Webinar) -> str:
    return webinar.end or webinar.start  # type: ignore[return-value]


def google(webinar: Webinar, details: str) -> str:
    if webinar.start:
        start = f"{webinar.date:%Y%m%d}T{webinar.start.replace(':', '')}00"
        end = f"{webinar.date:%Y%m%d}T{_end_time(webinar).replace(':', '')}00"
        params = {"action": "TEMPLATE", "text": webinar.title, "dates": f"{start}/{end}", "ctz": TIMEZONE}
    else:
        params = {
            "action": "TEMPLATE",
            "text": webinar.title,
            "dates": f"{webinar.date:%Y%m%d}/{webinar.date + dt.timedelta(days=1):%Y%m%d}",
        }
    params["details"] = details
    if webinar.location:
        params["location"] = webinar.location
    return "https://calendar.google.com/calendar/render?" + urlencode(params)


def outlook(webinar: Webinar, details: str) -> str:
    params = {"path": "/calendar/action/compose", "rru": "addevent", "subject": webinar.title}
    if webinar.start:
        params["startdt"] = _utc(webinar, webinar.start).strftime("%Y-%m-%dT%H:%M:%SZ")
        params["enddt"] = _utc(webinar, _end_time(webinar)).strftime("%Y-%m-%dT%H:%M:%SZ")
    else:
        params["startdt"] = webinar.date.isoformat()
        params["enddt"] = (webinar.date + dt.timedelta(days=1)).isoformat()
        params["allday"] = "true"
    params["body"] = details
    if webinar.location:
        params["location"] = webinar.location
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(params)


def instants(webinar: Webinar) -> tuple[str, str]:
    """ISO instants for the visitor's clock: start and end in UTC ('Z'); all-day events span
    the whole day in Dutch time."""
    if webinar.start:
        start = _utc(webinar, webinar.start)
        end = _utc(webinar, _end_time(webinar))
    else:
        start = local_datetime(webinar.date, "00:00").astimezone(dt.UTC)
        end = local_datetime(webinar.date + dt.timedelta(days=1), "00:00").astimezone(dt.UTC)
    return start.strftime("%Y-%m-%dT%H:%M:%SZ"), end.strftime("%Y-%m-%dT%H:%M:%SZ")
