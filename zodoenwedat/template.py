"""The template for a new case (an 'archetype'), derived from the models.

Every field gets a Dutch comment taken from the model's description; required
fields are filled with an example, optional ones are commented out. The result
is a valid case file, so ``zodoenwedat validate`` passes on it straight away
and the editor can replace the text step by step.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .models import Case, Contact, Coordinates, Partner, Source
from .vocabularies import CASE_FIELDS, PARTNER_TYPES

_NESTED_LIST: dict[str, type[BaseModel]] = {"partners": Partner, "sources": Source}
_NESTED_BLOCK: dict[str, type[BaseModel]] = {"contact": Contact, "coordinates": Coordinates}
_VOCABULARY_OF = {**CASE_FIELDS, "type": PARTNER_TYPES}  # field (of a case or a partner) -> vocabulary

# Example values for fields whose model carries none.
_EXAMPLES: dict[str, Any] = {
    "title": "Titel van het praktijkvoorbeeld",
    "summary": "Eén of twee zinnen over wie hier samenwerken, waaraan en met welk doel. Deze tekst verschijnt in overzichten.",
    "place": "Plaatsnaam",
    "neighbourhood": "Naam van de wijk of straat",
    "started": 2020,
    "updated": None,
    "related": ["naam-van-ander-voorbeeld"],
    "aliases": ["oude-naam"],
    "Partner.type": "woningcorporatie",
    "Partner.name": "Naam van de organisatie",
    "Partner.role": "Wat deze partner doet",
    "Partner.url": "https://www.voorbeeld.nl/",
    "Source.title": "Titel van het artikel",
    "Source.publisher": "Naam van de uitgever",
    "Source.url": "https://www.voorbeeld.nl/artikel",
    "Source.date": "2022-02-09",
    "Contact.organisation": "Naam van de organisatie",
    "Contact.url": "https://www.voorbeeld.nl/contact",
    "Contact.email": "info@voorbeeld.nl",
    "Coordinates.lat": 52.37,
    "Coordinates.lon": 5.22,
}

BODY = """
## Aanleiding

Vervang deze tekst. Beschrijf waarom de samenwerking begon: welke vraag of welk
probleem speelde er in de wijk, voor wie, en wie zag dat als eerste? Noem alleen
feiten uit de bron en verzin geen namen, aantallen of resultaten.

## Aanpak

Vervang deze tekst. Beschrijf wat de partners samen doen: wie doet wat, hoe zijn
de afspraken gemaakt, hoe worden bewoners betrokken en wat maakt de aanpak
bijzonder? Schrijf in gewone taal voor collega's die iets vergelijkbaars willen
beginnen. Een link naar een ander praktijkvoorbeeld schrijf je zo:
[Oslostraat in Almere](oslostraat-almere.md).

## Resultaten

Optioneel: wat heeft het opgeleverd? Alleen resultaten die de bron noemt.

## Lessen

Optioneel: wat zouden de partners een ander aanraden?
"""


def _yaml_value(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and (value[:4].isdigit() and "-" in value):
        return value  # a date: YAML reads it as a date, as it should
    return json.dumps(value, ensure_ascii=False)


def _example(model: type[BaseModel], name: str, info: FieldInfo) -> Any:
    key = name if model is Case else f"{model.__name__}.{name}"
    if key in _EXAMPLES:
        return _EXAMPLES[key]
    if info.examples:
        return info.examples[0]
    return None


def example_value(model: type[BaseModel], name: str) -> Any:
    """The example for a field of ``model``, as the template shows it (None when there is none)."""
    return _example(model, name, model.model_fields[name])


def _comment(info: FieldInfo, required: bool, name: str, vocabularies: dict, indent: str) -> list[str]:
    text = (info.description or "").strip()
    status = "verplicht" if required else "optioneel"
    lines = [f"{indent}# {text} ({status})"]
    vocabulary = _VOCABULARY_OF.get(name)
    if vocabulary and vocabularies.get(vocabulary):
        lines.append(f"{indent}#   Kies uit: " + ", ".join(vocabularies[vocabulary]))
    return lines


def _model_lines(model: type[BaseModel], vocabularies: dict, indent: str, first_prefix: str, commented: bool) -> list[str]:
    lines: list[str] = []
    prefix = first_prefix
    for name, info in model.model_fields.items():
        required = info.is_required()
        value = _example(model, name, info)
        hash_ = "# " if (commented or not required) else ""
        lines.extend(_comment(info, required, name, vocabularies, indent + ("  " if prefix.strip() else "")))
        lines.append(f"{indent}{hash_}{prefix}{name}: {_yaml_value(value)}")
        prefix = " " * len(prefix)
    return lines


def new_case_text(vocabularies: dict | None = None, today: dt.date | None = None) -> str:
    vocabularies = vocabularies or {}
    today = today or dt.date.today()
    lines = ["---"]
    for name, info in Case.model_fields.items():
        required = info.is_required()
        lines.extend(_comment(info, required, name, vocabularies, ""))
        if name in _NESTED_LIST:
            hash_ = "" if required else "# "
            lines.append(f"{hash_}{name}:")
            lines.extend(_model_lines(_NESTED_LIST[name], vocabularies, "", f"{hash_}  - ", commented=not required))
            continue
        if name in _NESTED_BLOCK:
            lines.append(f"# {name}:")
            # Every line of an optional block is commented out, required sub-fields too
            # (a "#" only on the first line left "    lon: 5.22" as broken YAML).
            lines.extend(_model_lines(_NESTED_BLOCK[name], vocabularies, "", "  ", commented=True))
            continue
        if name == "published":
            value = today.isoformat()
        else:
            value = _example(Case, name, info)
        hash_ = "" if required else "# "
        lines.append(f"{hash_}{name}: {_yaml_value(value) if value is not None else 'JJJJ-MM-DD'}")
    lines.append("---")
    return "\n".join(lines) + "\n" + BODY
