"""Entries for Material's header search: generated pages by title and summary only.

Material indexes every page's full text; for a thousand cases (and listing pages
that repeat their summaries) that index grows large and slow. Generated pages
are excluded from Material's own indexing and get one small entry each here.
Texts are HTML-escaped the way Material escapes the text it indexes.
"""

from __future__ import annotations

import html
from typing import Iterable

from ..site.pages import GeneratedPage


def header_entries(pages: Iterable[GeneratedPage]) -> list[dict]:
    return [
        {
            "location": page.url,
            "title": html.escape(page.title, quote=False),
            "text": html.escape(page.description, quote=False),
        }
        for page in pages
    ]


def merge_into(index: dict, entries: list[dict]) -> dict:
    """Material's search_index.json with our entries added (replacing any for the same location)."""
    ours = {entry["location"] for entry in entries}
    docs = [doc for doc in index.get("docs", []) if doc.get("location", "").split("#", 1)[0] not in ours]
    index["docs"] = docs + entries
    return index
