"""Search: the finder's prebuilt lunr index (Dutch) and the header search entries."""
