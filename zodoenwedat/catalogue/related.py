"""Related cases: the editors' own picks first, then the closest others.

"Closest" is a weighted overlap of themes, partner types, target groups and
province. :func:`rank_plainly` is the definition, written out plainly; the site ranks with
:class:`RelatedCases`, which sums the same scores as bit sets: at 5,000 cases it takes a few
seconds where the plain definition would take over 15 minutes (169 s measured at 2,000, quadratic;
``make bench``). The tests hold the two equal.
Each related case carries a short Dutch reason ("ook over gemengd wonen, met een
ggz-instelling").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import vocabularies
from . import dutch

if TYPE_CHECKING:  # pragma: no cover
    from .catalogue import Catalogue

WEIGHTS = vocabularies.WEIGHTS  # vocabulary -> weight of a shared term
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


def reason(catalogue: Catalogue, slug: str, other: str) -> str:
    a, b = catalogue.by_slug[slug], catalogue.by_slug[other]
    parts = []
    themes = [t for t in b.codes("themes") if t in set(a.codes("themes"))][:2]
    if themes:
        parts.append("ook over " + dutch.join([lower_first(catalogue.label("themes", t)) for t in themes]))
    types = [t for t in b.codes("partner-types") if t in set(a.codes("partner-types"))][:2]
    if types:
        parts.append("met " + dutch.join(["een " + lower_first(catalogue.label("partner-types", t)) for t in types]))
    if len(parts) < 2:
        groups = [t for t in b.codes("target-groups") if t in set(a.codes("target-groups"))][:1]
        if groups:
            parts.append("ook voor " + lower_first(catalogue.label("target-groups", groups[0])))
    if len(parts) < 2 and a.codes("provinces") == b.codes("provinces"):
        parts.append("ook in " + catalogue.label("provinces", a.codes("provinces")[0]))
    return ", ".join(parts[:2])


class RelatedCases(Mapping):
    """slug -> its related cases, each ranked on first use, as :func:`rank_plainly` defines them.

    Every case meets every other case it shares a term with, so ranking them all is quadratic.
    To keep that cheap, each term's cases are one integer used as a bit set (bit i: the i-th
    case, newest first), and a case's scores against all others are summed at once as bit
    slices (``slices[k]`` holds bit k of every score). Picking the best then takes a few
    operations on those integers.
    """

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self.slugs = [entry.slug for entry in catalogue.cases]  # newest first
        self.position = {slug: i for i, slug in enumerate(self.slugs)}
        self.ranked: dict[str, list[Related]] = {}
        self._sets: dict[str, dict[str, int]] | None = None

    def __getitem__(self, slug: str) -> list[Related]:
        found = self.ranked.get(slug)
        if found is None:
            if slug not in self.catalogue.by_slug:
                raise KeyError(slug)
            found = self.ranked[slug] = self._rank(slug)
        return found

    def __iter__(self):
        return iter(self.catalogue.by_slug)

    def __len__(self) -> int:
        return len(self.catalogue.by_slug)

    def score_slices(self, slug: str) -> list[int]:
        """Bit k of every case's score against ``slug`` (its own score included)."""
        if self._sets is None:
            self._sets = {
                vocabulary: {
                    code: _bit_set(self.position[other] for other in posting)
                    for code, posting in self.catalogue.index.get(vocabulary, {}).items()
                }
                for vocabulary in WEIGHTS
            }
        entry = self.catalogue.by_slug[slug]
        slices: list[int] = []
        for vocabulary, weight in WEIGHTS.items():
            for code in entry.codes(vocabulary):
                cases = self._sets[vocabulary].get(code, 0)
                for k in range(weight.bit_length()):
                    if weight >> k & 1:
                        _add(slices, cases, k)
        return slices

    def _rank(self, slug: str) -> list[Related]:
        catalogue = self.catalogue
        entry = catalogue.by_slug[slug]
        slices = self.score_slices(slug)

        def score(position: int) -> int:
            return sum(((bits >> position) & 1) << k for k, bits in enumerate(slices))

        picked = [s for s in entry.case.related if s in catalogue.by_slug and s != slug]
        chosen = [
            Related(s, reason(catalogue, slug, s) or "gekozen door de redactie", True, score(self.position[s])) for s in picked
        ]
        room = max(0, MAX_RELATED - len(chosen))
        left = 0  # every case with a score above 0, except this one and the picked ones
        for bits in slices:
            left |= bits
        for other in [slug, *picked]:
            left &= ~(1 << self.position[other])
        best: list[tuple[int, str]] = []
        while left and len(best) < room:
            top = left  # narrowed, slice by slice from the highest bit, to the highest score
            for bits in reversed(slices):
                if top & bits:
                    top &= bits
            value = score((top & -top).bit_length() - 1)
            if value < MIN_SCORE:
                break
            left &= ~top
            while top and len(best) < room:  # equal scores: the newest first (the lowest bit)
                lowest = top & -top
                best.append((value, self.slugs[lowest.bit_length() - 1]))
                top ^= lowest
        chosen += [Related(other, reason(catalogue, slug, other), False, value) for value, other in best]
        return chosen


def _bit_set(positions) -> int:
    data = bytearray()
    for position in positions:
        byte = position >> 3
        if byte >= len(data):
            data.extend(bytes(byte + 1 - len(data)))
        data[byte] |= 1 << (position & 7)
    return int.from_bytes(data, "little")


def _add(slices: list[int], cases: int, k: int) -> None:
    """Add 2**k to the score of every case in ``cases`` (bit-sliced addition with carry)."""
    carry = cases
    while carry:
        while len(slices) <= k:
            slices.append(0)
        bits = slices[k]
        slices[k] = bits ^ carry
        carry = bits & carry
        k += 1


def rank_related(catalogue: Catalogue) -> dict[str, list[Related]]:
    """Every case's related cases at once."""
    related = RelatedCases(catalogue)
    return {entry.slug: related[entry.slug] for entry in catalogue.cases}


def rank_plainly(catalogue: Catalogue) -> dict[str, list[Related]]:
    """The definition: the editors' picks first, then the others with the highest weighted
    overlap of themes, partner types, target groups and province (at least MIN_SCORE), the
    newest first on equal scores; at most MAX_RELATED in all."""
    position = {entry.slug: i for i, entry in enumerate(catalogue.cases)}  # newest first

    def score(a, b) -> int:
        return sum(weight * len(set(a.codes(v)) & set(b.codes(v))) for v, weight in WEIGHTS.items())

    out = {}
    for entry in catalogue.cases:
        slug = entry.slug
        picked = [s for s in entry.case.related if s in catalogue.by_slug and s != slug]
        chosen = [
            Related(s, reason(catalogue, slug, s) or "gekozen door de redactie", True, score(entry, catalogue.by_slug[s]))
            for s in picked
        ]
        others = [(score(entry, other), other.slug) for other in catalogue.cases if other.slug not in (slug, *picked)]
        others = sorted((item for item in others if item[0] >= MIN_SCORE), key=lambda item: (-item[0], position[item[1]]))
        room = max(0, MAX_RELATED - len(chosen))
        chosen += [Related(other, reason(catalogue, slug, other), False, value) for value, other in others[:room]]
        out[slug] = chosen
    return out
