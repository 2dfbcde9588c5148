"""Hostile input that once made the validator slow: shared by the tests (which check what comes
out) and the validate benchmark (which times it: speed lives in benchmarks, not in tests)."""

from __future__ import annotations

# Body lines of about 90,000 characters, each aimed at one scanner of zodoenwedat/body.py or
# zodoenwedat/textrules.py; quadratic behaviour took 15 to 50 seconds on some of them.
PATHOLOGICAL_LINES = {
    "img-openers": "![" * 45_000,
    "openers": "[" * 90_000,
    "escaped": "\\[" * 45_000,
    "refs": "[x]" * 30_000,
    "fence": "`" * 90_000,
    "backticks": "a" + "`" * 90_000 + "a",
    "spans": "`a" * 45_000,
    "closers": "](" * 45_000,
    "dests": "[a](" * 22_000,
    "autolinks": "<a:" * 30_000,
    "braces": "{ " * 45_000,
    "digits": "1 " * 45_000,
    "refdef": "[" * 45_000 + "]:" + " " * 40_000,
    "quotes": "> " * 45_000 + "x",
    "lists": "- " * 45_000 + "x",
    "h2-hashes": "## " + "# " * 45_000 + "x",
    "h2-spaces": "## a" + " " * 90_000 + "x",
}

# Nine levels of nine aliases: expanded, 9**9 "lol"s.
BILLION_LAUGHS = (
    "\n".join(
        ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        + [f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]" for prev, name in zip("abcdefgh", "bcdefghi", strict=True)]
    )
    + "\n"
)

# Front matter nested too deep for the reader (yamlsource.MAX_DEPTH); libyaml's composer would
# overflow the C stack on some (a segfault, not an exception).
DEEP_YAML = {
    "flow-100k": "title: " + "[" * 100_000 + "]" * 100_000,
    "flow-100k-unclosed": "title: " + "[" * 100_000,
    "flow-maps-50k": "title: " + "{a: " * 50_000 + "}" * 50_000,
    "block-lists": "".join(" " * i + "- x:\n" for i in range(0, 400, 2)),
    "compact-lists": "- " * 5_000 + "x\n",
    "block-maps": "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 300)),
}
