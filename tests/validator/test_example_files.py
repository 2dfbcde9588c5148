"""Example case files that must pass (positive/) or fail in exactly the stated way (negative/).

Every ``tests/example-files/{positive,negative}/NAME.md`` is picked up automatically.
The test copies the real ``data/`` and ``cases/`` into a temporary directory, adds the
example as ``cases/NAME.md`` (plus the pictures in ``example-files/media/`` as
``cases/media/``) and checks the repository as ``zodoenwedat validate`` does
(:func:`zodoenwedat.catalogue.urlguard.check_all`: the files, then the site's addresses).

* positive: no problems at all, in any file.
* negative: the problems are exactly those listed in the sidecar ``NAME.expected``,
  and no other file gets a problem. One expected problem per line::

      # what the example is about (comment lines and blank lines are ignored)
      LINE:COLUMN:code
      LINE:COLUMN:code ~ a piece of the message

  ``code`` is :attr:`Problem.code`; the part after `` ~ `` must occur in the message.

NAME doubles as the case's slug, so it must be a valid slug unless the example is
about the file name itself.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from support import EXAMPLES
from support.repository import copy_repository

from zodoenwedat.catalogue.urlguard import check_all

POSITIVE = sorted((EXAMPLES / "positive").glob("*.md"))
NEGATIVE = sorted((EXAMPLES / "negative").glob("*.md"))
_EXPECTED_RE = re.compile(r"^(\d+):(\d+):([a-z0-9-]+)(?:\s+~\s+(.+))?$")


def _load_with_example(tmp_path: Path, example: Path):
    root = copy_repository(tmp_path / "repo", media=True)
    shutil.copyfile(example, root / "cases" / example.name)
    return check_all(root), f"cases/{example.name}"


def parse_expected(path: Path) -> list[tuple[int, int, str, str | None]]:
    expected = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _EXPECTED_RE.match(line)
        assert match, f"{path.name}:{number}: expected 'LINE:COLUMN:code [~ message part]', got {raw!r}"
        expected.append((int(match[1]), int(match[2]), match[3], match[4]))
    return expected


def test_there_are_enough_examples():
    assert len(POSITIVE) >= 5
    assert len(NEGATIVE) >= 30


def test_every_negative_example_has_expectations():
    for example in NEGATIVE:
        sidecar = example.with_suffix(".expected")
        assert sidecar.is_file(), f"{example.name} has no {sidecar.name}"
        assert parse_expected(sidecar), f"{sidecar.name} lists no problems"
    orphans = {p.stem for p in (EXAMPLES / "negative").glob("*.expected")} - {p.stem for p in NEGATIVE}
    assert not orphans, f".expected files without an example: {sorted(orphans)}"


@pytest.mark.parametrize("example", POSITIVE, ids=[p.stem for p in POSITIVE])
def test_positive_example_is_valid(tmp_path, example):
    repo, rel = _load_with_example(tmp_path, example)
    problems = [p.as_text() for p in repo.problems.sorted()]
    assert problems == []
    assert example.stem in repo.cases, "a valid example must end up among the repository's cases"
    assert repo.cases[example.stem].path == rel


@pytest.mark.parametrize("example", NEGATIVE, ids=[p.stem for p in NEGATIVE])
def test_negative_example_fails_exactly_as_expected(tmp_path, example):
    expected = parse_expected(example.with_suffix(".expected"))
    repo, rel = _load_with_example(tmp_path, example)
    problems = repo.problems.sorted()

    elsewhere = [p.as_text() for p in problems if p.path != rel]
    assert elsewhere == [], "the example must not cause problems in other files"

    found = sorted((p.line, p.column, p.code) for p in problems)
    wanted = sorted((line, column, code) for line, column, code, _ in expected)
    assert found == wanted, "\n".join(f"{p.line}:{p.column}:{p.code} {p.message}" for p in problems)

    for line, column, code, part in expected:
        if part is None:
            continue
        messages = [p.message for p in problems if (p.line, p.column, p.code) == (line, column, code)]
        assert any(part in message for message in messages), f"{line}:{column}:{code}: {part!r} not in {messages}"

    for problem in problems:
        assert problem.message.strip(), "every problem has a message"
        assert problem.line >= 1 and problem.column >= 1
    assert example.stem not in repo.cases, "an invalid case must not count as a valid case"
