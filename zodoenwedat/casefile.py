"""Loading one case file: front matter with positions, the model, the body checks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .body import BodyReport, check_body
from .models import Case
from .problems import Problems
from .sourcefile import read_text, report_located, validate_model
from .textrules import SLUG_MAX, SLUG_RE, may_contain_private_numbers, privacy_problems
from .yamlsource import Located, load_located

_DELIMITER = "---"
_DIGIT_RE = re.compile(r"\d")


@dataclass
class CaseFile:
    """A case as read from disk. ``case`` is None when the front matter is invalid."""

    slug: str
    path: str  # relative to the repository root, with forward slashes
    case: Case | None = None
    body: str = ""
    body_line: int = 1
    located: Located | None = None
    body_report: BodyReport | None = None


def split_front_matter(text: str) -> tuple[str, int, str, int] | tuple[None, int, str, str]:
    """(yaml text, its first file line, body, body's first file line).

    On failure: (None, line, code, message).
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip("\r ").strip() != _DELIMITER:
        return (
            None,
            1,
            "no-front-matter",
            "Het bestand moet beginnen met een regel met alleen ---, dan de velden (title:, summary:, …) en weer een regel ---. "
            "Maak een nieuw bestand met 'zodoenwedat new <naam>' om het sjabloon te zien.",
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r ") in (_DELIMITER, "..."):
            front = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return front, 2, body, index + 2
    return (
        None,
        1,
        "unclosed-front-matter",
        "De kop met velden wordt niet afgesloten: zet na het laatste veld een regel met alleen ---.",
    )


def suggest_slug(stem: str) -> str:
    text = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:SLUG_MAX].rstrip("-") or "naam-van-het-voorbeeld"


def load_case(path: Path, rel: str, problems: Problems) -> CaseFile:
    slug = path.stem
    result = CaseFile(slug=slug, path=rel)
    if not SLUG_RE.match(slug) or len(slug) > SLUG_MAX:
        problems.add(
            rel,
            1,
            1,
            "invalid-filename",
            f"De bestandsnaam '{path.name}' is geen geldige code: gebruik kleine letters a-z, cijfers en enkele koppeltekens, "
            f"hoogstens {SLUG_MAX} tekens. Hernoem het bestand bijvoorbeeld naar '{suggest_slug(slug)}.md'.",
        )
    text = read_text(path, rel, problems)
    if text is None:
        return result

    split = split_front_matter(text)
    if split[0] is None:
        _, line, code, message = split
        problems.add(rel, line, 1, code, message)
        return result
    front, front_line, body, body_line = split
    result.body, result.body_line = body, body_line

    located = load_located(front, line_offset=front_line - 1)
    result.located = located
    report_located(located, rel, problems)
    if located.value is None and not located.issues:
        problems.add(
            rel, 1, 1, "empty-front-matter", "De kop tussen de --- regels is leeg; vul de velden in (zie 'zodoenwedat new')."
        )
    elif located.value is not None and not isinstance(located.value, dict):
        problems.add(
            rel,
            front_line,
            1,
            "front-matter-not-mapping",
            "De kop moet bestaan uit regels 'veld: waarde', zoals title: Ruwaard in Oss.",
        )
    elif isinstance(located.value, dict):
        result.case = validate_model(Case, located.value, located, rel, problems)  # type: ignore[assignment]

    report = check_body(body, body_line)
    result.body_report = report
    for line, column, code, message in report.problems:
        problems.add(rel, line, column, code, message)

    for number, text_line in enumerate(text.split("\n") if may_contain_private_numbers(text) else (), start=1):
        if _DIGIT_RE.search(text_line):
            for column, code, message in privacy_problems(text_line):
                problems.add(rel, number, column, code, message)

    return result
