"""The whole repository (zodoenwedat.repository): the real one, and slugs, aliases and folders."""

from __future__ import annotations

import datetime as dt

import pytest
from support import REPO
from support.cases import CASE
from support.repository import copy_repository, with_case

from zodoenwedat.datafiles import VOCABULARY_FILES
from zodoenwedat.repository import load_repository


class TestRepository:
    def test_real_repository_is_clean(self):
        repo = load_repository(REPO)
        assert [p.as_text() for p in repo.problems.sorted()] == []
        assert repo.checked == len(repo.files) + len(VOCABULARY_FILES) + 3  # coalition, licence, webinars

    def test_published_is_the_day_on_this_site_never_a_source_date(self):
        """published means one thing (docs/redactie.md, Datums): the day a case appeared on
        Zo doen we dat, which started on 2022-02-09; a source's own date is in sources[].date."""
        start = dt.date(2022, 2, 9)
        for slug, entry in load_repository(REPO).cases.items():
            case = entry.case
            assert case.published >= start, (slug, case.published)
            for source in case.sources:
                assert source.date is None or source.date == start or source.date != case.published, (slug, source.title)

    @pytest.mark.parametrize("variant", ["Ruwaard-Oss", "RUWAARD-OSS", "ｒｕｗａａｒｄ-oss", "ruwaard\u2011oss"])
    def test_duplicate_slugs_after_case_folding_and_normalisation(self, repo_copy, variant):
        # U+2011 (non-breaking hyphen) is not folded by NFKC; only the first three are duplicates.
        (repo_copy / "cases" / f"{variant}.md").write_bytes((repo_copy / "cases/ruwaard-oss.md").read_bytes())
        problems = load_repository(repo_copy).problems
        by_file = {(p.path, p.code) for p in problems}
        assert (f"cases/{variant}.md", "invalid-filename") in by_file
        duplicate = variant != "ruwaard\u2011oss"
        assert (("cases/ruwaard-oss.md", "duplicate-slug") in by_file) is duplicate
        assert ((f"cases/{variant}.md", "duplicate-slug") in by_file) is duplicate

    def test_duplicate_slug_with_composed_and_decomposed_accents(self, repo_copy):
        # Not valid slugs either, but the two spellings of é must be recognised as one name.
        with_case(repo_copy, CASE, "caf\u00e9")
        with_case(repo_copy, CASE, "cafe\u0301")
        problems = load_repository(repo_copy).problems
        assert {p.path for p in problems if p.code == "duplicate-slug"} == {"cases/caf\u00e9.md", "cases/cafe\u0301.md"}

    def test_missing_cases_directory(self, tmp_path):
        root = copy_repository(tmp_path / "repo", cases=False)
        (root / "cases").rmdir()
        problems = load_repository(root).problems
        assert ("cases", "missing-cases") in {(p.path, p.code) for p in problems}

    def test_alias_claimed_twice(self, repo_copy):
        with_case(repo_copy, CASE.replace("phase: lopend", "phase: lopend\naliases: [oude-naam]"), "eerste")
        with_case(repo_copy, CASE.replace("phase: lopend", "phase: lopend\naliases: [oude-naam]"), "tweede")
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.line, p.code) for p in problems.sorted()] == [("cases/tweede.md", 13, "alias-twice")]

    def test_problems_in_other_files_do_not_hide_valid_cases(self, repo_copy):
        with_case(repo_copy, "kapot", "kapot")
        repo = load_repository(repo_copy)
        assert {path.stem for path in (REPO / "cases").glob("*.md")} <= set(repo.cases)
        assert "kapot" not in repo.cases
