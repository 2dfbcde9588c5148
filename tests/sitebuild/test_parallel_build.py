"""The build's second process changes the speed, never the site.

A one-off ``mkdocs build`` uses a second process twice: a worker that makes the generated
pages and files while MkDocs reads the Markdown (``zodoenwedat.site.build.LiveSite``), and a
helper that renders part of the generated pages with the theme while MkDocs renders the rest
(``zodoenwedat.plugin._SharedRendering``). These tests hold the result against a build that
does everything in one process, and check what happens when a second process fails.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import REPO, copy_repo

from zodoenwedat import parallel
from zodoenwedat.repository import load_repository
from zodoenwedat.site import build


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _mkdocs_build(root: Path, site: Path, parallel_setting: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, ZODOENWEDAT_PARALLEL=parallel_setting)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-v", "-f", str(root / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, cwd=root, env=env,
    )


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The repository built with the second processes and without them."""
    root = copy_repo(tmp_path_factory.mktemp("parallel"))
    with_workers = _mkdocs_build(root, root / "site-parallel", "1")
    one_process = _mkdocs_build(root, root / "site-serial", "0")
    assert with_workers.returncode == 0, with_workers.stderr
    assert one_process.returncode == 0, one_process.stderr
    return root, with_workers, one_process


def test_the_second_processes_did_their_part(two_builds):
    _, with_workers, one_process = two_builds
    log = with_workers.stderr
    assert "zodoenwedat: the worker made every page and file" in log
    shared = re.search(r"zodoenwedat: (\d+) pages rendered by a second process", log)
    assert shared and int(shared.group(1)) > 20, log[-2000:]
    assert "made here:" in one_process.stderr and "second process" not in one_process.stderr


def test_a_build_with_second_processes_is_byte_identical_to_one_without(two_builds):
    root, _, _ = two_builds
    parallel_files = _files(root / "site-parallel")
    serial_files = _files(root / "site-serial")
    assert sorted(parallel_files) == sorted(serial_files)
    different = [path for path in parallel_files if parallel_files[path] != serial_files[path]]
    assert different == []
    assert len(parallel_files) > 200  # pages, embeds, feeds, open data


def test_the_log_does_not_mention_pages_skipped_for_the_second_process(two_builds):
    _, with_workers, _ = two_builds
    assert "Page skipped" not in with_workers.stderr
    assert "Generated empty output" not in with_workers.stderr


# -- failures in a second process ------------------------------------------------------

def _build_in_process(root: Path, site: Path) -> None:
    """mkdocs build --strict, in this process (so that a test can patch it)."""
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build.build(config)
    finally:
        config.plugins.on_shutdown()


class _Records(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages: list[tuple[int, str]] = []

    def emit(self, record):
        self.messages.append((record.levelno, record.getMessage()))


@pytest.fixture
def mkdocs_log():
    handler = _Records()
    logger = logging.getLogger("mkdocs")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler.messages
    logger.removeHandler(handler)
    logger.setLevel(old_level)


@pytest.fixture(scope="module")
def reference_site(tmp_path_factory):
    root = copy_repo(tmp_path_factory.mktemp("reference"))
    result = _mkdocs_build(root, root / "site", "0")
    assert result.returncode == 0, result.stderr
    return _files(root / "site")


def test_a_warning_while_rendering_in_the_second_process_fails_the_strict_build(tmp_path, monkeypatch, mkdocs_log):
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort

    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")
    root = copy_repo(tmp_path)
    parent = os.getpid()
    real = mkdocs_build._build_page

    def build_page(page, *args, **kwargs):
        if os.getpid() != parent and page.file.src_uri.startswith("samenwerking/"):
            logging.getLogger("mkdocs.commands.build").warning(f"test warning from {page.file.src_uri}")
        return real(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", build_page)
    with pytest.raises(Abort, match="in strict mode"):
        _build_in_process(root, root / "site")
    warnings = [text for level, text in mkdocs_log if level == logging.WARNING]
    assert warnings and all(text.startswith("test warning from samenwerking/") for text in warnings)


def test_a_failing_second_renderer_leaves_its_pages_to_this_process(tmp_path, monkeypatch, mkdocs_log, reference_site):
    from mkdocs.commands import build as mkdocs_build

    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")
    root = copy_repo(tmp_path)
    parent = os.getpid()
    real = mkdocs_build._build_page

    def build_page(page, *args, **kwargs):
        if os.getpid() != parent:
            raise RuntimeError("trouble in the second process")
        return real(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", build_page)
    _build_in_process(root, root / "site")
    assert any("the second process failed" in text and "trouble in the second process" in text for _, text in mkdocs_log)
    assert _files(root / "site") == reference_site


def test_a_failing_worker_leaves_the_rest_of_the_pages_and_files_to_this_process(tmp_path, monkeypatch, mkdocs_log, reference_site):
    from zodoenwedat.site.pages import Renderer

    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")
    root = copy_repo(tmp_path)
    parent = os.getpid()
    real = Renderer.term_page

    def term_page(self, vocabulary, code):
        if os.getpid() != parent:
            raise RuntimeError("trouble in the worker")
        return real(self, vocabulary, code)

    monkeypatch.setattr(Renderer, "term_page", term_page)
    _build_in_process(root, root / "site")
    report = next(text for _, text in mkdocs_log if text.startswith("zodoenwedat: made here"))
    assert "'pages'" in report and "'files': 1" in report and "trouble in the worker" in report
    assert _files(root / "site") == reference_site


# -- the core: LiveSite against the all-at-once build_site ------------------------------

def test_live_site_delivers_the_same_pages_and_files_as_build_site(tmp_path, monkeypatch):
    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")
    repo = load_repository(REPO)
    today = dt.date(2022, 3, 1)
    expected = build.build_site(repo, site_url="https://zodoenwedat.nl/", today=today)
    live = build.LiveSite(repo, site_url="https://zodoenwedat.nl/", today=today)
    assert live.worker.running
    assert live.home_sections() == expected.home_sections
    assert live.pages() == expected.pages
    assert live.page_uris == [page.src_uri for page in expected.pages]
    live.output_ready(tmp_path)
    written = live.write_files(tmp_path)
    assert live.report() == "the worker made every page and file"
    assert sorted(written) == sorted(expected.files) == sorted(live.file_paths)
    for path, content in expected.files.items():
        data = content.encode("utf-8") if isinstance(content, str) else content
        assert (tmp_path / path).read_bytes() == data, path
    live.close()


def test_the_planned_file_paths_are_the_files_made(tmp_path):
    """generated_file_paths() (needed before anything is made) must list exactly what
    generated_files() makes, redirects of renamed cases included."""
    from sitekit import rename_case

    root = copy_repo(tmp_path)
    rename_case(root, "oslostraat-almere", "oslostraat-almere-buiten", alias=True)
    repo = load_repository(root)
    assert not repo.problems, [p.as_text() for p in repo.problems]
    site = build.LiveSite(repo, site_url="https://zodoenwedat.nl/", parallel=False)
    planned = site.file_paths
    made = build.generated_files(site.renderer)
    assert len(planned) == len(set(planned))
    assert set(planned) == set(made)
    assert "praktijkvoorbeelden/oslostraat-almere/index.html" in planned  # the redirect


# -- the Stream primitive ----------------------------------------------------------------

def _produce(emit, receive):
    emit("a", 1)
    emit("b", [2])
    emit("c", receive() * 2)


def test_stream_hands_results_over_in_any_order_asked(monkeypatch):
    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")
    stream = parallel.Stream(_produce)
    assert stream.running
    assert stream.get("b") == [2]  # "a" is kept for later
    stream.send(21)
    assert stream.get("c") == 42
    assert stream.get("a") == 1
    assert stream.get("a") is parallel.MISSING  # each result once
    assert not stream.running and stream.error is None


def test_stream_reports_missing_results_when_the_worker_fails(monkeypatch):
    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")

    def produce(emit, receive):
        emit("a", 1)
        raise ValueError("kapot")

    stream = parallel.Stream(produce)
    assert stream.get("a") == 1
    assert stream.get("b") is parallel.MISSING
    assert "kapot" in stream.error


def test_stream_without_a_worker_delivers_nothing(monkeypatch):
    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "0")
    stream = parallel.Stream(_produce)
    assert not stream.running
    assert stream.get("a") is parallel.MISSING


def test_a_forked_child_does_not_read_its_parents_stream(monkeypatch):
    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")
    stream = parallel.Stream(_produce)
    job = parallel.Job(lambda: (os.getpid(), stream.get("a") is parallel.MISSING))  # runs in a fork of this process
    child, missing = job.result()
    assert child != os.getpid() and job.error is None
    assert missing  # the child saw no worker of its own
    assert stream.get("a") == 1  # and took nothing away from this process
    stream.close()


def test_results_sent_before_the_worker_stopped_survive_a_message_to_it(monkeypatch):
    monkeypatch.setenv("ZODOENWEDAT_PARALLEL", "1")

    def produce(emit, receive):
        emit("a", 1)
        raise ValueError("weg")

    stream = parallel.Stream(produce)
    stream.process.join()  # the worker has gone before this side says anything
    stream.send("go")
    assert stream.get("a") == 1
    assert stream.get("b") is parallel.MISSING
    assert "weg" in stream.error
