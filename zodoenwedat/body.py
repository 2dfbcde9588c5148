"""Checks on the Markdown body of a case: structure, links, images, no raw HTML.

Works line by line (no Markdown rendering), so that every problem has its line
and column. Code blocks and code spans are skipped where Markdown would show
their content as text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .textrules import BIDI_CHARS, https_url_problem, link_scheme

REQUIRED_SECTIONS = ("Aanleiding", "Aanpak")
OPTIONAL_SECTIONS = ("Resultaten", "Lessen")
MIN_WORDS = 80
MAX_BODY_CHARS = 100_000

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BACKTICKS_RE = re.compile(r"`+")
# Python-Markdown (the site's renderer) also makes "#Titel" a level-1 heading, in quotes and lists too.
_H1_RE = re.compile(r"^ {0,3}(?:(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])[ \t]*)*+#(?!#)")  # unambiguous: no backtracking
_H2_RE = re.compile(r"^ {0,3}##[ \t]+(.*)$")  # closing #s are stripped in code: "(.*?)[ \t#]*$" was quadratic
_SETEXT_RE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_AUTOLINK_RE = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_EMAIL_AUTOLINK_RE = re.compile(r"<[^@\s<>]+@[^@\s<>]+>")
_HTML_RE = re.compile(r"<\s*(?:[A-Za-z][A-Za-z0-9-]*|/\s*[A-Za-z]|!|\?)")
_ATTR_LIST_RE = re.compile(r"\{\s*(?:[:#.]|[A-Za-z_][\w-]*\s*=)")
# Links are found in the whole body, not line by line: Python-Markdown accepts a link
# text and a destination spread over lines, link texts with nested [ ], and reference
# definitions inside quotes and lists with the address on the next line.
_BRACKET_RE = re.compile(r"\\.|[\[\]]|\n(?=[ \t\r]*(?:\n|$))")  # escapes, brackets, blank lines
# Bounded: a longer address is refused as too long anyway, and without a bound every
# "](" in a line like "[a](" * 20000 would rescan the rest of it (quadratic time).
_DESTINATION_RE = re.compile(r"\(\s*(<[^<>]*>|[^\s)]{0,2049})")
# What a browser could read as a scheme: letters plus white space, control and format
# characters and the pieces of entity and percent encodings, up to the colon.
_SCHEME_RUN_RE = re.compile(r"[\s\w+.\-&#;%\x00-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]*:?")
_REF_DEF_ML_RE = re.compile(
    r"^(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*\[([^\[\]\n]*)\]:[ \t]*(?:\n(?:[ \t]*>)*)?[ \t]*(<[^<>\n]*>|\S+)",
    re.MULTILINE,
)
_NEWLINE_RE = re.compile("\n")
_UNSAFE_SCHEMES = ("javascript", "data", "vbscript", "file")
_CASE_LINK_RE = re.compile(r"^(?:\./)?([a-z0-9]+(?:-[a-z0-9]+)*)\.md(?:#[\w-]*)?$")
_MEDIA_RE = re.compile(r"^(?:\./)?media/([A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*)$")
_BIDI_RE = re.compile("[" + "".join(sorted(BIDI_CHARS)) + "]")
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass
class BodyReport:
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)  # line, column, code, message
    case_links: list[tuple[str, int, int]] = field(default_factory=list)  # slug, line, column
    images: list[tuple[str, int, int]] = field(default_factory=list)  # path below cases/media, line, column
    sections: list[str] = field(default_factory=list)
    words: int = 0

    def add(self, line: int, column: int, code: str, message: str) -> None:
        self.problems.append((line, column, code, message))


def _blank_code_spans(line: str) -> str:
    """Blank out the code spans of a line, as Python-Markdown finds them.

    A span opens with backticks (not after an escaping backslash; the longest opening
    that can be closed wins) and closes with a whole run of exactly as many backticks:
    "`<b>``" has no code span, so its <b> is HTML. Linear time: the old regex
    "(`+)(.+?)\\1" both hid such HTML and took cubic time on a line of backticks.
    """
    if "`" not in line:
        return line
    runs = [(m.start(), m.end()) for m in _BACKTICKS_RE.finditer(line)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    parts, done, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        backslashes = 0
        while start - backslashes > done and line[start - backslashes - 1] == "\\":
            backslashes += 1
        start += backslashes % 2  # an escaped backtick is literal; the span may open after it
        closer = None
        for length in range(end - start, 0, -1):
            later = by_length.get(length, [])
            position = bisect.bisect_right(later, index)
            if position < len(later):
                closer = later[position]
                break
        if closer is None:
            index += 1
            continue
        parts.append(line[done:start])
        parts.append(" " * (runs[closer][1] - start))
        done = runs[closer][1]
        index = closer + 1
    parts.append(line[done:])
    return "".join(parts)


def check_body(body: str, first_line: int) -> BodyReport:
    """Check a case body; ``first_line`` is the file line of the body's first line."""
    report = BodyReport()
    if len(body) > MAX_BODY_CHARS:
        report.add(
            first_line, 1, "body-too-long", f"De tekst is te lang ({len(body)} tekens, maximaal {MAX_BODY_CHARS}); kort hem in."
        )
        return report

    lines = body.split("\n")
    fence: str | None = None
    headings: list[tuple[str, int]] = []
    text_for_words: list[str] = []
    link_lines = [""] * len(lines)  # the visible text of each line; code blocks stay empty
    previous_text = False
    has_bidi = _BIDI_RE.search(body) is not None

    for index, raw in enumerate(lines):
        lineno = first_line + index
        line = raw.rstrip("\r")
        fence_match = _FENCE_RE.match(line)
        if fence is not None:
            if fence_match and fence_match.group(1)[0] == fence[0] and len(fence_match.group(1)) >= len(fence):
                fence = None
            previous_text = False
            continue
        if fence_match:
            fence = fence_match.group(1)
            previous_text = False
            continue

        for bidi in _BIDI_RE.finditer(line) if has_bidi else ():
            ch = bidi.group(0)
            report.add(
                lineno,
                bidi.start() + 1,
                "bidi",
                f"Hier staat een onzichtbaar teken dat de leesrichting omdraait (U+{ord(ch):04X}); haal het weg.",
            )

        if _H1_RE.match(line):
            report.add(
                lineno, 1, "body-h1", "Gebruik geen kop met één # : de titel komt uit het veld title. Begin koppen met ##."
            )
        elif previous_text and _SETEXT_RE.match(line):
            report.add(
                lineno,
                1,
                "body-setext",
                "Een regel met alleen = of - onder tekst maakt er een kop van. Gebruik '## Kop' voor een kop, "
                "of zet een lege regel boven de streep.",
            )
        h2 = _H2_RE.match(line)
        if h2:
            headings.append((h2.group(1).rstrip(" \t#").strip(), lineno))

        visible = _blank_code_spans(line)
        link_lines[index] = visible
        _check_links(visible, lineno, report)
        html = None
        if "<" in visible:
            without_autolinks = _AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), visible)
            without_autolinks = _EMAIL_AUTOLINK_RE.sub(lambda m: " " * len(m.group(0)), without_autolinks)
            html = _HTML_RE.search(without_autolinks)
        if html:
            report.add(
                lineno,
                html.start() + 1,
                "body-html",
                "HTML is niet toegestaan in de tekst. Gebruik Markdown (## voor een kop, **vet**, [tekst](https://…)) "
                "of schrijf < als 'kleiner dan'.",
            )
        attr = _ATTR_LIST_RE.search(visible) if "{" in visible else None
        if attr:
            report.add(
                lineno,
                attr.start() + 1,
                "body-attr-list",
                "Opmaak tussen { } (zoals {: .klasse}) is niet toegestaan; haal dat deel weg.",
            )
        text_for_words.append(visible)
        previous_text = bool(line.strip()) and not h2

    _check_inline_links(link_lines, first_line, report)
    report.sections = [title for title, _ in headings]
    _check_sections(headings, first_line, report)
    report.words = len(_WORD_RE.findall(" ".join(text_for_words)))
    if report.words < MIN_WORDS:
        report.add(
            first_line,
            1,
            "body-too-short",
            f"De tekst telt {report.words} woorden; schrijf er minstens {MIN_WORDS} onder ## Aanleiding en ## Aanpak.",
        )
    return report


def _check_sections(headings: list[tuple[str, int]], first_line: int, report: BodyReport) -> None:
    names = [name for name, _ in headings]
    for required in REQUIRED_SECTIONS:
        if required not in names:
            report.add(
                first_line,
                1,
                "missing-section",
                f"De kop '## {required}' ontbreekt. De tekst begint met ## Aanleiding, dan ## Aanpak.",
            )
    known = REQUIRED_SECTIONS + OPTIONAL_SECTIONS
    expected = [name for name in known if name in names]  # the known sections, in the right order, once each
    # Known sections first, in the canonical order, each once; other sections after them.
    for index, (name, line) in enumerate(headings):
        wanted = expected[index] if index < len(expected) else None
        if name != wanted and (name in known or wanted is not None):
            report.add(
                line,
                1,
                "section-order",
                f"De kop '## {name}' staat op de verkeerde plek. Volgorde: ## Aanleiding, ## Aanpak, dan eventueel "
                "## Resultaten en ## Lessen (elk één keer); andere koppen komen daarna.",
            )
            return


def _check_inline_links(lines: list[str], first_line: int, report: BodyReport) -> None:
    """Inline links and images ``[text](target)`` and reference definitions, across lines.

    Brackets are matched with a stack (so ``[a [b]](x)`` and a linked image
    ``[![alt](media/a.jpg)](https://…)`` are both seen); a blank line ends a paragraph.
    """
    text = "\n".join(lines)
    if "](" not in text and "]:" not in text:
        return

    starts: list[int] = []  # offsets of line starts, computed at the first link

    def position(offset: int) -> tuple[int, int]:
        if not starts:
            starts.extend([0, *(m.end() for m in _NEWLINE_RE.finditer(text))])
        index = bisect.bisect_right(starts, offset) - 1
        return first_line + index, offset - starts[index] + 1

    openers: list[int] = []
    for match in _BRACKET_RE.finditer(text):
        token = match.group(0)
        if token == "[":
            openers.append(match.start())
        elif token == "\n":
            openers.clear()
        elif token == "]" and openers:
            start = openers.pop()
            destination = _DESTINATION_RE.match(text, match.end())
            if destination is None:
                continue
            target = destination.group(1)
            target = target[1:-1] if target.startswith("<") and target.endswith(">") else target
            line, column = position(destination.start(1))
            is_image = start > 0 and text[start - 1] == "!" and not (start > 1 and text[start - 2] == "\\")
            if is_image:
                _check_image(text[start + 1 : match.start()], target, *position(start - 1), report)
                continue
            scheme_run = _SCHEME_RUN_RE.match(text, destination.start(1))
            run = target if destination.group(1).startswith("<") or scheme_run is None else scheme_run.group(0)
            scheme = link_scheme(run)
            if scheme in _UNSAFE_SCHEMES:
                report.add(
                    line,
                    column,
                    "unsafe-link",
                    f"Links met '{scheme}:' zijn niet toegestaan (onveilig). Gebruik een https://-adres.",
                )
                continue
            _check_target(target, line, column, report)
    for ref in _REF_DEF_ML_RE.finditer(text) if "]:" in text else ():
        target = ref.group(2)
        target = target[1:-1] if target.startswith("<") and target.endswith(">") else target
        _check_target(target, *position(ref.start(2)), report)


def _check_links(line: str, lineno: int, report: BodyReport) -> None:
    if "<" not in line:
        return
    for match in _AUTOLINK_RE.finditer(line):
        _check_target(match.group(1), lineno, match.start(1) + 1, report)


def _check_target(target: str, lineno: int, column: int, report: BodyReport) -> None:
    scheme = link_scheme(target)
    if scheme in _UNSAFE_SCHEMES:
        report.add(
            lineno, column, "unsafe-link", f"Links met '{scheme}:' zijn niet toegestaan (onveilig). Gebruik een https://-adres."
        )
        return
    if scheme == "https":
        problem = https_url_problem(target)
        if problem:
            report.add(lineno, column, "invalid-link", problem)
        return
    if scheme == "mailto":
        return
    if scheme == "http":
        report.add(lineno, column, "insecure-link", "Gebruik een beveiligd webadres: vervang http:// door https://.")
        return
    if scheme:
        report.add(
            lineno,
            column,
            "invalid-link",
            f"Links met '{scheme}:' zijn niet toegestaan; gebruik https://, mailto: of een ander praktijkvoorbeeld (naam.md).",
        )
        return
    if target.startswith("#") or target == "":
        return
    if target.startswith("//"):
        report.add(lineno, column, "invalid-link", "Schrijf het webadres voluit, beginnend met https://.")
        return
    case_link = _CASE_LINK_RE.match(target)
    if case_link:
        report.case_links.append((case_link.group(1), lineno, column))
        return
    report.add(
        lineno,
        column,
        "invalid-link",
        f"De link '{target[:80]}' werkt niet op de site. Verwijs naar een ander praktijkvoorbeeld met zijn bestandsnaam "
        "(zoals oslostraat-almere.md) of gebruik een volledig adres dat met https:// begint.",
    )


def _check_image(alt: str, target: str, lineno: int, column: int, report: BodyReport) -> None:
    if not alt.strip():
        report.add(
            lineno,
            column,
            "image-alt",
            "Deze afbeelding heeft geen beschrijving (alt-tekst). Schrijf tussen [ ] wat erop te zien is.",
        )
    scheme = link_scheme(target)
    media = _MEDIA_RE.match(target)
    if scheme or not media or ".." in target.split("/"):
        report.add(
            lineno,
            column,
            "image-source",
            "Afbeeldingen mogen alleen uit de map cases/media/ komen. Zet het bestand daar en schrijf ![beschrijving](media/naam.jpg).",
        )
        return
    report.images.append((media.group(1), lineno, column))
