"""The search index in Python: what goes into Pagefind for every case, that the Pagefind files
come out the same for the same site, the finder's word list, and a clear Dutch error."""

from __future__ import annotations

import gzip
import json
import re

import pytest
from support import REPO

from zodoenwedat.catalogue.catalogue import build_catalogue
from zodoenwedat.repository import load_repository
from zodoenwedat.search import finder, pagefind_index, stable
from zodoenwedat.search.pagefind_index import FACETS, KIND_FILTER, KIND_PAGE

PAGE = '<html lang="nl"><head><title>{title}</title></head><body><header>Kop</header><article><h1>{title}</h1><p>{text}</p>{extra}</article></body></html>'


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(load_repository(REPO))


@pytest.fixture(scope="module")
def index(catalogue):
    pages = [
        ("over-de-coalitie/", PAGE.format(title="Over de coalitie", text="De coalitie werkt samen.", extra="")),
        (
            "themas/leefbaarheid/",
            PAGE.format(
                title="Leefbaarheid",
                text="Prettig samenleven.",
                extra='<ul><li class="zd-card" data-pagefind-ignore><h2>Zebrapad</h2><p>Kaartjestekst</p></li></ul>',
            ),
        ),
        ("praktijkvoorbeelden/pagina/2/", PAGE.format(title="Pagina 2", text="Lijst", extra="")),
        ("404.html", PAGE.format(title="Niet gevonden", text="Weg", extra="")),
    ]
    return pagefind_index.index_files(catalogue, pages), pages


def _meta(files: dict[str, bytes]):
    (path,) = [p for p in files if p.endswith(".pf_meta")]
    return stable.unpack(files[path])


def test_every_case_is_a_record_with_its_facets_meta_and_text(catalogue):
    records = pagefind_index.case_records(catalogue)
    assert [r.url for r in records] == [f"/praktijkvoorbeelden/{e.slug}/" for e in catalogue.cases]
    for record, entry in zip(records, catalogue.cases, strict=False):
        case = entry.case
        assert KIND_FILTER not in record.filters
        for name, vocabulary, _ in FACETS:
            assert record.filters.get(name, []) == entry.codes(vocabulary)
        assert record.meta["title"] == case.title
        assert record.meta["samenvatting"] == case.summary
        assert record.meta["plaats"].startswith(case.place)
        for partner in case.partners:
            if partner.name:
                assert partner.name in record.meta["organisaties"]
        for code in case.themes:
            assert catalogue.label("themes", code) in record.meta["kenmerken"]
        assert record.content.startswith(case.summary)
        assert "](" not in record.content and "## " not in record.content  # Markdown syntax stripped


def test_sort_keys_give_the_catalogues_order(catalogue):
    records = pagefind_index.case_records(catalogue)
    by_date = sorted(records, key=lambda r: r.sort["datum"], reverse=True)  # Pagefind: desc reverses asc
    assert [r.url for r in by_date] == [r.url for r in records]
    by_title = sorted(records, key=lambda r: r.sort["titel"])
    assert [r.meta["title"].casefold() for r in by_title] == sorted(r.meta["title"].casefold() for r in records)


def test_the_index_holds_every_case_and_the_pages_but_not_the_lists_further_pages(catalogue, index):
    files, _ = index
    assert all(path.startswith("pagefind/") for path in files)
    assert "pagefind/pagefind.js" in files and "pagefind/wasm.nl.pagefind" in files
    assert not [p for p in files if "ui" in p.rsplit("/", 1)[-1] or "worker" in p], (
        "Pagefind's UI kits and worker are not shipped"
    )
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    assert list(entry["languages"]) == ["nl"]
    assert entry["languages"]["nl"]["page_count"] == len(catalogue.cases) + 2  # over-de-coalitie, leefbaarheid
    meta = _meta({p[len("pagefind/") :]: c for p, c in files.items()})
    assert [name for name, _ in meta[3]] == sorted(["doelgroep", "fase", "partner", "provincie", KIND_FILTER, "thema"])
    assert [name for name, _ in meta[4]] == ["datum", "titel"]


def test_filter_chunks_hold_the_catalogues_codes(catalogue, index):
    files, _ = index
    chunks = {}
    for path, content in files.items():
        if path.endswith(".pf_filter"):
            name, values = stable.unpack(content)
            chunks[name] = {value: len(pages) for value, pages in values}
    for name, vocabulary, _ in FACETS:
        expected = {code: len(slugs) for code, slugs in catalogue.index[vocabulary].items() if slugs}
        assert chunks[name] == expected, name
    assert chunks[KIND_FILTER] == {KIND_PAGE: 2}, "the pages (over-de-coalitie, leefbaarheid) are marked, the cases not"


def test_the_same_site_gives_the_same_bytes(catalogue, index):
    files, pages = index
    again = pagefind_index.index_files(catalogue, list(reversed(pages)))
    assert again == files


def test_cbor_reader_and_writer_give_back_pagefinds_own_bytes(index):
    files, _ = index
    checked = 0
    for path, content in files.items():
        if path.endswith((".pf_filter", ".pf_meta")):
            raw = gzip.decompress(content)[len(stable.SIGNATURE) :]
            assert stable.dumps(stable.loads(raw)) == raw, path
            checked += 1
    assert checked >= 7


def test_canonical_order_does_not_depend_on_the_order_pagefind_wrote(index):
    """Write the files the way another run of Pagefind 1.5.2 may: filter values, filters and
    sort keys in another order, files named after that content. canonical() undoes it."""
    files, _ = index
    inner = {p[len("pagefind/") :]: c for p, c in files.items()}
    shuffled = {p: c for p, c in inner.items() if not p.endswith((".pf_filter", ".pf_meta", ".json"))}
    renamed = {}
    for number, (path, content) in enumerate(sorted(p for p in inner.items() if p[0].endswith(".pf_filter"))):
        name, values = stable.unpack(content)
        new_hash = f"nl_{number:07x}"
        shuffled[f"filter/{new_hash}.pf_filter"] = stable.pack([name, list(reversed(values))])
        renamed[path[len("filter/") : -len(".pf_filter")]] = new_hash
    meta = _meta(inner)
    meta[3] = [[name, renamed[hash_]] for name, hash_ in reversed(meta[3])]
    meta[4] = list(reversed(meta[4]))
    shuffled["pagefind.nl_00000000ab.pf_meta"] = stable.pack(meta)
    entry = json.loads(inner["pagefind-entry.json"])
    entry["languages"]["nl"]["hash"] = "nl_00000000ab"
    shuffled["pagefind-entry.json"] = json.dumps(entry).encode()
    assert shuffled != inner
    assert stable.canonical(shuffled) == inner
    assert stable.canonical(inner) == inner


def test_works_where_an_event_loop_already_runs(catalogue, index):
    """A host that is asynchronous itself (or Playwright's synchronous API in this test run)
    runs an event loop in the thread that builds: the index is made all the same."""
    import asyncio
    import threading

    files, pages = index
    made = {}

    async def inside():
        asyncio.get_running_loop()  # (there is one)
        made["files"] = pagefind_index.index_files(catalogue, pages)

    thread = threading.Thread(target=lambda: asyncio.run(inside()))  # a thread whose loop is ours alone
    thread.start()
    thread.join()
    assert made["files"] == files


def test_the_feed_while_rendering_gives_the_index_of_the_pages_at_hand(catalogue, index):
    """The MkDocs adapter hands each page to an IndexFeed as soon as it is rendered; the same
    pages in the same order give the same files as index_files (which sorts them)."""
    files, pages = index
    feed = pagefind_index.IndexFeed(catalogue)
    for url, html in sorted(pages):
        feed.add_page(url, html)
    assert feed.pages == 2, "404.html and the list's second page are left out"
    assert feed.files() == files


def test_a_feed_that_is_closed_stops_pagefind(catalogue):
    """After a failed build (on_build_error) the feed stops Pagefind's process and its thread."""
    import threading

    feed = pagefind_index.IndexFeed(catalogue)
    process = feed._service._backend  # Pagefind's process (asyncio.subprocess.Process)
    assert process.returncode is None
    feed.close()
    assert process.returncode is not None
    assert not any(thread.name == "pagefind" and thread.is_alive() for thread in threading.enumerate())
    feed.close()  # again: harmless


def test_a_bundle_is_read_only_once_pagefind_has_written_all_of_it(index, tmp_path):
    """Pagefind answers write_files before every file is on the disk (an empty entry file was
    seen once): the feed reads the bundle again until every file is whole and stays the same."""
    import asyncio
    import threading

    files, _ = index
    inner = {p[len("pagefind/") :]: c for p, c in files.items()}
    assert pagefind_index.whole(inner)
    fragment = next(p for p in inner if p.endswith(".pf_fragment"))
    for broken in ({**inner, "pagefind-entry.json": b""}, {**inner, fragment: inner[fragment][:-4]}):
        assert not pagefind_index.whole(broken)
    assert not pagefind_index.whole({p: c for p, c in inner.items() if not p.endswith(".pf_meta")})

    for path, content in inner.items():  # written, but the entry file still empty
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(b"" if path == "pagefind-entry.json" else content)
    late = threading.Timer(0.2, lambda: (tmp_path / "pagefind-entry.json").write_bytes(inner["pagefind-entry.json"]))
    late.start()
    try:
        assert asyncio.run(pagefind_index.settled(tmp_path, attempts=200, pause=0.01)) == inner
    finally:
        late.join()

    (tmp_path / "pagefind-entry.json").write_bytes(b"")  # never finished: a Dutch error, no traceback
    with pytest.raises(pagefind_index.SearchIndexError, match="niet volledig geschreven"):
        asyncio.run(pagefind_index.settled(tmp_path, attempts=3, pause=0.01))


def test_a_missing_pagefind_binary_is_a_dutch_error(catalogue, monkeypatch, tmp_path):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "geen-pagefind"))
    with pytest.raises(pagefind_index.SearchIndexError) as raised:
        pagefind_index.index_files(catalogue, [])
    assert str(raised.value).startswith("De zoekindex (Pagefind) kon niet gemaakt worden:")


def test_spelling_words_are_the_sites_own(catalogue):
    words = finder.spelling_words(catalogue)
    assert len(words) == len(set(words))
    assert all(w == w.lower() and len(w) >= finder.MIN_LENGTH for w in words)
    # From the titles, places, neighbourhoods, organisations and labels; hyphenated words whole and in parts.
    own = [entry.case.title for entry in catalogue.cases] + [entry.case.place for entry in catalogue.cases]
    own += [entry.case.neighbourhood or "" for entry in catalogue.cases] + [org.name for org in catalogue.organisations.values()]
    own += [term.label for terms in catalogue.vocabularies.values() for term in terms.values()]
    expected = set()
    for word in re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", " ".join(own).lower()):
        expected.update(part for part in [word, *re.split(r"['’-]", word)] if len(part) >= finder.MIN_LENGTH)
    assert set(words) == expected
    body_only = {w for entry in catalogue.cases for w in re.findall(r"[^\W\d_]{5,}", entry.body.lower())} - expected
    assert body_only and not body_only & set(words), "body words are not in the list"
