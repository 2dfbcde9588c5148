"""The field reference for editors, derived from the models and vocabularies."""

from __future__ import annotations

from dataclasses import dataclass, field

from pydantic import BaseModel

from .models import Case, Contact, Coordinates, Partner, Source
from .vocabularies import VOCABULARIES

NESTED: dict[str, type[BaseModel]] = {"partners": Partner, "sources": Source, "contact": Contact, "coordinates": Coordinates}
VOCABULARY_OF = {v.field: v.name for v in VOCABULARIES}


@dataclass
class FieldRow:
    name: str
    required: bool
    description: str
    codes: list[tuple[str, str]] = field(default_factory=list)  # (code, label)


def field_rows(vocabularies: dict) -> list[FieldRow]:
    rows = []

    def codes(key: str) -> list[tuple[str, str]]:
        vocabulary = VOCABULARY_OF.get(key)
        return [(code, term.label) for code, term in vocabularies.get(vocabulary, {}).items()] if vocabulary else []

    for name, info in Case.model_fields.items():
        rows.append(FieldRow(name, info.is_required(), info.description or "", codes(name)))
        for sub, sub_info in NESTED[name].model_fields.items() if name in NESTED else ():
            rows.append(FieldRow(f"{name}.{sub}", sub_info.is_required(), sub_info.description or "", codes(f"{name}.{sub}")))
    return rows
