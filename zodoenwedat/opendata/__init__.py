"""Open data: the Atom feed, the cases as JSON and CSV, schema.org JSON-LD and the sitemap."""
