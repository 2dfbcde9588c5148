"""The ``zodoenwedat`` command: validate, new, from-issue, schema, generate, urls.

Exit codes: 0 clean, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import report
from .casefile import suggest_slug
from .catalogue.urlguard import PUBLISHED, check_all, updated_list
from .datafiles import load_vocabularies
from .fromissue import Conversion, FormProblem, comment, convert
from .issueform import PATH as FORM_PATH
from .issueform import issue_form_yaml
from .problems import Problems
from .schema import SCHEMA_PATH, schema_json
from .sourcefile import MAX_FILE_BYTES
from .template import new_case_text
from .textrules import SLUG_MAX, SLUG_RE


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # Dutch usage errors, exit code 2
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout in de opdracht: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="zodoenwedat", description="Praktijkvoorbeelden van Zo doen we dat controleren en maken.")
    parser.add_argument("--root", default=".", help="map van de repository (standaard: de huidige map)")
    commands = parser.add_subparsers(dest="command", metavar="opdracht", parser_class=_Parser)

    validate = commands.add_parser("validate", help="controleer alle praktijkvoorbeelden en gegevensbestanden")
    validate.add_argument("--format", choices=sorted(report.REPORTERS), default="text", help="uitvoer: text, github of json")
    validate.add_argument("paths", nargs="*", help="toon alleen problemen in deze bestanden (alles wordt wel gecontroleerd)")

    new = commands.add_parser("new", help="maak een nieuw praktijkvoorbeeld vanuit het sjabloon")
    new.add_argument("slug", help="de naam van het bestand, zoals wijkaanpak-zwolle")

    from_issue = commands.add_parser(
        "from-issue", help="zet een ingevuld GitHub-formulier 'Nieuw praktijkvoorbeeld' om in een praktijkvoorbeeld"
    )
    from_issue.add_argument("body", metavar="BESTAND", help="de tekst van het issue (Markdown); - leest van standaardinvoer")
    from_issue.add_argument(
        "--issue",
        type=int,
        metavar="NUMMER",
        help="het nummer van het issue: een eerder bestand uit hetzelfde issue wordt vervangen",
    )
    from_issue.add_argument(
        "--comment", metavar="BESTAND", help="schrijf ook een reactie voor het issue (Markdown) naar dit bestand"
    )

    schema = commands.add_parser("schema", help="druk het JSON Schema van de kop van een praktijkvoorbeeld af")
    schema.add_argument("--output", help="schrijf naar dit bestand in plaats van het scherm")
    commands.add_parser("generate", help="schrijf de afgeleide bestanden opnieuw: JSON Schema en het GitHub-formulier")

    urls = commands.add_parser("urls", help=f"controleer of werk {PUBLISHED} bij (alle openbare webadressen)")
    urls.add_argument("--update", action="store_true", help="voeg nieuwe webadressen toe aan de lijst")
    urls.add_argument(
        "--prune", action="store_true", help="haal met --update ook verdwenen adressen weg (alleen als dat de bedoeling is)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    root = Path(args.root)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "validate":
            return _validate(root, args.format, args.paths)
        if args.command == "new":
            return _new(root, args.slug)
        if args.command == "schema":
            return _schema(root, args.output)
        if args.command == "from-issue":
            return _from_issue(root, args.body, args.issue, args.comment)
        if args.command == "generate":
            return _generate(root)
        if args.command == "urls":
            return _urls(root, args.update, args.prune)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return 2


def _validate(root: Path, fmt: str, paths: list[str]) -> int:
    if not root.is_dir():
        print(f"zodoenwedat: de map {root} bestaat niet.", file=sys.stderr)
        return 2
    repo = check_all(root)
    problems = repo.problems.sorted()
    if paths:
        wanted = {Path(p).resolve() for p in paths}
        problems = [p for p in problems if (root / p.path).resolve() in wanted]
    checked = repo.checked
    sys.stdout.write(report.REPORTERS[fmt](problems, checked))
    return 1 if problems else 0


def _new(root: Path, slug: str) -> int:
    if slug.endswith(".md"):
        slug = slug[:-3]
    if not SLUG_RE.match(slug) or len(slug) > SLUG_MAX:
        print(
            f"zodoenwedat: '{slug}' is geen geldige naam: gebruik kleine letters a-z, cijfers en enkele koppeltekens "
            f"(hoogstens {SLUG_MAX} tekens), bijvoorbeeld '{suggest_slug(slug)}'.",
            file=sys.stderr,
        )
        return 2
    target = root / "cases" / f"{slug}.md"
    if target.exists():
        print(f"zodoenwedat: {target} bestaat al; kies een andere naam of bewerk dat bestand.", file=sys.stderr)
        return 1
    vocabularies = load_vocabularies(root / "data", Problems())
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "x", encoding="utf-8") as handle:
        handle.write(new_case_text(vocabularies))
    print(f"Nieuw praktijkvoorbeeld gemaakt: {target}\nVul de velden in en controleer met: zodoenwedat validate")
    return 0


def _from_issue(root: Path, body_file: str, issue: int | None, comment_file: str | None) -> int:
    if issue is not None and issue < 1:
        print("zodoenwedat: het nummer van een issue is 1 of hoger.", file=sys.stderr)
        return 2
    if not (root / "data").is_dir():
        print(f"zodoenwedat: {root} is geen repository van Zo doen we dat (de map data/ ontbreekt).", file=sys.stderr)
        return 2
    try:
        if body_file == "-":
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(body_file, "rb") as handle:
                data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        print(f"zodoenwedat: kan {body_file} niet lezen ({exc.strerror or exc}).", file=sys.stderr)
        return 2
    try:
        body = data.decode("utf-8")
    except UnicodeDecodeError:
        body = None
    if body is None:
        result = Conversion(
            problems=[
                FormProblem(None, "De tekst van het issue is geen geldige UTF-8; typ de tekens die niet goed overkomen opnieuw.")
            ]
        )
    else:
        try:
            result = convert(root, body, issue=issue)
        except OSError as exc:
            print(f"zodoenwedat: het praktijkvoorbeeld kan niet worden geschreven ({exc.strerror or exc}).", file=sys.stderr)
            return 1
    if comment_file:
        try:
            Path(comment_file).write_text(comment(result), encoding="utf-8")
        except OSError as exc:
            print(f"zodoenwedat: kan {comment_file} niet schrijven ({exc.strerror or exc}).", file=sys.stderr)
            return 1
    if result.problems:
        print("Het formulier kan nog niet worden omgezet in een praktijkvoorbeeld:", file=sys.stderr)
        for problem in result.problems:
            print(f"- {problem.as_text()}", file=sys.stderr)
        return 1
    for note in result.notes:
        print(note, file=sys.stderr)
    print(result.path)
    return 0


def _urls(root: Path, update: bool, prune: bool) -> int:
    if prune and not update:
        print("zodoenwedat: --prune hoort bij --update.", file=sys.stderr)
        return 2
    repo = check_all(root)
    blocking = [p for p in repo.problems.sorted() if p.code != "url-removed"]
    if blocking:
        sys.stdout.write(report.text_report(blocking, repo.checked))
        print("Verbeter eerst deze problemen; daarna kan de lijst met webadressen worden bijgewerkt.")
        return 1
    text, added, removed = updated_list(repo, prune=prune)
    if not update:
        missing = [p for p in repo.problems.sorted() if p.code == "url-removed"]
        sys.stdout.write(report.text_report(missing, repo.checked))
        if added:
            print(f"{len(added)} nieuwe webadressen staan nog niet in {PUBLISHED}; voeg ze toe met: zodoenwedat urls --update")
        return 1 if missing else 0
    (root / PUBLISHED).write_text(text, encoding="utf-8")
    print(f"{PUBLISHED} bijgewerkt: {len(added)} toegevoegd, {len(removed)} verwijderd.")
    for url in removed:
        print(f"  verwijderd: {url}")
    return 0


def _generate(root: Path) -> int:
    """Rewrite every committed file that is derived from the models and vocabularies."""
    vocabularies = load_vocabularies(root / "data", Problems())
    for rel, text in ((SCHEMA_PATH, schema_json(vocabularies)), (FORM_PATH, issue_form_yaml(vocabularies))):
        target = root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"geschreven: {rel}")
    return 0


def _schema(root: Path, output: str | None) -> int:
    vocabularies = load_vocabularies(root / "data", Problems())
    text = schema_json(vocabularies)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
