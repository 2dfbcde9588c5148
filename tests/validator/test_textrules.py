"""The rules for text fields (zodoenwedat.textrules): plain text, links, e-mail, privacy."""

from __future__ import annotations

import pytest

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
        [
            "Wonen & zorg",
            "Minder dan 5 (< 5) mensen",
            "3 < 5 en 5 > 3",
            'Zo\'n "thuis"',
            "Regel een\nregel twee\tmet tab",
            "Fryslân",
        ],
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

    @pytest.mark.parametrize(
        "email, ok",
        [
            ("info@voorbeeld.nl", True),
            ("a.b+c@sub.voorbeeld.nl", True),
            ("info(at)voorbeeld.nl", False),
            ("info@localhost", False),
            ("@voorbeeld.nl", False),
        ],
    )
    def test_email(self, email, ok):
        assert (email_problem(email) is None) is ok

    def test_suggestion(self):
        assert suggestion("neigbourhood", ["title", "neighbourhood"]) == " Bedoelde je 'neighbourhood'?"
        assert suggestion("xyz", ["title"]) == ""
        assert suggestion(12, ["title"]) == ""
