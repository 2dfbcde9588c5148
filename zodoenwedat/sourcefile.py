"""Reading a file's bytes as text, and validating located YAML against a model."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .messages import translate
from .problems import Problems
from .yamlsource import Located

MAX_FILE_BYTES = 2 * 1024 * 1024


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    """The file's text, or None after reporting why it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(rel, 1, 1, "unreadable", f"Het bestand kan niet gelezen worden ({exc.strerror or exc}).")
        return None
    if len(data) > MAX_FILE_BYTES:
        problems.add(
            rel,
            1,
            1,
            "file-too-large",
            f"Het bestand is te groot ({len(data) // 1024} KB, maximaal {MAX_FILE_BYTES // 1024} KB). "
            "Een praktijkvoorbeeld is een paar pagina's tekst; kort het in.",
        )
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.add(
            rel,
            line,
            column,
            "not-utf8",
            f"Het bestand is niet als UTF-8 opgeslagen (onleesbaar teken 0x{data[exc.start]:02x}). "
            "Sla het op als UTF-8 (in de meeste editors: Opslaan als… › Codering: UTF-8).",
        )
        return None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        problems.add(
            rel,
            line,
            1,
            "binary",
            "Het bestand bevat een NUL-teken; het lijkt geen tekstbestand. Sla het op als gewone tekst (UTF-8).",
        )
        return None
    return text.removeprefix("\ufeff")


def report_located(located: Located, rel: str, problems: Problems) -> None:
    for issue in located.issues:
        problems.add(rel, issue.line, issue.column, issue.code, issue.message)


M = TypeVar("M", bound=BaseModel)


def validate_model(model: type[M], value: Any, located: Located, rel: str, problems: Problems, prefix: tuple = ()) -> M | None:
    """Validate ``value`` with ``model``; report every error on its own line."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            loc = tuple(error["loc"])
            if error["type"] != "extra_forbidden" and any((prefix + loc)[: len(bad)] == bad for bad in located.issue_paths):
                continue  # already reported by the YAML reader
            allowed = _allowed_keys(model, loc)
            code, message = translate(dict(error), allowed)
            if error["type"] == "extra_forbidden":
                line, column = located.key_where(prefix + loc)
            else:
                line, column = located.where(prefix + loc)
            problems.add(rel, line, column, code, message)
        return None


def _allowed_keys(model: type[BaseModel], loc: tuple) -> tuple[str, ...]:
    """Field names of the (nested) model that an error location points into."""
    current: Any = model
    for step in loc[:-1]:
        if isinstance(step, int):
            continue
        field = getattr(current, "model_fields", {}).get(step)
        if field is None:
            break
        current = _inner_model(field.annotation) or current
    return tuple(getattr(current, "model_fields", {}))


def _inner_model(annotation: Any):
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None
