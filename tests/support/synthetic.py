"""Synthetic, valid case files for benchmarks: deterministic (seeded) and realistic enough.

Every case has a Dutch-like body of about 300 words under ``## Aanleiding``,
``## Aanpak`` and ``## Resultaten`` (sometimes ``## Lessen``), 1–4 themes, 1–4
partners whose types come from ``data/partner-types.yml`` and whose names come
from a fixed pool of about 150 organisations (so the organisation pages grow
like a real collection, not one page per case), target groups, a province, a
phase and a publication date between 2015 and 2025. Codes are read from the
repository's own ``data/`` files, so the cases stay valid when a vocabulary
changes.

    from support.synthetic import SyntheticCase, generate_cases, write_cases
    cases = generate_cases(1000, data_dir=Path("data"), seed=2022)
    write_cases(cases, Path("/tmp/repo/cases"))
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from support import REPO

PLACES = [
    "Almere",
    "Amersfoort",
    "Apeldoorn",
    "Arnhem",
    "Assen",
    "Breda",
    "Delft",
    "Den Helder",
    "Deventer",
    "Dordrecht",
    "Ede",
    "Eindhoven",
    "Emmen",
    "Enschede",
    "Goes",
    "Gouda",
    "Groningen",
    "Haarlem",
    "Heerlen",
    "Helmond",
    "Hengelo",
    "Hilversum",
    "Hoorn",
    "Leeuwarden",
    "Leiden",
    "Lelystad",
    "Maastricht",
    "Middelburg",
    "Nijmegen",
    "Oss",
    "Purmerend",
    "Roermond",
    "Rotterdam",
    "Schiedam",
    "Sittard",
    "Tilburg",
    "Utrecht",
    "Venlo",
    "Zaandam",
    "Zoetermeer",
    "Zwolle",
    "Den Bosch",
    "Vlaardingen",
    "Alkmaar",
    "Kampen",
]
NEIGHBOURHOODS = [
    "de Bloemenbuurt",
    "het Stationskwartier",
    "de Schildersbuurt",
    "Oud-West",
    "de Vogelwijk",
    "het Centrum",
    "de Componistenbuurt",
    "Noordoost",
    "de Rivierenwijk",
    "de Indische Buurt",
    "het Havenkwartier",
    "Zuidwest",
    "de Kersenbuurt",
    "de Molenwijk",
    "het Dorpshart",
    "de Bomenbuurt",
    "de Sterrenwijk",
    "het Kerkpad",
    "de Parkflat",
    "de Lindehof",
    "het Beekdal",
    "de Meent",
    "de Akkers",
    "de Kade",
]
TITLE_PATTERNS = [
    "{wijk} in {plaats}",
    "Samen wonen in {wijk}, {plaats}",
    "Een thuis in {plaats}",
    "Buurtaanpak {wijk} in {plaats}",
    "Gemengd wonen in {plaats}",
    "De wijk als vangnet in {plaats}",
    "Van opvang naar eigen huis in {plaats}",
]

# Organisation names per partner type; the pool is about 150 names in total.
_ORG_PATTERNS = {
    "woningcorporatie": ["Woonstichting {p}", "{p} Wonen", "Woningbouwvereniging {p}"],
    "zorgorganisatie": ["Zorggroep {p}", "Stichting Zorg {p}"],
    "ggz-instelling": ["GGZ {p}", "Ggz-centrum {p}"],
    "welzijnsorganisatie": ["Welzijn {p}", "Sociaal Werk {p}"],
    "gemeente": ["gemeente {p}"],
    "maatschappelijke-opvang": ["Stichting Opvang {p}", "Het Dak {p}"],
    "jeugdzorg": ["Jeugdhulp {p}"],
    "werk-en-inkomen": ["Werkbedrijf {p}"],
    "bewonersorganisatie": ["Huurdersvereniging {p}"],
    "adviesbureau": ["Bureau Wijkkracht {p}"],
    "kennisinstituut": ["Kenniscentrum Wonen {p}"],
    "ondernemer": ["Buurtbedrijf {p}"],
}
ORG_POOL_SIZE = 150

ROLES = [
    "Verhuurt de woningen en brengt de partijen bij elkaar",
    "Begeleidt bewoners die ondersteuning nodig hebben",
    "Zorgt voor het opbouwwerk en de contacten in de buurt",
    "Financiert de aanpak en stemt af met het sociaal wijkteam",
    "Denkt mee namens de huurders en organiseert bijeenkomsten",
    "Levert begeleiding op maat, ook in de avonduren",
]
PUBLISHERS = ["Platform31", "Aedes", "Movisie", "Kennisplein Gehandicaptensector", "VNG", "Sociaal Werk Nederland"]

# Sentence parts for a body that reads like Dutch prose.
SUBJECTS = [
    "De corporatie",
    "De gemeente",
    "Het wijkteam",
    "De zorgorganisatie",
    "Een groep bewoners",
    "De welzijnswerker",
    "De huurdersvereniging",
    "Het samenwerkingsverband",
    "De buurtcoach",
    "De ggz-instelling",
    "Een ervaringsdeskundige",
    "De projectleider",
]
VERBS = [
    "organiseert",
    "bespreekt",
    "zoekt",
    "ondersteunt",
    "verbetert",
    "onderzoekt",
    "begeleidt",
    "versterkt",
    "brengt in kaart",
    "deelt",
    "regelt",
    "evalueert",
]
OBJECTS = [
    "de leefbaarheid in de straat",
    "het contact tussen buren",
    "de signalen van overlast",
    "een vaste plek voor ontmoeting",
    "de verhuiswensen van ouderen",
    "de begeleiding van nieuwe huurders",
    "de afspraken tussen de partners",
    "een gezamenlijk plan voor de wijk",
    "de inzet van vrijwilligers",
    "de toegang tot zorg en welzijn",
    "een huiskamer in het complex",
    "de overgang van beschermd naar zelfstandig wonen",
    "de renovatie van het complex",
    "de wensen van jongeren",
    "een spreekuur in de buurt",
]
TAILS = [
    "samen met de bewoners",
    "in overleg met de wijkagent",
    "zonder ingewikkelde procedures",
    "op een vaste dag in de week",
    "met korte lijnen tussen de partners",
    "waar dat nodig is",
    "vanuit één gezamenlijk budget",
    "in de eigen buurt",
    "met hulp van vrijwilligers",
    "voordat problemen groot worden",
]
NUMBERS = {1: "één organisatie", 2: "twee organisaties", 3: "drie organisaties", 4: "vier organisaties"}
CONNECTORS = ["Daarnaast", "Ook", "Vervolgens", "Tegelijk", "Inmiddels", "Daarom", "Bovendien", "Na een jaar"]


@dataclass(frozen=True)
class SyntheticCase:
    slug: str
    title: str
    text: str  # the whole file: front matter and body
    body: str  # the Markdown body only


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:50].rstrip("-")


def vocabulary(data_dir: Path, name: str) -> list[str]:
    with open(data_dir / f"{name}.yml", encoding="utf-8") as handle:
        return list(yaml.safe_load(handle) or {})


def organisation_pool(partner_types: list[str], rng: random.Random, size: int = ORG_POOL_SIZE) -> dict[str, list[str]]:
    """About ``size`` distinct organisation names, spread over the partner types."""
    pool: dict[str, list[str]] = {t: [] for t in partner_types}
    seen: set[str] = set()
    places = PLACES[:]
    attempts = 0
    while sum(len(v) for v in pool.values()) < size and attempts < size * 50:
        attempts += 1
        kind = partner_types[attempts % len(partner_types)]
        patterns = _ORG_PATTERNS.get(kind, ["Stichting {p}"])
        name = rng.choice(patterns).format(p=rng.choice(places))
        key = slugify(name)
        if key in seen:
            continue
        seen.add(key)
        pool[kind].append(name)
    return pool


def _sentence(rng: random.Random) -> str:
    subject, verb, thing, tail = rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS), rng.choice(TAILS)
    if rng.random() < 0.35:  # Dutch inversion after a connector: "Daarnaast zoekt de gemeente ..."
        return f"{rng.choice(CONNECTORS)} {verb} {subject[0].lower()}{subject[1:]} {thing} {tail}."
    return f"{subject} {verb} {thing} {tail}."


def _paragraph(rng: random.Random, words: int) -> str:
    out: list[str] = []
    count = 0
    while count < words:
        sentence = _sentence(rng)
        out.append(sentence)
        count += len(sentence.split())
    return " ".join(out)


def _body(rng: random.Random, earlier: list[str]) -> str:
    lines = ["", "## Aanleiding", "", _paragraph(rng, 60), "", _paragraph(rng, 30), "", "## Aanpak", ""]
    aanpak = _paragraph(rng, 60)
    if earlier and rng.random() < 0.3:
        other = rng.choice(earlier)
        aanpak += f" Dit lijkt op [een ander voorbeeld]({other}.md)."
    lines += [aanpak, ""]
    lines += [f"- {_sentence(rng)}" for _ in range(rng.randint(2, 4))]
    lines += ["", "## Resultaten", "", _paragraph(rng, 50)]
    if rng.random() < 0.3:
        lines[-1] += " Meer staat op [de website van de coalitie](https://www.voorbeeld.nl/resultaten)."
    if rng.random() < 0.6:
        lines += ["", "## Lessen", "", _paragraph(rng, 40)]
    lines.append("")
    return "\n".join(lines)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate_cases(count: int, data_dir: Path = REPO / "data", seed: int = 2022, extra_words: int = 0) -> list[SyntheticCase]:
    """``count`` valid synthetic cases, the same ones for the same seed and data. With
    ``extra_words``, each body gets a further paragraph of about that many words (from its own
    random generator, so the cases are otherwise the same as without it)."""
    rng = random.Random(seed)
    themes = vocabulary(data_dir, "themes")
    partner_types = vocabulary(data_dir, "partner-types")
    groups = vocabulary(data_dir, "target-groups")
    provinces = vocabulary(data_dir, "provinces")
    phases = vocabulary(data_dir, "phases")
    pool = organisation_pool(partner_types, rng)
    named_types = [t for t in partner_types if pool[t]]
    first_day, last_day = dt.date(2015, 1, 1).toordinal(), dt.date(2025, 12, 31).toordinal()

    cases: list[SyntheticCase] = []
    slugs: set[str] = set()
    for index in range(count):
        place, wijk = rng.choice(PLACES), rng.choice(NEIGHBOURHOODS)
        title = rng.choice(TITLE_PATTERNS).format(plaats=place, wijk=wijk)
        title = title[0].upper() + title[1:]
        base = slugify(title)
        slug, n = base, 2
        while slug in slugs:
            slug, n = f"{base}-{n}", n + 1
        slugs.add(slug)

        published = dt.date.fromordinal(rng.randint(first_day, last_day))
        kinds = rng.sample(named_types, rng.randint(1, min(4, len(named_types))))
        partners = []
        for kind in kinds:
            partner = [f"  - type: {kind}"]
            if rng.random() < 0.9:
                partner.append(f"    name: {_quote(rng.choice(pool[kind]))}")
            if rng.random() < 0.7:
                partner.append(f"    role: {_quote(rng.choice(ROLES))}")
            partners += partner
        earlier = [c.slug for c in cases[-50:]]
        related = rng.sample(earlier, min(len(earlier), rng.randint(0, 2)))
        summary = (
            f"In {wijk} in {place} werken bewoners en {NUMBERS[len(kinds)]} samen aan een buurt waar bewoners met en zonder "
            f"ondersteuningsvraag prettig naast elkaar wonen. {_sentence(rng)}"
        )
        front = [
            "---",
            f"title: {_quote(title)}",
            f"summary: {_quote(summary)}",
            f"place: {_quote(place)}",
            f"neighbourhood: {_quote(wijk)}",
            f"province: {rng.choice(provinces)}",
            f"themes: [{', '.join(rng.sample(themes, rng.randint(1, min(4, len(themes)))))}]",
            "partners:",
            *partners,
            f"target_groups: [{', '.join(rng.sample(groups, rng.randint(0, min(3, len(groups)))))}]",
            f"phase: {rng.choice(phases)}",
            f"started: {rng.randint(max(1990, published.year - 6), published.year)}",
            f"published: {published.isoformat()}",
        ]
        if rng.random() < 0.3:
            updated = min(dt.date(2025, 12, 31), published + dt.timedelta(days=rng.randint(10, 400)))
            front.append(f"updated: {updated.isoformat()}")
        if rng.random() < 0.7:
            front += [
                "sources:",
                f"  - title: {_quote('Verslag over ' + title)}",
                f"    publisher: {_quote(rng.choice(PUBLISHERS))}",
                f"    url: https://www.voorbeeld.nl/verslag/{slug}",
                f"    date: {published.isoformat()}",
            ]
        if related:
            front.append(f"related: [{', '.join(related)}]")
        front.append("---")
        body = _body(rng, earlier)
        if extra_words:
            body += "\n" + _paragraph(random.Random(f"{seed}-{index}"), extra_words) + "\n"
        cases.append(SyntheticCase(slug=slug, title=title, text="\n".join(front) + "\n" + body, body=body))
    return cases


def write_cases(cases: list[SyntheticCase], cases_dir: Path) -> None:
    cases_dir.mkdir(parents=True, exist_ok=True)
    for case in cases:
        (cases_dir / f"{case.slug}.md").write_text(case.text, encoding="utf-8")


def load_valid(root: Path):
    """The synthetic repository, loaded; exits (status 2) with its problems if the cases are not valid."""
    from zodoenwedat.repository import load_repository  # here: a benchmark's timed process imports it itself

    repo = load_repository(root)
    if repo.problems:
        print(f"The synthetic cases under {root} are not valid ({len(repo.problems)} problems); fix tests/support/synthetic.py:")
        for problem in list(repo.problems.sorted())[:40]:
            print("  " + problem.as_text())
        sys.exit(2)
    return repo
