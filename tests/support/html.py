"""The text a visitor reads on a built page."""

from __future__ import annotations

from html.parser import HTMLParser

# Void elements never get an end tag, so they never open a level of nesting.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Attributes whose text a visitor reads or hears (screen readers read aria-label and alt).
READ_ATTRIBUTES = ("alt", "title", "aria-label", "placeholder")


def visible_text(html_text: str, *, within: str | None = None, skip_ids: tuple[str, ...] = (), attributes: bool = True) -> str:
    """The text a visitor reads on a page: text nodes (not scripts or styles) and the
    attributes in READ_ATTRIBUTES, one piece per line.

    ``within``: only inside the first element with this tag (``"article"``: the page's own
    content, without the theme's header, navigation and footer). ``skip_ids``: leave out
    every element labelled by, or with, one of these ids (``"zd-bronnen"``: a case's
    sources list, ``<section aria-labelledby="zd-bronnen">``)."""

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, inside `within`)
            self.seen_within = False

        def _state(self):
            return self.stack[-1][1:] if self.stack else (False, within is None)

        def handle_starttag(self, tag, attrs):
            skipped, inside = self._state()
            values = dict(attrs)
            skipped = (
                skipped
                or tag in ("script", "style", "template")
                or any(values.get(name) in skip_ids for name in ("id", "aria-labelledby"))
            )
            if within is not None and tag == within and not self.seen_within:
                self.seen_within, inside = True, True
            if inside and not skipped and attributes:
                self.parts += [values[name] for name in READ_ATTRIBUTES if values.get(name)]
            if tag not in _VOID:
                self.stack.append((tag, skipped, inside))

        def handle_startendtag(self, tag, attrs):
            self.handle_starttag(tag, attrs)
            if tag not in _VOID and self.stack and self.stack[-1][0] == tag:
                self.stack.pop()

        def handle_endtag(self, tag):
            for index in range(len(self.stack) - 1, -1, -1):  # forgiving, like a browser
                if self.stack[index][0] == tag:
                    del self.stack[index:]
                    break

        def handle_data(self, data):
            skipped, inside = self._state()
            if inside and not skipped and data.strip():
                self.parts.append(data.strip())

    reader = Reader()
    reader.feed(html_text)
    reader.close()
    return "\n".join(reader.parts)
