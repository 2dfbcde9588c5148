"""Related cases: the editors' own picks first, then the closest others.

"Closest" is a weighted overlap of themes, partner types, target groups and
province. Scores are summed over the catalogue's inverted index, so each case
only meets the cases it shares something with. Each related case carries a
short Dutch reason ("ook over gemengd wonen, met een ggz-instelling").
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .catalogue import Catalogue

WEIGHTS = {"themes": 3, "partner-types": 2, "target-groups": 2, "provinces": 1}
MAX_RELATED = 5
MIN_SCORE = 2  # sharing only the province is not enough


@dataclass(frozen=True)
class Related:
    slug: str
    reason: str
    picked: bool  # hand-picked by the editors in `related`
    score: int


def lower_first(label: str) -> str:
    """'Gemengd wonen' -> 'gemengd wonen'; acronyms such as 'GGZ-team' stay."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " en " + words[-1]


def reason(catalogue: "Catalogue", slug: str, other: str) -> str:
    a, b = catalogue.by_slug[slug], catalogue.by_slug[other]
    parts = []
    themes = [t for t in b.codes("themes") if t in set(a.codes("themes"))][:2]
    if themes:
        parts.append("ook over " + _join([lower_first(catalogue.label("themes", t)) for t in themes]))
    types = [t for t in b.codes("partner-types") if t in set(a.codes("partner-types"))][:2]
    if types:
        parts.append("met " + _join(["een " + lower_first(catalogue.label("partner-types", t)) for t in types]))
    if len(parts) < 2:
        groups = [t for t in b.codes("target-groups") if t in set(a.codes("target-groups"))][:1]
        if groups:
            parts.append("ook voor " + lower_first(catalogue.label("target-groups", groups[0])))
    if len(parts) < 2 and a.case.province == b.case.province:
        parts.append("ook in " + catalogue.label("provinces", a.case.province))
    return ", ".join(parts[:2])


def _scores(catalogue: "Catalogue", slug: str) -> Counter:
    entry = catalogue.by_slug[slug]
    scores: Counter = Counter()
    for vocabulary, weight in WEIGHTS.items():
        postings = catalogue.index.get(vocabulary, {})
        for code in entry.codes(vocabulary):
            posting = postings.get(code, ())
            for _ in range(weight):
                scores.update(posting)  # Counter.update counts in C
    scores.pop(slug, None)
    return scores


def related_for(catalogue: "Catalogue", slug: str, order: dict[str, int]) -> list[Related]:
    """The related cases of one case; ``order`` is each case's position, newest first."""
    entry = catalogue.by_slug[slug]
    scores = _scores(catalogue, slug)
    picked = [s for s in entry.case.related if s in catalogue.by_slug and s != slug]
    chosen = [Related(s, reason(catalogue, slug, s) or "gekozen door de redactie", True, scores.get(s, 0)) for s in picked]
    room = max(0, MAX_RELATED - len(chosen))
    for other in picked:
        scores.pop(other, None)
    # The room-th highest score is the bar (found in C); only cases at or above it are sorted.
    top = heapq.nlargest(room, scores.values()) if room else []
    bar = max(MIN_SCORE, top[-1]) if top else None
    candidates = [(score, other) for other, score in scores.items() if bar is not None and score >= bar]
    best = heapq.nsmallest(room, candidates, key=lambda item: (-item[0], order[item[1]], item[1]))
    chosen += [Related(other, reason(catalogue, slug, other), False, score) for score, other in best]
    return chosen


class RelatedCases(Mapping):
    """slug -> its related cases, each ranked on first use: a page can be rendered as soon
    as its own case is ranked (the site's worker renders case pages one after another)."""

    def __init__(self, catalogue: "Catalogue"):
        self.catalogue = catalogue
        self.order = {entry.slug: position for position, entry in enumerate(catalogue.cases)}  # newest first
        self.ranked: dict[str, list[Related]] = {}

    def __getitem__(self, slug: str) -> list[Related]:
        found = self.ranked.get(slug)
        if found is None:
            if slug not in self.catalogue.by_slug:
                raise KeyError(slug)
            found = self.ranked[slug] = related_for(self.catalogue, slug, self.order)
        return found

    def __iter__(self):
        return iter(self.catalogue.by_slug)

    def __len__(self) -> int:
        return len(self.catalogue.by_slug)


def rank_related(catalogue: "Catalogue") -> dict[str, list[Related]]:
    """Every case's related cases at once."""
    related = RelatedCases(catalogue)
    return {entry.slug: related[entry.slug] for entry in catalogue.cases}
