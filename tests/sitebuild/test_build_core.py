"""The core's site build without MkDocs: the worker process changes nothing but the speed."""

from __future__ import annotations

import datetime as dt

from sitekit import REPO

from zodoenwedat.repository import load_repository
from zodoenwedat.site import build


def test_files_from_the_worker_equal_files_made_in_process(monkeypatch):
    repo = load_repository(REPO)
    today = dt.date(2022, 3, 1)
    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")
    parallel = build.build_site(repo, site_url="https://zodoenwedat.nl/", today=today)
    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "0")
    serial = build.build_site(repo, site_url="https://zodoenwedat.nl/", today=today)
    assert parallel.files == serial.files
    assert [p.markdown_file() + p.html_before + p.html_after for p in parallel.pages] == [
        p.markdown_file() + p.html_before + p.html_after for p in serial.pages
    ]


def test_a_failing_worker_falls_back_to_the_same_work(monkeypatch):
    import os

    parent = os.getpid()

    def work():
        if os.getpid() != parent:
            raise RuntimeError("worker trouble")
        return {"x.json": "{}"}

    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")
    from zodoenwedat.parallel import Job

    job = Job(work)
    assert job.process is not None, "a worker was started"
    assert job.result() == {"x.json": "{}"}


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
