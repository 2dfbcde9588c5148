"""One case file (zodoenwedat.casefile): front matter, slugs, every problem at its line."""

from __future__ import annotations

import pytest
from support.cases import CASE, codes
from support.repository import with_case

from zodoenwedat.casefile import split_front_matter, suggest_slug
from zodoenwedat.repository import load_repository


def test_the_base_case_of_these_tests_is_valid(repo_copy):
    rel = with_case(repo_copy, CASE)
    repo = load_repository(repo_copy)
    assert repo.problems.sorted() == []
    assert repo.cases["wijkaanpak-zwolle"].path == rel


class TestFrontMatter:
    def test_split(self):
        front, front_line, body, body_line = split_front_matter("---\na: 1\n---\nbody\n")
        assert (front, front_line, body, body_line) == ("a: 1", 2, "body\n", 4)
        assert split_front_matter("---\r\na: 1\r\n...\r\nbody")[2] == "body"

    @pytest.mark.parametrize(
        "text, code", [("", "no-front-matter"), ("tekst\n---\n", "no-front-matter"), ("---\na: 1\n", "unclosed-front-matter")]
    )
    def test_split_failures(self, text, code):
        assert split_front_matter(text)[0] is None
        assert split_front_matter(text)[2] == code

    @pytest.mark.parametrize(
        "stem, slug",
        [("Ruwaard Oss", "ruwaard-oss"), ("Fryslân_één", "fryslan-een"), ("!!!", "naam-van-het-voorbeeld"), ("a" * 80, "a" * 60)],
    )
    def test_suggest_slug(self, stem, slug):
        assert suggest_slug(stem) == slug

    def test_every_field_error_is_on_its_own_line(self, repo_copy):
        text = (
            CASE.replace("title: Wijkaanpak in Zwolle", "title: 2024-01-01")
            .replace("place: Zwolle", "place: yes")
            .replace("phase: lopend", "phase: lopend\nstarted: 1989\nkleur: blauw")
        )
        rel = with_case(repo_copy, text)
        problems = load_repository(repo_copy).problems
        assert codes(problems, rel) == [
            (2, 8, "quote-text"),
            (4, 8, "quote-text"),
            (13, 10, "invalid-value"),
            (14, 1, "unknown-field"),
        ]

    def test_problems_in_front_matter_and_body_together(self, repo_copy):
        text = CASE.replace("province: overijssel", "province: overijsel") + "\n# Kop\n\nBel 0612345678.\n"
        rel = with_case(repo_copy, text)
        assert codes(load_repository(repo_copy).problems, rel) == [
            (6, 11, "unknown-term"),
            (24, 1, "body-h1"),
            (26, 5, "privacy-phone"),
        ]
