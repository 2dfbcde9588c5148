"""Hostile input: whatever a case file contains, loading never raises or crashes.

Every problem that comes back names a line and a column (both at least 1) and has a
message. Hypothesis generates text, bytes and YAML-ish front matter; a few fixed
monsters (1 MB of garbage, 100 000 levels of nesting, billion laughs) are checked
explicitly (how fast: the validate benchmark, scripts/bench_validate.py). Each hostile file is loaded next to the real data/ and cases/.

Fuzz longer with ZODOENWEDAT_FUZZ_EXAMPLES=5000 (default 150 examples per test).
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.repository import copy_repository

from zodoenwedat.body import check_body
from zodoenwedat.repository import load_repository
from zodoenwedat.yamlsource import load_located

HOSTILE = "cases/hostile.md"

EXAMPLES = int(os.environ.get("ZODOENWEDAT_FUZZ_EXAMPLES", "150"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def repo_root(tmp_path_factory) -> Path:
    return copy_repository(tmp_path_factory.mktemp("hostile") / "repo")


def _load(root: Path, content: str | bytes):
    path = root / HOSTILE
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8", "surrogatepass"))
    try:
        return load_repository(root)
    finally:
        path.unlink()


def _assert_well_formed(repo, *, expect_problem: bool = False) -> None:
    for problem in repo.problems:
        assert problem.line >= 1, problem
        assert problem.column >= 1, problem
        assert isinstance(problem.message, str) and problem.message.strip(), problem
        assert problem.code and problem.code == problem.code.strip()
        assert "Traceback" not in problem.message
    if expect_problem:
        assert repo.problems.for_path(HOSTILE), "a hostile file must not pass"
    # The real cases stay valid whatever the hostile file contains (it may only claim a name).
    other = [p for p in repo.problems if p.path != HOSTILE and p.code != "duplicate-slug"]
    assert other == [], [p.as_text() for p in other]


VALID_FRONT = """---
title: Wijkaanpak in Zwolle
summary: In de Zwolse wijk Holtenbroek werken corporatie, zorg, welzijn en gemeente samen aan een betere buurt.
place: Zwolle
province: overijssel
themes: [leefbaarheid]
partners:
  - type: gemeente
phase: lopend
published: 2022-03-01
---
"""

# Pieces that YAML, Markdown and the validator all treat specially.
FRAGMENTS = [
    "---",
    "...",
    "-",
    "- ",
    ":",
    ": ",
    "?",
    "? ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "&a",
    "*a",
    "&",
    "*",
    "!",
    "!!str",
    "!!python/object:os.system",
    "!<tag:yaml.org,2002:str>",
    "<<: ",
    "|",
    ">",
    "|-",
    ">+",
    "'",
    '"',
    "\\",
    "\\u0000",
    "\\x07",
    "%YAML 1.1",
    "%TAG ! tag:x,2000:",
    "\t",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "\x00",
    "\x85",
    "\u2028",
    "\u202e",
    "\ufeff",
    "\udc80",
    "title",
    "summary",
    "themes",
    "partners",
    "type",
    "published",
    "related",
    "coordinates",
    "lat",
    "lon",
    "2022-02-30",
    "2022-03-01",
    "2022-03-01 10:00",
    "yes",
    "no",
    "~",
    "null",
    "1e400",
    "0x1F",
    "0o17",
    "-.inf",
    ".nan",
    "12:30",
    "1_000",
    "<script>",
    "</p>",
    "<!--",
    "javascript:",
    "&#106;",
    "%6A",
    "[x](",
    "](",
    "![",
    "## Aanleiding",
    "## Aanpak",
    "# Kop",
    "```",
    "~~~",
    "{: .x}",
    "0612345678",
    "111222333",
    "é",
    "Fryslân",
    "ｒｕｗａａｒｄ",
    "🏠",
]


@st.composite
def yamlish(draw) -> str:
    pieces = draw(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60))
    return "".join(pieces)


@given(text=st.text(max_size=3000))
@SETTINGS
def test_arbitrary_text(repo_root, text):
    _assert_well_formed(_load(repo_root, text))


@given(data=st.binary(max_size=3000))
@SETTINGS
def test_arbitrary_bytes(repo_root, data):
    _assert_well_formed(_load(repo_root, data))


@given(front=yamlish(), body=yamlish())
@SETTINGS
def test_yamlish_front_matter(repo_root, front, body):
    _assert_well_formed(_load(repo_root, "---\n" + front + "\n---\n" + body))


@given(extra=yamlish())
@SETTINGS
def test_yamlish_lines_added_to_a_valid_case(repo_root, extra):
    text = VALID_FRONT.replace("published: 2022-03-01\n", "published: 2022-03-01\n" + extra + "\n")
    _assert_well_formed(_load(repo_root, text + "\n## Aanleiding\n\n" + "woord " * 90 + "\n\n## Aanpak\n\nx\n"))


@given(body=st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=200).map("".join))
@SETTINGS
def test_yamlish_body_after_valid_front_matter(repo_root, body):
    _assert_well_formed(_load(repo_root, VALID_FRONT + body))


@given(text=st.text(max_size=2000))
@settings(max_examples=EXAMPLES, deadline=None)
def test_yaml_reader_alone(text):
    located = load_located(text, line_offset=3)
    for issue in located.issues:
        assert issue.line >= 4 and issue.column >= 1 and issue.message


@given(body=st.text(max_size=2000), first=st.integers(min_value=1, max_value=10_000))
@settings(max_examples=EXAMPLES, deadline=None)
def test_body_checker_alone(body, first):
    report = check_body(body, first)
    for line, column, code, message in report.problems:
        assert first <= line <= first + body.count("\n") and column >= 1 and code and message


# ------------------------------------------------------------- monsters ----


def test_one_megabyte_of_random_bytes(repo_root):
    rng = random.Random(2022)
    _assert_well_formed(_load(repo_root, bytes(rng.getrandbits(8) for _ in range(1_000_000))), expect_problem=True)


def test_one_megabyte_of_yamlish_garbage(repo_root):
    rng = random.Random(2022)
    garbage = "".join(rng.choice(FRAGMENTS) for _ in range(150_000))[:1_000_000]
    _assert_well_formed(_load(repo_root, "---\n" + garbage + "\n---\n"), expect_problem=True)
    _assert_well_formed(_load(repo_root, VALID_FRONT + garbage), expect_problem=True)


def test_one_megabyte_of_markdown_garbage(repo_root):
    rng = random.Random(7)
    alphabet = "ab [](){}<>!#`*_-:=&%\\\n  0123456789"
    garbage = "".join(rng.choice(alphabet) for _ in range(1_000_000))
    _assert_well_formed(_load(repo_root, VALID_FRONT + garbage), expect_problem=True)
    # Under the body's size limit the body is checked in full, line by line.
    _assert_well_formed(_load(repo_root, VALID_FRONT + garbage[:99_000]), expect_problem=True)


def test_too_large_file(repo_root):
    repo = _load(repo_root, VALID_FRONT + "x" * 3_000_000)
    assert [p.code for p in repo.problems.for_path(HOSTILE)] == ["file-too-large"]


@pytest.mark.parametrize(
    "content",
    [
        "---\ntitle: " + "[" * 100_000 + "]" * 100_000 + "\n---\n",
        "---\ntitle: " + "[" * 100_000 + "\n---\n",
        "---\n" + "[" * 100_000 + "\n---\n",
        "---\ntitle: " + "{a: " * 100_000 + "}" * 100_000 + "\n---\n",
        "---\n" + "- " * 100_000 + "x\n---\n",
        VALID_FRONT + "[" * 99_000 + "\n",
        VALID_FRONT + "> " * 49_000 + "x\n",
        VALID_FRONT + "\\[" * 49_000 + "\n",
    ],
    ids=["flow", "flow-unclosed", "flow-top", "flow-maps", "block-lists", "body-brackets", "body-quotes", "body-escapes"],
)
def test_deep_nesting(repo_root, content):
    _assert_well_formed(_load(repo_root, content), expect_problem=True)


def test_billion_laughs(repo_root):
    names = "abcdefghi"
    lines = ["lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip(names, names[1:], strict=False):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    repo = _load(repo_root, "---\n" + "\n".join(lines) + "\n---\n")
    _assert_well_formed(repo, expect_problem=True)
    assert {p.line for p in repo.problems.for_path(HOSTILE) if p.code == "yaml-alias"} == set(range(3, 11))


def test_billion_laughs_in_a_data_file(tmp_path):
    root = copy_repository(tmp_path / "repo")
    names = "abcdefghi"
    lines = ["- &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for prev, name in zip(names, names[1:], strict=False):
        lines.append(f"- &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    (root / "data" / "webinars.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    repo = load_repository(root)
    assert any(p.code == "yaml-alias" for p in repo.problems.for_path("data/webinars.yml"))


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"\n",
        b"---",
        b"---\n",
        b"---\n---",
        b"---\n---\n",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf---\n---\n",
        b"\xff\xfe---\n",
        b"---\n\x00\n---\n",
        "---\n\u2028\n---\n".encode(),
        b"\r\r\r",
        "---\ntitle: \udc80\n---\n".encode("utf-8", "surrogatepass"),
    ],
)
def test_tiny_and_odd_files(repo_root, content):
    _assert_well_formed(_load(repo_root, content), expect_problem=True)


def test_a_directory_named_like_a_case_and_an_unreadable_file(tmp_path):
    root = copy_repository(tmp_path / "repo")
    (root / "cases" / "map.md").mkdir()  # not a file: skipped
    (root / "cases" / "link.md").symlink_to(root / "cases" / "bestaat-niet.md")  # dangling: skipped
    repo = load_repository(root)
    assert [p.as_text() for p in repo.problems.sorted()] == []
    shutil.rmtree(root / "cases" / "map.md")
