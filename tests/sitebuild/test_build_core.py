"""The core's site build without MkDocs: the worker process changes nothing but the speed.

(The worker's pages and files against those made in one process:
tests/sitebuild/test_parallel_build.py, test_live_site_delivers_the_same_pages_and_files_as_build_site.)"""

from __future__ import annotations

from sitekit import REPO

from zodoenwedat.repository import load_repository


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


def test_loading_many_cases_in_two_processes_gives_the_same_result(tmp_path, monkeypatch):
    from sitekit import copy_repo

    from zodoenwedat.repository import PARALLEL_FROM

    root = copy_repo(tmp_path)
    (root / "data" / "published-urls.txt").unlink()
    text = (root / "cases" / "ruwaard-oss.md").read_text(encoding="utf-8")
    for number in range(PARALLEL_FROM):
        (root / "cases" / f"kopie-{number:03d}.md").write_text(text, encoding="utf-8")
    (root / "cases" / "kopie-999.md").write_text(text.replace("province: noord-brabant", "province: brabant"), encoding="utf-8")
    results = []
    for setting in ("1", "0"):
        monkeypatch.setenv("ZODOENWEDAT_PARALLEL", setting)
        repo = load_repository(root)
        results.append(([f.slug for f in repo.files], [p.as_text() for p in repo.problems], sorted(repo.cases)))
    assert results[0] == results[1]
    assert len(results[0][0]) == PARALLEL_FROM + 6
    assert any("kopie-999.md" in p and "brabant" in p for p in results[0][1])
