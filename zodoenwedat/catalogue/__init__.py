"""The catalogue: the read model over a valid repository (cross-links, organisations, related
cases, vocabularies) and the site's public URLs. Every output depends on this layer only."""
