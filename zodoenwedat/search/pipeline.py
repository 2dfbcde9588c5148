"""The Dutch text pipeline, identical to lunr.js with lunr-languages' ``lunr.nl``.

Index time: tokenizer -> ``trimmer-nl`` -> ``stopWordFilter-nl`` -> ``stemmer-nl``.
Search time (in the browser): ``stemmer-nl`` only, which is why the stemmer here
must give the same stems as ``lunr.nl.stemmer``: Snowball's original Dutch
algorithm, called ``dutch_porter`` since Snowball 3 (a test checks the two agree
in real Chromium).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import snowballstemmer

# lunr.nl.wordCharacters, verbatim.
WORD_CHARACTERS = (
    "A-Za-z\xAA\xBA\xC0-\xD6\xD8-\xF6\xF8-\u02B8\u02E0-\u02E4\u1D00-\u1D25\u1D2C-\u1D5C\u1D62-\u1D65\u1D6B-\u1D77"
    "\u1D79-\u1DBE\u1E00-\u1EFF\u2071\u207F\u2090-\u209C\u212A\u212B\u2132\u214E\u2160-\u2188\u2C60-\u2C7F\uA722-\uA787"
    "\uA78B-\uA7AD\uA7B0-\uA7B7\uA7F7-\uA7FF\uAB30-\uAB5A\uAB5C-\uAB64\uFB00-\uFB06\uFF21-\uFF3A\uFF41-\uFF5A"
)
_TRIM_START = re.compile(f"^[^{WORD_CHARACTERS}]+")
_TRIM_END = re.compile(f"[^{WORD_CHARACTERS}]+$")
# lunr.tokenizer.separator: JavaScript's \s plus the hyphen.
SEPARATOR = re.compile(r"[\s\-\ufeff]+")

PIPELINE = ("trimmer-nl", "stopWordFilter-nl", "stemmer-nl")
SEARCH_PIPELINE = ("stemmer-nl",)


def _load_stop_words() -> frozenset[str]:
    text = resources.files(__package__).joinpath("stopwords-nl.txt").read_text(encoding="utf-8")
    words = {line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")}
    return frozenset(words | {""})  # lunr.nl's list starts with '' (it is built by splitting ' aan al …')


STOP_WORDS = _load_stop_words()
_STEMMER = snowballstemmer.stemmer("dutch_porter")


def tokenize(text: str) -> list[str]:
    """lunr.tokenizer: lower-case, split on white space and hyphens."""
    return [token for token in SEPARATOR.split(text.lower()) if token]


def trim(token: str) -> str:
    return _TRIM_END.sub("", _TRIM_START.sub("", token))


@lru_cache(maxsize=None)
def stem(word: str) -> str:
    return _STEMMER.stemWord(word)


_TERMS: dict[str, str | None] = {}  # token -> index term; tokens repeat a lot


def index_term(token: str) -> str | None:
    """The term a token becomes in the index, or None when the pipeline drops it."""
    try:
        return _TERMS[token]
    except KeyError:
        trimmed = trim(token)
        term = _TERMS[token] = None if trimmed in STOP_WORDS else stem(trimmed)
        return term


def _clear_terms() -> None:
    _TERMS.clear()


index_term.cache_clear = _clear_terms  # type: ignore[attr-defined]  # as with lru_cache (benchmarks use it)


def terms(text: str) -> list[str]:
    """Every index term of a text, in order (with repeats: they are term frequencies)."""
    get = _TERMS.get
    out = []
    for token in SEPARATOR.split(text.lower()):
        if token:
            term = get(token, _MISSING)
            if term is _MISSING:
                term = index_term(token)
            if term is not None:
                out.append(term)
    return out


_MISSING = object()


def query_words(text: str) -> list[str]:
    """The words of a finder query: tokenized, trimmed, without stop words (not yet stemmed)."""
    out = []
    for token in tokenize(text):
        trimmed = trim(token)
        if trimmed not in STOP_WORDS:
            out.append(trimmed)
    return out
