"""Old URLs of renamed cases keep working.

A case renamed from ``oud`` to ``nieuw`` carries ``aliases: [oud]``. For each alias the
site gets a redirect page at the old case URL and at the old embed URL (meta refresh
plus canonical link), the old oEmbed JSON (the same answer as the new one), and a
``_redirects`` rule (Netlify, Cloudflare Pages) that answers with a real 301.
"""

from __future__ import annotations

import html

from .catalogue import urls
from .catalogue.catalogue import Catalogue


def _page(site_url: str, old: str, new: str, title: str) -> str:
    target = urls.relative(old, new)
    canonical = urls.absolute(site_url, new)
    t, href, canon = html.escape(title), html.escape(target, quote=True), html.escape(canonical, quote=True)
    return (
        '<!doctype html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Verhuisd: {t}</title>\n"
        f'<link rel="canonical" href="{canon}">\n'
        f'<meta http-equiv="refresh" content="0; url={href}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>Deze pagina is verhuisd naar <a href="{href}">{t}</a>.</p>\n</body>\n</html>\n'
    )


def redirect_paths(catalogue: Catalogue) -> list[str]:
    """The paths of the files redirect_files() makes, without making them."""
    paths = []
    for old in sorted(urls.renamed(catalogue)):
        paths += [urls.case(old) + "index.html", urls.case_embed(old) + "index.html", urls.oembed(old)]
    return paths + ["_redirects"]


def redirect_files(catalogue: Catalogue, site_url: str, oembed_json) -> dict[str, str]:
    files: dict[str, str] = {}
    rules = ["# Zo doen we dat: renamed cases (read by Netlify and Cloudflare Pages; see README)."]
    for old, new in sorted(urls.renamed(catalogue).items()):
        title = catalogue.by_slug[new].case.title
        files[urls.case(old) + "index.html"] = _page(site_url, urls.case(old), urls.case(new), title)
        files[urls.case_embed(old) + "index.html"] = _page(site_url, urls.case_embed(old), urls.case_embed(new), title)
        files[urls.oembed(old)] = oembed_json(new)
        for a, b in (
            (urls.case(old), urls.case(new)),
            (urls.case_embed(old), urls.case_embed(new)),
            (urls.oembed(old), urls.oembed(new)),
        ):
            rules.append(f"/{a} /{b} 301")
    files["_redirects"] = "\n".join(rules) + "\n"
    return files
