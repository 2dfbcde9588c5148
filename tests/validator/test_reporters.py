"""The reporters (zodoenwedat.report, zodoenwedat.problems): text, GitHub annotations, JSON."""

from __future__ import annotations

import json

from zodoenwedat import report
from zodoenwedat.problems import Problem, Problems

PROBLEMS = [
    Problem("cases/a.md", 3, 7, "unknown-field", "Onbekend veld 'titel'. Bedoelde je 'title'?"),
    Problem("data/100%, echt: ja.yml", 1, 1, "x", "50% klaar\nregel twee\r, a:b"),
]


class TestReports:
    def test_text(self):
        out = report.text_report(PROBLEMS, 12)
        lines = out.splitlines()
        assert lines[0] == "cases/a.md:3:7: Onbekend veld 'titel'. Bedoelde je 'title'?"
        assert lines[-1].startswith("2 problemen gevonden in 2 bestanden.")
        assert report.text_report([], 12) == "12 bestanden gecontroleerd. Geen problemen gevonden.\n"
        assert "1 probleem gevonden in 1 bestand" in report.text_report(PROBLEMS[:1], 12)

    def test_github(self):
        lines = report.github_report(PROBLEMS, 12).splitlines()
        assert lines[0] == (
            "::error file=cases/a.md,line=3,col=7,title=Praktijkvoorbeeld%3A unknown-field::"
            "Onbekend veld 'titel'. Bedoelde je 'title'?"
        )
        # Properties escape % \r \n : and , ; the message escapes % \r \n only.
        assert lines[1] == (
            "::error file=data/100%25%2C echt%3A ja.yml,line=1,col=1,title=Praktijkvoorbeeld%3A x::"
            "50%25 klaar%0Aregel twee%0D, a:b"
        )
        assert len(lines) == 3 and lines[2].startswith("2 problemen gevonden")
        assert report.github_report([], 5).splitlines() == ["5 bestanden gecontroleerd. Geen problemen gevonden."]

    def test_json(self):
        data = json.loads(report.json_report(PROBLEMS, 12))
        assert data == {
            "checked": 12,
            "ok": False,
            "problems": [
                {
                    "file": "cases/a.md",
                    "line": 3,
                    "column": 7,
                    "code": "unknown-field",
                    "message": "Onbekend veld 'titel'. Bedoelde je 'title'?",
                },
                {
                    "file": "data/100%, echt: ja.yml",
                    "line": 1,
                    "column": 1,
                    "code": "x",
                    "message": "50% klaar\nregel twee\r, a:b",
                },
            ],
        }
        assert json.loads(report.json_report([], 3)) == {"checked": 3, "ok": True, "problems": []}
        assert "é" in report.json_report([Problem("a", 1, 1, "c", "café")], 1)

    def test_problems_never_have_line_or_column_below_one(self):
        problems = Problems()
        problems.add("a", 0, -5, "c", "m")
        assert problems.sorted() == [Problem("a", 1, 1, "c", "m")]
