"""Published URLs never break.

``data/published-urls.txt`` lists every public URL of the site (committed; updated by
``zodoenwedat urls --update``). A listed URL that the site would no longer have, and
that no redirect covers, is a problem on its line in that file. New URLs are fine
until the list is updated.
"""

from __future__ import annotations

from pathlib import Path

from ..problems import Problems
from ..repository import Repository, load_repository
from . import urls
from .catalogue import build_catalogue

PUBLISHED = "data/published-urls.txt"
HEADER = """\
# Alle openbare webadressen van Zo doen we dat. Andere sites en coalitieleden linken
# hiernaar: een adres dat hier staat, mag niet verdwijnen. Hernoem je een
# praktijkvoorbeeld, zet dan de oude naam in 'aliases'. Bijwerken (nieuwe adressen
# toevoegen) met: zodoenwedat urls --update
"""


def docs_urls(docs_dir: Path) -> list[str]:
    """URLs of the hand-written pages, as MkDocs makes them (use_directory_urls)."""
    out: list[str] = []
    if not docs_dir.is_dir():
        return out
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()[:-3]
        if rel == "index" or rel.endswith("/index"):
            rel = rel[: -len("index")]
        else:
            rel += "/"
        out.append("/" + rel)
    return out


def file_url(path: str) -> str:
    """The public URL of a generated file (``embed/x/index.html`` -> ``/embed/x/``)."""
    return "/" + path.removesuffix("index.html")


def current_urls(repo: Repository) -> tuple[set[str], set[str]]:
    """(URLs the site has, URLs that redirect) for a valid repository, from the paths module alone."""
    catalogue = build_catalogue(repo)
    # The static list's further pages (praktijkvoorbeelden/pagina/N/) come and go with the
    # number of cases; nobody links to them: they are not published URLs.
    have = {"/" + url for url in urls.page_urls(catalogue) if not url.startswith(urls.PAGINATION)}
    have |= set(docs_urls(repo.root / "docs"))
    have |= {file_url(path) for path in urls.public_files(catalogue)}
    have.add("/")
    moved = {"/" + old for old in urls.moved(catalogue)}
    return have, moved


def read_listed(root: Path) -> list[tuple[int, str]]:
    path = root / PUBLISHED
    if not path.is_file():
        return []
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            out.append((number, line))
    return out


def check(repo: Repository, problems: Problems) -> None:
    listed = read_listed(repo.root)
    if not listed:
        return
    have, moved = current_urls(repo)
    for line, url in listed:
        if url in have or url in moved:
            continue
        parts = url.strip("/").split("/")
        if len(parts) == 2 and parts[0] in ("praktijkvoorbeelden", "embed"):
            hint = (
                f"Is het praktijkvoorbeeld hernoemd? Zet dan 'aliases: [{parts[1]}]' in de kop van het nieuwe bestand; "
                "het oude adres stuurt bezoekers dan door."
            )
        else:
            hint = "Zet het terug (bijvoorbeeld de code in data/), of zorg voor een doorverwijzing."
        problems.add(
            PUBLISHED,
            line,
            1,
            "url-removed",
            f"Het openbare webadres {url} zou verdwijnen. {hint} Is het echt de bedoeling dat het verdwijnt? "
            "Haal het dan weg met: zodoenwedat urls --update --prune",
        )


def updated_list(repo: Repository, prune: bool = False) -> tuple[str, list[str], list[str]]:
    """(new file text, added URLs, removed URLs)."""
    listed = {url for _, url in read_listed(repo.root)}
    have, moved = current_urls(repo)
    keep = listed & (have | moved) if prune else listed
    result = keep | have
    added = sorted(result - listed)
    removed = sorted(listed - result)
    return HEADER + "".join(url + "\n" for url in sorted(result)), added, removed


def check_reserved(repo: Repository, problems: Problems) -> None:
    """No case, and no old name of one, may take the name of a folder of the site under
    /praktijkvoorbeelden/ (the list's further pages, the pictures). Such a case is not valid."""
    for entry in repo.files:
        before = len(problems)
        if entry.slug in urls.RESERVED_CASE_SLUGS:
            problems.add(
                entry.path,
                1,
                1,
                "slug-reserved",
                f"De bestandsnaam '{entry.slug}.md' kan niet: /{urls.CASES}{entry.slug}/ is al een map van de site. "
                "Hernoem het bestand naar een naam die zegt welk praktijkvoorbeeld het is, bijvoorbeeld met de plaats erin.",
            )
        if entry.case is None or entry.located is None:
            continue
        for index, alias in enumerate(entry.case.aliases):
            if alias in urls.RESERVED_CASE_SLUGS:
                line, column = entry.located.where(("aliases", index))
                problems.add(
                    entry.path,
                    line,
                    column,
                    "slug-reserved",
                    f"De oude naam '{alias}' kan niet: /{urls.CASES}{alias}/ is al een map van de site. Haal hem weg uit 'aliases'.",
                )
        if len(problems) > before:
            repo.cases.pop(entry.slug, None)


def check_all(root) -> Repository:
    """Everything ``zodoenwedat validate`` and the build check: the files, then the published URLs."""
    repo = load_repository(root)
    check_reserved(repo, repo.problems)
    if not repo.problems:
        check(repo, repo.problems)
    return repo
