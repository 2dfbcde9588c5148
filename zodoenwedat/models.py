"""The case-file contract as pydantic models: the one source of truth.

The JSON Schema (``zodoenwedat schema``), the template for new cases
(``zodoenwedat new``) and the field reference for editors are all derived from
these models. Descriptions are Dutch because editors read them.

Vocabulary membership and references between files are checked in
:mod:`zodoenwedat.repository`, where every file is known.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from .textrules import SLUG_MAX, SLUG_PATTERN, SLUG_RE, email_problem, https_url_problem, plain_text_problem, source_note_problem
from .vocabularies import BY_NAME, CASE_VOCABULARIES, PARTNER_TYPES, Vocabulary


def _plain(value: str) -> str:
    problem = plain_text_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _https(value: str) -> str:
    problem = https_url_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def _email(value: str) -> str:
    problem = email_problem(value)
    if problem:
        raise ValueError(problem)
    return value


def Text(min_length: int = 1, max_length: int = 400, **kwargs: Any):
    """A plain-text field: no HTML, no control or bidi characters."""
    return Annotated[
        str,
        Field(min_length=min_length, max_length=max_length, **kwargs),
        AfterValidator(_plain),
    ]


Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=SLUG_MAX)]
HttpsUrl = Annotated[
    str, Field(max_length=2000, json_schema_extra={"format": "uri", "pattern": "^https://"}), AfterValidator(_https)
]
Email = Annotated[str, Field(max_length=254, json_schema_extra={"format": "email"}), AfterValidator(_email)]
Date = Annotated[dt.date, Field(strict=False)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _no_source_note(value: str) -> str:
    problem = source_note_problem(value)
    if problem:
        raise PydanticCustomError("source_note", problem)
    return value


class Partner(_Strict):
    type: Slug = Field(description=BY_NAME[PARTNER_TYPES].description)
    name: Text(2, 120) | None = Field(
        None,
        description="Naam van de organisatie, alleen als een bron die noemt. Zonder naam toont de site alleen de soort partner.",
    )
    role: Annotated[Text(2, 300), AfterValidator(_no_source_note)] | None = Field(
        None,
        description="Wat deze partner doet in de samenwerking (gewone tekst). Bezoekers lezen dit: "
        "een notitie over de bronnen hoort niet hier maar in een commentaarregel (# …) in het bestand.",
    )
    url: HttpsUrl | None = Field(None, description="Website van de organisatie (https://).")


def _partner_from_code(value: Any) -> Any:
    """A partner written as its type code alone ('- gemeente'): that type, without a name or role."""
    if isinstance(value, str):
        if not SLUG_RE.match(value) or len(value) > SLUG_MAX:
            raise PydanticCustomError(
                "partner_code",
                "Een partner op één regel is alleen de soort partner, als code uit data/partner-types.yml, "
                "zoals '- gemeente'. Noemt een bron de naam van de organisatie, schrijf dan 'type:' en 'name:' "
                "op aparte regels.",
            )
        return {"type": value}
    return value


# A partner in a case file: a block with fields, or only the code of its type.
PartnerEntry = Annotated[Partner, BeforeValidator(_partner_from_code)]


class Source(_Strict):
    title: Text(2, 300) = Field(description="Titel van het artikel of document.")
    publisher: Text(2, 120) | None = Field(None, description="Wie het publiceerde; laat weg als de bron het niet zegt.")
    url: HttpsUrl | None = Field(None, description="Webadres van de bron (https://).")
    date: Date | None = Field(
        None, description="Datum waarop de bron verscheen, JJJJ-MM-DD (de datum van de bron zelf, niet van deze site)."
    )


class Contact(_Strict):
    organisation: Text(2, 120) = Field(description="De organisatie die vragen beantwoordt (nooit een privépersoon).")
    url: HttpsUrl | None = Field(None, description="Website of contactpagina (https://).")
    email: Email | None = Field(None, description="Algemeen e-mailadres van de organisatie, zoals info@… .")


# A generous box around the Netherlands (including the Wadden and Zeeland).
NL_LAT = (50.70, 53.70)
NL_LON = (3.20, 7.30)


class Coordinates(_Strict):
    lat: float = Field(ge=NL_LAT[0], le=NL_LAT[1], strict=False, description="Breedtegraad, bijvoorbeeld 52.37.")
    lon: float = Field(ge=NL_LON[0], le=NL_LON[1], strict=False, description="Lengtegraad, bijvoorbeeld 5.22.")


def _vocabulary_field(vocabulary: Vocabulary) -> tuple[Any, Any]:
    """A case's field for a vocabulary of the registry: its type and its pydantic Field."""
    if vocabulary.many:
        common: dict[str, Any] = dict(
            max_length=vocabulary.max_items,
            description=vocabulary.description,
            examples=[list(vocabulary.example)],
            json_schema_extra={"uniqueItems": True},
        )
        if vocabulary.required:
            return list[Slug], Field(min_length=1, **common)
        return list[Slug], Field(default_factory=list, **common)
    if vocabulary.required:
        return Slug, Field(description=vocabulary.description, examples=list(vocabulary.example[:1]))
    return Slug | None, Field(None, description=vocabulary.description, examples=list(vocabulary.example[:1]))


def _add_vocabulary_fields(namespace: dict[str, Any], after: str, last: bool = False) -> None:
    """Declare, in a class body's namespace (``vars()`` there: the namespace being built, in the
    order pydantic keeps), the fields of the vocabularies placed after the field ``after`` (and
    those after them, in turn); with ``last``, then those placed last (``after=""``)."""
    for start in [after, ""] if last else [after]:
        for vocabulary in CASE_VOCABULARIES:
            if vocabulary.after == start:
                annotation, info = _vocabulary_field(vocabulary)
                namespace.setdefault("__annotations__", {})[vocabulary.field] = annotation
                namespace[vocabulary.field] = info
                _add_vocabulary_fields(namespace, vocabulary.field)


class Case(_Strict):
    """The front matter of one case file."""

    title: Text(3, 120) = Field(
        description="Titel van het praktijkvoorbeeld (gewone tekst, 3–120 tekens).", examples=["Ruwaard in Oss"]
    )
    summary: Text(40, 400) = Field(
        description="Korte samenvatting voor overzichten en ingesloten pagina's (gewone tekst, 40–400 tekens).",
        examples=[
            "Corporatie, zorg, welzijn en gemeente werken samen aan een leefbare wijk waarin kwetsbare en draagkrachtige bewoners naast elkaar wonen."
        ],
    )
    place: Text(2, 80) = Field(description="Gemeente of plaats, zoals die in het Nederlands geschreven wordt.", examples=["Oss"])
    neighbourhood: Text(2, 120) | None = Field(None, description="Wijk, straat of complex.", examples=["Ruwaard"])
    # The vocabularies' fields are declared in the registry (zodoenwedat.vocabularies): their
    # type, limits, description and place. Here: those that follow neighbourhood.
    _add_vocabulary_fields(vars(), after="neighbourhood")  # province, themes
    partners: list[PartnerEntry] = Field(
        description="De samenwerkende partners, zoals de bronnen ze noemen. Noemt geen bron de organisatie, schrijf dan "
        "alleen de soort partner: '- gemeente'. Noemt geen bron een partner, schrijf dan partners: [].",
        examples=[[{"type": "woningcorporatie", "name": "de Alliantie"}, "gemeente"]],
    )
    _add_vocabulary_fields(vars(), after="partners", last=True)  # target_groups, phase
    started: int | None = Field(None, description="Jaar waarin de samenwerking begon (vanaf 1990).", examples=[2019])
    published: Date = Field(
        description="Datum waarop dit praktijkvoorbeeld voor het eerst op Zo doen we dat verscheen, JJJJ-MM-DD. "
        "De eerste praktijkvoorbeelden hebben de startdatum van de kennisbank: 2022-02-09, de dag waarop het magazine "
        "'Zo doen we dat!' online kwam. Nooit de datum van een bron: die staat bij de bron (sources, date).",
        examples=["2022-02-09"],
    )
    updated: Date | None = Field(
        None, description="Datum van de laatste inhoudelijke wijziging op deze site, JJJJ-MM-DD (niet vóór published)."
    )
    sources: list[Source] = Field(default_factory=list, description="Bronnen waarop de tekst gebaseerd is.")
    related: list[Slug] = Field(
        default_factory=list,
        description="Codes (bestandsnamen zonder .md) van andere praktijkvoorbeelden die erbij passen.",
        json_schema_extra={"uniqueItems": True},
    )
    contact: Contact | None = Field(None, description="Contact via een organisatie; nooit het telefoonnummer van een persoon.")
    coordinates: Coordinates | None = Field(None, description="Ligging binnen Nederland: lat en lon.")
    aliases: list[Slug] = Field(
        default_factory=list,
        description="Oude codes (bestandsnamen) van dit praktijkvoorbeeld na een hernoeming; het oude webadres blijft dan werken.",
        json_schema_extra={"uniqueItems": True},
    )

    @field_validator("started")
    @classmethod
    def _started_in_range(cls, value: int | None) -> int | None:
        if value is None:
            return value
        this_year = dt.date.today().year
        if not 1990 <= value <= this_year:
            raise ValueError(f"Het startjaar moet tussen 1990 en {this_year} liggen; {value} kan niet.")
        return value

    @field_validator("updated")
    @classmethod
    def _updated_after_published(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        published = info.data.get("published")
        if value is not None and published is not None and value < published:
            raise ValueError(
                f"De datum updated ({value.isoformat()}) ligt vóór published ({published.isoformat()}); "
                "updated mag niet eerder zijn dan published."
            )
        return value

    @property
    def last_modified(self) -> dt.date:
        return self.updated or self.published

    def codes(self, vocabulary: str) -> list[str]:
        """The codes this case names from a vocabulary, in its own order, each once."""
        field = BY_NAME[vocabulary].field
        if field == "partners.type":
            return list(dict.fromkeys(p.type for p in self.partners))
        value = getattr(self, field)
        return list(value) if isinstance(value, list) else [] if value is None else [value]


_UNPLACED = [v.name for v in CASE_VOCABULARIES if v.field not in Case.model_fields]
if _UNPLACED:  # a registry entry whose "after" names no field of the case
    raise RuntimeError(f"Vocabularies without a place in the case model (check their 'after'): {_UNPLACED}")


# ------------------------------------------------------------------ data/ ----


class VocabularyTerm(_Strict):
    label: Text(2, 80) = Field(description="Naam zoals bezoekers die lezen.")
    description: Text(10, 600) = Field(description="Korte uitleg in één of twee zinnen.")


class CoalitionMember(_Strict):
    name: Text(2, 120) = Field(description="Naam van de organisatie.")
    url: HttpsUrl = Field(description="Website (https://).")
    description: Text(10, 400) | None = Field(None, description="Wat voor organisatie het is.")


class ContentLicence(_Strict):
    """The licence of the site's content and open data: one setting, in data/licence.yml."""

    spdx: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.+-]*$", max_length=64)] = Field(
        description="De code van de licentie in de SPDX-lijst (spdx.org/licenses), bijvoorbeeld CC-BY-4.0."
    )
    name: Text(2, 160) = Field(description="De volledige naam, zoals bezoekers die lezen.")
    short: Text(2, 40) = Field(description="De korte naam, bijvoorbeeld CC BY 4.0.")
    url: HttpsUrl = Field(description="Het vaste webadres van de licentie (https://), zoals de open data het noemt.")
    deed: HttpsUrl | None = Field(
        None, description="Webadres van een leesbare Nederlandse samenvatting, als die er is; bezoekers krijgen die link."
    )
    summary: Text(10, 400) = Field(description="In één zin wat je met de inhoud mag en wat je dan moet doen.")
    attribution: Text(2, 200) = Field(description="Hoe je de naam vermeldt als je de inhoud hergebruikt.")

    @property
    def link(self) -> str:
        """Where a visitor reads the licence."""
        return self.deed or self.url


Time = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", json_schema_extra={"examples": ["14:30"]})]


TIMEZONE = "Europe/Amsterdam"


def local_datetime(day: dt.date, time: str) -> dt.datetime:
    """A wall-clock time in the Netherlands as an aware datetime."""
    hour, minute = map(int, time.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(TIMEZONE))


def _check_local_time(day: dt.date | None, time: str | None) -> None:
    if day is None or time is None:
        return
    local = local_datetime(day, time)
    round_trip = local.astimezone(dt.UTC).astimezone(local.tzinfo)
    if round_trip.replace(tzinfo=None) != local.replace(tzinfo=None):
        raise ValueError(
            f"Op {day.isoformat()} bestaat {time} niet in Nederland: de klok gaat dan een uur vooruit "
            "(zomertijd). Kies een andere tijd."
        )


class Webinar(_Strict):
    id: Slug = Field(description="Vaste code van het webinar; verander die nooit.")
    title: Text(3, 160) = Field(description="Titel van het webinar.")
    date: Date = Field(description="Dag van het webinar, JJJJ-MM-DD.")
    start: Time | None = Field(None, description='Begintijd "UU:MM" (Nederlandse tijd); weglaten voor een hele dag.')
    end: Time | None = Field(None, description='Eindtijd "UU:MM" (Nederlandse tijd).')
    location: Text(2, 200) | None = Field(None, description="Plaats of 'Online'.")
    organisers: list[Slug] = Field(
        default_factory=list, description="Coalitieleden die het organiseren (codes uit data/coalition.yml)."
    )
    cases: list[Slug] = Field(default_factory=list, description="Praktijkvoorbeelden die besproken worden (codes).")
    registration_url: HttpsUrl | None = Field(None, description="Aanmelden (https://).")
    recording_url: HttpsUrl | None = Field(None, description="Terugkijken (https://).")
    description: Text(10, 2000) = Field(description="Korte beschrijving (gewone tekst).")
    updated: Date | None = Field(
        None,
        description="Dag waarop je dit webinar het laatst veranderde, JJJJ-MM-DD. Vul dit in als je iets verandert: "
        "agenda's zien dan dat het webinar veranderd is.",
    )

    @field_validator("start")
    @classmethod
    def _start_exists(cls, value: str | None, info: ValidationInfo) -> str | None:
        _check_local_time(info.data.get("date"), value)
        return value

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return value
        _check_local_time(info.data.get("date"), value)
        if "start" not in info.data:
            return value  # start itself is invalid and already reported; don't claim it is missing
        start = info.data["start"]
        if start is None:
            raise ValueError("Een eindtijd zonder begintijd kan niet; vul ook start in, of laat beide weg voor een hele dag.")
        if value <= start:
            raise ValueError(f"De eindtijd {value} ligt niet na de begintijd {start}; controleer beide tijden.")
        return value


CASE_FIELDS = tuple(Case.model_fields)
