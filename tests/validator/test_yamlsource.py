"""The YAML reader (zodoenwedat.yamlsource): positions, tags, aliases, nesting, decoding."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
import yaml.scanner
from support.hostile import BILLION_LAUGHS, DEEP_YAML

from zodoenwedat.yamlsource import MAX_DEPTH, load_located, scalar_source


class _ScannerWithFlowLimit(yaml.SafeLoader):
    """A loader whose scanner refuses flow nesting past 300 levels, as 6.0.4's libyaml does past 1,000."""

    def fetch_more_tokens(self):
        if self.flow_level > 300:
            raise yaml.scanner.ScannerError("while scanning", None, "some scanner's own words", self.get_mark())
        return super().fetch_more_tokens()


class TestYamlSource:
    def test_positions_of_keys_and_values_are_one_based_and_offset(self):
        located = load_located("title: Ruwaard\npartners:\n  - type: gemeente\n    name: Oss\n", line_offset=1)
        assert located.issues == []
        assert located.key_positions[("title",)] == (2, 1)
        assert located.positions[("title",)] == (2, 8)
        assert located.positions[("partners", 0, "type")] == (4, 11)
        assert located.key_positions[("partners", 0, "name")] == (5, 5)
        # A scalar points at its value, a collection at its key, a missing path at its parent.
        assert located.where(("partners", 0, "name")) == (5, 11)
        assert located.where(("partners",)) == (3, 1)
        assert located.where(("partners", 0, "role")) == (4, 5)
        assert located.where(("nothing",)) == (2, 1)

    def test_flow_sequence_items_have_their_own_columns(self):
        located = load_located("themes: [a, bb, ccc]\n")
        assert [located.where(("themes", i)) for i in range(3)] == [(1, 10), (1, 13), (1, 17)]

    def test_implicit_typing_is_kept_for_the_schema_to_judge(self):
        located = load_located("a: 2024-01-01\nb: yes\nc: 1234\nd: '2024'\ne: 1.5\nf: ~\n")
        assert located.value == {"a": dt.date(2024, 1, 1), "b": True, "c": 1234, "d": "2024", "e": 1.5, "f": None}
        assert [scalar_source(v) for v in located.value.values()] == [
            "datum",
            "ja/nee-waarde",
            "getal",
            "tekst",
            "getal",
            "lege waarde",
        ]

    def test_impossible_date_is_reported_on_its_value(self):
        located = load_located("x: 1\ndate: 2022-04-31\n")
        assert [(i.line, i.column, i.code) for i in located.issues] == [(2, 7, "invalid-date")]
        assert located.value["date"] is None

    def test_duplicate_key(self):
        located = load_located("title: a\nplace: b\ntitle: c\n")
        assert [(i.line, i.column, i.code) for i in located.issues] == [(3, 1, "duplicate-key")]
        assert located.value["title"] == "a"

    @pytest.mark.parametrize(
        "text, column",
        [
            ("title: !!python/object/apply:os.system ['ls']\n", 8),
            ("title: !!str Ruwaard\n", 8),
            ("title: !custom Ruwaard\n", 8),
            ("title: ! Ruwaard\n", 8),
            ("themes: !!seq [a]\n", 9),
            ("contact: !!map {organisation: x}\n", 10),
        ],
    )
    def test_every_tag_is_reported_once(self, text, column):
        located = load_located(text)
        assert [(i.line, i.column, i.code) for i in located.issues] == [(1, column, "yaml-tag")]

    def test_tags_inside_quotes_or_comments_are_text(self):
        located = load_located("title: '!!str x'\nplace: Oss # !!str\n")
        assert located.issues == []
        assert located.value == {"title": "!!str x", "place": "Oss"}

    def test_alias_is_reported_where_it_is_written_and_not_expanded(self):
        text = "a: &x [lol, lol]\nb: [*x, *x]\nc: *x\n"
        located = load_located(text, line_offset=10)
        assert [(i.line, i.column, i.code) for i in located.issues] == [(12, 5, "yaml-alias"), (13, 4, "yaml-alias")]
        assert located.value == {"a": ["lol", "lol"], "b": [None, None], "c": None}

    def test_billion_laughs_is_not_expanded(self):
        located = load_located(BILLION_LAUGHS)
        assert {i.line for i in located.issues if i.code == "yaml-alias"} == set(range(2, 10))
        # Each alias stays one empty value: 9 lines of at most 9 items, not 9**9 "lol"s.
        assert located.value["a"] == ["lol"] * 9
        assert all(located.value[name] == [None] * 9 for name in "bcdefghi")

    def test_merge_key_and_complex_key(self):
        located = load_located("a:\n  <<: {b: 1}\n? [x]\n: y\n")
        assert [(i.line, i.column, i.code) for i in located.issues] == [(2, 3, "yaml-merge"), (3, 3, "yaml-key")]

    @pytest.mark.parametrize(
        "text, line, column, hint",
        [
            ("title: Wonen: zorg\n", 1, 13, "dubbele punt"),
            ("title: [a, b\n", 2, 1, "niet gesloten"),
            ("title: 'abc\n", 2, 1, "niet gesloten"),
            ("a:\n  b: 1\n\tc: 2\n", 3, 1, "tab"),
            ("title: @x\n", 1, 8, "aanhalingstekens"),
        ],
    )
    def test_syntax_errors_have_a_position_and_a_dutch_hint(self, text, line, column, hint):
        located = load_located(text)
        assert len(located.issues) == 1
        issue = located.issues[0]
        assert (issue.line, issue.column, issue.code) == (line, column, "yaml-syntax")
        assert issue.message.startswith("De YAML kan niet gelezen worden")
        assert hint in issue.message

    @pytest.mark.parametrize("text", DEEP_YAML.values(), ids=DEEP_YAML.keys())
    def test_deep_nesting_is_refused_without_crashing(self, text):
        # libyaml's composer would overflow the C stack (a segfault, not an exception).
        located = load_located(text)
        assert [i.code for i in located.issues] == ["yaml-too-deep"]
        assert located.value is None

    @pytest.mark.parametrize("loader", ["installed", "pure-python", "scanner-refuses-deep-flow"])
    @pytest.mark.parametrize(
        ("text", "column"),
        [
            # The top-level mapping is the first level, so the 100th opening bracket is one too many.
            ("title: " + "[" * 100_000 + "]" * 100_000, len("title: ") + MAX_DEPTH),
            ("title: " + "[" * 100_000, len("title: ") + MAX_DEPTH),
            ("title: " + "{a: " * 50_000 + "}" * 50_000, len("title: ") + (MAX_DEPTH - 1) * len("{a: ") + 1),
        ],
        ids=["flow-100k", "flow-100k-unclosed", "flow-maps-50k"],
    )
    def test_deep_flow_nesting_is_too_deep_whatever_the_pyyaml(self, monkeypatch, loader, text, column):
        # PyYAML up to 6.0.3 lets libyaml's scanner nest flows without limit; 6.0.4's
        # scanner refuses deep flow nesting itself, reading ahead of the events, with a
        # message of its own. Either way the editor hears "too deep", at the first level
        # too many, whatever a scanner's own limit or message is.
        from zodoenwedat import yamlsource

        if loader == "pure-python":
            monkeypatch.setattr(yamlsource, "_Loader", yaml.SafeLoader)
        elif loader == "scanner-refuses-deep-flow":
            monkeypatch.setattr(yamlsource, "_Loader", _ScannerWithFlowLimit)
        located = load_located(text)
        assert [(i.line, i.column, i.code) for i in located.issues] == [(1, column, "yaml-too-deep")]
        assert located.value is None

    def test_nesting_up_to_the_limit_is_fine(self):
        depth = MAX_DEPTH - 1  # plus the top-level mapping
        located = load_located("title: " + "[" * depth + "]" * depth + "\n")
        assert located.issues == []
