"""Turning a validated repository into the pages and files of the site (no MkDocs here)."""
