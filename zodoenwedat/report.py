"""Reporters: the same problems as Dutch text, GitHub Actions annotations or JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable

from .problems import Problem


def _summary(count: int, files: int) -> str:
    if count == 0:
        return "Geen problemen gevonden."
    noun = "probleem" if count == 1 else "problemen"
    where = "1 bestand" if files == 1 else f"{files} bestanden"
    return f"{count} {noun} gevonden in {where}. Verbeter ze en controleer opnieuw met: zodoenwedat validate"


def text_report(problems: list[Problem], checked: int) -> str:
    lines = [p.as_text() for p in problems]
    files = len({p.path for p in problems})
    if problems:
        lines.append("")
        lines.append(_summary(len(problems), files))
    else:
        lines.append(f"{checked} bestanden gecontroleerd. {_summary(0, 0)}")
    return "\n".join(lines) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_report(problems: list[Problem], checked: int) -> str:
    """GitHub Actions workflow commands: each problem shows on its line in the pull request."""
    lines = [
        f"::error file={_escape_property(p.path)},line={p.line},col={p.column},"
        f"title={_escape_property('Praktijkvoorbeeld: ' + p.code)}::{_escape_data(p.message)}"
        for p in problems
    ]
    lines.append(text_report(problems, checked).rstrip("\n").splitlines()[-1])
    return "\n".join(lines) + "\n"


def json_report(problems: Iterable[Problem], checked: int) -> str:
    items = [p.as_dict() for p in problems]
    return json.dumps({"checked": checked, "ok": not items, "problems": items}, ensure_ascii=False, indent=2) + "\n"


REPORTERS = {"text": text_report, "github": github_report, "json": json_report}
