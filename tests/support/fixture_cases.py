"""The hand-made fixture cases that the site-build and browser tests share (alpha … echo):
two in Utrecht about mixed housing with a GGZ partner, one in Almere, one about safety, one in
Zeeland whose only partner has no name; alpha names echo as related. Each test module adds
its own sixth case (foxtrot) and more."""

from support.cases import case_text

CASES = {
    "alpha": case_text(
        "Alpha in Utrecht",
        ["gemengd-wonen", "leefbaarheid"],
        [("woningcorporatie", "Woonstichting Noord"), ("ggz-instelling", "GGZ Midden")],
        target_groups=["psychische-kwetsbaarheid"],
        related=["echo"],
        published="2022-05-01",
    ),
    "bravo": case_text(
        "Bravo in Utrecht",
        ["gemengd-wonen", "leefbaarheid"],
        [("ggz-instelling", "Ggz Midden")],
        target_groups=["psychische-kwetsbaarheid"],
        published="2022-04-01",
    ),
    "charlie": case_text(
        "Charlie in Almere",
        ["gemengd-wonen", "renovatie"],
        [("gemeente", "Gemeente Almere")],
        province="flevoland",
        place="Almere",
        published="2022-03-01",
    ),
    "delta": case_text("Delta in Utrecht", ["veiligheid"], [("gemeente", "gemeente Almere")], published="2022-02-01"),
    "echo": case_text(
        "Echo in Zeeland",
        ["doorstroom"],
        [("adviesbureau", None)],
        province="zeeland",
        place="Middelburg",
        published="2022-01-01",
    ),
}
