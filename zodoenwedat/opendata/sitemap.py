"""sitemap.xml whose lastmod comes from the cases (updated/published), not from the build."""

from __future__ import annotations

import datetime as dt
import gzip
from xml.sax.saxutils import escape

from ..catalogue import urls


def sitemap(site_url: str, pages: list[tuple[str, dt.date | None]]) -> str:
    base = urls.absolute(site_url, "")
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for url, lastmod in sorted(pages, key=lambda item: item[0]):
        out.append("  <url>")
        out.append(f"    <loc>{escape(base + url)}</loc>")
        if lastmod:
            out.append(f"    <lastmod>{lastmod.isoformat()}</lastmod>")
        out.append("  </url>")
    out.append("</urlset>")
    return "\n".join(out) + "\n"


def gzipped(text: str) -> bytes:
    """Deterministic gzip (no file name, no time stamp)."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
