"""Every vocabulary of the site, declared once.

A vocabulary is a list of terms in a data file (``data/<file>``); a case names terms of it by
their code in one of its fields. Everything else derives from this registry: the case model's
field (its type, limits, description and example), the data files that are loaded, the
repository's checks, the JSON Schema and the template, the editors' field reference, the issue
form, the catalogue's index, the listing pages and their URLs, the finder's facets (which reach
its script as data) and the related-case ranking. Adding a vocabulary is one entry here and one
data file (``tests/quality/test_new_vocabulary.py`` does exactly that).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    name: str  # "themes": the key everywhere in the code
    file: str  # its data file in data/
    field: str  # the case field that names its terms; "partners.type": a field of each partner
    title: str  # Dutch: the listing page's title, the field reference's heading
    intro: str  # Dutch: one sentence under the listing page's title
    facet: str  # the finder's URL parameter (and Pagefind filter name)
    legend: str  # Dutch: the facet's heading in the finder
    segment: str | None = None  # URL segment of its listing pages; None: no listing pages
    weight: int = 0  # weight of a shared term in the related-case ranking; 0: not ranked
    # The case field (models.Case; for "partners.type" the field of models.Partner):
    description: str = ""  # Dutch, for editors: the schema, the template, the field reference
    example: tuple[str, ...] = ()  # the template's example codes
    many: bool = False  # a list of codes (each once) rather than one code
    required: bool = True  # must a case name at least one?
    max_items: int | None = None  # for a list: at most this many codes
    after: str = ""  # the case field it follows in a case file (and the schema, the form, the data); "": the last

    @property
    def listed(self) -> bool:
        return self.segment is not None


VOCABULARIES: tuple[Vocabulary, ...] = (
    Vocabulary(
        "themes",
        "themes.yml",
        "themes",
        "Thema's",
        "Praktijkvoorbeelden per thema.",
        facet="thema",
        legend="Thema",
        segment="themas",
        weight=3,
        description="1 tot 6 verschillende thema's uit data/themes.yml.",
        example=("leefbaarheid", "gemengd-wonen"),
        many=True,
        max_items=6,
        after="province",
    ),
    Vocabulary(
        "partner-types",
        "partner-types.yml",
        "partners.type",
        "Partners",
        "Praktijkvoorbeelden per soort partner: wie werkt er samen?",
        facet="partner",
        legend="Soort partner",
        segment="partners",
        weight=2,
        description="Soort partner: een code uit data/partner-types.yml, bijvoorbeeld woningcorporatie.",
        example=("woningcorporatie",),
    ),
    Vocabulary(
        "target-groups",
        "target-groups.yml",
        "target_groups",
        "Doelgroepen",
        "Praktijkvoorbeelden per doelgroep.",
        facet="doelgroep",
        legend="Doelgroep",
        segment="doelgroepen",
        weight=2,
        description="Doelgroepen uit data/target-groups.yml.",
        example=("psychische-kwetsbaarheid",),
        many=True,
        required=False,
        after="partners",
    ),
    Vocabulary(
        "provinces",
        "provinces.yml",
        "province",
        "Provincies",
        "Praktijkvoorbeelden per provincie.",
        facet="provincie",
        legend="Provincie",
        segment="provincies",
        weight=1,
        description="Provincie: een code uit data/provinces.yml.",
        example=("noord-brabant",),
        after="neighbourhood",
    ),
    Vocabulary(
        "phases",
        "phases.yml",
        "phase",
        "Fases",
        "Praktijkvoorbeelden per fase.",
        facet="fase",
        legend="Fase",
        description="Fase: een code uit data/phases.yml.",
        example=("lopend",),
        after="target_groups",
    ),
)

BY_NAME = {vocabulary.name: vocabulary for vocabulary in VOCABULARIES}
# Case field -> vocabulary name, for the fields of the case itself (not of its partners).
CASE_FIELDS = {v.field: v.name for v in VOCABULARIES if "." not in v.field}
PARTNER_TYPES = next(v.name for v in VOCABULARIES if v.field == "partners.type")
LISTED = tuple(v.name for v in VOCABULARIES if v.listed)
WEIGHTS = {v.name: v.weight for v in VOCABULARIES if v.weight}
# The vocabularies named by a field of the case itself, in the registry's order.
CASE_VOCABULARIES = tuple(v for v in VOCABULARIES if "." not in v.field)
