"""The MkDocs adapter's small duties that need no build."""

from __future__ import annotations

from support import REPO

from zodoenwedat.repository import load_repository


def test_mkdocs_serve_watches_cases_and_data():
    from zodoenwedat.plugin import ZoDoenWeDatPlugin

    class Server:
        def __init__(self):
            self.watched = []

        def watch(self, path, *args, **kwargs):
            self.watched.append(path)

    plugin = ZoDoenWeDatPlugin()
    plugin.root = REPO
    server = Server()
    assert plugin.on_serve(server, config=None, builder=None) is server
    assert sorted(server.watched) == [str(REPO / "cases"), str(REPO / "data")]


def test_the_paths_module_lists_the_urls_the_build_makes():
    # urlguard checks the published URLs from the paths module alone, without rendering.
    import datetime as dt

    from zodoenwedat.build import build_site
    from zodoenwedat.catalogue import urls

    built = build_site(load_repository(REPO), site_url="https://zodoenwedat.nl/", today=dt.date(2022, 3, 1))
    assert urls.page_urls(built.catalogue) == [page.url for page in built.pages]
    public = set(urls.public_files(built.catalogue))
    assert public <= set(built.files)
    assert {path for path in built.files if path.startswith(("embed/", "oembed/", "api/")) or path.endswith(".ics")} <= public
