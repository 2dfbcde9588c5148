"""Rules for plain text, web addresses and privacy that several checks share."""

from __future__ import annotations

import difflib
import html
import re
import unicodedata
from urllib.parse import unquote, urlsplit

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)
SLUG_MAX = 60

# Bidirectional controls that can make text read differently from how it is stored.
BIDI_CHARS = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Something that a browser would read as the start of a tag, comment or declaration.
_TAG_RE = re.compile(r"<\s*(?:[A-Za-z][A-Za-z0-9-]*|/\s*[A-Za-z]|!|\?)")
# Bidi controls and control characters (Unicode category Cc is exactly U+0000-001F and
# U+007F-009F) except tab and newline: the first one decides the message.
_INVISIBLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f" + "".join(sorted(BIDI_CHARS)) + "]")
_SPACE_OR_CONTROL_RE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def plain_text_problem(value: str) -> str | None:
    """Why ``value`` is not plain text, in Dutch, or None when it is fine."""
    first = _INVISIBLE_RE.search(value)
    for ch in first.group(0) if first else ():
        if ch in BIDI_CHARS:
            return (
                f"De tekst bevat een onzichtbaar teken dat de leesrichting omdraait (U+{ord(ch):04X}); "
                "typ de tekst opnieuw zonder dat teken."
            )
        if ch not in "\n\t" and unicodedata.category(ch) == "Cc":
            return f"De tekst bevat een onzichtbaar stuurteken (U+{ord(ch):04X}); haal het weg."
    if _TAG_RE.search(value):
        return "Gebruik hier gewone tekst zonder HTML: haal de < en > weg (schrijf bijvoorbeeld 'kleiner dan')."
    return None


# "de bron", "bronnen", "bronvermelding": a note about the sources, which visitors must not read.
_SOURCE_NOTE_RE = re.compile(r"\bbron(?:nen|vermelding)?\b", re.IGNORECASE)


def source_note_problem(value: str) -> str | None:
    """Why ``value`` (text that visitors read) looks like an editors' note about the sources, or None."""
    match = _SOURCE_NOTE_RE.search(value)
    if match is None:
        return None
    return (
        f"Hier staat '{match.group(0)}': dit is tekst die bezoekers lezen, geen notitie voor de redactie. "
        "Schrijf alleen wat de partner doet, of laat 'role' weg. Een notitie over de bronnen zet je in een "
        "commentaarregel in het bestand (een regel die met # begint); die komt nooit op de site."
    )


def https_url_problem(value: str) -> str | None:
    if _SPACE_OR_CONTROL_RE.search(value):
        return "Een webadres mag geen spaties of onzichtbare tekens bevatten."
    if len(value) > 2000:
        return "Dit webadres is te lang (meer dan 2000 tekens)."
    try:
        parts = urlsplit(value)
    except ValueError:
        return "Dit is geen geldig webadres; het moet beginnen met https://."
    if parts.scheme.lower() != "https":
        if parts.scheme.lower() == "http":
            return "Gebruik een beveiligd webadres: vervang http:// door https://."
        return "Een webadres moet beginnen met https://."
    host = parts.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith("."):
        return "Dit webadres heeft geen geldige domeinnaam, zoals https://www.voorbeeld.nl/."
    return None


_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")


def email_problem(value: str) -> str | None:
    if not _EMAIL_RE.match(value):
        return "Dit is geen geldig e-mailadres, zoals info@voorbeeld.nl."
    return None


_TRICKY_RE = re.compile(r"[^!-$'-~]")  # anything but printable ASCII without % and &
_SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def link_scheme(target: str) -> str:
    """The scheme a browser would see for a link target, after decoding tricks.

    Entity references (``&#106;``), percent-encoding, white space and control
    characters inside the scheme are all undone, and the result lower-cased.
    """
    if not _TRICKY_RE.search(target):  # printable ASCII without & or %: nothing to decode
        match = _SCHEME_RE.match(target)
        return match.group(1).lower() if match else ""
    decoded = target
    for _ in range(3):  # nested encodings such as &amp;#106;
        decoded = unquote(html.unescape(decoded))
    cleaned = "".join(ch for ch in decoded if not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf"))
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


# ---------------------------------------------------------------- privacy ----
# Dutch phone numbers: 0 or +31/0031, then nine digits (mobile 06…, landlines 0xx…),
# with optional spaces, hyphens, dots or a (0) after the country code.
_PHONE_RE = re.compile(r"(?<![\w.+])(?:(?:\+|00)31[\s.-]?(?:\(0\)[\s.-]?)?|0)[1-9](?:[\s.-]?\d){8}(?![\d])")
_NINE_DIGITS_RE = re.compile(r"(?<![\d.,-])\d{9}(?![\d])|(?<![\d.,-])\d{8}(?![\d.,])")


def passes_eleven_test(digits: str) -> bool:
    digits = digits.zfill(9)
    if len(digits) != 9 or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - int(digits[8])
    return total % 11 == 0


# A phone number has at least nine digits close together, a BSN eight in a row; text
# without either (dates have eight, split by hyphens) is skipped fast.
# One branch starting with \d (an alternation at the top level made the scan twice as slow).
_CANDIDATE_RE = re.compile(r"\d(?:\d{7}|(?:(?:[^\S\n]|[.()\-]){0,3}\d){8})")  # never across a line end


def may_contain_private_numbers(text: str) -> bool:
    """False when no line of ``text`` can contain a phone number or a BSN."""
    return _CANDIDATE_RE.search(text) is not None


def privacy_problems(line: str) -> list[tuple[int, str, str]]:
    """(column, code, message) for each phone number or BSN-like number in a line."""
    found: list[tuple[int, str, str]] = []
    if not _CANDIDATE_RE.search(line):
        return found
    for match in _PHONE_RE.finditer(line):
        found.append(
            (
                match.start() + 1,
                "privacy-phone",
                "Hier staat een telefoonnummer. Zet geen telefoonnummers in een praktijkvoorbeeld (privacy); "
                "verwijs naar de website van de organisatie.",
            )
        )
    for match in _NINE_DIGITS_RE.finditer(line):
        if passes_eleven_test(match.group(0)) and not any(s <= match.start() < e for s, e in _spans(found, line)):
            found.append(
                (
                    match.start() + 1,
                    "privacy-bsn",
                    "Hier staat een getal dat een burgerservicenummer (BSN) kan zijn. Haal het weg (privacy); "
                    "bedoel je een bedrag of aantal, schrijf het dan met punten (1.234.567).",
                )
            )
    return found


def _spans(found, line):
    for col, code, _ in found:
        if code == "privacy-phone":
            m = _PHONE_RE.match(line, col - 1)
            if m:
                yield (m.start(), m.end())


def closest(word: str, options) -> str | None:
    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def suggestion(word, options) -> str:
    if not isinstance(word, str):
        return ""
    best = closest(word, options)
    return f" Bedoelde je '{best}'?" if best else ""
