"""Zo doen we dat: practice examples of housing, care, welfare and municipalities working together.

The package is a pure core (loading, validating and cross-linking case files,
building pages, search index, calendar and embeds) with one thin adapter for
MkDocs in :mod:`zodoenwedat.plugin`.
"""

__version__ = "0.1.0"
