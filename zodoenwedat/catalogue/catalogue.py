"""Cross-links between cases: taxonomies, organisations, partner-type pairs, webinars.

Built once per build from a valid :class:`~zodoenwedat.repository.Repository`;
every page is rendered from this one catalogue.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from ..models import Case, CoalitionMember, ContentLicence, VocabularyTerm, Webinar
from ..repository import Repository
from .related import RelatedCases


# Vocabulary name -> how to read a case's codes for it.
@dataclass(frozen=True)
class CaseEntry:
    slug: str
    case: Case
    body: str
    source_path: str  # cases/<slug>.md

    def codes(self, vocabulary: str) -> list[str]:
        return self.case.codes(vocabulary)


@dataclass
class Organisation:
    slug: str
    name: str
    cases: list[str] = field(default_factory=list)  # case slugs, newest first
    types: list[str] = field(default_factory=list)  # partner types it appears as
    url: str | None = None


def organisation_slug(name: str) -> str:
    """One organisation, however its name is capitalised or accented: 'Gemeente Almere' = 'gemeente Almere'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60].rstrip("-") or "organisatie"


@dataclass
class Catalogue:
    cases: list[CaseEntry]  # newest first
    vocabularies: dict[str, dict[str, VocabularyTerm]]
    coalition: dict[str, CoalitionMember]
    webinars: list[Webinar]
    index: dict[str, dict[str, list[str]]]  # vocabulary -> term -> case slugs, newest first
    organisations: dict[str, Organisation]  # sorted by name
    pairs: dict[tuple[str, str], list[str]]  # (type a, type b), a <= b -> case slugs
    webinars_by_case: dict[str, list[Webinar]]
    licence: ContentLicence | None = None  # of the content and open data (data/licence.yml)

    @property
    def by_slug(self) -> dict[str, CaseEntry]:
        return self._by_slug

    def __post_init__(self) -> None:
        self._by_slug = {entry.slug: entry for entry in self.cases}
        self._related: RelatedCases | None = None

    @property
    def related(self) -> RelatedCases:
        """Related cases per case (slug -> list), each ranked on first use (the validator never needs them)."""
        if self._related is None:
            self._related = RelatedCases(self)
        return self._related

    def label(self, vocabulary: str, code: str) -> str:
        term = self.vocabularies.get(vocabulary, {}).get(code)
        return term.label if term else code

    def pair_cases(self, first: str, second: str) -> list[str]:
        return self.pairs.get(tuple(sorted((first, second))), [])  # type: ignore[arg-type]


def build_catalogue(repo: Repository) -> Catalogue:
    entries = [
        CaseEntry(slug=slug, case=file.case, body=file.body, source_path=file.path)
        for slug, file in repo.cases.items()
        if file.case is not None
    ]
    entries.sort(key=lambda e: (-e.case.published.toordinal(), e.case.title.casefold(), e.slug))

    index: dict[str, dict[str, list[str]]] = {}
    for vocabulary, terms in repo.vocabularies.items():
        buckets: dict[str, list[str]] = {code: [] for code in terms}
        for entry in entries:
            for code in entry.codes(vocabulary):
                buckets.setdefault(code, []).append(entry.slug)
        index[vocabulary] = buckets

    organisations: dict[str, Organisation] = {}
    spellings: dict[str, Counter] = defaultdict(Counter)
    for entry in entries:
        for partner in entry.case.partners:
            if not partner.name:
                continue
            slug = organisation_slug(partner.name)
            org = organisations.setdefault(slug, Organisation(slug=slug, name=partner.name))
            spellings[slug][partner.name] += 1
            if entry.slug not in org.cases:
                org.cases.append(entry.slug)
            if partner.type not in org.types:
                org.types.append(partner.type)
            if partner.url and not org.url:
                org.url = partner.url
    for slug, org in organisations.items():
        # The most used spelling wins; ties go to the first one in name order.
        org.name = sorted(spellings[slug].items(), key=lambda item: (-item[1], item[0]))[0][0]
    organisations = dict(sorted(organisations.items(), key=lambda item: (item[1].name.casefold(), item[0])))

    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for entry in entries:
        types = sorted(set(entry.codes("partner-types")))
        for code in types:
            pairs[(code, code)].append(entry.slug)
        for a, b in combinations(types, 2):
            pairs[(a, b)].append(entry.slug)

    webinars_by_case: dict[str, list[Webinar]] = defaultdict(list)
    for webinar in sorted(repo.webinars, key=lambda w: (w.date, w.start or "", w.id)):
        for slug in webinar.cases:
            webinars_by_case[slug].append(webinar)

    catalogue = Catalogue(
        cases=entries,
        vocabularies=repo.vocabularies,
        coalition=repo.coalition,
        webinars=sorted(repo.webinars, key=lambda w: (w.date, w.start or "", w.id)),
        index=index,
        organisations=organisations,
        pairs=dict(pairs),
        webinars_by_case=dict(webinars_by_case),
        licence=repo.licence,
    )
    return catalogue
