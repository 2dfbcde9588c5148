"""Hostile input is rejected with line-precise messages (the quality gate's corpus).
Finer-grained cases live in tests/example-files/negative/; these are the big and the sneaky ones."""

from __future__ import annotations

import pytest
from support.cases import case_text

from zodoenwedat.repository import load_repository

MB = 1_000_000
THEMES, PARTNERS = ["leefbaarheid"], [("gemeente", None)]


def problems_for(repo_copy, name, text):
    (repo_copy / "cases" / f"{name}.md").write_text(text, encoding="utf-8")
    repo = load_repository(repo_copy)
    return [(p.line, p.code) for p in repo.problems if p.path == f"cases/{name}.md"]


def line_of(text: str, prefix: str) -> int:
    return next(i for i, line in enumerate(text.split("\n")) if line.startswith(prefix)) + 1


def test_a_clean_fixture_case_has_no_problems(repo_copy):
    assert problems_for(repo_copy, "schoon", case_text("Een gewone titel", THEMES, PARTNERS)) == []


@pytest.mark.parametrize("field", ["title", "summary", "place"])
def test_one_megabyte_field_is_rejected_on_its_line(repo_copy, field):
    text = case_text(**{"title": "Titel", "themes": THEMES, "partners": PARTNERS, field: "a" * MB})
    found = problems_for(repo_copy, "groot-veld", text)
    assert (line_of(text, f"{field}:"), "too-long") in found, found


def test_one_megabyte_body_is_rejected_where_the_body_starts(repo_copy):
    text = case_text("Titel", THEMES, PARTNERS) + "\n" + ("woord " * (MB // 6))
    found = problems_for(repo_copy, "groot-verhaal", text)
    body_line = text.split("\n").index("---", 1) + 2
    assert (body_line, "body-too-long") in found, found


@pytest.mark.parametrize(
    "title",
    [
        'Wonen"><script>alert(1)</script>',  # script in the title, after an attribute break-out
        "Wonen <img src=x onerror=alert(1)>",  # markup with an event handler
        "Wonen \u202e samen",  # a bidi override
    ],
)
def test_markup_and_bidi_in_text_fields_are_rejected(repo_copy, title):
    text = case_text(title, THEMES, PARTNERS)
    found = problems_for(repo_copy, "vijandig", text)
    assert (line_of(text, "title:"), "invalid-value") in found, found
