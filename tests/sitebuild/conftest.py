"""The site-building helpers live in tests/sitekit.py (shared with the browser and quality tests)."""

from sitekit import REPO, BuiltSite, build_site, case_text, copy_repo, run_build  # noqa: F401
