"""Hand-made cases for the finder and header search tests (no tests here).

The five shared fixture cases (alpha … echo, support/fixture_cases.py), foxtrot and three more with
words of their own: "golf" (newest) mentions a buurtkamer and a woonladder in its text, "hotel"
(oldest) has "Buurtkamer" in its title, "india" is a finished project in Zeeland. Every case's
text says "wijk" (support.cases.BODY) and none says "wijken".
"""

from support.cases import case_text
from support.fixture_cases import CASES as SHARED


def _phase(text: str, phase: str) -> str:
    return text.replace("\nphase: lopend\n", f"\nphase: {phase}\n", 1)


CASES = dict(SHARED)
CASES["foxtrot"] = case_text(
    'Wonen & "zorg" <3 samen', ["participatie"], [("welzijnsorganisatie", 'Stichting "Samen" & Co')], published="2021-01-01"
)
CASES["golf"] = _phase(
    case_text(
        "Golfbaan wordt woonwijk in Delft",
        ["participatie", "community-building"],
        [("welzijnsorganisatie", "Welzijn Delft")],
        province="zuid-holland",
        place="Delft",
        target_groups=["jongeren"],
        published="2023-03-01",
        body_intro="Het team opende een buurtkamer en begon een woonladder voor jongeren.",
    ),
    "pilot",
)
CASES["hotel"] = case_text(
    "Buurtkamer in Deventer",
    ["community-building"],
    [("woningcorporatie", "Woonstichting Deventer"), ("gemeente", "gemeente Deventer")],
    province="overijssel",
    place="Deventer",
    target_groups=["ouderen", "buurtbewoners"],
    published="2019-06-01",
    body_intro="Bewoners beheren samen de ruimte op de begane grond.",
)
CASES["india"] = _phase(
    case_text(
        "Indische Buurt in Vlissingen",
        ["leefbaarheid"],
        [("gemeente", "gemeente Vlissingen"), ("zorgorganisatie", "Zorggroep Walcheren")],
        province="zeeland",
        place="Vlissingen",
        published="2020-09-15",
        body_intro="Het project is klaar; de afspraken blijven.",
    ),
    "afgerond",
)
