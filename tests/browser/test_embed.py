"""Embedding in real Chromium: a host page on another origin pastes the snippet the site offers."""

from __future__ import annotations

import html
import json
import re

import pytest
from support.repository import copy_repository, set_site_url
from support.server import free_port, serve
from support.sites import run_build

pytestmark = pytest.mark.browser
SLUG = "oslostraat-almere"


@pytest.fixture(scope="module")
def embed_site(tmp_path_factory):
    """The real site built for http://127.0.0.1:<port>/, so that the snippet points at it."""
    port = free_port()
    root = copy_repository(tmp_path_factory.mktemp("embed") / "repo")
    set_site_url(root, f"http://127.0.0.1:{port}/")
    built = run_build(root)
    assert built.result.returncode == 0, built.result.stderr
    with serve(built.site, port) as url:
        yield built.site, url


def offered_snippet(site) -> str:
    page = (site / "praktijkvoorbeelden" / SLUG / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<textarea id="zd-embed-oslostraat-almere"[^>]*>(.*?)</textarea>', page, re.S)
    assert match, "the case page offers an embed snippet"
    return html.unescape(match.group(1))


def test_snippet_in_a_host_page_on_another_origin(browser, embed_site, tmp_path):
    site, site_url = embed_site
    snippet = offered_snippet(site)
    for needle in (
        'title="Oslostraat in Almere (Zo doen we dat)"',
        'loading="lazy"',
        "referrerpolicy=",
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"',
        "/embed.js",
    ):
        assert needle in snippet
    host = tmp_path / "host"
    host.mkdir()
    (host / "index.html").write_text(
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>'
        f'<body><h1>Een coalitielid</h1><div style="width:600px">{snippet}</div></body></html>',
        encoding="utf-8",
    )
    with serve(host) as host_url:
        assert host_url != site_url
        context = browser.new_context(viewport={"width": 1000, "height": 800})
        requests, errors = [], []
        context.on("request", lambda r: requests.append(r.url))
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(host_url + "/")
        frame_element = page.wait_for_selector("iframe[data-zodoenwedat]")
        frame = frame_element.content_frame()
        frame.wait_for_selector("h1")
        assert frame.inner_text("h1") == "Oslostraat in Almere"
        assert frame.is_visible("text=Lees het hele praktijkvoorbeeld")
        # embed.js sizes the iframe to its content (the fixed height is 460 px).
        page.wait_for_function("() => document.querySelector('iframe[data-zodoenwedat]').style.height !== ''")
        height = page.evaluate("() => document.querySelector('iframe[data-zodoenwedat]').getBoundingClientRect().height")
        content = frame.evaluate("() => document.documentElement.scrollHeight")
        assert abs(height - content) <= 2, (height, content)
        assert height != 460
        # The full case opens in a new tab.
        link = frame.query_selector("a.e-more, .e-more a")
        assert link.get_attribute("target") == "_blank"
        foreign = [
            u for u in requests if not (u.startswith(site_url) or u.startswith(host_url) or u.startswith(("data:", "about:")))
        ]
        assert not foreign, foreign
        assert not errors, errors
        context.close()


def test_embed_ignores_messages_from_elsewhere(browser, embed_site, tmp_path):
    """embed.js checks the message's source: a message from the host page itself changes nothing."""
    site, site_url = embed_site
    host = tmp_path / "host2"
    host.mkdir()
    (host / "index.html").write_text(
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>{offered_snippet(site)}</body></html>',
        encoding="utf-8",
    )
    with serve(host) as host_url:
        context = browser.new_context()
        page = context.new_page()
        page.route("**/embed/**", lambda route: route.fulfill(body="<!doctype html><title>x</title>", content_type="text/html"))
        page.goto(host_url + "/")
        page.wait_for_selector("iframe[data-zodoenwedat]")
        page.evaluate("() => window.postMessage({type: 'zodoenwedat:hoogte', hoogte: 3000}, '*')")
        page.wait_for_timeout(200)
        assert page.evaluate("() => document.querySelector('iframe[data-zodoenwedat]').style.height") == ""
        context.close()


def test_without_embed_js_the_iframe_keeps_its_fixed_height(browser, embed_site, tmp_path):
    site, _ = embed_site
    snippet = offered_snippet(site).split("<script")[0]
    host = tmp_path / "host3"
    host.mkdir()
    (host / "index.html").write_text(
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>H</title></head><body>{snippet}</body></html>',
        encoding="utf-8",
    )
    with serve(host) as host_url:
        context = browser.new_context()
        page = context.new_page()
        page.goto(host_url + "/")
        frame = page.wait_for_selector("iframe[data-zodoenwedat]").content_frame()
        frame.wait_for_selector("h1")
        assert page.evaluate("() => document.querySelector('iframe').getBoundingClientRect().height") == 460
        context.close()


def test_oembed_for_every_case_and_discovery_links(embed_site):
    site, site_url = embed_site
    cases = sorted(p.name for p in (site / "praktijkvoorbeelden").iterdir() if (p / "index.html").is_file())
    assert cases
    for slug in cases:
        data = json.loads((site / "oembed" / f"{slug}.json").read_text(encoding="utf-8"))
        assert data["version"] == "1.0" and data["type"] == "rich"
        for key in ("title", "provider_name", "provider_url", "html", "width", "height", "cache_age"):
            assert data[key], key
        assert f'src="{site_url}/embed/{slug}/"' in data["html"]
        page = (site / "praktijkvoorbeelden" / slug / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="alternate" type="application/json+oembed" href="{site_url}/oembed/{slug}.json"' in page


def test_embed_pages_are_small(embed_site):
    import gzip

    site, _ = embed_site
    for path in list((site / "embed").glob("*/index.html")) + list((site / "embed" / "themas").glob("*/index.html")):
        raw = path.read_bytes()
        assert len(gzip.compress(raw)) <= 20 * 1024, path
        assert '<link rel="stylesheet"' not in raw.decode() and "<script src=" not in raw.decode(), path


def test_quotes_and_ampersands_are_escaped_in_the_snippet(tmp_path):
    from zodoenwedat.embed.embeds import snippet

    code = snippet("https://zodoenwedat.nl/", "embed/x/", 'Wonen & "zorg" <samen>')
    assert 'title="Wonen &amp; &quot;zorg&quot; &lt;samen&gt; (Zo doen we dat)"' in code
    assert code.count('"') % 2 == 0


def test_embed_page_is_accessible(browser, embed_site, axe_script):
    _, site_url = embed_site
    for width in (280, 800):  # readable from 280 px to 800 px wide
        context = browser.new_context(viewport={"width": width, "height": 600})
        page = context.new_page()
        for path in (f"/embed/{SLUG}/", "/embed/themas/leefbaarheid/"):
            page.goto(site_url + path)
            page.add_script_tag(path=str(axe_script))
            result = page.evaluate(
                "() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
            )
            violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
            assert not violations, (width, path, violations)
            assert page.evaluate("document.documentElement.scrollWidth") <= width + 1, (width, path)
        context.close()


def test_embed_snippet_dialog_with_the_keyboard_alone(browser, embed_site):
    _, site_url = embed_site
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(f"{site_url}/praktijkvoorbeelden/{SLUG}/")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "SUMMARY":
            break
    else:
        pytest.fail("the 'Insluiten' button cannot be reached with Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Insluiten"
    page.keyboard.press("Enter")
    assert page.evaluate("document.querySelector('details.zd-embed').open") is True
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Kopieer de code"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.getElementById('zd-embed-oslostraat-almere-status').textContent !== ''")
    assert page.inner_text("#zd-embed-oslostraat-almere-status") == "Gekopieerd."
    assert page.evaluate("navigator.clipboard.readText()") == offered_snippet(embed_site[0])
    context.close()
