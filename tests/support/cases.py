"""Case files written in a test: the validator's base case, and fixture cases for a site."""

from __future__ import annotations

import textwrap

# A valid case; the validator tests' line numbers refer to this text.
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
BODY_FIRST_LINE = 15  # the line after CASE's closing ---


def codes(problems, path: str | None = None) -> list[tuple[int, int, str]]:
    """(line, column, code) of each problem (of one file), sorted."""
    return sorted((p.line, p.column, p.code) for p in problems if path is None or p.path == path)


def body_codes(report) -> list[tuple[int, int, str]]:
    """(line, column, code) of each problem a body check reported, sorted."""
    return sorted((line, column, code) for line, column, code, _ in report.problems)


# ------------------------------------------------------------ fixture cases --

BODY = textwrap.dedent(
    """
    ## Aanleiding

    {intro} In deze wijk wonen veel mensen die ondersteuning nodig hebben, en de buren merken dat.
    Daarom besloten de partners om samen te kijken wat er beter kan in de buurt en in de woningen.
    Zij spraken af om elkaar vaker op te zoeken en bewoners vanaf het begin te betrekken.

    ## Aanpak

    De corporatie, de zorgorganisatie en de gemeente maakten samen een plan met duidelijke afspraken.
    Iedere partner bracht kennis in, en bewoners kregen een vaste plek in het overleg over de wijk.
    Zo ontstond een aanpak die past bij wat mensen zelf willen en kunnen, stap voor stap uitgevoerd.
    """
)


def case_text(
    title: str,
    themes: list[str],
    partners: list[tuple[str, str | None]],
    province: str = "utrecht",
    target_groups: list[str] | None = None,
    related: list[str] | None = None,
    published: str = "2022-02-09",
    summary: str | None = None,
    place: str = "Utrecht",
    body_intro: str = "Dit is een praktijkvoorbeeld voor de tests.",
    extra: str = "",
) -> str:
    """A valid case file with these fields (``partners``: (type, name or None)) and BODY."""

    def q(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = [
        "---",
        f"title: {q(title)}",
        f"summary: {q(summary or 'Een samenvatting van dit praktijkvoorbeeld, lang genoeg voor de regels van de site.')}",
        f"place: {q(place)}",
        f"province: {province}",
        f"themes: [{', '.join(themes)}]",
        "partners:",
    ]
    for type_, name in partners:
        lines.append(f"  - type: {type_}")
        if name:
            lines.append(f"    name: {q(name)}")
    if target_groups:
        lines.append(f"target_groups: [{', '.join(target_groups)}]")
    lines += ["phase: lopend", f"published: {published}"]
    if related:
        lines.append(f"related: [{', '.join(related)}]")
    if extra:
        lines.append(extra.rstrip("\n"))
    lines.append("---")
    return "\n".join(lines) + "\n" + BODY.format(intro=body_intro)
