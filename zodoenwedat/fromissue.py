"""``zodoenwedat from-issue``: a filled-in issue form becomes a case file.

GitHub writes a filled-in issue form as Markdown: for every field a heading
``### <label>``, a blank line and the answer; ``_No response_`` for a field left
empty; the choices of a multi-select dropdown joined with ", " (a choice such as
"Wonen, zorg en welzijn" contains that too); checkboxes as ``- [X] label``.

The body is read with the fields of :mod:`zodoenwedat.issueform`, the definition the
form itself is generated from. The front matter is built as data and written with a
YAML emitter, so no answer can add or change another field. The file is checked by
the validator (:func:`zodoenwedat.repository.load_repository`) in a scratch copy of
the repository before it is written into ``cases/``. Every problem names the form
field by the label the editor saw, and then nothing is written.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tempfile
import typing
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .body import MAX_BODY_CHARS
from .casefile import split_front_matter, suggest_slug
from .issueform import SEPARATOR, FormField, form_fields
from .messages import field_name
from .models import Case
from .repository import case_files, load_repository, repo_aliases
from .sourcefile import MAX_FILE_BYTES
from .textrules import SLUG_MAX
from .yamlsource import load_located

NO_RESPONSE = "_No response_"
COMMENT_MARKER = "<!-- zodoenwedat:from-issue -->"  # finds the workflow's own comment on an issue
_HEADING_RE = re.compile(r"^###[ \t]+(.*?)[ \t]*$")
_CHECKBOX_RE = re.compile(r"^\s*[-*] \[([ xX])\] (.*?)\s*$")
_BULLET_RE = re.compile(r"^(?:[-*•]\s+)")
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_YEAR_RE = re.compile(r"\d{4}")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class FormProblem:
    """A problem in one answer of the form, by the label the editor saw."""

    label: str | None  # None: the issue as a whole
    message: str
    line: int | None = None  # line within the answer

    def where(self) -> str:
        where = self.label or "Het issue"
        return f"{where}, regel {self.line}" if self.line else where

    def as_text(self) -> str:
        return f"{self.where()}: {self.message}"


@dataclass
class Conversion:
    path: str | None = None  # cases/<slug>.md when written
    problems: list[FormProblem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def issue_marker(issue: int) -> str:
    """The YAML comment that ties a case file to the issue it came from."""
    return f"# Voorstel uit issue #{issue}, omgezet met zodoenwedat from-issue."


# ---------------------------------------------------------------- reading ----


def _sections(body: str, fields: list[FormField], problems: list[FormProblem]) -> dict[str, str] | None:
    """The answer under each label; None when the body is not from the form at all."""
    labels = {f.label for f in fields}
    lines: dict[str, list[str]] = {}
    seen: Counter[str] = Counter()
    current: str | None = None
    preamble: list[str] = []
    for line in body.split("\n"):
        heading = _HEADING_RE.match(line)
        if heading and heading.group(1) in labels:
            current = heading.group(1)
            seen[current] += 1
            if seen[current] == 2:
                problems.append(
                    FormProblem(
                        current,
                        f"De kop '### {current}' staat meer dan één keer in het issue. Begin in je antwoorden "
                        f"geen regel met '### {current}'.",
                    )
                )
            lines.setdefault(current, [])
            continue
        (lines[current] if current is not None else preamble).append(line)
    if not seen:
        return None
    if any(line.strip() for line in preamble):
        problems.append(
            FormProblem(None, "Boven de eerste vraag staat tekst die bij geen vraag van het formulier hoort; haal die weg.")
        )
    answers = {}
    for label, found in lines.items():
        text = "\n".join(line.rstrip() for line in found).strip("\n")
        answers[label] = "" if text.strip() == NO_RESPONSE else text
    return answers


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _choices(value: str, options: tuple[str, ...]) -> list[str] | None:
    """Split GitHub's ", "-joined choices of a multi-select dropdown; None when they do not fit."""
    if len(value) > sum(len(o) + 2 for o in options):
        return None  # longer than every choice once: not what GitHub writes
    by_length = sorted(options, key=len, reverse=True)

    def parse(start: int) -> list[str] | None:  # depth at most the number of options
        for option in by_length:
            if not value.startswith(option, start):
                continue
            end = start + len(option)
            if end == len(value):
                return [option]
            if value.startswith(", ", end):
                rest = parse(end + 2)
                if rest is not None:
                    return [option, *rest]
        return None

    return parse(0)


def _is_int(annotation: Any) -> bool:
    return annotation is int or int in typing.get_args(annotation)


def _lookup(piece: str, vocabulary: dict) -> str | None:
    """A code from a vocabulary, written as its code or its label (any case)."""
    wanted = piece.casefold()
    for code, term in vocabulary.items():
        if wanted in (code.casefold(), term.label.casefold()):
            return code
    return None


class _Reader:
    """Turns the answers into front-matter values, collecting problems by label."""

    def __init__(self, vocabularies: dict):
        self.vocabularies = vocabularies
        self.problems: list[FormProblem] = []
        self.rows: dict[str, list[int]] = {}  # field -> the answer line of each list item

    def problem(self, field: FormField, message: str, line: int | None = None) -> None:
        self.problems.append(FormProblem(field.label, message, line))

    def value(self, field: FormField, answer: str) -> Any:
        control = _CONTROL_RE.search(answer)
        if control:
            line = answer.count("\n", 0, control.start()) + 1
            self.problem(field, f"Hier staat een onzichtbaar stuurteken (U+{ord(control.group(0)):04X}); haal het weg.", line)
            return None
        if field.kind == "checkboxes":
            self.checkboxes(field, answer)
            return None
        if not answer.strip():
            if field.required:
                self.problem(field, "Dit veld is verplicht; vul het in.")
            return None
        if field.kind == "dropdown":
            return self.dropdown(field, answer.strip())
        if field.section is not None:
            if len(answer) > MAX_BODY_CHARS:
                self.problem(
                    field,
                    f"Dit antwoord is te lang ({len(answer)} tekens; de hele tekst mag hoogstens {MAX_BODY_CHARS} tekens zijn). Kort het in.",
                )
                return None
            return answer
        if field.model is not None:
            return self.lines(field, answer)
        if _is_int(Case.model_fields[field.id].annotation):
            text = answer.strip()
            if not _YEAR_RE.fullmatch(text):
                self.problem(field, f"Schrijf een jaartal met vier cijfers, zoals 2019 (nu staat er '{_short(text)}').")
                return None
            return int(text)
        return _one_line(answer)

    def checkboxes(self, field: FormField, answer: str) -> None:
        ticked = set()
        for line in answer.split("\n"):
            box = _CHECKBOX_RE.match(line)
            if box and box.group(1) in "xX":
                ticked.add(box.group(2))
        for option in field.options:
            if option not in ticked:
                self.problem(field, f"Vink aan dat dit klopt: '{option.rstrip('.')}'.")

    def dropdown(self, field: FormField, answer: str) -> Any:
        codes = dict(zip(field.options, field.codes, strict=True))
        chosen = _choices(answer, field.options) if field.multiple else ([answer] if answer in codes else None)
        if chosen is None:
            self.problem(
                field,
                f"'{_short(answer)}' is geen keuze uit de lijst van deze vraag. Kies uit: {', '.join(field.options)}.",
            )
            return None
        values = [codes[option] for option in chosen]
        return values if field.multiple else values[0]

    def lines(self, field: FormField, answer: str) -> Any:
        layout = f" {SEPARATOR} ".join(part.label for part in field.parts)
        items, rows = [], []
        filled = [(number, _BULLET_RE.sub("", line.strip())) for number, line in enumerate(answer.split("\n"), start=1)]
        filled = [(number, text) for number, text in filled if text]
        if not field.many and len(filled) > 1:
            self.problem(field, f"Vul hier één regel in: {layout}.")
            return None
        for number, text in filled:
            pieces = [_one_line(piece) for piece in text.split(SEPARATOR)]
            if len(pieces) > len(field.parts):
                self.problem(
                    field,
                    f"Deze regel heeft {len(pieces)} delen, maar er horen er hoogstens {len(field.parts)}: {layout}. "
                    f"Gebruik het teken {SEPARATOR} alleen tussen de delen.",
                    number,
                )
                continue
            item = self.line(field, pieces + [""] * (len(field.parts) - len(pieces)), layout, number)
            if item is not None:
                items.append(item)
                rows.append(number)
        self.rows[field.id] = rows
        if not items:
            return None
        return items if field.many else items[0]

    def line(self, field: FormField, pieces: list[str], layout: str, number: int) -> dict | None:
        item: dict[str, Any] = {}
        ok = True
        for part, piece in zip(field.parts, pieces, strict=False):  # missing parts are reported below
            if not piece:
                if part.required:
                    self.problem(field, f"De {part.label} ontbreekt. Schrijf elke regel als: {layout}.", number)
                    ok = False
                continue
            value: Any = piece
            if part.vocabulary:
                terms = self.vocabularies.get(part.vocabulary, {})
                value = _lookup(piece, terms)
                if value is None:
                    self.problem(
                        field, f"'{_short(piece)}' is geen {part.label} die we kennen. Kies uit: {', '.join(terms)}.", number
                    )
                    ok = False
                    continue
            elif part.is_date:
                value = _date(piece)
                if value is None:
                    self.problem(field, f"'{_short(piece)}' is geen datum; schrijf JJJJ-MM-DD, zoals 2022-02-09.", number)
                    ok = False
                    continue
            item[part.name] = value
        return item if ok else None


def _date(text: str) -> dt.date | None:
    if not _DATE_RE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _short(text: str, limit: int = 80) -> str:
    text = _one_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------- writing ----


@dataclass
class _Layout:
    """Which file lines hold which form field, to name the field in the validator's problems."""

    # (first file line, label, answer line there, whether later lines count on from it)
    starts: list[tuple[int, str, int | None, bool]] = field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)  # YAML field path as messages quote it -> label

    def place(self, line: int) -> tuple[str, int | None]:
        ordered = sorted(self.starts, key=lambda entry: entry[0])
        start, label, answer_line, counting = ordered[0]
        for entry in ordered:
            if entry[0] > line:
                break
            start, label, answer_line, counting = entry
        if counting and answer_line is not None:
            return label, answer_line + line - start
        return label, answer_line


def _front_matter(data: dict) -> str:
    # One line per value (answers are single lines): no line of a value can read as ---.
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False, width=1_000_000_000)


def _case_text(
    data: dict, sections: list[tuple[FormField, str]], fields: dict[str, FormField], rows: dict, issue: int | None
) -> tuple[str, _Layout]:
    layout = _Layout()
    title_label = fields["title"].label
    head = ["---"] + ([issue_marker(issue)] if issue is not None else [])
    layout.starts.append((1, title_label, None, False))  # the file as a whole (its name) comes from the title
    front = _front_matter(data)
    first = len(head) + 1
    located = load_located(front, line_offset=first - 1)
    for key, value in data.items():
        form_field = fields.get(key)
        label = form_field.label if form_field else key
        layout.paths[field_name((key,))] = label
        layout.starts.append((located.key_where((key,))[0], label, None, False))
        if form_field is None or form_field.model is None:
            continue
        items = value if isinstance(value, list) else [value]
        part_labels = {part.name: part.label for part in form_field.parts}
        for index, item in enumerate(items):
            prefix = (key, index) if isinstance(value, list) else (key,)
            if isinstance(value, list):
                layout.starts.append((located.where(prefix)[0], label, rows[key][index], False))
            for sub in item:
                layout.paths[field_name(prefix + (sub,))] = part_labels[sub]
    end = first + front.count("\n")
    lines = head + front.rstrip("\n").split("\n") + ["---", ""]
    first_section = sections[0][0].label if sections else title_label
    layout.starts.append((end, first_section, None, False))  # closing ---, the body as a whole
    for form_field, text in sections:
        heading = len(lines) + 1
        lines += [f"## {form_field.section}", ""]
        layout.starts.append((heading, form_field.label, None, False))
        layout.starts.append((len(lines) + 1, form_field.label, 1, True))  # answer lines count from here
        lines += text.split("\n") + [""]
    return "\n".join(lines), layout


def _rewrite(message: str, layout: _Layout) -> str:
    """The validator quotes YAML field paths ('partners[2].role'); the editor knows the labels."""
    for path in sorted(layout.paths, key=len, reverse=True):
        message = message.replace(f"'{path}'", f"'{layout.paths[path]}'")
    return message


def _own_files(root: Path, issue: int | None) -> list[Path]:
    """Case files made earlier from the same issue (their first field line is the marker)."""
    if issue is None:
        return []
    wanted = f"---\n{issue_marker(issue)}\n".encode()
    own = []
    for path in case_files(root):
        with open(path, "rb") as handle:
            if handle.read(len(wanted)) == wanted:
                own.append(path)
    return own


def _choose_slug(base: str, taken: set[str]) -> str:
    slug, number = base, 2
    while slug in taken:
        suffix = f"-{number}"
        slug = base[: SLUG_MAX - len(suffix)].rstrip("-") + suffix
        number += 1
    return slug


def _link(target: Path, source: Path) -> None:
    try:
        target.symlink_to(source.resolve(), target_is_directory=source.is_dir())
    except OSError:  # no symbolic links on this system: a copy does as well
        (shutil.copytree if source.is_dir() else shutil.copyfile)(source, target)


def _validate(root: Path, slug: str, text: str, skip: list[Path]) -> list:
    """The validator's problems for the new file, checked among all the other files."""
    with tempfile.TemporaryDirectory(prefix="zodoenwedat-from-issue-") as tmp:
        scratch = Path(tmp)
        if (root / "data").is_dir():
            _link(scratch / "data", root / "data")
        cases = scratch / "cases"
        cases.mkdir()
        skipped = {path.resolve() for path in skip}
        for path in case_files(root):
            if path.resolve() not in skipped:
                _link(cases / path.name, path)
        if (root / "cases" / "media").is_dir():
            _link(cases / "media", root / "cases" / "media")
        (cases / f"{slug}.md").write_text(text, encoding="utf-8", newline="\n")
        repo = load_repository(scratch)
        return repo.problems.for_path(f"cases/{slug}.md")


def convert(root: Path, body: str, issue: int | None = None, today: dt.date | None = None) -> Conversion:
    """Read a filled-in form and, when it has no problems, write it as ``cases/<slug>.md``.

    With ``issue``, a case written earlier from the same issue is replaced (an edited
    issue updates its file), never a case from elsewhere.
    """
    result = Conversion()
    body = body.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if len(body) > MAX_FILE_BYTES:
        result.problems.append(
            FormProblem(None, f"Het issue is te lang ({len(body)} tekens); een voorstel is een paar pagina's tekst.")
        )
        return result
    repo = load_repository(root)
    fields = form_fields(repo.vocabularies)
    by_id = {f.id: f for f in fields}
    answers = _sections(body, fields, result.problems)
    if answers is None:
        result.problems.append(
            FormProblem(
                None,
                "Dit issue is niet met het formulier 'Nieuw praktijkvoorbeeld' gemaakt: de vragen van het formulier "
                "(### Titel, ### Samenvatting, …) ontbreken. Maak een nieuw issue met dat formulier.",
            )
        )
        return result

    reader = _Reader(repo.vocabularies)
    values: dict[str, Any] = {}
    for form_field in fields:
        if form_field.label not in answers:
            if form_field.required:
                reader.problem(
                    form_field,
                    f"Deze vraag ontbreekt in het issue: de kop '### {form_field.label}' is weggehaald. Zet hem terug.",
                )
            continue
        value = reader.value(form_field, answers[form_field.label])
        if value is not None:
            values[form_field.id] = value
    result.problems.extend(reader.problems)

    # An answer with a problem is left out; where the field is required, the form's own
    # example stands in for it, so that the validator still checks every other answer.
    # The validator's problems for such a field are dropped: the editor has one already.
    # (Lines of partners and sources without a problem are kept and checked.)
    failed: set[str | None] = {None}
    for form_field in fields:
        if form_field.label in {p.label for p in reader.problems} and form_field.id not in values:
            failed.add(form_field.label)
            if form_field.required and form_field.kind != "checkboxes":
                stand_in = _Reader(repo.vocabularies)
                example = form_field.placeholder if form_field.kind != "dropdown" else form_field.options[0]
                values[form_field.id] = stand_in.value(form_field, example)
                reader.rows.update(stand_in.rows)

    data: dict[str, Any] = {}
    for name in Case.model_fields:
        if name == "published":
            data[name] = today or dt.date.today()
        elif name in values and by_id[name].case_field:
            data[name] = values[name]
    sections = [(f, values[f.id]) for f in fields if f.section is not None and f.id in values]

    own = _own_files(root, issue)
    taken = ({path.stem for path in case_files(root)} - {path.stem for path in own}) | set(repo_aliases(repo))
    base = suggest_slug(data.get("title", ""))
    slug = _choose_slug(base, taken)
    text, layout = _case_text(data, sections, by_id, reader.rows, issue)
    front = split_front_matter(text)[0]
    if front is None or yaml.safe_load(front) != data:  # a guard: the emitter must round-trip
        result.problems.append(FormProblem(None, "Het voorstel kon niet veilig worden omgezet; meld dit aan de redactie."))
        return result
    for problem in _validate(root, slug, text, own):
        label, line = layout.place(problem.line)
        if label not in failed:
            result.problems.append(FormProblem(label, _rewrite(problem.message, layout), line))
    order = {f.label: index for index, f in enumerate(fields)}
    result.problems.sort(key=lambda p: (order.get(p.label or "", -1), p.line or 0))
    if result.problems:
        return result

    if slug != base:
        result.notes.append(
            f"Er is al een praktijkvoorbeeld met de naam '{base}', daarom heet dit voorstel '{slug}'. "
            "Gaat het over hetzelfde voorbeeld? Vul dan liever dat praktijkvoorbeeld aan."
        )
    result.path = f"cases/{slug}.md"
    _write(root, slug, text, own)
    return result


def _write(root: Path, slug: str, text: str, own: list[Path]) -> None:
    cases = root / "cases"
    cases.mkdir(exist_ok=True)
    target = cases / f"{slug}.md"
    if target in own:  # the same issue again: replace its file in one step
        handle, temporary = tempfile.mkstemp(dir=cases, prefix=f".{slug}-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temporary, target)
    else:
        with open(target, "x", encoding="utf-8", newline="\n") as out:  # never over an existing file
            out.write(text)
    for path in own:
        if path != target:
            path.unlink()  # the issue's title changed: its earlier file goes


# ---------------------------------------------------------------- comment ----

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~!()])")


def markdown_text(text: str) -> str:
    """Plain text for a GitHub comment: no HTML, no Markdown, no @mentions."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", unicodedata.normalize("NFC", text))


def comment(result: Conversion) -> str:
    """The workflow's comment on the issue (Dutch); on success the workflow adds the pull request's link."""
    lines = [COMMENT_MARKER]
    if result.problems:
        lines += [
            "**Je voorstel kan nog niet worden omgezet in een praktijkvoorbeeld.** Verbeter de punten hieronder "
            "door je issue aan te passen (de drie puntjes › **Edit**). Daarna controleren we het opnieuw.",
            "",
        ]
        lines += [f"- **{markdown_text(p.where())}**: {markdown_text(p.message)}" for p in result.problems]
    else:
        lines += [f"Je voorstel is omgezet in het bestand `{result.path}`."]
        lines += [f"\n{markdown_text(note)}" for note in result.notes]
    return "\n".join(lines) + "\n"
