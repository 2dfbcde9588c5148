"""Loading the files in ``data/``: vocabularies, the coalition, the content licence and the webinars."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from .models import CoalitionMember, ContentLicence, VocabularyTerm, Webinar
from .problems import Problems
from .sourcefile import read_text, report_located, validate_model
from .textrules import SLUG_MAX, SLUG_RE
from .vocabularies import VOCABULARIES
from .yamlsource import load_located

# Vocabulary name -> file in data/ (from the registry, zodoenwedat.vocabularies).
VOCABULARY_FILES = {v.name: v.file for v in VOCABULARIES}
COALITION_FILE = "coalition.yml"
LICENCE_FILE = "licence.yml"
WEBINARS_FILE = "webinars.yml"

M = TypeVar("M", bound=BaseModel)


def _load(data_dir: Path, name: str, problems: Problems):
    rel = f"data/{name}"
    path = data_dir / name
    if not path.is_file():
        problems.add(rel, 1, 1, "missing-data-file", f"Het gegevensbestand {rel} ontbreekt; zet het terug (zie de repository).")
        return rel, None
    text = read_text(path, rel, problems)
    if text is None:
        return rel, None
    located = load_located(text)
    report_located(located, rel, problems)
    if located.value is None and located.issues:
        return rel, None
    return rel, located


def load_mapping(data_dir: Path, name: str, model: type[M], problems: Problems) -> dict[str, M]:
    """A file that maps slug -> fields, validated entry by entry, in file order."""
    rel, located = _load(data_dir, name, problems)
    if located is None:
        return {}
    if not isinstance(located.value, dict):
        problems.add(
            rel,
            1,
            1,
            "data-not-mapping",
            f"{rel} moet bestaan uit codes met daaronder hun velden, zoals 'code:' en ingesprongen 'label: …'.",
        )
        return {}
    entries: dict[str, M] = {}
    for slug, value in located.value.items():
        line, column = located.key_where((slug,))
        if not isinstance(slug, str) or not SLUG_RE.match(slug) or len(slug) > SLUG_MAX:
            problems.add(
                rel,
                line,
                column,
                "invalid-slug",
                f"'{slug}' is geen geldige code: gebruik kleine letters a-z, cijfers en enkele koppeltekens.",
            )
            continue
        item = validate_model(model, value, located, rel, problems, prefix=(slug,))
        if item is not None:
            entries[slug] = item
    return entries


def load_vocabularies(data_dir: Path, problems: Problems) -> dict[str, dict[str, VocabularyTerm]]:
    return {name: load_mapping(data_dir, file, VocabularyTerm, problems) for name, file in VOCABULARY_FILES.items()}


def load_coalition(data_dir: Path, problems: Problems) -> dict[str, CoalitionMember]:
    return load_mapping(data_dir, COALITION_FILE, CoalitionMember, problems)


def load_licence(data_dir: Path, problems: Problems) -> ContentLicence | None:
    """The content licence: one block of fields (see data/licence.yml)."""
    rel, located = _load(data_dir, LICENCE_FILE, problems)
    if located is None:
        return None
    if not isinstance(located.value, dict):
        problems.add(
            rel,
            1,
            1,
            "data-not-mapping",
            f"{rel} moet bestaan uit regels 'veld: waarde', zoals 'spdx: CC-BY-4.0' en 'name: …'.",
        )
        return None
    return validate_model(ContentLicence, located.value, located, rel, problems)  # type: ignore[return-value]


def load_webinars(data_dir: Path, problems: Problems) -> tuple[list[Webinar], dict[str, tuple[int, int]], str]:
    """The webinars, the position of each by id, and the file's path for messages."""
    rel, located = _load(data_dir, WEBINARS_FILE, problems)
    if located is None:
        return [], {}, rel
    if located.value is None:
        return [], {}, rel
    if not isinstance(located.value, list):
        problems.add(rel, 1, 1, "data-not-list", f"{rel} moet een lijst zijn: elk webinar begint met '- id: …'.")
        return [], {}, rel
    webinars: list[Webinar] = []
    where: dict[str, tuple[int, int]] = {}
    seen: dict[str, int] = {}
    for index, value in enumerate(located.value):
        webinar = validate_model(Webinar, value, located, rel, problems, prefix=(index,))
        if webinar is None:
            continue
        line, column = located.where((index, "id"))
        if webinar.id in seen:
            problems.add(
                rel,
                line,
                column,
                "duplicate-id",
                f"Het webinar-id '{webinar.id}' staat al op regel {seen[webinar.id]}; elk webinar heeft een eigen id.",
            )
            continue
        seen[webinar.id] = line
        webinars.append(webinar)
        where[webinar.id] = (line, column)
        for field in ("organisers", "cases"):
            for item_index in range(len(getattr(webinar, field))):
                where[f"{webinar.id}/{field}/{item_index}"] = located.where((index, field, item_index))
    return webinars, where, rel
