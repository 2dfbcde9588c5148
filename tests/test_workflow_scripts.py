"""The scripts the workflows run (.github/scripts/), run here for real.

git works on local repositories (a bare one plays GitHub's), and a stand-in for the
GitHub CLI (``gh``) keeps issues, comments and pull requests in a JSON file, so the
scripts' own logic is what is tested: one branch and one pull request per issue, an
edited issue updating them, one comment per issue found again by its hidden marker,
and the site published beside the previews.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from support import REPO

from zodoenwedat.fromissue import COMMENT_MARKER, Conversion, FormProblem, comment

SCRIPTS = REPO / ".github" / "scripts"
BOT = "github-actions[bot]"
BOT_EMAIL = "41898282+github-actions[bot]@users.noreply.github.com"

FAKE_GH = textwrap.dedent(
    """
    import json, os, sys
    state_file = os.environ["FAKE_GH_STATE"]
    state = json.load(open(state_file))
    args = sys.argv[1:]
    state["calls"].append(args)
    repo = os.environ.get("GITHUB_REPOSITORY", "zodoenwedat/kennisbank")

    def option(name):
        return args[args.index(name) + 1] if name in args else None

    def save():
        json.dump(state, open(state_file, "w"))

    if args[0] == "api":
        method = option("--method") or "GET"
        path = [a for a in args[1:] if a.startswith("repos/")][0]
        parts = path.split("/")
        body = None
        if "-F" in args:
            field = option("-F")
            assert field.startswith("body=@"), field
            body = open(field[len("body=@"):]).read()
        if method == "GET" and parts[-1] == "comments":
            number = parts[-2]
            print(json.dumps([c for c in state["comments"] if c["issue"] == number]))
        elif method == "POST" and parts[-1] == "comments":
            state["next_id"] += 1
            state["comments"].append({"id": state["next_id"], "issue": parts[-2], "user": {"login": os.environ.get("FAKE_GH_USER", "github-actions[bot]")}, "body": body})
            print("{}")
        elif method == "PATCH":
            comment = [c for c in state["comments"] if str(c["id"]) == parts[-1]][0]
            comment["body"] = body
            print("{}")
        else:
            sys.exit("fake gh: unknown api call " + " ".join(args))
    elif args[:2] == ["pr", "list"]:
        found = [{"number": p["number"]} for p in state["pulls"] if p["head"] == option("--head") and p["base"] == option("--base") and p["state"] == "open"]
        print(json.dumps(found))
    elif args[:2] == ["pr", "create"]:
        number = len(state["pulls"]) + 100
        state["pulls"].append({"number": number, "head": option("--head"), "base": option("--base"), "state": "open",
                               "title": option("--title"), "body": open(option("--body-file")).read()})
        print(f"https://github.com/{repo}/pull/{number}")
    elif args[:2] == ["pr", "edit"]:
        pull = [p for p in state["pulls"] if p["number"] == int(args[2])][0]
        pull["title"], pull["body"] = option("--title"), open(option("--body-file")).read()
    elif args[:2] == ["pr", "view"]:
        print(json.dumps({"url": f"https://github.com/{repo}/pull/{args[2]}"}))
    else:
        sys.exit("fake gh: unknown command " + " ".join(args))
    save()
    """
)


class FakeGitHub:
    def __init__(self, tmp: Path):
        self.bin = tmp / "bin"
        self.bin.mkdir()
        gh = self.bin / "gh"
        gh.write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
        gh.chmod(0o755)
        self.state_file = tmp / "github.json"
        self.state_file.write_text(json.dumps({"calls": [], "comments": [], "pulls": [], "next_id": 0}))

    @property
    def state(self) -> dict:
        return json.loads(self.state_file.read_text())

    def env(self, **extra: str) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "GITHUB_"))}
        env.update(
            PATH=f"{self.bin}{os.pathsep}{env['PATH']}",
            FAKE_GH_STATE=str(self.state_file),
            GITHUB_REPOSITORY="zodoenwedat/kennisbank",
            GIT_AUTHOR_NAME="Redacteur",
            GIT_AUTHOR_EMAIL="redactie@voorbeeld.nl",
            GIT_COMMITTER_NAME="Redacteur",
            GIT_COMMITTER_EMAIL="redactie@voorbeeld.nl",
        )
        env.update(extra)
        return env


def git(cwd: Path, *args: str, env: dict | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True, timeout=60).stdout


def run_script(name: str, cwd: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(SCRIPTS / name), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def outputs(path: Path) -> dict:
    return dict(line.split("=", 1) for line in path.read_text().splitlines())


@pytest.fixture
def github(tmp_path: Path) -> FakeGitHub:
    if shutil.which("git") is None:
        pytest.fail("git is needed for these tests", pytrace=False)
    return FakeGitHub(tmp_path)


@pytest.fixture
def origin(tmp_path: Path, github: FakeGitHub) -> tuple[Path, Path]:
    """A bare repository playing GitHub's, and a checkout of its main branch."""
    bare = tmp_path / "origin.git"
    git(tmp_path, "init", "--quiet", "--bare", "--initial-branch=main", str(bare))
    seed = tmp_path / "seed"
    git(tmp_path, "clone", "--quiet", str(bare), str(seed))
    (seed / "cases").mkdir()
    (seed / "cases" / "ruwaard-oss.md").write_text("---\ntitle: Ruwaard\n---\n")
    git(seed, "add", ".", env=github.env())
    git(seed, "commit", "--quiet", "-m", "Begin", env=github.env())
    git(seed, "push", "--quiet", "origin", "HEAD:main", env=github.env())
    checkout = tmp_path / "checkout"
    git(tmp_path, "clone", "--quiet", str(bare), str(checkout))
    git(checkout, "checkout", "--quiet", "--detach")  # as actions/checkout leaves it
    return bare, checkout


# ------------------------------------------------------ upsert-comment ----


def _comment_file(tmp: Path, text: str) -> Path:
    path = tmp / "comment.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_one_comment_per_issue_updated_on_every_edit(tmp_path, github):
    problems = comment(Conversion(problems=[FormProblem("Titel", "Dit veld is verplicht; vul het in.")]))
    first = run_script("upsert-comment.sh", tmp_path, github.env(), "12", str(_comment_file(tmp_path, problems)))
    assert first.returncode == 0, first.stderr
    done = comment(Conversion(path="cases/wonen-in-oss.md")) + "\nBekijk de pull request: https://github.com/x/y/pull/3\n"
    second = run_script("upsert-comment.sh", tmp_path, github.env(), "12", str(_comment_file(tmp_path, done)))
    assert second.returncode == 0, second.stderr
    comments = github.state["comments"]
    assert [c["issue"] for c in comments] == ["12"]
    assert comments[0]["body"] == done and comments[0]["body"].startswith(COMMENT_MARKER)


def test_comments_of_others_and_of_other_issues_stay(tmp_path, github):
    # Someone copies the marker into a comment of their own: it is not ours to edit.
    github_user = github.env(FAKE_GH_USER="een-bezoeker")
    assert (
        run_script(
            "upsert-comment.sh", tmp_path, github_user, "12", str(_comment_file(tmp_path, f"{COMMENT_MARKER}\nnep\n"))
        ).returncode
        == 0
    )
    assert (
        run_script(
            "upsert-comment.sh", tmp_path, github.env(), "13", str(_comment_file(tmp_path, f"{COMMENT_MARKER}\nander issue\n"))
        ).returncode
        == 0
    )
    assert (
        run_script(
            "upsert-comment.sh",
            tmp_path,
            github.env(),
            "12",
            str(_comment_file(tmp_path, "<!-- zodoenwedat:preview -->\nvoorbeeld\n")),
        ).returncode
        == 0
    )
    result = run_script(
        "upsert-comment.sh", tmp_path, github.env(), "12", str(_comment_file(tmp_path, f"{COMMENT_MARKER}\nvan ons\n"))
    )
    assert result.returncode == 0, result.stderr
    bodies = {(c["issue"], c["user"]["login"], c["body"]) for c in github.state["comments"]}
    assert bodies == {
        ("12", "een-bezoeker", f"{COMMENT_MARKER}\nnep\n"),
        ("13", BOT, f"{COMMENT_MARKER}\nander issue\n"),
        ("12", BOT, "<!-- zodoenwedat:preview -->\nvoorbeeld\n"),
        ("12", BOT, f"{COMMENT_MARKER}\nvan ons\n"),
    }


@pytest.mark.parametrize(
    ("number", "first_line"), [("12; rm -rf /", COMMENT_MARKER), ("12", "geen marker"), ("12", '<!-- x" or true --> ')]
)
def test_the_comment_script_refuses_odd_input(tmp_path, github, number, first_line):
    result = run_script(
        "upsert-comment.sh", tmp_path, github.env(), number, str(_comment_file(tmp_path, first_line + "\ntekst\n"))
    )
    assert result.returncode != 0
    assert github.state["comments"] == []


# --------------------------------------------------- open-pull-request ----


def _open(
    checkout: Path, github: FakeGitHub, tmp: Path, issue: str, case: str, text: str
) -> tuple[subprocess.CompletedProcess, dict]:
    proposal = tmp / "voorstel"
    shutil.rmtree(proposal, ignore_errors=True)
    proposal.mkdir()
    (proposal / Path(case).name).write_text(text, encoding="utf-8")
    output = tmp / "github-output"
    output.write_text("")
    env = github.env(
        ISSUE_NUMBER=issue,
        CASE_FILE=case,
        PROPOSAL=str(proposal),
        BASE_BRANCH="main",
        GITHUB_OUTPUT=str(output),
        GH_TOKEN="geheim",
    )
    result = run_script("open-pull-request.sh", checkout, env)
    return result, (outputs(output) if result.returncode == 0 else {})


def _branch_files(bare: Path, branch: str) -> dict[str, str]:
    names = git(bare, "ls-tree", "-r", "--name-only", branch).split()
    return {name: git(bare, "show", f"{branch}:{name}") for name in names}


def test_an_issue_gets_one_branch_and_one_pull_request(tmp_path, origin, github):
    bare, checkout = origin
    first, out = _open(checkout, github, tmp_path, "7", "cases/wonen-in-oss.md", "---\ntitle: Wonen in Oss\n---\n")
    assert first.returncode == 0, first.stderr
    assert out["branch"] == "voorstel/issue-7" and out["state"] == "opened" and out["changed"] == "true"
    assert _branch_files(bare, "voorstel/issue-7")["cases/wonen-in-oss.md"] == "---\ntitle: Wonen in Oss\n---\n"
    assert git(bare, "log", "--format=%ae", "main..voorstel/issue-7").split() == [BOT_EMAIL]
    (pull,) = github.state["pulls"]
    assert pull["head"] == "voorstel/issue-7" and pull["base"] == "main"
    assert pull["body"].startswith("Closes #7\n")
    assert out["url"].endswith(f"/pull/{pull['number']}") and out["number"] == str(pull["number"])
    assert "geheim" not in first.stdout + first.stderr

    # Meanwhile main moves on, also in its workflows.
    seed = tmp_path / "seed"
    (seed / ".github" / "workflows").mkdir(parents=True)
    (seed / ".github" / "workflows" / "nieuw.yml").write_text("on: push\n")
    git(seed, "add", ".", env=github.env())
    git(seed, "commit", "--quiet", "-m", "Nieuwe workflow", env=github.env())
    git(seed, "push", "--quiet", "origin", "HEAD:main", env=github.env())
    old_tip = git(bare, "rev-parse", "voorstel/issue-7").strip()

    # The issue is edited, with a new title: a new commit on the same branch replaces the
    # case it added, and the same pull request is updated.
    second, out = _open(
        checkout, github, tmp_path, "7", "cases/wonen-in-oss-en-omstreken.md", "---\ntitle: Wonen in Oss en omstreken\n---\n"
    )
    assert second.returncode == 0, second.stderr
    assert out["state"] == "updated" and out["changed"] == "true"
    files = _branch_files(bare, "voorstel/issue-7")
    assert set(files) == {"cases/ruwaard-oss.md", "cases/wonen-in-oss-en-omstreken.md"}
    assert git(bare, "log", "--format=%ae", "main..voorstel/issue-7").split() == [BOT_EMAIL, BOT_EMAIL]
    # No force push, and nothing but the case changes: the workflow token may not touch workflows.
    assert git(bare, "merge-base", "--is-ancestor", old_tip, "voorstel/issue-7", env=None) == ""
    assert git(bare, "diff", "--name-only", old_tip, "voorstel/issue-7").split() == [
        "cases/wonen-in-oss-en-omstreken.md",
        "cases/wonen-in-oss.md",
    ]
    assert len(github.state["pulls"]) == 1
    assert github.state["pulls"][0]["title"].endswith("cases/wonen-in-oss-en-omstreken.md")

    # The same text again: nothing to push, and no new checks to start.
    third, out = _open(
        checkout, github, tmp_path, "7", "cases/wonen-in-oss-en-omstreken.md", "---\ntitle: Wonen in Oss en omstreken\n---\n"
    )
    assert third.returncode == 0, third.stderr
    assert out["state"] == "unchanged" and out["changed"] == "false"

    # Another issue gets a branch and a pull request of its own.
    other, out = _open(checkout, github, tmp_path, "8", "cases/wonen-in-oss.md", "---\ntitle: Wonen in Oss\n---\n")
    assert other.returncode == 0, other.stderr
    assert out["branch"] == "voorstel/issue-8" and len(github.state["pulls"]) == 2


def test_a_branch_the_editors_changed_is_left_alone(tmp_path, origin, github):
    bare, checkout = origin
    first, _ = _open(checkout, github, tmp_path, "7", "cases/wonen-in-oss.md", "---\ntitle: Wonen in Oss\n---\n")
    assert first.returncode == 0, first.stderr
    editor = tmp_path / "editor"
    git(tmp_path, "clone", "--quiet", "--branch", "voorstel/issue-7", str(bare), str(editor))
    (editor / "cases" / "wonen-in-oss.md").write_text("---\ntitle: Wonen in Oss, verbeterd\n---\n")
    git(editor, "commit", "--quiet", "-am", "Verbeterd", env=github.env())
    git(editor, "push", "--quiet", "origin", "voorstel/issue-7", env=github.env())
    before = git(bare, "rev-parse", "voorstel/issue-7")

    again, out = _open(checkout, github, tmp_path, "7", "cases/wonen-in-oss.md", "---\ntitle: Iets anders\n---\n")
    assert again.returncode == 0, again.stderr
    assert out["state"] == "hand-edited" and out["changed"] == "false"
    assert git(bare, "rev-parse", "voorstel/issue-7") == before
    assert len(github.state["pulls"]) == 1


@pytest.mark.parametrize(
    ("issue", "case"),
    [("7", "../escape.md"), ("7", "cases/../../x.md"), ("7", "cases/$(id).md"), ("7 8", "cases/x.md"), ("", "cases/x.md")],
)
def test_open_pull_request_refuses_odd_input(tmp_path, origin, github, issue, case):
    bare, checkout = origin
    result, _ = _open(checkout, github, tmp_path, issue, case, "tekst")
    assert result.returncode != 0
    assert git(bare, "for-each-ref", "--format=%(refname)", "refs/heads").split() == ["refs/heads/main"]
    assert github.state["pulls"] == []


# --------------------------------------------------------- publish-site ----


def _umbrella_dir() -> str:
    """The folder of the previews, as preview.yml gives it to the preview action."""
    workflow = yaml.safe_load((REPO / ".github/workflows/preview.yml").read_text(encoding="utf-8"))
    steps = [s for job in workflow["jobs"].values() for s in job["steps"] if "pr-preview-action" in s.get("uses", "")]
    return steps[0]["with"]["umbrella-dir"]


def test_the_site_is_published_beside_the_previews(tmp_path, origin, github):
    bare, checkout = origin
    umbrella = _umbrella_dir()
    pages = tmp_path / "pages-seed"
    git(tmp_path, "clone", "--quiet", str(bare), str(pages))
    git(pages, "checkout", "--quiet", "--orphan", "gh-pages")
    git(pages, "rm", "-rf", "--quiet", ".")
    (pages / umbrella / "pr-3").mkdir(parents=True)
    (pages / umbrella / "pr-3" / "index.html").write_text("voorbeeld 3")
    (pages / "CNAME").write_text("zodoenwedat.nl\n")
    (pages / "oud.html").write_text("weg ermee")
    git(pages, "add", ".", env=github.env())
    git(pages, "commit", "--quiet", "-m", "Oude site", env=github.env())
    git(pages, "push", "--quiet", "origin", "gh-pages", env=github.env())

    site = tmp_path / "site"
    (site / "praktijkvoorbeelden").mkdir(parents=True)
    (site / "index.html").write_text("nieuw")
    (site / "praktijkvoorbeelden" / "index.html").write_text("lijst")
    result = run_script("publish-site.sh", checkout, github.env(GH_TOKEN="geheim"), str(site))
    assert result.returncode == 0, result.stderr
    assert _branch_files(bare, "gh-pages") == {
        ".nojekyll": "",
        "CNAME": "zodoenwedat.nl\n",
        "index.html": "nieuw",
        "praktijkvoorbeelden/index.html": "lijst",
        f"{umbrella}/pr-3/index.html": "voorbeeld 3",
    }
    # Nothing changed: no new commit.
    head = git(bare, "rev-parse", "gh-pages")
    assert run_script("publish-site.sh", checkout, github.env(), str(site)).returncode == 0
    assert git(bare, "rev-parse", "gh-pages") == head


def test_the_first_publication_makes_the_branch(tmp_path, origin, github):
    bare, checkout = origin
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("eerste")
    result = run_script("publish-site.sh", checkout, github.env(), str(site))
    assert result.returncode == 0, result.stderr
    assert _branch_files(bare, "gh-pages") == {".nojekyll": "", "index.html": "eerste"}
