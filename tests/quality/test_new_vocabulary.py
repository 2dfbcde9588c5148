"""Adding a vocabulary takes one entry in the registry (zodoenwedat/vocabularies.py) and one data
file, and nothing else: the new vocabulary then reaches the case model, the validator, the JSON
Schema, the new-case template, the field reference, the issue form, the catalogue, the listing
pages, the case page, the finder's facets, the search index and the related ranking.

The registry is Python, read once at import: the test copies the package, adds one entry to the
copy's registry, and runs the checks in a fresh interpreter that imports the copy."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from support import REPO
from support.repository import copy_repository, edit

ENTRY = """    Vocabulary(
        "housing-forms",
        "housing-forms.yml",
        "housing_forms",
        "Woonvormen",
        "Praktijkvoorbeelden per woonvorm.",
        facet="woonvorm",
        legend="Woonvorm",
        segment="woonvormen",
        weight=5,
        description="Woonvormen uit data/housing-forms.yml.",
        example=("hofje",),
        many=True,
        required=False,
    ),
"""

DATA = """hofje:
  label: Hofje
  description: Woningen rond een gemeenschappelijke binnentuin.
woongroep:
  label: Woongroep
  description: Bewoners die elk een eigen woning hebben en samen dingen doen.
"""

# Runs in the fresh interpreter, with the copied package first on the path; prints JSON.
PROBE = r"""
import datetime as dt, json, sys
from pathlib import Path

import zodoenwedat
from zodoenwedat.build import build_site
from zodoenwedat.catalogue import urls
from zodoenwedat.catalogue.related import WEIGHTS
from zodoenwedat.fieldref import field_rows
from zodoenwedat.issueform import form_fields, issue_form
from zodoenwedat.models import Case
from zodoenwedat.repository import load_repository
from zodoenwedat.schema import case_schema
from zodoenwedat.search.pagefind_index import case_records
from zodoenwedat.template import new_case_text

root, bad_root = Path(sys.argv[1]), Path(sys.argv[2])
repo = load_repository(root)
site = build_site(repo, site_url="https://zodoenwedat.nl/", today=dt.date(2022, 3, 1))
catalogue = site.catalogue
pages = {page.url: page for page in site.pages}
schema = case_schema(repo.vocabularies)["properties"].get("housing_forms", {})
form = [f for f in form_fields(repo.vocabularies) if f.vocabulary == "housing-forms"]
[record] = [r for r in case_records(catalogue) if r.url.endswith("/" + urls.case("ruwaard-oss"))]
related = {r.slug: r.score for r in catalogue.related["ruwaard-oss"]}
bad = load_repository(bad_root)
print(json.dumps({
    "package": zodoenwedat.__file__,
    "model_fields": list(Case.model_fields),
    "problems": [f"{p.path}:{p.line}:{p.column} {p.code} {p.message}" for p in repo.problems],
    "bad_problems": [f"{p.path}:{p.line}:{p.column} {p.code} {p.message}" for p in bad.problems],
    "schema_enum": schema.get("items", {}).get("enum"),
    "template": new_case_text(repo.vocabularies),
    "field_rows": [[r.name, r.codes] for r in field_rows(repo.vocabularies)],
    "form": [[f.label, f.codes] for f in form],
    "issue_form": json.dumps(issue_form(repo.vocabularies), ensure_ascii=False),
    "index": catalogue.index.get("housing-forms"),
    "taxonomy_page": pages[urls.taxonomy("housing-forms")].html_before if urls.taxonomy("housing-forms") in pages else None,
    "term_page": pages[urls.term("housing-forms", "hofje")].html_before if urls.term("housing-forms", "hofje") in pages else None,
    "case_page": pages[urls.case("ruwaard-oss")].html_before,
    "overview": pages[urls.CASES].html_before,
    "record_filters": record.filters,
    "weight": WEIGHTS.get("housing-forms"),
    "related_scores": related,
}))
"""


def _copy_package(target: Path) -> Path:
    package = target / "zodoenwedat"
    shutil.copytree(REPO / "zodoenwedat", package, ignore=shutil.ignore_patterns("__pycache__"))
    registry = package / "vocabularies.py"
    text = registry.read_text(encoding="utf-8")
    end = "\n)\n\nBY_NAME"
    assert text.count(end) == 1, "the registry's tuple should end right before BY_NAME"
    registry.write_text(text.replace(end, "\n" + ENTRY.rstrip("\n") + end), encoding="utf-8")
    return target


def _probe(tmp_path: Path) -> dict:
    path = _copy_package(tmp_path / "package")
    root = copy_repository(tmp_path / "repo")
    (root / "data" / "housing-forms.yml").write_text(DATA, encoding="utf-8")
    for slug in ("ruwaard-oss", "majella-wonen-utrecht"):  # two cases share a housing form
        edit(root, f"cases/{slug}.md", "\nphase:", "\nhousing_forms: [hofje]\nphase:")
    bad = copy_repository(tmp_path / "bad")
    (bad / "data" / "housing-forms.yml").write_text(DATA, encoding="utf-8")
    edit(bad, "cases/ruwaard-oss.md", "\nphase:", "\nhousing_forms: [hofjes]\nphase:")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(path), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(root), str(bad)], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_one_registry_entry_and_one_data_file_reach_every_place(tmp_path):
    found = _probe(tmp_path)
    assert Path(found["package"]).is_relative_to(tmp_path), "the probe must import the copied package"

    # The case model has the field, placed last among the vocabularies (after phase).
    fields = found["model_fields"]
    assert fields.index("housing_forms") == fields.index("phase") + 1
    # The repository is valid, and a code that is not in the data file is reported, in Dutch,
    # on its line, with the data file and a suggestion.
    assert found["problems"] == []
    [bad] = [p for p in found["bad_problems"] if "housing_forms" in p or "housing-forms" in p]
    assert bad.startswith("cases/ruwaard-oss.md:")
    assert "'hofjes' staat niet in data/housing-forms.yml" in bad and "hofje" in bad.split("data/housing-forms.yml", 1)[1]
    # The schema lists the codes; the template, the field reference and the issue form offer them.
    assert found["schema_enum"] == ["hofje", "woongroep"]
    assert "housing_forms" in found["template"] and "data/housing-forms.yml" in found["template"]
    assert ["housing_forms", [["hofje", "Hofje"], ["woongroep", "Woongroep"]]] in found["field_rows"]
    assert found["form"] == [["Woonvormen", ["hofje", "woongroep"]]]
    assert "Woonvormen" in found["issue_form"] and "hofje" in found["issue_form"]
    # The catalogue indexes it; it has a listing page and a page per term.
    assert sorted(found["index"]["hofje"]) == ["majella-wonen-utrecht", "ruwaard-oss"]
    assert not found["index"].get("woongroep")
    assert found["taxonomy_page"] is not None and "Hofje" in found["taxonomy_page"]
    assert found["term_page"] is not None and "Ruwaard" in found["term_page"]
    # The case page shows it, linked to its term page.
    assert "Woonvormen" in found["case_page"] and 'href="../../woonvormen/hofje/"' in found["case_page"]
    # The finder offers it as a facet (as data in the page); the search index filters on it.
    assert 'data-facet="woonvorm"' in found["overview"] and 'name="woonvorm" value="hofje"' in found["overview"]
    assert found["record_filters"]["woonvorm"] == ["hofje"]
    # The related ranking weighs a shared housing form.
    assert found["weight"] == 5
    assert found["related_scores"].get("majella-wonen-utrecht", 0) >= 5
