"""Embeddable pages, the snippet that coalition members copy, oEmbed, and hosting headers.

An embed page is a small standalone HTML page (its own template and inline
stylesheet, no Material JavaScript, no outside requests). Inside a sandboxed
iframe it tells its parent its height with postMessage; ``/embed.js`` on the host
page sizes the iframe. Without that script the iframe keeps its fixed height.
"""

from __future__ import annotations

import html
import json
from functools import partial
from importlib import resources

import rjsmin
from markupsafe import Markup

from ..catalogue import urls
from ..catalogue.catalogue import Catalogue

SCRIPT = urls.EMBED_SCRIPT
COPY_SCRIPT = "assets/insluiten.js"
WIDTH = 600
HEIGHT = 460  # fixed height without embed.js: shows title, summary, themes and the link
THEME_LIMIT = 12  # keeps a theme embed small whatever the number of cases
SANDBOX = "allow-scripts allow-popups allow-popups-to-escape-sandbox"
PROVIDER = "Zo doen we dat"
CACHE_AGE = 86400


def _static(name: str) -> str:
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def snippet(site_url: str, embed_path: str, title: str) -> str:
    """The HTML a coalition member pastes. Every value is escaped."""
    src = html.escape(urls.absolute(site_url, embed_path), quote=True)
    script = html.escape(urls.absolute(site_url, SCRIPT), quote=True)
    label = html.escape(f"{title} (Zo doen we dat)", quote=True)
    return (
        f'<iframe src="{src}" title="{label}" width="100%" height="{HEIGHT}" '
        f'style="border:0;max-width:800px" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" '
        f'sandbox="{SANDBOX}" data-zodoenwedat></iframe>\n'
        f'<script src="{script}" async></script>'
    )


class Embeds:
    def __init__(self, catalogue: Catalogue, env, site_url: str | None):
        self.catalogue = catalogue
        self.env = env
        self.site_url = site_url or ""
        self.css = Markup(_static("embed.css"))
        self.script = Markup(rjsmin.jsmin(_static("height.js")))  # inlined in every embed page: minified

    def _absolute(self, path: str) -> str:
        return urls.absolute(self.site_url, path)

    def case_snippet(self, slug: str) -> str:
        return snippet(self.site_url, urls.case_embed(slug), self.catalogue.by_slug[slug].case.title)

    def theme_snippet(self, theme: str) -> str:
        return snippet(self.site_url, urls.theme_embed(theme), self.catalogue.label("themes", theme))

    def oembed_url(self, slug: str) -> str:
        return self._absolute(urls.oembed(slug))

    def _render(self, template: str, url: str, **context) -> str:
        return self.env.get_template(template).render(
            catalogue=self.catalogue, link=partial(urls.relative, url), urls=urls, css=self.css, script=self.script, **context
        )

    def case_page(self, slug: str) -> str:
        entry = self.catalogue.by_slug[slug]
        url = urls.case_embed(slug)
        return self._render(
            "embed/case.html", url, slug=slug, case=entry.case, title=entry.case.title, canonical=self._absolute(urls.case(slug))
        )

    def theme_page(self, theme: str) -> str:
        url = urls.theme_embed(theme)
        term = self.catalogue.vocabularies["themes"][theme]
        slugs = self.catalogue.index["themes"].get(theme, [])
        return self._render(
            "embed/theme.html",
            url,
            code=theme,
            term=term,
            title=term.label,
            total=len(slugs),
            entries=[self.catalogue.by_slug[s] for s in slugs[:THEME_LIMIT]],
            canonical=self._absolute(urls.term("themes", theme)),
        )

    def oembed(self, slug: str) -> dict:
        case = self.catalogue.by_slug[slug].case
        return {
            "version": "1.0",
            "type": "rich",
            "title": case.title,
            "provider_name": PROVIDER,
            "provider_url": self._absolute(""),
            "html": self.case_snippet(slug),
            "width": WIDTH,
            "height": HEIGHT,
            "cache_age": CACHE_AGE,
        }

    def oembed_json(self, slug: str) -> str:
        return json.dumps(self.oembed(slug), ensure_ascii=False, indent=1) + "\n"

    def discovery_link(self, slug: str) -> str:
        title = html.escape(self.catalogue.by_slug[slug].case.title, quote=True)
        href = html.escape(self.oembed_url(slug), quote=True)
        return f'<link rel="alternate" type="application/json+oembed" href="{href}" title="{title}">'

    def case_head(self, slug: str, page_url: str) -> str:
        """What a case page adds to its <head>: the oEmbed discovery link and the script of its
        "insluiten" box."""
        return self.discovery_link(slug) + self.copy_script_tag(page_url)

    def copy_script_tag(self, page_url: str) -> str:
        """The script of the "insluiten" box (copy the snippet), for a page that shows one."""
        return f'<script src="{html.escape(urls.relative(page_url, COPY_SCRIPT))}" defer></script>'

    def files(self) -> dict[str, str]:
        out: dict[str, str] = {SCRIPT: _static("embed.js"), COPY_SCRIPT: _static("insluiten.js")}
        for entry in self.catalogue.cases:
            out[urls.case_embed(entry.slug) + "index.html"] = self.case_page(entry.slug)
            out[urls.oembed(entry.slug)] = self.oembed_json(entry.slug)
        for theme in self.catalogue.vocabularies.get("themes", {}):
            out[urls.theme_embed(theme) + "index.html"] = self.theme_page(theme)
        return out


def headers_file(top_level: list[str]) -> str:
    """A ``_headers`` file (Netlify, Cloudflare Pages): /embed/ may be framed by anyone,
    everything else by nobody. Rules are listed per top-level path, because both hosts
    combine the headers of every rule that matches a path."""
    lines = [
        "# Zo doen we dat: hosting headers (read by Netlify and Cloudflare Pages; see README).",
        "/embed/*",
        "  Content-Security-Policy: frame-ancestors *",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "",
    ]
    framed_never = ["/"] + [f"/{name}" for name in top_level if name != "embed"]
    for path in framed_never:
        patterns = [path] if path == "/" or "." in path else [path, f"{path}/*"]
        for pattern in patterns:
            lines += [
                pattern,
                "  X-Frame-Options: DENY",
                "  Content-Security-Policy: frame-ancestors 'none'",
                "  X-Content-Type-Options: nosniff",
                "  Referrer-Policy: strict-origin-when-cross-origin",
                "",
            ]
    return "\n".join(lines)
