"""A fast writer of serialised lunr 2.x indexes.

It produces what ``lunr.Builder.build().toJSON()`` (lunr.js 2.3.9, and lunr.py)
would for the same documents, fields, boosts and pipeline: the same terms, the
same BM25 scores rounded the way lunr rounds them, so that ``lunr.Index.load``
in the browser (or in lunr.py) answers queries identically. It is faster
because it works on plain strings and dicts instead of lunr's token, vector
and posting objects. Term numbers (``_index``) follow the sorted term order
instead of first appearance; lunr only needs them to be consistent.

tests/search/test_lunr_equivalence.py checks this against lunr.py.
"""

from __future__ import annotations

import math
from math import floor
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

from . import pipeline

LUNR_VERSION = "2.3.9"
K1 = 1.2
B = 0.75


@dataclass(frozen=True)
class Field:
    name: str
    boost: float = 1.0


_NO_METADATA: dict = {}  # shared by every posting; serialises as {}


def _js_sort_key(term: str) -> bytes:
    # JavaScript sorts strings by UTF-16 code units.
    return term.encode("utf-16-be")


def build_index(
    documents: Iterable[tuple[str, Mapping[str, str]]],
    fields: list[Field],
    analyse: Callable[[str], list[str]] = pipeline.terms,
    search_pipeline: tuple[str, ...] = pipeline.SEARCH_PIPELINE,
) -> dict:
    """A serialised lunr index (a dict ready for ``json.dumps``).

    ``documents`` yields (ref, {field name: text}); every field is indexed for
    every document, empty or not, as lunr does.
    """
    names = [f.name for f in fields]
    boosts = {f.name: f.boost for f in fields}
    frequencies: list[tuple[str, str, Counter]] = []  # (field, ref, term counts) in lunr's order
    postings: dict[str, dict[str, list[str]]] = {}
    length_sum = dict.fromkeys(names, 0)
    count = 0
    lengths: dict[tuple[str, str], int] = {}

    for ref, values in documents:
        count += 1
        for name in names:
            found = analyse(values.get(name) or "")
            counts = Counter(found)
            frequencies.append((name, ref, counts))
            lengths[(name, ref)] = len(found)
            length_sum[name] += len(found)
            for term in counts:
                posting = postings.get(term)
                if posting is None:
                    posting = postings[term] = {n: [] for n in names}
                posting[name].append(ref)

    average = {name: (length_sum[name] / count if count else 0.0) for name in names}
    ordered = sorted(postings, key=_js_sort_key)
    number = {term: i for i, term in enumerate(ordered)}

    idf: dict[str, float] = {}
    for term, posting in postings.items():
        with_term = sum(len(refs) for refs in posting.values())
        x = (count - with_term + 0.5) / (with_term + 0.5)
        idf[term] = math.log(1 + abs(x))

    field_vectors = []
    for name, ref, counts in frequencies:
        field_length = lengths[(name, ref)]
        boost = boosts[name]
        norm = K1 * (1 - B + B * (field_length / average[name])) if average[name] else K1 * (1 - B)
        # score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * length / average) + tf) * field boost
        # (* document boost, 1), rounded like Math.round(score * 1000) / 1000: as lunr.js does it.
        elements = sorted(
            (number[term], floor(idf[term] * ((K1 + 1) * tf) / (norm + tf) * boost * 1000 + 0.5) / 1000)
            for term, tf in counts.items()
        )
        field_vectors.append([f"{name}/{ref}", [x for pair in elements for x in pair]])

    inverted = []
    for term in ordered:
        posting = postings[term]
        entry: dict = {"_index": number[term]}
        for name in names:
            entry[name] = dict.fromkeys(posting[name], _NO_METADATA)  # lunr keeps no metadata: {}
        inverted.append([term, entry])

    return {
        "version": LUNR_VERSION,
        "fields": names,
        "fieldVectors": field_vectors,
        "invertedIndex": inverted,
        "pipeline": list(search_pipeline),
    }
