"""Dutch wording: dates, times, counts."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def date(day: dt.date) -> str:
    """9 februari 2022"""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def long_date(day: dt.date) -> str:
    """dinsdag 22 maart 2022"""
    return f"{WEEKDAYS[day.weekday()]} {date(day)}"


def clock(time: str) -> str:
    """'14:30' -> '14.30' (the Dutch way of writing times)."""
    return time.replace(":", ".")


def when(day: dt.date, start: str | None, end: str | None) -> str:
    """dinsdag 22 maart 2022, 14.30–15.30 uur; an all-day event shows only the date."""
    text = long_date(day)
    if start and end:
        return f"{text}, {clock(start)}–{clock(end)} uur"
    if start:
        return f"{text}, {clock(start)} uur"
    return text


def count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def cases(number: int) -> str:
    return count(number, "praktijkvoorbeeld", "praktijkvoorbeelden")


def join(words: list[str]) -> str:
    """Words as a Dutch enumeration: "a", "a en b", "a, b en c"."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]
