"""The MkDocs adapter's small duties that need no build."""

from __future__ import annotations

from sitekit import REPO

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


def test_the_urls_known_without_rendering_are_the_urls_rendered():
    # urlguard checks the published URLs without rendering: its lists must be the real ones.
    import datetime as dt

    from zodoenwedat.site.build import build_site, generated_file_paths
    from zodoenwedat.site.catalogue import build_catalogue
    from zodoenwedat.site.pages import Renderer, SiteOptions

    repo = load_repository(REPO)
    built = build_site(repo, site_url="https://zodoenwedat.nl/", today=dt.date(2022, 3, 1))
    renderer = Renderer(build_catalogue(repo), SiteOptions(site_url="https://zodoenwedat.nl/", today=dt.date(2022, 3, 1)))
    assert renderer.page_urls() == [page.url for page in built.pages]
    assert sorted(generated_file_paths(renderer)) == sorted(built.files)
