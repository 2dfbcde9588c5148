"""The GitHub issue form through which someone without git proposes a case.

Derived from the case model and the vocabularies (one source of truth): the
committed ``.github/ISSUE_TEMPLATE/nieuw-praktijkvoorbeeld.yml`` must equal
``issue_form()``; ``zodoenwedat generate`` rewrites it.
"""

from __future__ import annotations

import yaml

from .body import OPTIONAL_SECTIONS, REQUIRED_SECTIONS
from .models import Case

PATH = ".github/ISSUE_TEMPLATE/nieuw-praktijkvoorbeeld.yml"

_VOCABULARY_FIELDS = {  # field -> (vocabulary, multiple)
    "province": ("provinces", False),
    "themes": ("themes", True),
    "target_groups": ("target-groups", True),
    "phase": ("phases", False),
}
_LABELS = {
    "title": "Titel",
    "summary": "Samenvatting",
    "place": "Plaats (gemeente)",
    "neighbourhood": "Wijk, straat of complex",
    "province": "Provincie",
    "themes": "Thema's",
    "partners": "Partners",
    "target_groups": "Doelgroepen",
    "phase": "Fase",
    "started": "Startjaar",
    "sources": "Bronnen",
    "contact": "Contact (een organisatie, geen persoon)",
}
_TEXTAREAS = {"summary", "partners", "sources"}
_REQUIRED_EXTRA = {"sources"}  # facts come only from a source: a proposal must name one
_SKIPPED = {"published", "updated", "related", "coordinates", "aliases"}  # filled in by the editors


def _field(name: str, vocabularies: dict) -> dict:
    info = Case.model_fields[name]
    required = info.is_required() or name in _REQUIRED_EXTRA
    description = info.description or ""
    if name == "partners":
        description = "Eén partner per regel: soort partner – naam (alleen als een bron die noemt; anders alleen de soort) – wat de partner doet (als je dat weet)."
    if name == "sources":
        description = "Titel, uitgever en datum van het artikel of document, met webadres als dat er is. Gebruik alleen feiten uit deze bronnen."
    if name in _VOCABULARY_FIELDS:
        vocabulary, multiple = _VOCABULARY_FIELDS[name]
        options = [f"{term.label} ({code})" for code, term in vocabularies.get(vocabulary, {}).items()]
        return {
            "type": "dropdown",
            "id": name,
            "attributes": {"label": _LABELS[name], "description": description, "multiple": multiple, "options": options},
            "validations": {"required": required},
        }
    return {
        "type": "textarea" if name in _TEXTAREAS else "input",
        "id": name,
        "attributes": {"label": _LABELS.get(name, name), "description": description},
        "validations": {"required": required},
    }


def issue_form(vocabularies: dict) -> dict:
    body: list[dict] = [
        {
            "type": "markdown",
            "attributes": {
                "value": (
                    "Stel een praktijkvoorbeeld voor zonder zelf een bestand te maken. De redactie zet je voorstel om "
                    "in een bestand in `cases/` en vraagt je zo nodig om aanvulling.\n\n"
                    "Schrijf in gewone taal en gebruik alleen feiten uit een bron. Zet geen telefoonnummers of andere "
                    "persoonsgegevens in het formulier."
                )
            },
        }
    ]
    for name in Case.model_fields:
        if name not in _SKIPPED:
            body.append(_field(name, vocabularies))
    for section in REQUIRED_SECTIONS + OPTIONAL_SECTIONS:
        required = section in REQUIRED_SECTIONS
        body.append(
            {
                "type": "textarea",
                "id": section.lower(),
                "attributes": {
                    "label": section,
                    "description": {
                        "Aanleiding": "Waarom begon de samenwerking? Welke vraag of welk probleem speelde er?",
                        "Aanpak": "Wat doen de partners samen, en wie doet wat?",
                        "Resultaten": "Wat heeft het opgeleverd? Alleen resultaten die de bron noemt.",
                        "Lessen": "Wat zouden de partners een ander aanraden?",
                    }[section],
                },
                "validations": {"required": required},
            }
        )
    body.append(
        {
            "type": "checkboxes",
            "id": "akkoord",
            "attributes": {
                "label": "Controle",
                "options": [
                    {"label": "De feiten komen uit de genoemde bronnen; ik heb niets verzonnen.", "required": True},
                    {"label": "Er staan geen telefoonnummers of persoonsgegevens in dit voorstel.", "required": True},
                ],
            },
        }
    )
    return {
        "name": "Nieuw praktijkvoorbeeld",
        "description": "Stel een praktijkvoorbeeld voor van samenwerking tussen wonen, zorg, welzijn en gemeente.",
        "title": "Nieuw praktijkvoorbeeld: ",
        "labels": ["nieuw praktijkvoorbeeld"],
        "body": body,
    }


def issue_form_yaml(vocabularies: dict) -> str:
    header = "# Generated from zodoenwedat/models.py and data/*.yml by `zodoenwedat generate`; do not edit by hand.\n"
    return header + yaml.safe_dump(issue_form(vocabularies), allow_unicode=True, sort_keys=False, width=100)
