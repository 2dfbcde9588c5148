"""Each vocabulary is declared once (zodoenwedat.vocabularies) and every place that uses
vocabularies takes it from there: the data file, the case model's field, the JSON Schema, the
new-case template, the editors' field reference, the issue form, the catalogue, the listing
pages and their URLs, the finder's facets and the related ranking."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from support import REPO as REPO_ROOT

from zodoenwedat.build import build_site
from zodoenwedat.catalogue import urls
from zodoenwedat.catalogue.related import WEIGHTS
from zodoenwedat.fieldref import field_rows
from zodoenwedat.issueform import form_fields
from zodoenwedat.models import Case, Partner
from zodoenwedat.repository import load_repository
from zodoenwedat.schema import case_schema
from zodoenwedat.template import new_case_text
from zodoenwedat.vocabularies import VOCABULARIES


@pytest.fixture(scope="module")
def site():
    return build_site(load_repository(REPO_ROOT), site_url="https://zodoenwedat.nl/", today=dt.date(2022, 3, 1))


@pytest.mark.parametrize("vocabulary", VOCABULARIES, ids=lambda v: v.name)
def test_each_vocabulary_reaches_every_place(vocabulary, site):
    repo = load_repository(REPO_ROOT)
    terms = yaml.safe_load((REPO_ROOT / "data" / vocabulary.file).read_text(encoding="utf-8"))
    assert set(repo.vocabularies[vocabulary.name]) == set(terms)
    code = next(iter(terms))

    # The case model has the field (a partner's type for partner types).
    model, field = (Partner, "type") if vocabulary.field == "partners.type" else (Case, vocabulary.field)
    assert field in model.model_fields
    # The JSON Schema lists its codes.
    assert code in str(case_schema(repo.vocabularies))
    # The template names its file; the field reference and the issue form offer its codes.
    assert f"data/{vocabulary.file}" in new_case_text(repo.vocabularies)
    assert any(code in [c for c, _ in row.codes] for row in field_rows(repo.vocabularies))
    form = [f for f in form_fields(repo.vocabularies) if f.vocabulary == vocabulary.name]
    if vocabulary.field != "partners.type":
        assert form and code in form[0].codes
    # The catalogue indexes it; the finder offers it as a facet, as data in the page.
    assert vocabulary.name in site.catalogue.index
    overview = next(p for p in site.pages if p.url == urls.CASES)
    assert f'data-facet="{vocabulary.facet}"' in overview.html_before
    assert f'name="{vocabulary.facet}" value="{code}"' in overview.html_before
    # Listed vocabularies get a listing page and a page per term; ranked ones a weight.
    page_urls = {p.url for p in site.pages}
    if vocabulary.listed:
        assert urls.taxonomy(vocabulary.name) in page_urls
        assert urls.term(vocabulary.name, code) in page_urls
    else:
        assert vocabulary.name not in urls.TAXONOMY_SEGMENTS
    assert WEIGHTS.get(vocabulary.name, 0) == vocabulary.weight
