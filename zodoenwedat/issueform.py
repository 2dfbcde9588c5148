"""The GitHub issue form through which someone without git proposes a case.

One definition, two uses. ``form_fields()`` describes every field of the form: its
label, its kind, the model field or body section it fills and, for partners, sources
and contact, the parts of each line. ``issue_form()`` turns that into the committed
``.github/ISSUE_TEMPLATE/nieuw-praktijkvoorbeeld.yml`` (``zodoenwedat generate``
rewrites it; a test compares), and :mod:`zodoenwedat.fromissue` reads a filled-in form
back with the same fields. Everything is derived from the case model, the
vocabularies and the examples of the new-case template.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from typing import Any

import yaml
from pydantic import BaseModel

from .body import OPTIONAL_SECTIONS, REQUIRED_SECTIONS
from .models import Case
from .repository import PARTNER_TYPE_VOCABULARY, VOCABULARY_FIELDS
from .template import example_value
from .vocabularies import CASE_VOCABULARIES

PATH = ".github/ISSUE_TEMPLATE/nieuw-praktijkvoorbeeld.yml"
LABEL = "nieuw praktijkvoorbeeld"  # every issue made with the form carries it
SEPARATOR = "|"  # between the parts of one line in the partner, source and contact fields

_LABELS = {
    "title": "Titel",
    "summary": "Samenvatting",
    "place": "Plaats (gemeente)",
    "neighbourhood": "Wijk, straat of complex",
    "partners": "Partners",
    # a vocabulary's field: its legend in the finder ("Provincie"), or for a list its title ("Thema's")
    **{v.field: v.title if v.many else v.legend for v in CASE_VOCABULARIES},
    "started": "Startjaar",
    "sources": "Bronnen",
    "contact": "Contact (een organisatie, geen persoon)",
}
_TEXTAREAS = {"summary", "partners", "sources"}
_REQUIRED_EXTRA = {"sources"}  # facts come only from a source: a proposal must name one
_SKIPPED = {"published", "updated", "related", "coordinates", "aliases"}  # filled in by the editors
# The parts of one line, by nested model field, as the description names them.
_PART_LABELS = {
    "Partner.type": "soort",
    "Partner.name": "naam",
    "Partner.role": "wat de partner doet",
    "Partner.url": "website",
    "Source.title": "titel",
    "Source.publisher": "uitgever",
    "Source.url": "webadres",
    "Source.date": "datum (JJJJ-MM-DD)",
    "Contact.organisation": "organisatie",
    "Contact.url": "website",
    "Contact.email": "e-mailadres",
}
_PART_VOCABULARIES = {"Partner.type": PARTNER_TYPE_VOCABULARY}
_ONE_PER_LINE = {"partners": "Eén partner per regel", "sources": "Eén bron per regel"}
_AFTER_FORMAT = {"sources": " Gebruik alleen feiten uit deze bronnen."}

SECTIONS = {  # body section -> (description, placeholder)
    "Aanleiding": (
        "Waarom begon de samenwerking? Welke vraag of welk probleem speelde er?",
        "Beschrijf hier waarom de samenwerking begon: welke vraag of welk probleem speelde er in de wijk, "
        "voor wie, en wie zag dat als eerste? Schrijf in gewone taal en noem alleen feiten uit de bron. "
        "Verzin geen namen, aantallen of resultaten.",
    ),
    "Aanpak": (
        "Wat doen de partners samen, en wie doet wat?",
        "Beschrijf hier wat de partners samen doen: wie doet wat, hoe zijn de afspraken gemaakt, hoe worden "
        "bewoners betrokken en wat maakt de aanpak bijzonder? Schrijf voor collega's die iets vergelijkbaars "
        "willen beginnen, en gebruik ook hier alleen wat de bron vertelt.",
    ),
    "Resultaten": (
        "Wat heeft het opgeleverd? Alleen resultaten die de bron noemt.",
        "Wat heeft de samenwerking opgeleverd, volgens de bron?",
    ),
    "Lessen": (
        "Wat zouden de partners een ander aanraden?",
        "Wat zouden de partners een ander aanraden, volgens de bron?",
    ),
}
CHECKS = (
    "De feiten komen uit de genoemde bronnen; ik heb niets verzonnen.",
    "Er staan geen telefoonnummers of persoonsgegevens in dit voorstel.",
)


@dataclass(frozen=True)
class Part:
    """One part of a line in a field such as Partners: a field of the nested model."""

    name: str
    label: str
    required: bool
    vocabulary: str | None = None
    is_date: bool = False


@dataclass(frozen=True)
class FormField:
    id: str
    label: str
    kind: str  # input, textarea, dropdown or checkboxes
    required: bool
    description: str = ""
    placeholder: str = ""
    section: str | None = None  # the body section (## heading) that this textarea fills
    vocabulary: str | None = None
    multiple: bool = False
    options: tuple[str, ...] = ()  # dropdown options or checkbox labels, as the editor sees them
    codes: tuple[str, ...] = ()  # the code behind each dropdown option
    model: type[BaseModel] | None = None  # partners, sources, contact: the model of one line
    many: bool = False  # one model per line (partners, sources) or a single line (contact)
    parts: tuple[Part, ...] = ()

    @property
    def case_field(self) -> str | None:
        """The front-matter field this form field fills, if any."""
        return self.id if self.section is None and self.kind != "checkboxes" else None


def _nested(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """(model, is a list) for list[Model] and Model | None annotations."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin = typing.get_origin(annotation)
    for arg in typing.get_args(annotation):
        model, _ = _nested(arg)
        if model is not None:
            return model, origin is list
    return None, False


def _has_date(annotation: Any) -> bool:
    return annotation is dt.date or any(_has_date(arg) for arg in typing.get_args(annotation))


def _example(model: type[BaseModel], name: str) -> Any:
    info = model.model_fields[name]
    return info.examples[0] if info.examples else example_value(model, name)


def _parts(model: type[BaseModel]) -> tuple[Part, ...]:
    parts = []
    for name, info in model.model_fields.items():
        key = f"{model.__name__}.{name}"
        parts.append(Part(name, _PART_LABELS[key], info.is_required(), _PART_VOCABULARIES.get(key), _has_date(info.annotation)))
    return tuple(parts)


def join_parts(values: list[str]) -> str:
    """One line of a partner, source or contact field: the parts with empty ones at the end left off."""
    while values and not values[-1]:
        values.pop()
    return f" {SEPARATOR} ".join(values)


def _line(model: type[BaseModel], parts: tuple[Part, ...], vocabularies: dict, second: bool) -> str:
    """An example line. The second leaves out the first optional part, to show an empty part."""
    values, skipped = [], False
    for part in parts:
        value = _example(model, part.name)
        if part.vocabulary and second:
            codes = list(vocabularies.get(part.vocabulary, {}))
            value = codes[1] if len(codes) > 1 else value
        if second and not part.required and not skipped:
            value, skipped = "", True
        values.append("" if value is None else str(value))
    return join_parts(values)


def _format_description(name: str, model_description: str, parts: tuple[Part, ...], many: bool, vocabularies: dict) -> str:
    layout = f" {SEPARATOR} ".join(part.label for part in parts)
    required = [part.label for part in parts if part.required]
    text = (
        f"{model_description} {_ONE_PER_LINE[name] if many else 'Op één regel'}: {layout}, "
        f"gescheiden door een verticale streep ({SEPARATOR}). "
        f"Verplicht: {' en '.join(required)}. Weet je een deel niet, of noemt de bron het niet, laat het dan leeg "
        f"(twee strepen achter elkaar); lege delen aan het eind mag je weglaten."
    )
    for part in parts:
        if part.vocabulary:
            codes = ", ".join(vocabularies.get(part.vocabulary, {}))
            text += f" De {part.label} is een van: {codes}."
    return text + _AFTER_FORMAT.get(name, "")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _case_field(name: str, vocabularies: dict) -> FormField:
    info = Case.model_fields[name]
    required = info.is_required() or name in _REQUIRED_EXTRA
    description = info.description or ""
    label = _LABELS[name]
    if name in VOCABULARY_FIELDS:
        vocabulary = VOCABULARY_FIELDS[name]
        terms = vocabularies.get(vocabulary, {})
        return FormField(
            name,
            label,
            "dropdown",
            required,
            description,
            vocabulary=vocabulary,
            multiple=typing.get_origin(info.annotation) is list,
            options=tuple(f"{term.label} ({code})" for code, term in terms.items()),
            codes=tuple(terms),
        )
    model, many = _nested(info.annotation)
    kind = "textarea" if name in _TEXTAREAS else "input"
    if model is not None:
        parts = _parts(model)
        lines = [_line(model, parts, vocabularies, second=False)]
        if many:
            lines.append(_line(model, parts, vocabularies, second=True))
        return FormField(
            name,
            label,
            kind,
            required,
            _format_description(name, description, parts, many, vocabularies),
            placeholder="\n".join(lines),
            model=model,
            many=many,
            parts=parts,
        )
    return FormField(name, label, kind, required, description, placeholder=_text(_example(Case, name)))


def form_fields(vocabularies: dict) -> list[FormField]:
    """Every field of the form, in the order the editor sees them."""
    fields = [_case_field(name, vocabularies) for name in Case.model_fields if name not in _SKIPPED]
    for section in REQUIRED_SECTIONS + OPTIONAL_SECTIONS:
        description, placeholder = SECTIONS[section]
        fields.append(
            FormField(
                section.lower(), section, "textarea", section in REQUIRED_SECTIONS, description, placeholder, section=section
            )
        )
    fields.append(FormField("akkoord", "Controle", "checkboxes", True, options=CHECKS))
    return fields


_INTRO = (
    "Stel een praktijkvoorbeeld voor zonder zelf een bestand te maken. Zodra je het formulier verstuurt, zet "
    "een robot je voorstel om in een bestand in `cases/` en opent een pull request met een voorbeeld van de "
    "pagina; de redactie kijkt het na. Klopt er iets niet, dan lees je in een reactie onder je issue wat je "
    "moet verbeteren. Pas dan je issue aan (**Edit**): de controle draait opnieuw.\n\n"
    "Schrijf in gewone taal en gebruik alleen feiten uit een bron. Zet geen telefoonnummers of andere "
    "persoonsgegevens in het formulier."
)


def _form_item(field: FormField) -> dict:
    if field.kind == "checkboxes":
        return {
            "type": "checkboxes",
            "id": field.id,
            "attributes": {"label": field.label, "options": [{"label": option, "required": True} for option in field.options]},
        }
    attributes: dict[str, Any] = {"label": field.label, "description": field.description}
    if field.kind == "dropdown":
        attributes |= {"multiple": field.multiple, "options": list(field.options)}
    else:
        attributes["placeholder"] = field.placeholder
    return {"type": field.kind, "id": field.id, "attributes": attributes, "validations": {"required": field.required}}


def issue_form(vocabularies: dict) -> dict:
    body: list[dict] = [{"type": "markdown", "attributes": {"value": _INTRO}}]
    body += [_form_item(field) for field in form_fields(vocabularies)]
    return {
        "name": "Nieuw praktijkvoorbeeld",
        "description": "Stel een praktijkvoorbeeld voor van samenwerking tussen wonen, zorg, welzijn en gemeente.",
        "title": "Nieuw praktijkvoorbeeld: ",
        "labels": [LABEL],
        "body": body,
    }


def issue_form_yaml(vocabularies: dict) -> str:
    header = "# Generated from zodoenwedat/models.py and data/*.yml by `zodoenwedat generate`; do not edit by hand.\n"
    return header + yaml.safe_dump(issue_form(vocabularies), allow_unicode=True, sort_keys=False, width=100)
