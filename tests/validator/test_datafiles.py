"""The data files (zodoenwedat.datafiles): vocabularies, coalition, licence, webinars."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.cases import codes
from support.repository import edit

from zodoenwedat.repository import load_repository


class TestDataFiles:
    def test_vocabulary_bad_slug(self, repo_copy):
        edit(repo_copy, "data/themes.yml", "renovatie:", "Renovatie:")
        problems = load_repository(repo_copy).problems
        line = (repo_copy / "data/themes.yml").read_text().splitlines().index("Renovatie:") + 1
        assert codes(problems, "data/themes.yml") == [(line, 1, "invalid-slug")]
        # Cases that use the term now point at a term that is not there.
        assert {p.code for p in problems if p.path != "data/themes.yml"} <= {"unknown-term"}

    def test_vocabulary_missing_label_and_unknown_key(self, repo_copy):
        edit(repo_copy, "data/phases.yml", "pilot:\n  label: Pilot\n", "pilot:\n  lable: Pilot\n")
        problems = load_repository(repo_copy).problems
        lines = (repo_copy / "data/phases.yml").read_text().splitlines()
        assert codes(problems, "data/phases.yml") == [
            (lines.index("pilot:") + 1, 1, "missing-field"),
            (lines.index("  lable: Pilot") + 1, 3, "unknown-field"),
        ]
        assert "Bedoelde je 'label'?" in [p for p in problems if p.code == "unknown-field"][0].message

    def test_vocabulary_html_in_description(self, repo_copy):
        edit(
            repo_copy,
            "data/provinces.yml",
            "description: Praktijkvoorbeelden uit de provincie Zeeland.",
            "description: <b>Zeeland</b>",
        )
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.code) for p in problems] == [("data/provinces.yml", "invalid-value")]

    def test_coalition_http_url(self, repo_copy):
        edit(repo_copy, "data/coalition.yml", "url: https://www.aedes.nl", "url: http://www.aedes.nl")
        problems = load_repository(repo_copy).problems
        line = (repo_copy / "data/coalition.yml").read_text().splitlines().index("  url: http://www.aedes.nl") + 1
        assert codes(problems) == [(line, 8, "invalid-value")]

    def _licence_line(self, root: Path, text: str) -> int:
        return (root / "data/licence.yml").read_text().splitlines().index(text) + 1

    def test_licence_is_one_valid_setting(self, repo_copy):
        repo = load_repository(repo_copy)
        assert repo.problems.sorted() == []
        licence = repo.licence
        assert all((licence.spdx, licence.name, licence.short, licence.url, licence.summary, licence.attribution))

    def test_licence_http_url(self, repo_copy):
        edit(repo_copy, "data/licence.yml", "url: https://creativecommons.org", "url: http://creativecommons.org")
        problems = load_repository(repo_copy).problems
        line = next(
            i
            for i, text in enumerate((repo_copy / "data/licence.yml").read_text().splitlines(), 1)
            if text.startswith("url: http:")
        )
        assert codes(problems) == [(line, 6, "invalid-value")]

    def test_licence_missing_field_and_typo(self, repo_copy):
        edit(repo_copy, "data/licence.yml", "short: CC BY 4.0\n", "shrot: CC BY 4.0\n")
        problems = load_repository(repo_copy).problems
        line = self._licence_line(repo_copy, "shrot: CC BY 4.0")
        # A missing field is reported where the block starts: its first key.
        assert codes(problems) == [
            (self._licence_line(repo_copy, "spdx: CC-BY-4.0"), 1, "missing-field"),
            (line, 1, "unknown-field"),
        ]
        assert "Bedoelde je 'short'?" in next(p.message for p in problems if p.code == "unknown-field")

    def test_licence_file_missing(self, repo_copy):
        (repo_copy / "data/licence.yml").unlink()
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.line, p.code) for p in problems] == [("data/licence.yml", 1, "missing-data-file")]

    def test_licence_not_a_block(self, repo_copy):
        (repo_copy / "data/licence.yml").write_text("- CC-BY-4.0\n", encoding="utf-8")
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.line, p.code) for p in problems] == [("data/licence.yml", 1, "data-not-mapping")]
        assert "spdx: CC-BY-4.0" in problems.items[0].message

    def _webinar_line(self, root: Path, text: str, after: str | None = None) -> int:
        lines = (root / "data/webinars.yml").read_text().splitlines()
        start = lines.index(after) if after else 0
        return lines.index(text, start) + 1

    def test_webinar_end_before_start(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", 'start: "15:00"\n  end: "16:00"', 'start: "15:00"\n  end: "14:00"')
        problems = load_repository(repo_copy).problems
        assert codes(problems) == [(self._webinar_line(repo_copy, '  end: "14:00"'), 8, "invalid-value")]
        assert "14:00" in problems.sorted()[0].message and "15:00" in problems.sorted()[0].message

    def test_webinar_nonexistent_date(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", "date: 2022-04-14", "date: 2022-04-31")
        problems = load_repository(repo_copy).problems
        assert codes(problems) == [(self._webinar_line(repo_copy, "  date: 2022-04-31"), 9, "invalid-date")]

    def test_webinar_time_in_dst_gap(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", 'date: 2022-03-22\n  start: "14:30"', 'date: 2022-03-27\n  start: "02:30"')
        problems = load_repository(repo_copy).problems
        # Only the start: the end (15:30) is fine and must not be called "without a start".
        assert codes(problems) == [(self._webinar_line(repo_copy, '  start: "02:30"'), 10, "invalid-value")]
        assert "zomertijd" in problems.sorted()[0].message

    def test_webinar_time_in_dst_overlap_is_fine(self, repo_copy):
        # 02:30 on 2022-10-30 happens twice in the Netherlands, but it exists.
        edit(repo_copy, "data/webinars.yml", 'date: 2022-03-22\n  start: "14:30"', 'date: 2022-10-30\n  start: "02:30"')
        assert load_repository(repo_copy).problems.sorted() == []

    def test_webinar_unquoted_time(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", 'start: "15:00"', "start: 15:00")
        problems = load_repository(repo_copy).problems
        assert codes(problems) == [(self._webinar_line(repo_copy, "  start: 15:00"), 10, "quote-text")]

    def test_webinar_end_without_start(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", '  start: "15:00"\n', "")
        problems = load_repository(repo_copy).problems
        assert [p.code for p in problems] == ["invalid-value"]
        assert "zonder begintijd" in problems.sorted()[0].message

    def test_webinar_unknown_organiser(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", "organisers: [divosa, valente]", "organisers: [divosa, valentee]")
        problems = load_repository(repo_copy).problems
        line = self._webinar_line(repo_copy, "  organisers: [divosa, valentee]")
        assert codes(problems) == [(line, 24, "unknown-organiser")]
        assert "Bedoelde je 'valente'?" in problems.sorted()[0].message

    def test_webinar_unknown_case(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", "cases: [majella-wonen-utrecht]", "cases: [majella-wonen]")
        problems = load_repository(repo_copy).problems
        assert codes(problems) == [(self._webinar_line(repo_copy, "  cases: [majella-wonen]"), 11, "unknown-case")]

    @pytest.mark.parametrize("field", ["registration_url", "recording_url"])
    def test_webinar_http_urls(self, repo_copy, field):
        edit(
            repo_copy,
            "data/webinars.yml",
            "  organisers: [divosa, valente]\n",
            f"  organisers: [divosa, valente]\n  {field}: http://www.divosa.nl/webinar\n",
        )
        problems = load_repository(repo_copy).problems
        line = self._webinar_line(repo_copy, f"  {field}: http://www.divosa.nl/webinar")
        assert codes(problems) == [(line, len(field) + 5, "invalid-value")]
        assert "https://" in problems.sorted()[0].message

    def test_webinar_duplicate_id(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", "id: 2022-04-14-selwerd-groningen", "id: 2022-02-09-ruwaard-oss")
        problems = load_repository(repo_copy).problems
        assert [p.code for p in problems] == ["duplicate-id"]

    def test_webinars_not_a_list(self, repo_copy):
        (repo_copy / "data/webinars.yml").write_text("titel: webinar\n", encoding="utf-8")
        assert codes(load_repository(repo_copy).problems) == [(1, 1, "data-not-list")]

    def test_missing_and_broken_data_files(self, repo_copy):
        (repo_copy / "data/phases.yml").unlink()
        (repo_copy / "data/themes.yml").write_bytes(b"leefbaarheid:\n  label: Leefbaarheid\xff\n")
        problems = load_repository(repo_copy).problems
        found = {(p.path, p.code) for p in problems}
        assert ("data/phases.yml", "missing-data-file") in found
        assert ("data/themes.yml", "not-utf8") in found

    def test_data_file_tags_and_aliases(self, repo_copy):
        edit(repo_copy, "data/coalition.yml", "  name: ActiZ\n", "  name: !!python/name:os.system ActiZ\n")
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.line, p.code) for p in problems] == [("data/coalition.yml", 2, "yaml-tag")]
