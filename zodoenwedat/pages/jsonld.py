"""schema.org JSON-LD for a case page: an Article about the place, with the partner organisations."""

from __future__ import annotations

import json

from ..catalogue import urls
from ..catalogue.catalogue import Catalogue


def case_jsonld(catalogue: Catalogue, slug: str, site_url: str) -> dict:
    entry = catalogue.by_slug[slug]
    case = entry.case
    base = urls.absolute(site_url, "")
    place: dict = {
        "@type": "Place",
        "name": ", ".join(filter(None, [case.neighbourhood, case.place])),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": case.place,
            "addressRegion": catalogue.label("provinces", case.codes("provinces")[0]),
            "addressCountry": "NL",
        },
    }
    if case.coordinates:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": case.coordinates.lat, "longitude": case.coordinates.lon}
    organisations = []
    for partner in case.partners:
        if partner.name:
            org = {"@type": "Organization", "name": partner.name, "description": catalogue.label("partner-types", partner.type)}
            if partner.url:
                org["url"] = partner.url
            organisations.append(org)
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": case.title,
        "description": case.summary,
        "url": base + urls.case(slug),
        "inLanguage": "nl",
        "datePublished": case.published.isoformat(),
        "dateModified": case.last_modified.isoformat(),
        "about": place,
        "keywords": [catalogue.label("themes", t) for t in case.codes("themes")],
        "publisher": {"@type": "Organization", "name": "Zo doen we dat", "url": base},
    }
    if organisations:
        data["mentions"] = organisations
    if catalogue.licence is not None:
        data["license"] = catalogue.licence.url
    return data


def script_tag(data: dict) -> str:
    """A <script type="application/ld+json"> that no text can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return f'<script type="application/ld+json">{text}</script>'
