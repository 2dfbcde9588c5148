"""Old URLs of renamed cases keep working.

A case renamed from ``oud`` to ``nieuw`` carries ``aliases: [oud]``. For each alias the
site gets a redirect page at the old case URL and at the old embed URL (meta refresh
plus canonical link), the old oEmbed JSON (the same answer as the new one), and a
``_redirects`` rule (Netlify, Cloudflare Pages) that answers with a real 301.
"""

from __future__ import annotations

import html

from ..embed.embeds import case_embed_url, oembed_path
from . import urls
from .catalogue import Catalogue


def _page(site_url: str, old: str, new: str, title: str) -> str:
    target = urls.relative(old, new)
    canonical = (site_url.rstrip("/") + "/" + new) if site_url else "/" + new
    t, href, canon = html.escape(title), html.escape(target, quote=True), html.escape(canonical, quote=True)
    return (
        "<!doctype html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Verhuisd: {t}</title>\n"
        f"<link rel=\"canonical\" href=\"{canon}\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n"
        "<meta name=\"robots\" content=\"noindex\">\n</head>\n<body>\n"
        f"<p>Deze pagina is verhuisd naar <a href=\"{href}\">{t}</a>.</p>\n</body>\n</html>\n"
    )


def alias_map(catalogue: Catalogue) -> dict[str, str]:
    """old slug -> current slug"""
    return {alias: entry.slug for entry in catalogue.cases for alias in entry.case.aliases}


def redirect_targets(catalogue: Catalogue) -> dict[str, str]:
    """old URL -> new URL, for every URL a rename moved."""
    out = {}
    for old, new in alias_map(catalogue).items():
        out[urls.case(old)] = urls.case(new)
        out[case_embed_url(old)] = case_embed_url(new)
        out[oembed_path(old)] = oembed_path(new)
    return out


def redirect_paths(catalogue: Catalogue) -> list[str]:
    """The paths of the files redirect_files() makes, without making them."""
    paths = []
    for old in sorted(alias_map(catalogue)):
        paths += [urls.case(old) + "index.html", case_embed_url(old) + "index.html", oembed_path(old)]
    return paths + ["_redirects"]


def redirect_files(catalogue: Catalogue, site_url: str, oembed_json) -> dict[str, str]:
    files: dict[str, str] = {}
    rules = ["# Zo doen we dat: renamed cases (read by Netlify and Cloudflare Pages; see README)."]
    for old, new in sorted(alias_map(catalogue).items()):
        title = catalogue.by_slug[new].case.title
        files[urls.case(old) + "index.html"] = _page(site_url, urls.case(old), urls.case(new), title)
        files[case_embed_url(old) + "index.html"] = _page(site_url, case_embed_url(old), case_embed_url(new), title)
        files[oembed_path(old)] = oembed_json(new)
        for a, b in ((urls.case(old), urls.case(new)), (case_embed_url(old), case_embed_url(new)), (oembed_path(old), oembed_path(new))):
            rules.append(f"/{a} /{b} 301")
    files["_redirects"] = "\n".join(rules) + "\n"
    return files
