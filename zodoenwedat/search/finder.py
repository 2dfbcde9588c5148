"""The finder's data: which text of a case goes into which index field, and the
small JSON the browser needs to show and filter results."""

from __future__ import annotations

import json
import re

from ..site import urls
from ..site.catalogue import Catalogue, CaseEntry
from .lunrindex import Field, build_index

# Field name (short: it is repeated for every document in the index) -> boost.
# A title match must rank first, then summary, place, organisations and labels, then the body.
FIELDS = [
    Field("t", 10),  # title
    Field("s", 4),  # summary
    Field("p", 3),  # place and neighbourhood
    Field("o", 2),  # partner organisations' names
    Field("l", 2),  # vocabulary labels: themes, partner types, target groups, province, phase
    Field("b", 1),  # body
]

# Facet: (query-string parameter, vocabulary, legend)
FACETS = (
    ("thema", "themes", "Thema's"),
    ("partner", "partner-types", "Soort partner"),
    ("doelgroep", "target-groups", "Doelgroep"),
    ("provincie", "provinces", "Provincie"),
    ("fase", "phases", "Fase"),
)

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_SYNTAX = re.compile(r"^[ \t]*(?:#{1,6}|[-*+]|\d+[.)]|>)[ \t]+|[*_`~]+", re.MULTILINE)


def body_text(markdown: str) -> str:
    """The words of a Markdown body, without link targets and syntax characters."""
    return _MD_SYNTAX.sub(" ", _MD_LINK.sub(r"\1", markdown))


def document(catalogue: Catalogue, entry: CaseEntry) -> dict[str, str]:
    case = entry.case
    labels = []
    for vocabulary in ("themes", "partner-types", "target-groups", "provinces", "phases"):
        labels += [catalogue.label(vocabulary, code) for code in entry.codes(vocabulary)]
    return {
        "t": case.title,
        "s": case.summary,
        "p": " ".join(filter(None, [case.place, case.neighbourhood])),
        "o": " ".join(p.name for p in case.partners if p.name),
        "l": " ".join(labels),
        "b": body_text(entry.body),
    }


def documents(catalogue: Catalogue):
    """(ref, fields) for every case; the ref is the case's position, newest first."""
    for position, entry in enumerate(catalogue.cases):
        yield str(position), document(catalogue, entry)


def finder_index(catalogue: Catalogue) -> dict:
    return build_index(documents(catalogue), FIELDS)


def finder_data(catalogue: Catalogue) -> dict:
    """What the browser shows and filters on; position i belongs to index ref "i"."""
    cases = []
    for entry in catalogue.cases:
        case = entry.case
        cases.append(
            {
                "u": urls.case(entry.slug),
                "t": case.title,
                "p": ", ".join(filter(None, [case.place, case.neighbourhood])),
                "s": case.summary,
                "f": {param: entry.codes(vocabulary) for param, vocabulary, _ in FACETS},
            }
        )
    labels = {param: {code: term.label for code, term in catalogue.vocabularies.get(vocabulary, {}).items()} for param, vocabulary, _ in FACETS}
    return {"cases": cases, "labels": labels, "themes": "thema"}


def dumps(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
