"""An Atom feed (RFC 4287) of new and updated cases, newest first.

Every timestamp comes from the cases themselves (``updated`` or ``published``),
never from the build, so the feed only changes when a case does.
"""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape, quoteattr

from ..catalogue import urls
from ..catalogue.catalogue import Catalogue

FEED = urls.FEED
LIMIT = 100
TITLE = "Zo doen we dat – nieuwe en bijgewerkte praktijkvoorbeelden"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def rights_text(licence) -> str:
    """The licence in one line of text, for a feed's rights."""
    return f"{licence.name} ({licence.short}), {licence.url}. Naamsvermelding: {licence.attribution}."


def atom_feed(catalogue: Catalogue, site_url: str) -> str:
    base = urls.absolute(site_url, "")
    entries = sorted(catalogue.cases, key=lambda e: (e.case.last_modified, e.case.published, e.slug), reverse=True)[:LIMIT]
    updated = _stamp(max((e.case.last_modified for e in entries), default=dt.date(2022, 1, 1)))
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">',
        f"  <title>{escape(TITLE)}</title>",
        "  <subtitle>Praktijkvoorbeelden van woningcorporaties, zorg, welzijn en gemeenten die samen werken aan leefbare wijken.</subtitle>",
        f"  <id>{escape(base)}</id>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(base + FEED)}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(base + urls.CASES)}/>',
        f"  <updated>{updated}</updated>",
        "  <author><name>Maatschappelijke coalitie Zo doen we dat</name></author>",
    ]
    licence = catalogue.licence
    if licence is not None:  # RFC 4287 rights, and the licence link of RFC 4946
        out += [
            f"  <rights>{escape(rights_text(licence))}</rights>",
            f'  <link rel="license" type="text/html" href={quoteattr(licence.url)} title={quoteattr(licence.short)}/>',
        ]
    for entry in entries:
        case = entry.case
        url = base + urls.case(entry.slug)
        out += [
            "  <entry>",
            f"    <title>{escape(case.title)}</title>",
            f"    <id>{escape(url)}</id>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"    <published>{_stamp(case.published)}</published>",
            f"    <updated>{_stamp(case.last_modified)}</updated>",
            f"    <summary>{escape(case.summary)}</summary>",
        ]
        for theme in case.codes("themes"):
            out.append(
                f"    <category term={quoteattr(theme)} label={quoteattr(catalogue.label('themes', theme))} "
                f"scheme={quoteattr(base + urls.taxonomy('themes'))}/>"
            )
        out.append("  </entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"
