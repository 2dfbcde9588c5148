"""lunr.py as the reference: the same index built by lunr.py's own Builder, and the
finder's query logic run with lunr.py. Used by the tests and the benchmark only
(``lunr`` is a test dependency); the browser runs the same logic in finder.js.
"""

from __future__ import annotations

from typing import Iterable, Mapping

from . import pipeline
from .lunrindex import Field


def _register():
    from lunr.pipeline import Pipeline

    def trimmer(token, i=None, tokens=None):
        return token.update(lambda s, metadata=None: pipeline.trim(s))

    def stop_word_filter(token, i=None, tokens=None):
        return None if str(token) in pipeline.STOP_WORDS else token

    def stemmer(token, i=None, tokens=None):
        return token.update(lambda s, metadata=None: pipeline.stem(s))

    for fn, label in ((trimmer, "trimmer-nl"), (stop_word_filter, "stopWordFilter-nl"), (stemmer, "stemmer-nl")):
        Pipeline.registered_functions.pop(label, None)
        Pipeline.register_function(fn, label)
    return trimmer, stop_word_filter, stemmer


def lunr_py_index(documents: Iterable[tuple[str, Mapping[str, str]]], fields: list[Field]) -> dict:
    """lunr.py's Builder with lunr.nl's pipeline; returns the serialised index."""
    from lunr.builder import Builder

    trimmer, stop_word_filter, stemmer = _register()
    builder = Builder()
    builder.pipeline.add(trimmer, stop_word_filter, stemmer)
    builder.search_pipeline.add(stemmer)
    builder.ref("ref")
    for field in fields:
        builder.field(field.name, boost=field.boost)
    for ref, values in documents:
        builder.add({"ref": ref, **{f.name: values.get(f.name) or "" for f in fields}})
    return builder.build().serialize()


def load(serialised: dict):
    from lunr.index import Index

    _register()
    return Index.load(serialised)


def finder_search(index, text: str) -> tuple[list[str], str]:
    """The finder's query: all words required; if nothing is found, prefixes; then
    one typing error per word. Returns (refs by score, then ref; the mode used)."""
    from lunr.query import Query, QueryPresence

    words = pipeline.query_words(text)
    if not words:
        return [], "none"
    for mode in ("exact", "prefix", "fuzzy"):
        query = index.create_query()
        for word in words:
            if mode == "exact":
                query.term(word, presence=QueryPresence.REQUIRED)
            elif mode == "prefix":
                query.term(word, presence=QueryPresence.REQUIRED, wildcard=Query.WILDCARD_TRAILING, use_pipeline=False)
            else:
                query.term(pipeline.stem(word), presence=QueryPresence.REQUIRED, edit_distance=1, use_pipeline=False)
        results = index.query(query)
        if results:
            ordered = sorted(results, key=lambda r: (-r["score"], int(r["ref"])))
            return [r["ref"] for r in ordered], mode
    return [], "none"
