"""The whole content repository: every case and data file, checked together.

``load_repository(root)`` never raises for bad content: it returns what it
could read plus every problem found, so the validator and the site report
all of them at once.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .casefile import CaseFile, load_case
from .datafiles import VOCABULARY_FILES, load_coalition, load_licence, load_vocabularies, load_webinars
from .models import CoalitionMember, ContentLicence, VocabularyTerm, Webinar
from .problems import Problems
from .textrules import SLUG_RE, suggestion
from .vocabularies import CASE_FIELDS, CASE_VOCABULARIES, PARTNER_TYPES

VOCABULARY_FIELDS = CASE_FIELDS  # case field -> vocabulary
PARTNER_TYPE_VOCABULARY = PARTNER_TYPES
DISTINCT_FIELDS = (*(v.field for v in CASE_VOCABULARIES if v.many), "related", "aliases")  # lists of codes


@dataclass
class Repository:
    root: Path
    cases: dict[str, CaseFile] = field(default_factory=dict)  # slug -> file, only those that are valid
    files: list[CaseFile] = field(default_factory=list)  # every case file that was read
    vocabularies: dict[str, dict[str, VocabularyTerm]] = field(default_factory=dict)
    coalition: dict[str, CoalitionMember] = field(default_factory=dict)
    licence: ContentLicence | None = None  # data/licence.yml; None only when that file has a problem
    webinars: list[Webinar] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    checked: int = 0  # how many files were checked

    def case_paths(self) -> list[Path]:
        return [self.root / entry.path for entry in self.files]


def case_files(root: Path) -> list[Path]:
    cases_dir = root / "cases"
    if not cases_dir.is_dir():
        return []
    return sorted(p for p in cases_dir.iterdir() if p.suffix.lower() == ".md" and p.is_file())


def load_repository(root: Path | str) -> Repository:
    root = Path(root)
    repo = Repository(root=root)
    problems = repo.problems
    data_dir = root / "data"
    repo.vocabularies = load_vocabularies(data_dir, problems)
    repo.coalition = load_coalition(data_dir, problems)
    repo.licence = load_licence(data_dir, problems)
    webinars, webinar_where, webinars_rel = load_webinars(data_dir, problems)
    repo.webinars = webinars

    if not (root / "cases").is_dir():
        problems.add("cases", 1, 1, "missing-cases", "De map cases/ ontbreekt; daarin staan de praktijkvoorbeelden.")
    repo.files = _load_cases(root, case_files(root), problems)

    _check_duplicate_slugs(repo)
    slugs = {entry.slug for entry in repo.files}
    aliases = repo_aliases(repo)  # once: per case it made loading quadratic in the number of cases
    for entry in repo.files:
        _check_case_references(entry, repo, slugs, aliases)
    _check_aliases(repo, slugs)
    _check_webinars(repo, webinar_where, webinars_rel, slugs)

    repo.checked = len(repo.files) + len(VOCABULARY_FILES) + 3  # + coalition, licence, webinars
    bad = {p.path for p in problems}
    repo.cases = {entry.slug: entry for entry in repo.files if entry.case is not None and entry.path not in bad}
    return repo


def _load_cases(root: Path, paths: list[Path], problems: Problems) -> list[CaseFile]:
    """Read and check every case file."""
    return [load_case(path, path.relative_to(root).as_posix(), problems) for path in paths]


def _normal(slug: str) -> str:
    return unicodedata.normalize("NFKC", slug).casefold()


def _check_duplicate_slugs(repo: Repository) -> None:
    groups: dict[str, list[CaseFile]] = {}
    for entry in repo.files:
        groups.setdefault(_normal(entry.slug), []).append(entry)
    for group in groups.values():
        if len(group) > 1:
            names = ", ".join(e.path for e in group)
            for entry in group:
                repo.problems.add(
                    entry.path,
                    1,
                    1,
                    "duplicate-slug",
                    f"Deze bestandsnamen zijn (op hoofdletters of accenten na) gelijk: {names}. "
                    "Elk praktijkvoorbeeld heeft een eigen naam; hernoem of verwijder er één.",
                )


def _strings(raw: dict, key: str) -> list[tuple[int | None, str]]:
    """(index, value) for the text items of a list field; a single value as index None."""
    value = raw.get(key)
    if isinstance(value, list):
        return [(i, v) for i, v in enumerate(value) if isinstance(v, str)]
    if isinstance(value, str):
        return [(None, value)]
    return []


def _check_case_references(entry: CaseFile, repo: Repository, slugs: set[str], aliases: dict[str, str]) -> None:
    """Checks that need other files. Works on the raw front matter, so that they
    run (and report) even when another field of the same case is invalid."""
    located, rel, problems = entry.located, entry.path, repo.problems
    if located is None or not isinstance(located.value, dict):
        return
    raw = located.value

    def check_term(value: str, vocabulary: str, path: tuple) -> None:
        terms = repo.vocabularies.get(vocabulary, {})
        if terms and value not in terms:
            line, column = located.where(path)
            problems.add(
                rel,
                line,
                column,
                "unknown-term",
                f"'{value}' staat niet in data/{vocabulary}.yml.{suggestion(value, terms)} "
                "Kies een code uit dat bestand, of vraag de redactie om een nieuwe toe te voegen.",
            )

    for field_name, vocabulary in VOCABULARY_FIELDS.items():
        for index, item in _strings(raw, field_name):
            check_term(item, vocabulary, (field_name,) if index is None else (field_name, index))
    partners = raw.get("partners")
    if isinstance(partners, list):
        for index, partner in enumerate(partners):
            if isinstance(partner, dict) and isinstance(partner.get("type"), str):
                check_term(partner["type"], PARTNER_TYPE_VOCABULARY, ("partners", index, "type"))
            elif isinstance(partner, str) and SLUG_RE.match(partner):  # only the type's code: '- gemeente'
                check_term(partner, PARTNER_TYPE_VOCABULARY, ("partners", index))

    for field_name in DISTINCT_FIELDS:
        seen: set[str] = set()
        for index, item in _strings(raw, field_name):
            if item in seen:
                line, column = located.where((field_name, index))
                problems.add(
                    rel, line, column, "duplicate-value", f"'{item}' staat twee keer in '{field_name}'; haal er één weg."
                )
            seen.add(item)

    related = [(i, v) for i, v in _strings(raw, "related") if i is not None]
    for index, other in related:
        line, column = located.where(("related", index))
        if other in aliases and other not in slugs:
            problems.add(
                rel,
                line,
                column,
                "renamed-case",
                f"Het praktijkvoorbeeld '{other}' heet nu '{aliases[other]}'; gebruik de nieuwe naam in 'related'.",
            )
        elif other == entry.slug:
            problems.add(
                rel,
                line,
                column,
                "related-self",
                "Een praktijkvoorbeeld kan niet naar zichzelf verwijzen in 'related'; haal deze code weg.",
            )
        elif other not in slugs:
            problems.add(
                rel,
                line,
                column,
                "unknown-case",
                f"Er is geen praktijkvoorbeeld cases/{other}.md.{suggestion(other, slugs)} Gebruik de bestandsnaam zonder .md.",
            )

    report = entry.body_report
    if report is not None:
        for other, line, column in report.case_links:
            if other not in slugs:
                problems.add(
                    rel,
                    line,
                    column,
                    "unknown-case",
                    f"De link verwijst naar {other}.md, maar dat praktijkvoorbeeld bestaat niet.{suggestion(other, slugs)}",
                )
        for image, line, column in report.images:
            if not (repo.root / "cases" / "media" / image).is_file():
                problems.add(
                    rel,
                    line,
                    column,
                    "missing-image",
                    f"De afbeelding cases/media/{image} bestaat niet; voeg het bestand toe of verbeter de naam.",
                )


def repo_aliases(repo: Repository) -> dict[str, str]:
    """old slug -> current slug, from every case's 'aliases'."""
    out: dict[str, str] = {}
    for entry in repo.files:
        raw = entry.located.value if entry.located is not None else None
        if isinstance(raw, dict) and isinstance(raw.get("aliases"), list):
            for alias in raw["aliases"]:
                if isinstance(alias, str):
                    out.setdefault(alias, entry.slug)
    return out


def _check_aliases(repo: Repository, slugs: set[str]) -> None:
    owners: dict[str, str] = {}
    for entry in repo.files:
        if entry.case is None or entry.located is None:
            continue
        for index, alias in enumerate(entry.case.aliases):
            line, column = entry.located.where(("aliases", index))
            if alias in slugs:
                repo.problems.add(
                    entry.path,
                    line,
                    column,
                    "alias-taken",
                    f"De oude naam '{alias}' is ook de naam van een bestaand praktijkvoorbeeld (cases/{alias}.md); "
                    "een oude naam mag niet meer in gebruik zijn.",
                )
            elif alias in owners and owners[alias] != entry.path:
                repo.problems.add(
                    entry.path,
                    line,
                    column,
                    "alias-twice",
                    f"De oude naam '{alias}' staat ook in {owners[alias]}; een oude naam hoort bij één praktijkvoorbeeld.",
                )
            owners.setdefault(alias, entry.path)


def _check_webinars(repo: Repository, where: dict, rel: str, slugs: set[str]) -> None:
    for webinar in repo.webinars:
        for index, organiser in enumerate(webinar.organisers):
            if repo.coalition and organiser not in repo.coalition:
                line, column = where[f"{webinar.id}/organisers/{index}"]
                repo.problems.add(
                    rel,
                    line,
                    column,
                    "unknown-organiser",
                    f"'{organiser}' staat niet in data/coalition.yml.{suggestion(organiser, repo.coalition)} Gebruik de code van een coalitielid.",
                )
        for index, case in enumerate(webinar.cases):
            if case not in slugs:
                line, column = where[f"{webinar.id}/cases/{index}"]
                repo.problems.add(
                    rel,
                    line,
                    column,
                    "unknown-case",
                    f"Er is geen praktijkvoorbeeld cases/{case}.md.{suggestion(case, slugs)} Gebruik de bestandsnaam zonder .md.",
                )
