"""The generated pages (cases, listings, overview, webinars, fields) as plain data with HTML."""
