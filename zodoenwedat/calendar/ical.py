"""iCalendar (RFC 5545) for the coalition's webinars, written by hand so every rule is visible:

* CRLF line ends, content lines folded at 75 octets without splitting a UTF-8 character;
* TEXT values escaped (backslash, semicolon, comma, new line);
* a UID per webinar that never changes, and a DTSTAMP that changes only with the webinar
  (its ``updated`` field; otherwise the start of the webinar's day, UTC);
* local times with TZID=Europe/Amsterdam and a VTIMEZONE for it; VALUE=DATE for all-day events.
Output is a pure function of the data: two builds give identical bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..models import TIMEZONE, Webinar

PRODID = "-//Zo doen we dat//Webinars//NL"
UID_DOMAIN = "zodoenwedat.nl"
CRLF = "\r\n"

VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TIMEZONE}",
    "X-LIC-LOCATION:Europe/Amsterdam",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape_text(value: str) -> str:
    """RFC 5545 3.3.11: escape backslash, semicolon, comma and new lines."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """RFC 5545 3.1: lines of at most 75 octets; continuation lines start with one space.
    A UTF-8 character is never split over two lines."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # the leading space takes one octet
        current += char
        size += width
    parts.append(current)
    return (CRLF + " ").join(parts)


def _local(day: dt.date, time: str) -> str:
    return f"{day:%Y%m%d}T{time.replace(':', '')}00"


def dtstamp(webinar: Webinar) -> str:
    stamp = webinar.updated or webinar.date
    if isinstance(stamp, dt.datetime):
        stamp = stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp
        return f"{stamp:%Y%m%dT%H%M%S}Z"
    return f"{stamp:%Y%m%d}T000000Z"


def event_lines(webinar: Webinar, url: str, case_links: list[tuple[str, str]]) -> list[str]:
    """The VEVENT of one webinar. ``case_links``: (title, absolute URL) of its cases."""
    lines = ["BEGIN:VEVENT", f"UID:{webinar.id}@{UID_DOMAIN}", f"DTSTAMP:{dtstamp(webinar)}"]
    if webinar.start:
        lines.append(f"DTSTART;TZID={TIMEZONE}:{_local(webinar.date, webinar.start)}")
        if webinar.end:
            lines.append(f"DTEND;TZID={TIMEZONE}:{_local(webinar.date, webinar.end)}")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{webinar.date:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{webinar.date + dt.timedelta(days=1):%Y%m%d}")
    lines.append(f"SUMMARY:{escape_text(webinar.title)}")
    description = webinar.description
    if case_links:
        description += "\n\nPraktijkvoorbeelden:\n" + "\n".join(f"- {title}: {link}" for title, link in case_links)
    if webinar.registration_url:
        description += f"\n\nAanmelden: {webinar.registration_url}"
    if webinar.recording_url:
        description += f"\n\nTerugkijken: {webinar.recording_url}"
    description += f"\n\nMeer informatie: {url}"
    lines.append(f"DESCRIPTION:{escape_text(description)}")
    if webinar.location:
        lines.append(f"LOCATION:{escape_text(webinar.location)}")
    lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(name: str, events: Iterable[tuple[Webinar, list[str]]]) -> str:
    """A VCALENDAR with the given (webinar, VEVENT lines); VTIMEZONE only when a TZID is used."""
    events = list(events)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
    ]
    if any(webinar.start for webinar, _ in events):
        lines += VTIMEZONE
    for _, event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
