"""Unit tests for the validator, rule by rule and module by module.

The example files (tests/example-files/) show each rule on a whole case file; these
tests pin down the building blocks (positions, decoding, reporters), the data files,
the command line and the state of the real repository.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
import yaml.scanner
from support import REPO
from support.repository import copy_repository

from zodoenwedat import report
from zodoenwedat.body import MIN_WORDS, check_body
from zodoenwedat.casefile import split_front_matter, suggest_slug
from zodoenwedat.cli import main
from zodoenwedat.datafiles import VOCABULARY_FILES
from zodoenwedat.problems import Problem, Problems
from zodoenwedat.repository import load_repository
from zodoenwedat.schema import SCHEMA_PATH, case_schema, schema_json
from zodoenwedat.template import new_case_text
from zodoenwedat.textrules import (
    email_problem,
    https_url_problem,
    link_scheme,
    may_contain_private_numbers,
    passes_eleven_test,
    plain_text_problem,
    privacy_problems,
    suggestion,
)
from zodoenwedat.yamlsource import MAX_DEPTH, load_located, scalar_source


class _ScannerWithFlowLimit(yaml.SafeLoader):
    """A loader whose scanner refuses flow nesting past 300 levels, as 6.0.4's libyaml does past 1,000."""

    def fetch_more_tokens(self):
        if self.flow_level > 300:
            raise yaml.scanner.ScannerError("while scanning", None, "some scanner's own words", self.get_mark())
        return super().fetch_more_tokens()

# A valid case; line numbers below refer to this text.
CASE = """---
title: Wijkaanpak in Zwolle
summary: In de Zwolse wijk Holtenbroek werken corporatie, zorg, welzijn en gemeente samen aan een buurt waar iedereen mee kan doen.
place: Zwolle
neighbourhood: Holtenbroek
province: overijssel
themes: [leefbaarheid, wonen-zorg-welzijn]
partners:
  - type: woningcorporatie
    name: Woonstichting Holtenbroek
  - type: gemeente
phase: lopend
published: 2022-03-01
---

## Aanleiding

In Holtenbroek wonen veel mensen die steun nodig hebben naast buren die graag iets voor de buurt doen. Bewoners merkten dat signalen van eenzaamheid en overlast te laat bij de juiste organisatie terechtkwamen.

## Aanpak

Een wijkteam van de vier partners komt elke twee weken bij elkaar. Zij bespreken zorgen uit de straat, spreken af wie wat doet en koppelen terug aan de bewoners. Vrijwilligers uit de buurt organiseren ontmoetingen in het buurthuis, zodat nieuwe bewoners snel hun buren leren kennen.
"""
BODY_FIRST_LINE = 15  # the line after the closing ---

REQUIRED_CASES = ("ruwaard-oss", "oslostraat-almere", "majella-wonen-utrecht", "vijf-vuistregels-den-bosch", "beschermd-wonen-light-leiden")
REQUIRED_TERMS = {
    "provinces": {"groningen", "fryslan", "drenthe", "overijssel", "flevoland", "gelderland", "utrecht", "noord-holland",
                  "zuid-holland", "zeeland", "noord-brabant", "limburg"},
    "themes": {"leefbaarheid", "wonen-zorg-welzijn", "gemengd-wonen", "beschermd-wonen", "community-building", "participatie",
               "veiligheid", "renovatie", "ervaringsdeskundigheid", "doorstroom"},
    "phases": {"verkenning", "pilot", "lopend", "structureel", "afgerond"},
    "target-groups": {"psychische-kwetsbaarheid", "lvb", "dakloosheid", "ouderen", "jongeren", "buurtbewoners"},
    "partner-types": {"woningcorporatie", "zorgorganisatie", "ggz-instelling", "welzijnsorganisatie", "gemeente",
                      "maatschappelijke-opvang", "jeugdzorg", "werk-en-inkomen", "bewonersorganisatie", "adviesbureau",
                      "kennisinstituut", "ondernemer"},
}


def codes(problems, path: str | None = None) -> list[tuple[int, int, str]]:
    return sorted((p.line, p.column, p.code) for p in problems if path is None or p.path == path)


def body_codes(report_) -> list[tuple[int, int, str]]:
    return sorted((line, column, code) for line, column, code, _ in report_.problems)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def with_case(root: Path, text: str | bytes, name: str = "wijkaanpak-zwolle") -> str:
    path = root / "cases" / f"{name}.md"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return f"cases/{name}.md"


def test_the_base_case_of_these_tests_is_valid(repo_copy):
    rel = with_case(repo_copy, CASE)
    repo = load_repository(repo_copy)
    assert repo.problems.sorted() == []
    assert repo.cases["wijkaanpak-zwolle"].path == rel


# ------------------------------------------------------------ yamlsource ----


class TestYamlSource:
    def test_positions_of_keys_and_values_are_one_based_and_offset(self):
        located = load_located("title: Ruwaard\npartners:\n  - type: gemeente\n    name: Oss\n", line_offset=1)
        assert located.issues == []
        assert located.key_positions[("title",)] == (2, 1)
        assert located.positions[("title",)] == (2, 8)
        assert located.positions[("partners", 0, "type")] == (4, 11)
        assert located.key_positions[("partners", 0, "name")] == (5, 5)
        # A scalar points at its value, a collection at its key, a missing path at its parent.
        assert located.where(("partners", 0, "name")) == (5, 11)
        assert located.where(("partners",)) == (3, 1)
        assert located.where(("partners", 0, "role")) == (4, 5)
        assert located.where(("nothing",)) == (2, 1)

    def test_flow_sequence_items_have_their_own_columns(self):
        located = load_located("themes: [a, bb, ccc]\n")
        assert [located.where(("themes", i)) for i in range(3)] == [(1, 10), (1, 13), (1, 17)]

    def test_implicit_typing_is_kept_for_the_schema_to_judge(self):
        located = load_located("a: 2024-01-01\nb: yes\nc: 1234\nd: '2024'\ne: 1.5\nf: ~\n")
        assert located.value == {"a": dt.date(2024, 1, 1), "b": True, "c": 1234, "d": "2024", "e": 1.5, "f": None}
        assert [scalar_source(v) for v in located.value.values()] == ["datum", "ja/nee-waarde", "getal", "tekst", "getal", "lege waarde"]

    def test_impossible_date_is_reported_on_its_value(self):
        located = load_located("x: 1\ndate: 2022-04-31\n")
        assert [(i.line, i.column, i.code) for i in located.issues] == [(2, 7, "invalid-date")]
        assert located.value["date"] is None

    def test_duplicate_key(self):
        located = load_located("title: a\nplace: b\ntitle: c\n")
        assert [(i.line, i.column, i.code) for i in located.issues] == [(3, 1, "duplicate-key")]
        assert located.value["title"] == "a"

    @pytest.mark.parametrize(
        "text, column",
        [
            ("title: !!python/object/apply:os.system ['ls']\n", 8),
            ("title: !!str Ruwaard\n", 8),
            ("title: !custom Ruwaard\n", 8),
            ("title: ! Ruwaard\n", 8),
            ("themes: !!seq [a]\n", 9),
            ("contact: !!map {organisation: x}\n", 10),
        ],
    )
    def test_every_tag_is_reported_once(self, text, column):
        located = load_located(text)
        assert [(i.line, i.column, i.code) for i in located.issues] == [(1, column, "yaml-tag")]

    def test_tags_inside_quotes_or_comments_are_text(self):
        located = load_located("title: '!!str x'\nplace: Oss # !!str\n")
        assert located.issues == []
        assert located.value == {"title": "!!str x", "place": "Oss"}

    def test_alias_is_reported_where_it_is_written_and_not_expanded(self):
        text = "a: &x [lol, lol]\nb: [*x, *x]\nc: *x\n"
        located = load_located(text, line_offset=10)
        assert [(i.line, i.column, i.code) for i in located.issues] == [(12, 5, "yaml-alias"), (13, 4, "yaml-alias")]
        assert located.value == {"a": ["lol", "lol"], "b": [None, None], "c": None}

    def test_billion_laughs_is_fast_and_small(self):
        lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for prev, name in zip("abcdefgh", "bcdefghi"):
            lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
        start = time.perf_counter()
        located = load_located("\n".join(lines) + "\n")
        assert time.perf_counter() - start < 1
        assert {i.line for i in located.issues if i.code == "yaml-alias"} == set(range(2, 10))
        assert len(repr(located.value)) < 2000

    def test_merge_key_and_complex_key(self):
        located = load_located("a:\n  <<: {b: 1}\n? [x]\n: y\n")
        assert [(i.line, i.column, i.code) for i in located.issues] == [(2, 3, "yaml-merge"), (3, 3, "yaml-key")]

    @pytest.mark.parametrize(
        "text, line, column, hint",
        [
            ("title: Wonen: zorg\n", 1, 13, "dubbele punt"),
            ("title: [a, b\n", 2, 1, "niet gesloten"),
            ("title: 'abc\n", 2, 1, "niet gesloten"),
            ("a:\n  b: 1\n\tc: 2\n", 3, 1, "tab"),
            ("title: @x\n", 1, 8, "aanhalingstekens"),
        ],
    )
    def test_syntax_errors_have_a_position_and_a_dutch_hint(self, text, line, column, hint):
        located = load_located(text)
        assert len(located.issues) == 1
        issue = located.issues[0]
        assert (issue.line, issue.column, issue.code) == (line, column, "yaml-syntax")
        assert issue.message.startswith("De YAML kan niet gelezen worden")
        assert hint in issue.message

    @pytest.mark.parametrize(
        "text",
        [
            "title: " + "[" * 100_000 + "]" * 100_000,
            "title: " + "[" * 100_000,
            "title: " + "{a: " * 50_000 + "}" * 50_000,
            "".join(" " * i + "- x:\n" for i in range(0, 400, 2)),
            "- " * 5_000 + "x\n",
            "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 300)),
        ],
        ids=["flow-100k", "flow-100k-unclosed", "flow-maps-50k", "block-lists", "compact-lists", "block-maps"],
    )
    def test_deep_nesting_is_refused_without_crashing(self, text):
        # libyaml's composer would overflow the C stack (a segfault, not an exception).
        located = load_located(text)
        assert [i.code for i in located.issues] == ["yaml-too-deep"]
        assert located.value is None

    @pytest.mark.parametrize("loader", ["installed", "pure-python", "scanner-refuses-deep-flow"])
    @pytest.mark.parametrize(
        ("text", "column"),
        [
            # The top-level mapping is the first level, so the 100th opening bracket is one too many.
            ("title: " + "[" * 100_000 + "]" * 100_000, len("title: ") + MAX_DEPTH),
            ("title: " + "[" * 100_000, len("title: ") + MAX_DEPTH),
            ("title: " + "{a: " * 50_000 + "}" * 50_000, len("title: ") + (MAX_DEPTH - 1) * len("{a: ") + 1),
        ],
        ids=["flow-100k", "flow-100k-unclosed", "flow-maps-50k"],
    )
    def test_deep_flow_nesting_is_too_deep_whatever_the_pyyaml(self, monkeypatch, loader, text, column):
        # PyYAML up to 6.0.3 lets libyaml's scanner nest flows without limit; 6.0.4's
        # scanner refuses deep flow nesting itself, reading ahead of the events, with a
        # message of its own. Either way the editor hears "too deep", at the first level
        # too many, whatever a scanner's own limit or message is.
        from zodoenwedat import yamlsource

        if loader == "pure-python":
            monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
        elif loader == "scanner-refuses-deep-flow":
            monkeypatch.setattr(yamlsource, "_Loader", _ScannerWithFlowLimit)
        located = load_located(text)
        assert [(i.line, i.column, i.code) for i in located.issues] == [(1, column, "yaml-too-deep")]
        assert located.value is None

    def test_nesting_up_to_the_limit_is_fine(self):
        depth = MAX_DEPTH - 1  # plus the top-level mapping
        located = load_located("title: " + "[" * depth + "]" * depth + "\n")
        assert located.issues == []


# ------------------------------------------------------------- textrules ----


class TestTextRules:
    @pytest.mark.parametrize("number", ["111222333", "123456782", "999999990", "12345672"])
    def test_eleven_test_passes(self, number):
        assert passes_eleven_test(number)

    @pytest.mark.parametrize("number", ["123456789", "000000000", "111222334", "1234567890", "12345"])
    def test_eleven_test_fails(self, number):
        assert not passes_eleven_test(number)

    @pytest.mark.parametrize(
        "line, column",
        [
            ("Bel 0612345678 voor info", 5),
            ("Bel 06-12345678 voor info", 5),
            ("Bel 06 12 34 56 78 voor info", 5),
            ("Bel 038-4123456 voor info", 5),
            ("Bel 020 123 4567 voor info", 5),
            ("Bel +31612345678 voor info", 5),
            ("Bel +31 6 12345678 voor info", 5),
            ("Bel 0031 20 123 4567 voor info", 5),
            ("Bel +31 (0)20 123 4567 voor info", 5),
            ("0612345678", 1),
        ],
    )
    def test_phone_numbers(self, line, column):
        assert [(c, code) for c, code, _ in privacy_problems(line)] == [(column, "privacy-phone")]

    @pytest.mark.parametrize(
        "line",
        [
            "published: 2022-03-01",
            "Het kostte 1.234.567 euro en 12.500.000 euro.",
            "Van 1990 tot 2020 woonden er 35 mensen.",
            "Projectnummer 123456789 (geen BSN).",
            "lat: 52.37, lon: 5.22",
            "Postcode 3811 AB, huisnummer 12.",
            "https://www.voorbeeld.nl/artikel/2022/03/01/samen",
        ],
    )
    def test_numbers_that_are_not_private(self, line):
        assert privacy_problems(line) == []

    def test_bsn_and_its_column(self):
        assert [(c, code) for c, code, _ in privacy_problems("Dossier 111222333 hier")] == [(9, "privacy-bsn")]
        assert [(c, code) for c, code, _ in privacy_problems("nr. 12345672 hier")] == [(5, "privacy-bsn")]

    def test_quick_filter_never_skips_a_private_number(self):
        assert not may_contain_private_numbers("published: 2022-03-01\nupdated: 2023-01-15\nlat: 52.37\n1.234.567 euro")
        for text in ("Bel 06-12345678", "x\n+31 (0)20 123 4567\n", "bsn 111222333", "nr 12345672 x", "06 12 34 56 78"):
            assert may_contain_private_numbers(text)
            assert any(privacy_problems(line) for line in text.split("\n"))

    def test_a_phone_number_is_not_also_a_bsn(self):
        found = privacy_problems("Bel 0111222333 nu")  # ten digits: a landline, whose last nine pass the eleven test
        assert [code for _, code, _ in found] == ["privacy-phone"]

    @pytest.mark.parametrize(
        "target, scheme",
        [
            ("https://www.voorbeeld.nl/", "https"),
            ("mailto:info@voorbeeld.nl", "mailto"),
            ("javascript:alert(1)", "javascript"),
            ("JaVaScRiPt:alert(1)", "javascript"),
            ("&#106;avascript:alert(1)", "javascript"),
            ("&#x6A;avascript&colon;alert(1)", "javascript"),
            ("&#0000106;avascript:alert(1)", "javascript"),
            ("java&Tab;script:alert(1)", "javascript"),
            ("java&NewLine;script:alert(1)", "javascript"),
            ("&amp;#106;avascript:alert(1)", "javascript"),
            ("%6Aavascript:alert(1)", "javascript"),
            ("%256Aavascript:alert(1)", "javascript"),
            ("java\tscript:alert(1)", "javascript"),
            ("java\u200bscript:alert(1)", "javascript"),
            (" \x01javascript:alert(1)", "javascript"),
            ("data:text/html;base64,PHNjcmlwdD4=", "data"),
            ("VBScript:msgbox(1)", "vbscript"),
            ("oslostraat-almere.md", ""),
            ("./ruwaard-oss.md#aanpak", ""),
            ("#aanleiding", ""),
            ("media/foto.jpg", ""),
        ],
    )
    def test_link_scheme_sees_through_encodings(self, target, scheme):
        assert link_scheme(target) == scheme

    @pytest.mark.parametrize(
        "value",
        ["Wonen & zorg", "Minder dan 5 (< 5) mensen", "3 < 5 en 5 > 3", "Zo'n \"thuis\"", "Regel een\nregel twee\tmet tab", "Fryslân"],
    )
    def test_plain_text_allows(self, value):
        assert plain_text_problem(value) is None

    @pytest.mark.parametrize(
        "value, part",
        [
            ("<script>alert(1)</script>", "HTML"),
            ("Tekst met <b>vet</b>", "HTML"),
            ("Tekst </p>", "HTML"),
            ("Tekst <!-- commentaar -->", "HTML"),
            ("Tekst <?php ?>", "HTML"),
            ("abc\u202edef", "U+202E"),
            ("abc\u2066def", "U+2066"),
            ("abc\x07def", "U+0007"),
            ("abc\rdef", "U+000D"),
            ("abc\x85def", "U+0085"),
        ],
    )
    def test_plain_text_refuses(self, value, part):
        problem = plain_text_problem(value)
        assert problem and part in problem

    @pytest.mark.parametrize(
        "url, ok",
        [
            ("https://www.voorbeeld.nl/", True),
            ("https://vng.nl", True),
            ("HTTPS://www.voorbeeld.nl/pad?x=1#y", True),
            ("http://www.voorbeeld.nl/", False),
            ("ftp://www.voorbeeld.nl/", False),
            ("javascript:alert(1)", False),
            ("https://localhost/", False),
            ("https://www.voorbeeld.nl/een pad", False),
            ("https://www.voorbeeld.nl/\x00", False),
            ("www.voorbeeld.nl", False),
        ],
    )
    def test_https_url(self, url, ok):
        assert (https_url_problem(url) is None) is ok

    def test_http_gets_a_specific_hint(self):
        assert "vervang http:// door https://" in https_url_problem("http://www.voorbeeld.nl/")

    @pytest.mark.parametrize("email, ok", [("info@voorbeeld.nl", True), ("a.b+c@sub.voorbeeld.nl", True), ("info(at)voorbeeld.nl", False), ("info@localhost", False), ("@voorbeeld.nl", False)])
    def test_email(self, email, ok):
        assert (email_problem(email) is None) is ok

    def test_suggestion(self):
        assert suggestion("neigbourhood", ["title", "neighbourhood"]) == " Bedoelde je 'neighbourhood'?"
        assert suggestion("xyz", ["title"]) == ""
        assert suggestion(12, ["title"]) == ""


# ------------------------------------------------------------------ body ----


def _body(*parts: str) -> str:
    filler = " ".join(["woord"] * MIN_WORDS)
    return "\n".join(["", "## Aanleiding", "", filler, "", "## Aanpak", "", "tekst", "", *parts, ""])


class TestBody:
    def test_valid_body(self):
        report_ = check_body(_body("## Resultaten", "", "x", "", "## Lessen", "", "y", "", "## Verder lezen", "", "z"), 10)
        assert report_.problems == []
        assert report_.sections == ["Aanleiding", "Aanpak", "Resultaten", "Lessen", "Verder lezen"]
        # Headings count as text too: 80 + "tekst" + x, y, z + 6 heading words.
        assert report_.words == MIN_WORDS + 4 + 6

    @pytest.mark.parametrize(
        "headings, line, code",
        [
            (["Aanpak", "Aanleiding"], 1, "section-order"),
            (["Aanleiding"], 100, "missing-section"),
            (["Aanleiding", "Aanpak", "Lessen", "Resultaten"], 3, "section-order"),
            (["Aanleiding", "Aanpak", "Verder", "Lessen"], 3, "section-order"),
            (["Aanleiding", "Aanpak", "Aanpak"], 3, "section-order"),
            (["Inleiding", "Aanleiding", "Aanpak"], 1, "section-order"),
        ],
    )
    def test_section_order(self, headings, line, code):
        text = "\n".join(f"## {h}" for h in headings) + "\n\n" + " ".join(["woord"] * MIN_WORDS)
        report_ = check_body(text, 1 if code != "missing-section" else 100)
        assert (line, 1, code) in body_codes(report_)
        assert len([p for p in report_.problems if p[2] == code]) == 1

    def test_h2_with_closing_hashes_and_indent(self):
        report_ = check_body("  ## Aanleiding ##\n\n## Aanpak\n\n" + " ".join(["woord"] * MIN_WORDS), 1)
        assert report_.sections == ["Aanleiding", "Aanpak"]
        assert report_.problems == []

    @pytest.mark.parametrize("line", ["# Titel", "#Titel", "#", "   # Titel", "> # In een citaat", "- # In een lijst", "1. #In een lijst"])
    def test_h1(self, line):
        assert body_codes(check_body(_body(line), 10)) == [(19, 1, "body-h1")]

    @pytest.mark.parametrize("line", ["## Kop", "    # code (ingesprongen)", "tekst #1", "\\# geen kop"])
    def test_not_h1(self, line):
        assert "body-h1" not in {c for _, _, c in body_codes(check_body(_body(line), 10))}

    def test_too_short_counts_words_not_code(self):
        text = "## Aanleiding\n\nkort\n\n```\n" + "code " * 200 + "\n```\n\n## Aanpak\n\n`" + "x " * 100 + "`\n"
        report_ = check_body(text, 7)
        assert body_codes(report_) == [(7, 1, "body-too-short")]
        assert report_.words < MIN_WORDS

    def test_code_blocks_and_spans_hide_html_links_and_headings(self):
        report_ = check_body(
            _body(
                "```html",
                "<script>alert(1)</script> [x](javascript:alert(1)) {: .x }",
                "# geen kop",
                "```",
                "~~~~",
                "```",
                "<div>nog steeds code</div>",
                "~~~~",
                "Een `<b>` en ``<i>`` in tekst, en `[x](javascript:y)`.",
            ),
            1,
        )
        assert report_.problems == []

    @pytest.mark.parametrize(
        "line, column",
        [
            ("Een `<b>`` is geen code.", 6),  # the closing run must be exactly as long as the opening one
            ("Een \\`<b>` is geen code.", 7),  # an escaped backtick opens nothing
            ("`a` <i>", 5),
            ("``a ` b`` <i>", 11),
        ],
    )
    def test_code_spans_follow_python_markdown(self, line, column):
        assert body_codes(check_body(_body(line), 10)) == [(19, column, "body-html")]

    @pytest.mark.parametrize("line", ["``a <i>``", "x `a`` <b>` c", "\\\\`<b>`", "```x``` `<y>`"])
    def test_code_spans_that_hide_html(self, line):
        assert check_body(_body(line), 10).problems == []

    def test_unclosed_fence_hides_the_rest(self):
        report_ = check_body(_body("```", "<div>", "# kop"), 1)
        assert report_.problems == []

    def test_html_and_attribute_lists(self):
        report_ = check_body(_body("Een <span>woord</span>.", "Alinea", "{: .klasse }", "Zie [x](https://a.nl){target=_blank}."), 10)
        assert body_codes(report_) == [(19, 5, "body-html"), (21, 1, "body-attr-list"), (22, 22, "body-attr-list")]

    def test_autolinks_are_not_html(self):
        report_ = check_body(_body("Zie <https://www.voorbeeld.nl/> of <info@voorbeeld.nl>."), 1)
        assert report_.problems == []

    def test_case_links_and_images_are_collected(self):
        report_ = check_body(
            _body(
                "Zie [Oss](ruwaard-oss.md), [Almere](./oslostraat-almere.md#aanpak) en [top](#aanleiding).",
                "![Een foto](media/foto.jpg) en [![Logo](media/sub/logo.png)](https://www.voorbeeld.nl/)",
                "[ref]: majella-wonen-utrecht.md",
            ),
            10,
        )
        assert report_.problems == []
        assert report_.case_links == [("ruwaard-oss", 19, 11), ("oslostraat-almere", 19, 37), ("majella-wonen-utrecht", 21, 8)]
        assert sorted(report_.images) == [("foto.jpg", 20, 1), ("sub/logo.png", 20, 33)]

    @pytest.mark.parametrize(
        "lines, line, column, code",
        [
            (["[a](javascript:alert(1))"], 19, 5, "unsafe-link"),
            (["[a [b [c]]](javascript:alert(1))"], 19, 13, "unsafe-link"),
            (["[a", "b](javascript:alert(1))"], 20, 4, "unsafe-link"),
            (["[a](", "javascript:alert(1))"], 20, 1, "unsafe-link"),
            (["[a](java", "script:alert(1))"], 19, 5, "unsafe-link"),
            (["[a](java&#9;script:alert(1))"], 19, 5, "unsafe-link"),
            (["[a]( javascript:alert(1) 'titel')"], 19, 6, "unsafe-link"),
            (["> [x]: javascript:alert(1)"], 19, 8, "unsafe-link"),
            (["- [x]: javascript:alert(1)"], 19, 8, "unsafe-link"),
            (["[x]:", "  javascript:alert(1)"], 20, 3, "unsafe-link"),
            (["<javascript:alert(1)>"], 19, 2, "unsafe-link"),
            (["[a](data:text/html,x)"], 19, 5, "unsafe-link"),
            (["[a](file:///etc/passwd)"], 19, 5, "unsafe-link"),
            (["[a](http://www.voorbeeld.nl/)"], 19, 5, "insecure-link"),
            (["[a](https://localhost/)"], 19, 5, "invalid-link"),
            (["[a](//www.voorbeeld.nl/)"], 19, 5, "invalid-link"),
            (["[a](../docs/index.md)"], 19, 5, "invalid-link"),
            (["[a](Ruwaard-Oss.md)"], 19, 5, "invalid-link"),
            (["[a](tel:0201234567)"], 19, 5, "invalid-link"),
            (["![](media/foto.jpg)"], 19, 1, "image-alt"),
            (["![Foto](https://www.voorbeeld.nl/foto.jpg)"], 19, 1, "image-source"),
            (["![Foto](foto.jpg)"], 19, 1, "image-source"),
            (["![Foto](media/../../data/themes.yml)"], 19, 1, "image-source"),
            (["[![Foto](https://www.voorbeeld.nl/foto.jpg)](https://www.voorbeeld.nl/)"], 19, 2, "image-source"),
        ],
    )
    def test_link_rules(self, lines, line, column, code):
        report_ = check_body(_body(*lines), 10)
        assert body_codes(report_) == [(line, column, code)]

    @pytest.mark.parametrize(
        "lines",
        [
            ["[a](mailto:info@voorbeeld.nl)"],
            ["[a](https://www.voorbeeld.nl/pad_(x) \"titel\")"],
            ["[a]\\(javascript:alert(1))"],
            ["[a\\](javascript:alert(1))"],
            ["[a]", "", "(javascript:alert(1))"],
            ["[a] (javascript:alert(1))"],
            ["Een javascript: in lopende tekst is geen link."],
        ],
    )
    def test_not_links_or_fine_links(self, lines):
        assert check_body(_body(*lines), 10).problems == []

    def test_angle_bracket_destination_is_checked_as_link_and_as_autolink(self):
        report_ = check_body(_body("[a](<javascript:alert(1)>)"), 10)
        assert body_codes(report_) == [(19, 5, "unsafe-link"), (19, 6, "unsafe-link")]

    def test_bidi_in_body(self):
        assert body_codes(check_body(_body("a\u202eb\u2066c"), 10)) == [(19, 2, "bidi"), (19, 4, "bidi")]

    def test_setext_heading(self):
        assert body_codes(check_body(_body("Kop", "---"), 10)) == [(20, 1, "body-setext")]
        assert check_body(_body("", "---"), 10).problems == []  # a thematic break after a blank line

    def test_body_too_long(self):
        report_ = check_body("x" * 100_001, 5)
        assert body_codes(report_) == [(5, 1, "body-too-long")]

    @pytest.mark.parametrize(
        "line",
        ["![" * 45_000, "[" * 90_000, "\\[" * 45_000, "[x]" * 30_000, "`" * 90_000, "a" + "`" * 90_000 + "a", "`a" * 45_000,
         "](" * 45_000, "[a](" * 22_000, "<a:" * 30_000, "{ " * 45_000, "1 " * 45_000, "[" * 45_000 + "]:" + " " * 40_000,
         "> " * 45_000 + "x", "- " * 45_000 + "x", "## " + "# " * 45_000 + "x", "## a" + " " * 90_000 + "x"],
        ids=["img-openers", "openers", "escaped", "refs", "fence", "backticks", "spans", "closers", "dests", "autolinks", "braces",
             "digits", "refdef", "quotes", "lists", "h2-hashes", "h2-spaces"],
    )
    def test_pathological_lines_are_fast(self, line):
        start = time.perf_counter()
        check_body(line, 1)
        privacy_problems(line)
        assert time.perf_counter() - start < 5.0  # quadratic behaviour took 15 to 50 seconds here


# ------------------------------------------------------------- front matter ----


class TestFrontMatter:
    def test_split(self):
        front, front_line, body, body_line = split_front_matter("---\na: 1\n---\nbody\n")
        assert (front, front_line, body, body_line) == ("a: 1", 2, "body\n", 4)
        assert split_front_matter("---\r\na: 1\r\n...\r\nbody")[2] == "body"

    @pytest.mark.parametrize("text, code", [("", "no-front-matter"), ("tekst\n---\n", "no-front-matter"), ("---\na: 1\n", "unclosed-front-matter")])
    def test_split_failures(self, text, code):
        assert split_front_matter(text)[0] is None
        assert split_front_matter(text)[2] == code

    @pytest.mark.parametrize("stem, slug", [("Ruwaard Oss", "ruwaard-oss"), ("Fryslân_één", "fryslan-een"), ("!!!", "naam-van-het-voorbeeld"), ("a" * 80, "a" * 60)])
    def test_suggest_slug(self, stem, slug):
        assert suggest_slug(stem) == slug

    def test_every_field_error_is_on_its_own_line(self, repo_copy):
        text = CASE.replace("title: Wijkaanpak in Zwolle", "title: 2024-01-01").replace("place: Zwolle", "place: yes").replace(
            "phase: lopend", "phase: lopend\nstarted: 1989\nkleur: blauw"
        )
        rel = with_case(repo_copy, text)
        problems = load_repository(repo_copy).problems
        assert codes(problems, rel) == [(2, 8, "quote-text"), (4, 8, "quote-text"), (13, 10, "invalid-value"), (14, 1, "unknown-field")]

    def test_problems_in_front_matter_and_body_together(self, repo_copy):
        text = CASE.replace("province: overijssel", "province: overijsel") + "\n# Kop\n\nBel 0612345678.\n"
        rel = with_case(repo_copy, text)
        assert codes(load_repository(repo_copy).problems, rel) == [(6, 11, "unknown-term"), (24, 1, "body-h1"), (26, 5, "privacy-phone")]


# ------------------------------------------------------------------ reports ----


PROBLEMS = [
    Problem("cases/a.md", 3, 7, "unknown-field", "Onbekend veld 'titel'. Bedoelde je 'title'?"),
    Problem("data/100%, echt: ja.yml", 1, 1, "x", "50% klaar\nregel twee\r, a:b"),
]


class TestReports:
    def test_text(self):
        out = report.text_report(PROBLEMS, 12)
        lines = out.splitlines()
        assert lines[0] == "cases/a.md:3:7: Onbekend veld 'titel'. Bedoelde je 'title'?"
        assert lines[-1].startswith("2 problemen gevonden in 2 bestanden.")
        assert report.text_report([], 12) == "12 bestanden gecontroleerd. Geen problemen gevonden.\n"
        assert "1 probleem gevonden in 1 bestand" in report.text_report(PROBLEMS[:1], 12)

    def test_github(self):
        lines = report.github_report(PROBLEMS, 12).splitlines()
        assert lines[0] == (
            "::error file=cases/a.md,line=3,col=7,title=Praktijkvoorbeeld%3A unknown-field::"
            "Onbekend veld 'titel'. Bedoelde je 'title'?"
        )
        # Properties escape % \r \n : and , ; the message escapes % \r \n only.
        assert lines[1] == (
            "::error file=data/100%25%2C echt%3A ja.yml,line=1,col=1,title=Praktijkvoorbeeld%3A x::"
            "50%25 klaar%0Aregel twee%0D, a:b"
        )
        assert len(lines) == 3 and lines[2].startswith("2 problemen gevonden")
        assert report.github_report([], 5).splitlines() == ["5 bestanden gecontroleerd. Geen problemen gevonden."]

    def test_json(self):
        data = json.loads(report.json_report(PROBLEMS, 12))
        assert data == {
            "checked": 12,
            "ok": False,
            "problems": [
                {"file": "cases/a.md", "line": 3, "column": 7, "code": "unknown-field", "message": "Onbekend veld 'titel'. Bedoelde je 'title'?"},
                {"file": "data/100%, echt: ja.yml", "line": 1, "column": 1, "code": "x", "message": "50% klaar\nregel twee\r, a:b"},
            ],
        }
        assert json.loads(report.json_report([], 3)) == {"checked": 3, "ok": True, "problems": []}
        assert "é" in report.json_report([Problem("a", 1, 1, "c", "café")], 1)

    def test_problems_never_have_line_or_column_below_one(self):
        problems = Problems()
        problems.add("a", 0, -5, "c", "m")
        assert problems.sorted() == [Problem("a", 1, 1, "c", "m")]


# --------------------------------------------------------------- data files ----


class TestDataFiles:
    def test_vocabulary_bad_slug(self, repo_copy):
        edit(repo_copy, "data/themes.yml", "renovatie:", "Renovatie:")
        problems = load_repository(repo_copy).problems
        line = (repo_copy / "data/themes.yml").read_text().splitlines().index("Renovatie:") + 1
        assert codes(problems, "data/themes.yml") == [(line, 1, "invalid-slug")]
        # Cases that use the term now point at a term that is not there.
        assert {p.code for p in problems if p.path != "data/themes.yml"} <= {"unknown-term"}

    def test_vocabulary_missing_label_and_unknown_key(self, repo_copy):
        edit(repo_copy, "data/phases.yml", "pilot:\n  label: Pilot\n", "pilot:\n  lable: Pilot\n")
        problems = load_repository(repo_copy).problems
        lines = (repo_copy / "data/phases.yml").read_text().splitlines()
        assert codes(problems, "data/phases.yml") == [(lines.index("pilot:") + 1, 1, "missing-field"), (lines.index("  lable: Pilot") + 1, 3, "unknown-field")]
        assert "Bedoelde je 'label'?" in [p for p in problems if p.code == "unknown-field"][0].message

    def test_vocabulary_html_in_description(self, repo_copy):
        edit(repo_copy, "data/provinces.yml", "description: Praktijkvoorbeelden uit de provincie Zeeland.", "description: <b>Zeeland</b>")
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.code) for p in problems] == [("data/provinces.yml", "invalid-value")]

    def test_coalition_http_url(self, repo_copy):
        edit(repo_copy, "data/coalition.yml", "url: https://www.aedes.nl", "url: http://www.aedes.nl")
        problems = load_repository(repo_copy).problems
        line = (repo_copy / "data/coalition.yml").read_text().splitlines().index("  url: http://www.aedes.nl") + 1
        assert codes(problems) == [(line, 8, "invalid-value")]

    def _licence_line(self, root: Path, text: str) -> int:
        return (root / "data/licence.yml").read_text().splitlines().index(text) + 1

    def test_licence_is_one_valid_setting(self, repo_copy):
        licence = load_repository(repo_copy).licence
        assert (licence.spdx, licence.short) == ("CC-BY-4.0", "CC BY 4.0")
        assert licence.url.startswith("https://creativecommons.org/licenses/by/4.0/")

    def test_licence_http_url(self, repo_copy):
        edit(repo_copy, "data/licence.yml", "url: https://creativecommons.org", "url: http://creativecommons.org")
        problems = load_repository(repo_copy).problems
        line = next(i for i, l in enumerate((repo_copy / "data/licence.yml").read_text().splitlines(), 1) if l.startswith("url: http:"))
        assert codes(problems) == [(line, 6, "invalid-value")]

    def test_licence_missing_field_and_typo(self, repo_copy):
        edit(repo_copy, "data/licence.yml", "short: CC BY 4.0\n", "shrot: CC BY 4.0\n")
        problems = load_repository(repo_copy).problems
        line = self._licence_line(repo_copy, "shrot: CC BY 4.0")
        # A missing field is reported where the block starts: its first key.
        assert codes(problems) == [(self._licence_line(repo_copy, "spdx: CC-BY-4.0"), 1, "missing-field"), (line, 1, "unknown-field")]
        assert "Bedoelde je 'short'?" in next(p.message for p in problems if p.code == "unknown-field")

    def test_licence_file_missing(self, repo_copy):
        (repo_copy / "data/licence.yml").unlink()
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.line, p.code) for p in problems] == [("data/licence.yml", 1, "missing-data-file")]

    def test_licence_not_a_block(self, repo_copy):
        (repo_copy / "data/licence.yml").write_text("- CC-BY-4.0\n", encoding="utf-8")
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.line, p.code) for p in problems] == [("data/licence.yml", 1, "data-not-mapping")]
        assert "spdx: CC-BY-4.0" in problems.items[0].message

    def _webinar_line(self, root: Path, text: str, after: str | None = None) -> int:
        lines = (root / "data/webinars.yml").read_text().splitlines()
        start = lines.index(after) if after else 0
        return lines.index(text, start) + 1

    def test_webinar_end_before_start(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", 'start: "15:00"\n  end: "16:00"', 'start: "15:00"\n  end: "14:00"')
        problems = load_repository(repo_copy).problems
        assert codes(problems) == [(self._webinar_line(repo_copy, '  end: "14:00"'), 8, "invalid-value")]
        assert "14:00" in problems.sorted()[0].message and "15:00" in problems.sorted()[0].message

    def test_webinar_nonexistent_date(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", "date: 2022-04-14", "date: 2022-04-31")
        problems = load_repository(repo_copy).problems
        assert codes(problems) == [(self._webinar_line(repo_copy, "  date: 2022-04-31"), 9, "invalid-date")]

    def test_webinar_time_in_dst_gap(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", 'date: 2022-03-22\n  start: "14:30"', 'date: 2022-03-27\n  start: "02:30"')
        problems = load_repository(repo_copy).problems
        # Only the start: the end (15:30) is fine and must not be called "without a start".
        assert codes(problems) == [(self._webinar_line(repo_copy, '  start: "02:30"'), 10, "invalid-value")]
        assert "zomertijd" in problems.sorted()[0].message

    def test_webinar_time_in_dst_overlap_is_fine(self, repo_copy):
        # 02:30 on 2022-10-30 happens twice in the Netherlands, but it exists.
        edit(repo_copy, "data/webinars.yml", 'date: 2022-03-22\n  start: "14:30"', 'date: 2022-10-30\n  start: "02:30"')
        assert load_repository(repo_copy).problems.sorted() == []

    def test_webinar_unquoted_time(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", 'start: "15:00"', "start: 15:00")
        problems = load_repository(repo_copy).problems
        assert codes(problems) == [(self._webinar_line(repo_copy, "  start: 15:00"), 10, "quote-text")]

    def test_webinar_end_without_start(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", '  start: "15:00"\n', "")
        problems = load_repository(repo_copy).problems
        assert [p.code for p in problems] == ["invalid-value"]
        assert "zonder begintijd" in problems.sorted()[0].message

    def test_webinar_unknown_organiser(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", "organisers: [divosa, valente]", "organisers: [divosa, valentee]")
        problems = load_repository(repo_copy).problems
        line = self._webinar_line(repo_copy, "  organisers: [divosa, valentee]")
        assert codes(problems) == [(line, 24, "unknown-organiser")]
        assert "Bedoelde je 'valente'?" in problems.sorted()[0].message

    def test_webinar_unknown_case(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", "cases: [majella-wonen-utrecht]", "cases: [majella-wonen]")
        problems = load_repository(repo_copy).problems
        assert codes(problems) == [(self._webinar_line(repo_copy, "  cases: [majella-wonen]"), 11, "unknown-case")]

    @pytest.mark.parametrize("field", ["registration_url", "recording_url"])
    def test_webinar_http_urls(self, repo_copy, field):
        edit(repo_copy, "data/webinars.yml", "  organisers: [divosa, valente]\n", f"  organisers: [divosa, valente]\n  {field}: http://www.divosa.nl/webinar\n")
        problems = load_repository(repo_copy).problems
        line = self._webinar_line(repo_copy, f"  {field}: http://www.divosa.nl/webinar")
        assert codes(problems) == [(line, len(field) + 5, "invalid-value")]
        assert "https://" in problems.sorted()[0].message

    def test_webinar_duplicate_id(self, repo_copy):
        edit(repo_copy, "data/webinars.yml", "id: 2022-04-14-selwerd-groningen", "id: 2022-02-09-ruwaard-oss")
        problems = load_repository(repo_copy).problems
        assert [p.code for p in problems] == ["duplicate-id"]

    def test_webinars_not_a_list(self, repo_copy):
        (repo_copy / "data/webinars.yml").write_text("titel: webinar\n", encoding="utf-8")
        assert codes(load_repository(repo_copy).problems) == [(1, 1, "data-not-list")]

    def test_missing_and_broken_data_files(self, repo_copy):
        (repo_copy / "data/phases.yml").unlink()
        (repo_copy / "data/themes.yml").write_bytes(b"leefbaarheid:\n  label: Leefbaarheid\xff\n")
        problems = load_repository(repo_copy).problems
        found = {(p.path, p.code) for p in problems}
        assert ("data/phases.yml", "missing-data-file") in found
        assert ("data/themes.yml", "not-utf8") in found

    def test_data_file_tags_and_aliases(self, repo_copy):
        edit(repo_copy, "data/coalition.yml", "  name: ActiZ\n", "  name: !!python/name:os.system ActiZ\n")
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.line, p.code) for p in problems] == [("data/coalition.yml", 2, "yaml-tag")]


# --------------------------------------------------------------- repository ----


class TestRepository:
    def test_real_repository_is_clean(self):
        repo = load_repository(REPO)
        assert [p.as_text() for p in repo.problems.sorted()] == []
        assert repo.checked == len(repo.files) + len(VOCABULARY_FILES) + 3  # coalition, licence, webinars

    def test_required_cases_exist_and_are_valid(self):
        repo = load_repository(REPO)
        for slug in REQUIRED_CASES:
            assert (REPO / "cases" / f"{slug}.md").is_file()
            assert slug in repo.cases
            case = repo.cases[slug].case
            assert case is not None and case.title and case.summary

    def test_published_is_the_day_on_this_site_never_a_source_date(self):
        """published means one thing (docs/redactie.md, Datums): the day a case appeared on
        Zo doen we dat, which started on 2022-02-09; a source's own date is in sources[].date."""
        start = dt.date(2022, 2, 9)
        for slug, entry in load_repository(REPO).cases.items():
            case = entry.case
            assert case.published >= start, (slug, case.published)
            for source in case.sources:
                assert source.date is None or source.date == start or source.date != case.published, (slug, source.title)
        oslo = load_repository(REPO).cases["oslostraat-almere"].case
        assert (oslo.published, oslo.sources[0].date) == (start, dt.date(2021, 5, 20))

    def test_the_themes_the_sources_support_are_used(self):
        used = {theme for entry in load_repository(REPO).cases.values() for theme in entry.case.themes}
        assert {"veiligheid", "ervaringsdeskundigheid"} <= used

    @pytest.mark.parametrize("vocabulary", sorted(REQUIRED_TERMS))
    def test_required_vocabulary_terms_exist(self, vocabulary):
        repo = load_repository(REPO)
        missing = REQUIRED_TERMS[vocabulary] - set(repo.vocabularies[vocabulary])
        assert not missing

    def test_the_four_webinars(self):
        webinars = {w.date: w for w in load_repository(REPO).webinars}
        expected = {
            dt.date(2022, 2, 9): (None, None),
            dt.date(2022, 3, 22): ("14:30", "15:30"),
            dt.date(2022, 4, 14): ("15:00", "16:00"),
            dt.date(2022, 5, 25): ("14:30", "15:30"),
        }
        assert set(expected) <= set(webinars)
        for day, (start, end) in expected.items():
            assert (webinars[day].start, webinars[day].end) == (start, end), day
        assert "ruwaard-oss" in webinars[dt.date(2022, 2, 9)].cases
        assert "majella-wonen-utrecht" in webinars[dt.date(2022, 3, 22)].cases
        assert {"divosa", "valente"} <= set(webinars[dt.date(2022, 3, 22)].organisers)

    @pytest.mark.parametrize("variant", ["Ruwaard-Oss", "RUWAARD-OSS", "ｒｕｗａａｒｄ-oss", "ruwaard\u2011oss"])
    def test_duplicate_slugs_after_case_folding_and_normalisation(self, repo_copy, variant):
        # U+2011 (non-breaking hyphen) is not folded by NFKC; only the first three are duplicates.
        (repo_copy / "cases" / f"{variant}.md").write_bytes((repo_copy / "cases/ruwaard-oss.md").read_bytes())
        problems = load_repository(repo_copy).problems
        by_file = {(p.path, p.code) for p in problems}
        assert (f"cases/{variant}.md", "invalid-filename") in by_file
        duplicate = variant != "ruwaard\u2011oss"
        assert (("cases/ruwaard-oss.md", "duplicate-slug") in by_file) is duplicate
        assert ((f"cases/{variant}.md", "duplicate-slug") in by_file) is duplicate

    def test_duplicate_slug_with_composed_and_decomposed_accents(self, repo_copy):
        # Not valid slugs either, but the two spellings of é must be recognised as one name.
        with_case(repo_copy, CASE, "caf\u00e9")
        with_case(repo_copy, CASE, "cafe\u0301")
        problems = load_repository(repo_copy).problems
        assert {p.path for p in problems if p.code == "duplicate-slug"} == {"cases/caf\u00e9.md", "cases/cafe\u0301.md"}

    def test_missing_cases_directory(self, tmp_path):
        root = copy_repository(tmp_path / "repo", cases=False)
        (root / "cases").rmdir()
        problems = load_repository(root).problems
        assert ("cases", "missing-cases") in {(p.path, p.code) for p in problems}

    def test_alias_claimed_twice(self, repo_copy):
        with_case(repo_copy, CASE.replace("phase: lopend", "phase: lopend\naliases: [oude-naam]"), "eerste")
        with_case(repo_copy, CASE.replace("phase: lopend", "phase: lopend\naliases: [oude-naam]"), "tweede")
        problems = load_repository(repo_copy).problems
        assert [(p.path, p.line, p.code) for p in problems.sorted()] == [("cases/tweede.md", 13, "alias-twice")]

    def test_problems_in_other_files_do_not_hide_valid_cases(self, repo_copy):
        with_case(repo_copy, "kapot", "kapot")
        repo = load_repository(repo_copy)
        assert set(REQUIRED_CASES) <= set(repo.cases)
        assert "kapot" not in repo.cases


# ---------------------------------------------------------------------- CLI ----


def _run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "zodoenwedat.cli", *args],
        capture_output=True, text=True, cwd=cwd or REPO, timeout=120,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


class TestCli:
    def test_validate_clean_is_0(self, repo_copy, capsys):
        assert main(["--root", str(repo_copy), "validate"]) == 0
        assert "Geen problemen gevonden" in capsys.readouterr().out

    def test_real_repository_validates_clean(self, capsys):
        assert main(["--root", str(REPO), "validate"]) == 0, capsys.readouterr().out

    def test_validate_problems_is_1(self, repo_copy, capsys):
        with_case(repo_copy, CASE.replace("place: Zwolle", "place: 1234"))
        assert main(["--root", str(repo_copy), "validate"]) == 1
        out = capsys.readouterr().out
        assert out.splitlines()[0].startswith("cases/wijkaanpak-zwolle.md:4:8: In 'place' hoort tekst")

    @pytest.mark.parametrize("args", [["validate", "--format", "xml"], ["onbekend"], ["new"], ["validate", "--onbekend"]])
    def test_usage_errors_are_2(self, args, capsys):
        with pytest.raises(SystemExit) as exit_:
            main(args)
        assert exit_.value.code == 2
        assert "fout in de opdracht" in capsys.readouterr().err

    def test_no_command_is_2(self, capsys):
        assert main([]) == 2

    def test_missing_root_is_2(self, tmp_path, capsys):
        assert main(["--root", str(tmp_path / "bestaat-niet"), "validate"]) == 2
        assert "bestaat niet" in capsys.readouterr().err

    def test_formats(self, repo_copy, capsys):
        with_case(repo_copy, CASE.replace("place: Zwolle", "place: 1234"))
        assert main(["--root", str(repo_copy), "validate", "--format", "github"]) == 1
        first = capsys.readouterr().out.splitlines()[0]
        assert first.startswith("::error file=cases/wijkaanpak-zwolle.md,line=4,col=8,title=Praktijkvoorbeeld%3A quote-text::")
        assert main(["--root", str(repo_copy), "validate", "--format", "json"]) == 1
        data = json.loads(capsys.readouterr().out)
        assert data["ok"] is False
        assert data["problems"][0] == {
            "file": "cases/wijkaanpak-zwolle.md", "line": 4, "column": 8, "code": "quote-text", "message": data["problems"][0]["message"]
        }

    def test_paths_filter(self, repo_copy, capsys):
        with_case(repo_copy, CASE.replace("place: Zwolle", "place: 1234"), "een")
        with_case(repo_copy, CASE.replace("place: Zwolle", "place: 5678"), "twee")
        assert main(["--root", str(repo_copy), "validate", str(repo_copy / "cases/twee.md")]) == 1
        out = capsys.readouterr().out
        assert "cases/twee.md:4:8" in out and "cases/een.md" not in out
        assert main(["--root", str(repo_copy), "validate", str(repo_copy / "cases/ruwaard-oss.md")]) == 0

    def test_subprocess_exit_codes_and_no_traceback(self, repo_copy):
        assert _run_cli("--root", str(repo_copy), "validate").returncode == 0
        with_case(repo_copy, b"\xff\xfe" + os.urandom(2000), "rommel")
        with_case(repo_copy, "---\ntitle: " + "[" * 100_000 + "\n---\n", "diep")
        with_case(repo_copy, "---\n" + "a: &a [x]\n" + "b: [*a, *a]\n" + "---\n", "lach")
        result = _run_cli("--root", str(repo_copy), "validate")
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and result.stderr == ""
        for name in ("rommel", "diep", "lach"):
            assert f"cases/{name}.md:" in result.stdout
        usage = _run_cli("--root", str(repo_copy), "validate", "--format", "xml")
        assert usage.returncode == 2 and "Traceback" not in usage.stderr

    def test_new_writes_a_valid_case_and_refuses_to_overwrite(self, repo_copy, capsys):
        assert main(["--root", str(repo_copy), "new", "wijkaanpak-zwolle"]) == 0
        path = repo_copy / "cases/wijkaanpak-zwolle.md"
        written = path.read_text(encoding="utf-8")
        assert written.startswith("---\n")
        assert f"published: {dt.date.today().isoformat()}" in written
        capsys.readouterr()
        assert main(["--root", str(repo_copy), "validate"]) == 0, capsys.readouterr().out
        assert main(["--root", str(repo_copy), "new", "wijkaanpak-zwolle.md"]) == 1
        assert "bestaat al" in capsys.readouterr().err
        assert path.read_text(encoding="utf-8") == written

    @pytest.mark.parametrize("slug", ["Wijkaanpak", "wijk_aanpak", "wijk-", "wijk--aanpak", "a" * 61, "../buiten"])
    def test_new_refuses_invalid_names(self, repo_copy, slug, capsys):
        assert main(["--root", str(repo_copy), "new", slug]) == 2
        assert "geen geldige naam" in capsys.readouterr().err
        assert sorted(p.name for p in (repo_copy / "cases").iterdir()) == sorted(p.name for p in (REPO / "cases").iterdir())

    def test_template_is_valid_with_and_without_vocabularies(self, repo_copy):
        for vocabularies in (None, load_repository(REPO).vocabularies):
            with_case(repo_copy, new_case_text(vocabularies), "sjabloon")
            assert load_repository(repo_copy).problems.sorted() == []

    def test_schema_equals_the_committed_copy(self, capsys):
        committed = (REPO / SCHEMA_PATH).read_text(encoding="utf-8")
        assert main(["--root", str(REPO), "schema"]) == 0
        assert capsys.readouterr().out == committed

    def test_schema_output_file(self, tmp_path):
        target = tmp_path / "case.schema.json"
        assert main(["--root", str(REPO), "schema", "--output", str(target)]) == 0
        assert target.read_text(encoding="utf-8") == (REPO / SCHEMA_PATH).read_text(encoding="utf-8")

    def test_schema_content(self):
        vocabularies = load_repository(REPO).vocabularies
        schema = json.loads(schema_json(vocabularies))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert set(schema["required"]) == {"title", "summary", "place", "province", "themes", "partners", "phase", "published"}
        assert schema["additionalProperties"] is False
        assert schema["properties"]["themes"]["maxItems"] == 6
        assert schema["properties"]["themes"]["uniqueItems"] is True
        assert set(schema["properties"]["themes"]["items"]["enum"]) == set(vocabularies["themes"])
        assert set(schema["properties"]["province"]["enum"]) == set(vocabularies["provinces"])
        assert "enum" not in case_schema()["properties"]["province"]
