"""Related-case ranking: the site's bit-set ranking (RelatedCases) against the plain
definition (rank_plainly) on the real catalogue and on synthetic ones."""

from __future__ import annotations

import shutil

import pytest
from support import REPO, synthetic

from zodoenwedat.catalogue.catalogue import build_catalogue
from zodoenwedat.catalogue.related import rank_plainly, rank_related
from zodoenwedat.repository import load_repository


def test_the_real_cases_are_ranked_as_defined():
    catalogue = build_catalogue(load_repository(REPO))
    assert rank_related(catalogue) == rank_plainly(catalogue)


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
    assert ranked == rank_plainly(catalogue)
    assert sum(len(v) for v in ranked.values()) > 300 * 3  # most cases have related cases
    assert any(r.picked for v in ranked.values() for r in v)  # and the editors' picks are in it
