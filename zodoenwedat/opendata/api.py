"""The cases as open data: /api/cases.json, /api/cases.csv (with its metadata in
/api/cases.csv-metadata.json, CSV on the Web) and /api/case.schema.json."""

from __future__ import annotations

import csv
import io
import json

from ..catalogue import urls
from ..catalogue.catalogue import Catalogue
from ..models import Case
from ..schema import case_schema
from ..vocabularies import CASE_VOCABULARIES

JSON_PATH, CSV_PATH, CSV_METADATA_PATH, SCHEMA_PATH = urls.API_JSON, urls.API_CSV, urls.API_CSV_METADATA, urls.API_SCHEMA
TITLE = "Praktijkvoorbeelden van Zo doen we dat"

FIELDS = list(Case.model_fields)
LIST_OF_CODES = (*(v.field for v in CASE_VOCABULARIES if v.many), "related", "aliases")
NESTED = ("partners", "sources", "contact", "coordinates")
CSV_COLUMNS = ["slug", "url", "embed_url", "oembed_url", "related_cases", *FIELDS]


def case_records(catalogue: Catalogue, site_url: str) -> list[dict]:
    base = urls.absolute(site_url, "")
    records = []
    for entry in catalogue.cases:
        data = entry.case.model_dump(mode="json")
        records.append(
            {
                "slug": entry.slug,
                "url": base + urls.case(entry.slug),
                "embed_url": base + urls.case_embed(entry.slug),
                "oembed_url": base + urls.oembed(entry.slug),
                "related_cases": [r.slug for r in catalogue.related.get(entry.slug, [])],
                **{name: data[name] for name in FIELDS},
            }
        )
    return records


def licence_record(catalogue: Catalogue) -> dict | None:
    """The content licence (data/licence.yml) as it appears in the open data."""
    licence = catalogue.licence
    if licence is None:
        return None
    return {"spdx": licence.spdx, "name": licence.name, "url": licence.url, "attribution": licence.attribution}


def cases_json(catalogue: Catalogue, site_url: str) -> str:
    document = {
        "description": "Alle praktijkvoorbeelden van Zo doen we dat. Velden: zie case.schema.json.",
        "schema": urls.absolute(site_url, SCHEMA_PATH),
        "license": licence_record(catalogue),
        "count": len(catalogue.cases),
        "cases": case_records(catalogue, site_url),
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _cell(name: str, value) -> str:
    if value is None:
        return ""
    if name in NESTED:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, list):
        return ",".join(value)
    return str(value)


def cases_csv(catalogue: Catalogue, site_url: str) -> str:
    """UTF-8 with BOM and ';' as separator, as Dutch Excel expects. Lists of codes are
    comma-separated; partners, sources, contact and coordinates are JSON in their cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in case_records(catalogue, site_url):
        writer.writerow([_cell(name, record[name]) for name in CSV_COLUMNS])
    return "\ufeff" + buffer.getvalue()


def cases_csv_metadata(catalogue: Catalogue, site_url: str) -> str:
    """The CSV's metadata (CSV on the Web, W3C): title, licence, dialect and columns."""
    base = urls.absolute(site_url, "")
    licence = catalogue.licence
    document: dict = {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "nl"}],
        "url": CSV_PATH.rsplit("/", 1)[-1],
        "dc:title": TITLE,
        "dc:description": "Alle praktijkvoorbeelden, één per regel; dezelfde gegevens als cases.json.",
        "dc:publisher": "Zo doen we dat",
        "dc:source": base + JSON_PATH,
    }
    if licence is not None:
        document["dc:license"] = {"@id": licence.url}
        document["dc:rights"] = f"{licence.name} ({licence.short}). Naamsvermelding: {licence.attribution}."
    document["dialect"] = {"delimiter": ";", "encoding": "utf-8", "header": True, "lineTerminators": ["\r\n"]}
    document["tableSchema"] = {
        "columns": [{"name": name, "titles": name, "datatype": "string"} for name in CSV_COLUMNS],
        "primaryKey": "slug",
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def parse_csv_row(row: dict[str, str]) -> dict:
    """The inverse of the CSV cells (used by tests and by anyone reading the CSV back)."""
    out: dict = {}
    for name, cell in row.items():
        if name in NESTED:
            out[name] = json.loads(cell) if cell else None
        elif name in LIST_OF_CODES or name == "related_cases":
            out[name] = cell.split(",") if cell else []
        elif name == "started":
            out[name] = int(cell) if cell else None
        else:
            out[name] = cell if cell != "" else None
    for name in ("partners", "sources"):
        if out.get(name) is None:
            out[name] = []
    return out


def schema_file(vocabularies) -> str:
    return json.dumps(case_schema(vocabularies), ensure_ascii=False, indent=2) + "\n"


def files(catalogue: Catalogue, site_url: str) -> dict[str, str]:
    return {
        JSON_PATH: cases_json(catalogue, site_url),
        CSV_PATH: cases_csv(catalogue, site_url),
        CSV_METADATA_PATH: cases_csv_metadata(catalogue, site_url),
        SCHEMA_PATH: schema_file(catalogue.vocabularies),
    }
