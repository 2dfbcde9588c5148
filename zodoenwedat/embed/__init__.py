"""Embedding: standalone case pages for iframes, the snippet, oEmbed and hosting headers."""
