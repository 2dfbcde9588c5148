"""The case body (zodoenwedat.body): sections, headings, HTML, links, privacy, size."""

from __future__ import annotations

from collections import Counter

import pytest
from support.cases import body_codes
from support.hostile import PATHOLOGICAL_LINES

from zodoenwedat.body import MIN_WORDS, check_body
from zodoenwedat.textrules import (
    privacy_problems,
)

# What each of support.hostile.PATHOLOGICAL_LINES gives: problems by code, and words. None has the
# two required sections; a line of fewer than MIN_WORDS words is too short (brackets, backticks,
# digits and quote or list markers are no words).
_SHORT = {"missing-section": 2, "body-too-short": 1}
PATHOLOGICAL_REPORTS = {
    "img-openers": (_SHORT, 0),
    "openers": (_SHORT, 0),
    "escaped": (_SHORT, 0),
    "refs": ({"missing-section": 2}, 30_000),  # "[x]" without a definition is text: 30,000 x's
    "fence": (_SHORT, 0),
    "backticks": (_SHORT, 2),
    "spans": ({"missing-section": 2}, 22_500),  # "`a`a..." pairs into code spans; the a's outside them count
    "closers": (_SHORT, 0),
    # Every "[a](" but the last opens a link whose destination ("[a](") is checked once: one problem each.
    "dests": ({"invalid-link": 21_999, "missing-section": 2}, 22_000),
    "autolinks": ({"body-html": 1, "missing-section": 2}, 30_000),  # "<a:" is an HTML tag's start, reported once per line
    "braces": (_SHORT, 0),
    "digits": (_SHORT, 0),
    "refdef": (_SHORT, 0),
    "quotes": (_SHORT, 1),
    "lists": (_SHORT, 1),
    "h2-hashes": (_SHORT, 1),
    "h2-spaces": (_SHORT, 2),
}


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

    @pytest.mark.parametrize(
        "line", ["# Titel", "#Titel", "#", "   # Titel", "> # In een citaat", "- # In een lijst", "1. #In een lijst"]
    )
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
        report_ = check_body(
            _body("Een <span>woord</span>.", "Alinea", "{: .klasse }", "Zie [x](https://a.nl){target=_blank}."), 10
        )
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
            ['[a](https://www.voorbeeld.nl/pad_(x) "titel")'],
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

    @pytest.mark.parametrize("name", PATHOLOGICAL_LINES)
    def test_pathological_lines_give_the_right_report(self, name):
        """Each line (support.hostile, timed by the validate benchmark) is read to the end: the
        problems it has, once each, at their place on line 1, and its words counted."""
        line = PATHOLOGICAL_LINES[name]
        codes, words = PATHOLOGICAL_REPORTS[name]
        report_ = check_body(line, 1)
        assert Counter(code for _, _, code, _ in report_.problems) == codes
        assert report_.words == words
        assert all(found_line == 1 and 1 <= column <= len(line) + 1 for found_line, column, _, _ in report_.problems)
        assert privacy_problems(line) == []
