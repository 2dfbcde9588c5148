"""Search on Pagefind: the index (cases from the catalogue, pages from their HTML), the finder and the header search."""
