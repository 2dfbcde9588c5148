"""Related-case ranking (zodoenwedat.site.related) against its definition, written out plainly.

The site ranks with bit sets for speed; this test ranks the same catalogues the obvious way
(score every other case by counting shared terms) and expects the same lists.
"""

from __future__ import annotations

import shutil
import sys

import pytest
from sitekit import REPO

from zodoenwedat.repository import load_repository
from zodoenwedat.site.catalogue import build_catalogue
from zodoenwedat.site.related import MAX_RELATED, MIN_SCORE, WEIGHTS, Related, rank_related, reason

sys.path.insert(0, str(REPO / "scripts"))
import synthetic  # noqa: E402


def plainly_ranked(catalogue) -> dict[str, list[Related]]:
    """The definition: the editors' picks first, then the highest weighted overlap of themes,
    partner types, target groups and province (at least MIN_SCORE), the newest first on ties."""
    position = {entry.slug: i for i, entry in enumerate(catalogue.cases)}

    def score(a, b) -> int:
        return sum(weight * len(set(a.codes(v)) & set(b.codes(v))) for v, weight in WEIGHTS.items())

    out = {}
    for entry in catalogue.cases:
        picked = [s for s in entry.case.related if s in catalogue.by_slug and s != entry.slug]
        chosen = [Related(s, reason(catalogue, entry.slug, s) or "gekozen door de redactie", True, score(entry, catalogue.by_slug[s])) for s in picked]
        others = [
            (score(entry, other), other.slug) for other in catalogue.cases if other.slug != entry.slug and other.slug not in picked
        ]
        others = sorted((item for item in others if item[0] >= MIN_SCORE), key=lambda item: (-item[0], position[item[1]]))
        room = max(0, MAX_RELATED - len(chosen))
        chosen += [Related(slug, reason(catalogue, entry.slug, slug), False, value) for value, slug in others[:room]]
        out[entry.slug] = chosen
    return out


def test_the_real_cases_are_ranked_as_defined():
    catalogue = build_catalogue(load_repository(REPO))
    assert rank_related(catalogue) == plainly_ranked(catalogue)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_synthetic_catalogues_are_ranked_as_defined(tmp_path, seed):
    root = tmp_path / "repo"
    (root / "cases").mkdir(parents=True)
    shutil.copytree(REPO / "data", root / "data")
    (root / "data" / "webinars.yml").write_text("[]\n", encoding="utf-8")
    (root / "data" / "published-urls.txt").unlink()
    synthetic.write_cases(synthetic.generate_cases(300, data_dir=REPO / "data", seed=seed), root / "cases")
    repo = load_repository(root)
    assert not repo.problems, [p.as_text() for p in repo.problems][:3]
    catalogue = build_catalogue(repo)
    ranked = rank_related(catalogue)
    assert ranked == plainly_ranked(catalogue)
    assert sum(len(v) for v in ranked.values()) > 300 * 3  # most cases have related cases
    assert any(r.picked for v in ranked.values() for r in v)  # and the editors' picks are in it
