"""The command line (zodoenwedat.cli): validate, new, schema; exit codes; no traceback."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from support import REPO
from support.cases import CASE
from support.repository import with_case

from zodoenwedat.cli import main


def _run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zodoenwedat.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


class TestCli:
    def test_validate_clean_is_0(self, repo_copy, capsys):
        assert main(["--root", str(repo_copy), "validate"]) == 0
        assert "Geen problemen gevonden" in capsys.readouterr().out

    def test_real_repository_validates_clean(self, capsys):
        assert main(["--root", str(REPO), "validate"]) == 0, capsys.readouterr().out

    def test_validate_problems_is_1(self, repo_copy, capsys):
        with_case(repo_copy, CASE.replace("place: Zwolle", "place: 1234"))
        assert main(["--root", str(repo_copy), "validate"]) == 1
        out = capsys.readouterr().out
        assert out.splitlines()[0].startswith("cases/wijkaanpak-zwolle.md:4:8: In 'place' hoort tekst")

    @pytest.mark.parametrize("args", [["validate", "--format", "xml"], ["onbekend"], ["new"], ["validate", "--onbekend"]])
    def test_usage_errors_are_2(self, args, capsys):
        with pytest.raises(SystemExit) as exit_:
            main(args)
        assert exit_.value.code == 2
        assert "fout in de opdracht" in capsys.readouterr().err

    def test_no_command_is_2(self, capsys):
        assert main([]) == 2

    def test_missing_root_is_2(self, tmp_path, capsys):
        assert main(["--root", str(tmp_path / "bestaat-niet"), "validate"]) == 2
        assert "bestaat niet" in capsys.readouterr().err

    def test_formats(self, repo_copy, capsys):
        with_case(repo_copy, CASE.replace("place: Zwolle", "place: 1234"))
        assert main(["--root", str(repo_copy), "validate", "--format", "github"]) == 1
        first = capsys.readouterr().out.splitlines()[0]
        assert first.startswith("::error file=cases/wijkaanpak-zwolle.md,line=4,col=8,title=Praktijkvoorbeeld%3A quote-text::")
        assert main(["--root", str(repo_copy), "validate", "--format", "json"]) == 1
        data = json.loads(capsys.readouterr().out)
        assert data["ok"] is False
        assert data["problems"][0] == {
            "file": "cases/wijkaanpak-zwolle.md",
            "line": 4,
            "column": 8,
            "code": "quote-text",
            "message": data["problems"][0]["message"],
        }

    def test_paths_filter(self, repo_copy, capsys):
        with_case(repo_copy, CASE.replace("place: Zwolle", "place: 1234"), "een")
        with_case(repo_copy, CASE.replace("place: Zwolle", "place: 5678"), "twee")
        assert main(["--root", str(repo_copy), "validate", str(repo_copy / "cases/twee.md")]) == 1
        out = capsys.readouterr().out
        assert "cases/twee.md:4:8" in out and "cases/een.md" not in out
        assert main(["--root", str(repo_copy), "validate", str(repo_copy / "cases/ruwaard-oss.md")]) == 0

    def test_subprocess_exit_codes_and_no_traceback(self, repo_copy):
        assert _run_cli("--root", str(repo_copy), "validate").returncode == 0
        with_case(repo_copy, b"\xff\xfe" + os.urandom(2000), "rommel")
        with_case(repo_copy, "---\ntitle: " + "[" * 100_000 + "\n---\n", "diep")
        with_case(repo_copy, "---\n" + "a: &a [x]\n" + "b: [*a, *a]\n" + "---\n", "lach")
        result = _run_cli("--root", str(repo_copy), "validate")
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and result.stderr == ""
        for name in ("rommel", "diep", "lach"):
            assert f"cases/{name}.md:" in result.stdout
        usage = _run_cli("--root", str(repo_copy), "validate", "--format", "xml")
        assert usage.returncode == 2 and "Traceback" not in usage.stderr

    def test_new_writes_a_valid_case_and_refuses_to_overwrite(self, repo_copy, capsys):
        assert main(["--root", str(repo_copy), "new", "wijkaanpak-zwolle"]) == 0
        path = repo_copy / "cases/wijkaanpak-zwolle.md"
        written = path.read_text(encoding="utf-8")
        assert written.startswith("---\n")
        assert f"published: {dt.date.today().isoformat()}" in written
        capsys.readouterr()
        assert main(["--root", str(repo_copy), "validate"]) == 0, capsys.readouterr().out
        assert main(["--root", str(repo_copy), "new", "wijkaanpak-zwolle.md"]) == 1
        assert "bestaat al" in capsys.readouterr().err
        assert path.read_text(encoding="utf-8") == written

    @pytest.mark.parametrize("slug", ["Wijkaanpak", "wijk_aanpak", "wijk-", "wijk--aanpak", "a" * 61, "../buiten"])
    def test_new_refuses_invalid_names(self, repo_copy, slug, capsys):
        assert main(["--root", str(repo_copy), "new", slug]) == 2
        assert "geen geldige naam" in capsys.readouterr().err
        assert sorted(p.name for p in (repo_copy / "cases").iterdir()) == sorted(p.name for p in (REPO / "cases").iterdir())
