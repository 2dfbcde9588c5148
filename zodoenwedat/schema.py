"""The JSON Schema of a case's front matter, derived from :class:`~zodoenwedat.models.Case`.

Vocabulary codes from ``data/`` are added as ``enum`` lists, so that editors
whose editor understands JSON Schema (VS Code with the YAML extension, for one)
get completion and warnings while typing.
"""

from __future__ import annotations

import json

from .models import Case, VocabularyTerm
from .textrules import SLUG_MAX, SLUG_PATTERN
from .vocabularies import CASE_FIELDS, PARTNER_TYPES

SCHEMA_ID = "https://zodoenwedat.nl/api/case.schema.json"
SCHEMA_PATH = "schema/case.schema.json"

# (path into the schema, vocabulary): where each vocabulary's codes go.
_ENUM_PLACES = tuple(
    (("properties", field, "items") if Case.model_fields[field].annotation is not str else ("properties", field), name)
    for field, name in CASE_FIELDS.items()
) + ((("$defs", "Partner", "properties", "type"), PARTNER_TYPES), (("$defs", "PartnerCode"), PARTNER_TYPES))

# A partner is a block with fields or only its type's code ('- gemeente'); the model turns
# the code into a block before validating (models.PartnerEntry), which its schema cannot show.
_PARTNER_CODE = {
    "type": "string",
    "pattern": SLUG_PATTERN,
    "maxLength": SLUG_MAX,
    "title": "PartnerCode",
    "description": "Een partner zonder naam: alleen de soort partner, een code uit data/partner-types.yml.",
}


def case_schema(vocabularies: dict[str, dict[str, VocabularyTerm]] | None = None) -> dict:
    schema = Case.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Praktijkvoorbeeld (front matter van cases/<naam>.md)",
        "description": "De velden tussen de --- regels bovenaan een praktijkvoorbeeld. Gegenereerd uit zodoenwedat.models; niet met de hand bewerken.",
        **{k: v for k, v in schema.items() if k not in ("title", "description")},
    }
    schema["properties"]["partners"]["items"] = {"anyOf": [{"$ref": "#/$defs/Partner"}, {"$ref": "#/$defs/PartnerCode"}]}
    schema["$defs"]["PartnerCode"] = dict(_PARTNER_CODE)
    for path, vocabulary in _ENUM_PLACES:
        terms = (vocabularies or {}).get(vocabulary)
        if not terms:
            continue
        node = schema
        for step in path:
            node = node[step]
        node["enum"] = list(terms)
    return schema


def schema_json(vocabularies=None) -> str:
    return json.dumps(case_schema(vocabularies), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
