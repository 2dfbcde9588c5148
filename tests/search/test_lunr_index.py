"""The finder's index writer against lunr.py, the reference implementation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zodoenwedat.repository import load_repository
from zodoenwedat.search import pipeline, reference
from zodoenwedat.search.finder import FIELDS, documents, finder_data, finder_index
from zodoenwedat.search.lunrindex import Field, build_index
from zodoenwedat.site.catalogue import build_catalogue

REPO = Path(__file__).resolve().parents[2]

EXTRA_DOCS = [
    ("x0", {"t": "Wijkaanpak", "s": "Kort over wijken en buurten.", "b": "De wijk telt veel huurders. Wijken veranderen."}),
    ("x1", {"t": "Renovatie in de Oslostraat", "s": "Overlast na renovatie.", "b": "Renovatie, renovatie en nog eens renovatie: een woonladder."}),
    ("x2", {"t": "Leeg", "s": "", "b": ""}),
    ("x3", {"t": "Cliënten en privé-zaken", "s": "Één, twee — drie… «aanhalingstekens»", "b": "Ervaringsdeskundigen helpen cliënten."}),
]
SMALL_FIELDS = [Field("t", 10), Field("s", 4), Field("b", 1)]


@pytest.fixture(scope="module")
def catalogue():
    repo = load_repository(REPO)
    assert not repo.problems
    return build_catalogue(repo)


def _by_term(serialised: dict) -> tuple[dict, dict]:
    """(term -> posting without _index, fieldRef -> {term: score}) so two indexes compare
    regardless of how they numbered their terms."""
    terms = {}
    number_to_term = {}
    for term, posting in serialised["invertedIndex"]:
        number_to_term[posting["_index"]] = term
        terms[term] = {field: sorted(refs) for field, refs in posting.items() if field != "_index"}
    vectors = {}
    for ref, flat in serialised["fieldVectors"]:
        vectors[ref] = {number_to_term[flat[i]]: flat[i + 1] for i in range(0, len(flat), 2)}
    return terms, vectors


@pytest.mark.parametrize("corpus", ["real", "extra"])
def test_same_index_as_lunr_py(catalogue, corpus):
    if corpus == "real":
        docs, fields = list(documents(catalogue)), FIELDS
    else:
        docs, fields = EXTRA_DOCS, SMALL_FIELDS
    ours = build_index(docs, fields)
    theirs = reference.lunr_py_index(docs, fields)
    assert ours["fields"] == theirs["fields"]
    assert ours["pipeline"] == theirs["pipeline"] == ["stemmer-nl"]
    assert ours["version"] == theirs["version"]
    our_terms, our_vectors = _by_term(ours)
    their_terms, their_vectors = _by_term(theirs)
    assert our_terms == their_terms
    assert set(our_vectors) == set(their_vectors)
    for ref in our_vectors:
        assert our_vectors[ref] == pytest.approx(their_vectors[ref], abs=1e-9), ref
    # lunr.js needs the inverted index in JavaScript's sort order to load it.
    terms = [term for term, _ in ours["invertedIndex"]]
    assert terms == sorted(terms, key=lambda t: t.encode("utf-16-be"))
    assert [posting["_index"] for _, posting in ours["invertedIndex"]] == list(range(len(terms)))


QUERIES = ["wijk", "wijken", "woonladder", "overlast na renovatie", "Almere", "gemengd wonen", "woonlader", "renova",
           "philadelphia", "ervaringsdeskundigen", "vuistregels", "corporatie zorg", "xyzzy", "de het een"]


@pytest.mark.parametrize("query", QUERIES)
def test_same_results_as_lunr_py(catalogue, query):
    docs = list(documents(catalogue))
    ours = reference.load(build_index(docs, FIELDS))
    theirs = reference.load(reference.lunr_py_index(docs, FIELDS))
    assert reference.finder_search(ours, query) == reference.finder_search(theirs, query)
    our_hits = ours.search(" ".join(pipeline.query_words(query)) or "xyzzy")
    their_hits = theirs.search(" ".join(pipeline.query_words(query)) or "xyzzy")
    assert [(h["ref"], round(h["score"], 9)) for h in our_hits] == [(h["ref"], round(h["score"], 9)) for h in their_hits]


def _search(catalogue, text):
    index = reference.load(finder_index(catalogue))
    refs, mode = reference.finder_search(index, text)
    return [catalogue.cases[int(ref)].slug for ref in refs], mode


def test_dutch_stemming_finds_other_word_forms(catalogue):
    slugs, mode = _search(catalogue, "ervaringsdeskundige")  # the case says 'ervaringsdeskundigen'
    assert "beschermd-wonen-light-leiden" in slugs and mode == "exact"
    assert pipeline.stem("wijken") == pipeline.stem("wijk")


def test_title_match_ranks_first():
    docs = [
        ("0", {"t": "Iets anders", "s": "", "b": "woonladder " * 20 + "tekst"}),
        ("1", {"t": "De woonladder", "s": "", "b": "tekst over iets"}),
    ]
    index = reference.load(build_index(docs, SMALL_FIELDS))
    refs, _ = reference.finder_search(index, "woonladder")
    assert refs == ["1", "0"]


def test_prefix_then_fuzzy_fallback(catalogue):
    assert _search(catalogue, "woonladder") == (["beschermd-wonen-light-leiden"], "exact")
    assert _search(catalogue, "woonlad") == (["beschermd-wonen-light-leiden"], "prefix")
    assert _search(catalogue, "woonlader") == (["beschermd-wonen-light-leiden"], "fuzzy")
    assert _search(catalogue, "qqqqzzzz") == ([], "none")


def test_all_words_are_required(catalogue):
    slugs, _ = _search(catalogue, "overlast renovatie")
    assert slugs == ["oslostraat-almere"]


def test_stop_words_are_shipped_and_need_no_download():
    assert len(pipeline.STOP_WORDS - {""}) == 101
    assert {"de", "het", "een", "van", "en"} <= pipeline.STOP_WORDS
    assert pipeline.query_words("de woonladder van het Rijk") == ["woonladder", "rijk"]


def test_finder_data_matches_index_refs(catalogue):
    data = finder_data(catalogue)
    assert [c["u"] for c in data["cases"]] == [f"praktijkvoorbeelden/{e.slug}/" for e in catalogue.cases]
    oslo = next(c for c in data["cases"] if c["u"].endswith("oslostraat-almere/"))
    assert oslo["f"]["provincie"] == ["flevoland"] and "lvb" in oslo["f"]["doelgroep"]
    assert data["labels"]["thema"]["gemengd-wonen"] == "Gemengd wonen"
    json.dumps(data)  # serialisable
