"""Read YAML into plain Python values while remembering where every value stands.

PyYAML's composer (the C one from libyaml where available) gives a node tree with
positions; we build the Python values ourselves so that we can

* remember the line and column of every key and value (``Located.positions``),
* refuse YAML tags (``!!python/object``), anchors and aliases, duplicate keys,
* keep the type YAML's implicit typing chose (a date where text was meant is
  reported by the schema, not silently turned into text).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is much faster; fall back to the pure-Python loader.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform's PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from yaml.constructor import SafeConstructor

KeyPath = tuple  # a path into the data: ("partners", 0, "name")

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT, _FLOAT, _TS = (
    _TAG + "str",
    _TAG + "null",
    _TAG + "bool",
    _TAG + "int",
    _TAG + "float",
    _TAG + "timestamp",
)
_SEQ, _MAP, _MERGE = _TAG + "seq", _TAG + "map", _TAG + "merge"
_SCALAR_TAGS = {_STR, _NULL, _BOOL, _INT, _FLOAT, _TS}
_CONSTRUCTOR = SafeConstructor()


@dataclass
class YamlIssue:
    line: int  # 1-based, in the file
    column: int  # 1-based
    code: str
    message: str


@dataclass
class Located:
    """A YAML document as Python values plus the position of every node."""

    value: Any
    positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)
    issues: list[YamlIssue] = field(default_factory=list)
    issue_paths: set[KeyPath] = field(default_factory=set)  # values replaced by None after an issue
    line_offset: int = 0  # file line of the YAML text's first line, minus one

    def where(self, path: KeyPath) -> tuple[int, int]:
        """Best position for a path: a scalar's value, a collection's key, else the nearest parent."""
        path = tuple(path)
        while path:
            if path in self.positions:
                if path in self.key_positions and not _is_scalar_at(self.value, path):
                    return self.key_positions[path]
                return self.positions[path]
            if path in self.key_positions:
                return self.key_positions[path]
            path = path[:-1]
        return self.positions.get((), (self.line_offset + 1, 1))

    def key_where(self, path: KeyPath) -> tuple[int, int]:
        path = tuple(path)
        if path in self.key_positions:
            return self.key_positions[path]
        return self.where(path)


def _is_scalar_at(value: Any, path: KeyPath) -> bool:
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return True
    return not isinstance(value, (list, dict))


_PARSER_HINTS = [
    (
        "mapping values are not allowed",
        "er staat een dubbele punt (:) op een plek waar dat niet mag; zet de hele tekst tussen aanhalingstekens",
    ),
    ("found character '\\t'", "er staat een tab; gebruik spaties om in te springen"),
    ("tab character", "er staat een tab; gebruik spaties om in te springen"),
    ("did not find expected ',' or ']'", "een [ is niet gesloten met ], of er ontbreekt een komma tussen de waarden"),
    ("did not find expected ',' or '}'", "een { is niet gesloten met }, of er ontbreekt een komma tussen de velden"),
    (
        "did not find expected '-' indicator",
        "regels met '- ' (een lijst) en regels 'veld: waarde' lopen door elkaar; controleer de inspringing",
    ),
    (
        "cannot start any token",
        "een waarde begint met een teken dat YAML niet toestaat (zoals @, ` of %) of er staat een tab; zet de tekst tussen aanhalingstekens",
    ),
    ("could not find expected ':'", "er ontbreekt een dubbele punt (:) na een veldnaam, of een aanhalingsteken is niet gesloten"),
    ("found unexpected end of stream", "een aanhalingsteken of haakje is niet gesloten"),
    ("found unknown escape character", "een backslash (\\) binnen dubbele aanhalingstekens; gebruik enkele aanhalingstekens"),
    ("did not find expected key", "de inspringing klopt niet of er staat tekst zonder veldnaam"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("found undefined alias", "een * (alias) is niet toegestaan; zet de tekst tussen aanhalingstekens"),
    ("found undefined tag handle", "een ! (YAML-tag) is niet toegestaan; zet de tekst tussen aanhalingstekens"),
    ("expected a single document", "er staat meer dan één YAML-document; gebruik geen regel met alleen --- in de kop"),
    ("special characters are not allowed", "het bestand bevat onzichtbare of niet-toegestane tekens"),
    ("unacceptable character", "het bestand bevat onzichtbare of niet-toegestane tekens"),
    ("while scanning an anchor", "een & (anker) is niet toegestaan; zet de tekst tussen aanhalingstekens"),
    ("while scanning an alias", "een * (alias) is niet toegestaan; zet de tekst tussen aanhalingstekens"),
]


def _parser_message(exc: yaml.YAMLError) -> str:
    text = str(exc)
    for needle, hint in _PARSER_HINTS:
        if needle in text:
            return f"De YAML kan niet gelezen worden: {hint}."
    problem = getattr(exc, "problem", None) or text.splitlines()[0]
    return f"De YAML kan niet gelezen worden ({problem}). Controleer inspringing, dubbele punten en aanhalingstekens."


# Deeper nesting than this is refused before composing: libyaml's composer recurses
# in C without a depth check and crashes the interpreter (segfault) at ~50 000 levels.
MAX_DEPTH = 100
# Every collection starts with an indicator of its own: [ or { (a [ can also hold a
# one-pair mapping), or -, ? or : followed by a blank (YAML 1.1 line breaks included).
_INDICATOR_RE = re.compile(r"[-?:](?=[ \t\r\n\x85\u2028\u2029]|\Z)|[\[{]")
_ALIAS = "Ankers en aliassen (& en *) zijn niet toegestaan; schrijf de waarde voluit."
_TOO_DEEP = "De YAML is te diep genest; gebruik een eenvoudige opbouw zoals in het sjabloon."


def _prescan(text: str) -> tuple[Any, list[tuple[int, int, str]], list[tuple[int, int]]]:
    """(mark where the nesting gets too deep or None, [(line0, col0, tag)], [(line0, col0) of each alias]).

    The composer forgets whether a tag was written (``!!str x`` and ``x`` give the same
    node) and where an alias stood (it is the anchored node again), and it recurses per
    level; the event stream is flat and keeps all that. It is only walked when the text
    can contain a tag, an alias or deep nesting: every collection needs an indicator of
    its own, so counting those bounds the depth (cheaply first, then tighter).
    """
    if (
        "!" not in text
        and "*" not in text
        and (
            sum(text.count(ch) for ch in "[{-?:") <= MAX_DEPTH or len(_INDICATOR_RE.findall(text)) + text.count("[") <= MAX_DEPTH
        )
    ):
        return None, [], []
    walk = _EventWalk()
    try:
        walk.run(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        # Some PyYAML builds (6.0.4's libyaml) refuse deep flow nesting in their scanner,
        # which reads ahead of the events, with a message of their own. Whatever the error,
        # if the text between the last event and the error holds enough indicators to go
        # too deep, walk the text before the error again with the pure-Python parser, which
        # has no such limit: deep nesting is then reported as such by any PyYAML.
        mark = exc.problem_mark or exc.context_mark
        end = mark.index if mark is not None else len(text)
        unread = text[walk.index : end]
        if walk.depth + len(_INDICATOR_RE.findall(unread)) + unread.count("[") > MAX_DEPTH:
            again = _EventWalk()
            try:
                again.run(yaml.parse(text[:end], Loader=yaml.SafeLoader))
            except yaml.YAMLError:
                pass  # the composer below reports the error
            walk.too_deep = again.too_deep
    except yaml.YAMLError:
        pass  # the composer below reports it
    return walk.too_deep, walk.tags, walk.aliases


class _EventWalk:
    """Walks a YAML event stream: tags, aliases, and the mark where it first gets too deep."""

    def __init__(self) -> None:
        self.depth = 0
        self.index = 0  # where the last event read ends
        self.too_deep: Any = None
        self.tags: list[tuple[int, int, str]] = []
        self.aliases: list[tuple[int, int]] = []

    def run(self, events: Any) -> None:
        for event in events:
            self.index = event.end_mark.index
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                self.depth += 1
                if self.depth > MAX_DEPTH:
                    self.too_deep = event.start_mark
                    return
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                self.depth -= 1
            elif isinstance(event, yaml.AliasEvent) and event.start_mark is not None:
                self.aliases.append((event.start_mark.line, event.start_mark.column))
            if getattr(event, "tag", None) is not None:
                self.tags.append((event.start_mark.line, event.start_mark.column, event.tag))


def load_located(text: str, line_offset: int = 0) -> Located:
    """Parse ``text`` (one YAML document). ``line_offset`` is added to every line."""
    result = Located(value=None, line_offset=line_offset)
    too_deep, tags, aliases = _prescan(text)
    if too_deep is not None:
        result.issues.append(YamlIssue(too_deep.line + 1 + line_offset, too_deep.column + 1, "yaml-too-deep", _TOO_DEEP))
        return result
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        result.issues.append(YamlIssue(line + line_offset, col, "yaml-syntax", _parser_message(exc)))
        return result
    except yaml.YAMLError as exc:
        result.issues.append(YamlIssue(line_offset + 1, 1, "yaml-syntax", _parser_message(exc)))
        return result
    except RecursionError:
        result.issues.append(
            YamlIssue(
                line_offset + 1,
                1,
                "yaml-too-deep",
                "De YAML is te diep genest; gebruik een eenvoudige opbouw zoals in het sjabloon.",
            )
        )
        return result
    if node is None:
        return result
    builder = _Builder(result, line_offset)
    try:
        result.value = builder.build(node, ())
    except RecursionError:
        result.issues.append(
            YamlIssue(
                line_offset + 1,
                1,
                "yaml-too-deep",
                "De YAML is te diep genest; gebruik een eenvoudige opbouw zoals in het sjabloon.",
            )
        )
        result.value = None
    if aliases:
        # The builder sees an alias as the anchored node again, so it can only point at the
        # anchor; report each alias where it is written instead (once per line).
        result.issues = [issue for issue in result.issues if issue.code != "yaml-alias"]
        for line in sorted({line for line, _ in aliases}):
            column = min(col for other, col in aliases if other == line)
            result.issues.append(YamlIssue(line + 1 + line_offset, column + 1, "yaml-alias", _ALIAS))
    # Tags that resolve to an ordinary type (!!str, !!int, !!map, a lone !) pass the
    # builder; they are still tags, so report each one not reported already.
    reported = {(issue.line, issue.column) for issue in result.issues if issue.code == "yaml-tag"}
    for line, column, tag in tags:
        where = (line + 1 + line_offset, column + 1)
        if where not in reported:
            shown = tag.replace(_TAG, "!!")
            result.issues.append(YamlIssue(*where, "yaml-tag", f"YAML-tags zoals {shown} zijn niet toegestaan; haal de tag weg."))
    return result


class _Builder:
    def __init__(self, result: Located, line_offset: int):
        self.result = result
        self.offset = line_offset
        self.seen: set[int] = set()
        self.path: KeyPath = ()

    def _pos(self, node: yaml.Node) -> tuple[int, int]:
        return (node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def _issue(self, node: yaml.Node, code: str, message: str) -> None:
        self.result.issue_paths.add(self.path)
        line, col = self._pos(node)
        self.result.issues.append(YamlIssue(line, col, code, message))

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        mark = node.start_mark
        self.result.positions[path] = (mark.line + 1 + self.offset, mark.column + 1)
        self.path = path
        if id(node) in self.seen:
            # The same node object again: an alias (*name) to an anchor (&name).
            self._issue(node, "yaml-alias", _ALIAS)
            return None
        self.seen.add(id(node))
        kind = type(node)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        if node.tag not in (_SEQ, _MAP):
            self._issue(
                node, "yaml-tag", f"YAML-tags zoals {node.tag.replace(_TAG, '!!')} zijn niet toegestaan; haal de tag weg."
            )
            return None
        if kind is yaml.SequenceNode:
            return [self._child(item, path + (i,)) for i, item in enumerate(node.value)]
        mapping: dict = {}
        key_positions = self.result.key_positions
        for key_node, value_node in node.value:
            if type(key_node) is not yaml.ScalarNode:
                self.path = path
                self._issue(key_node, "yaml-key", "Een veldnaam moet gewone tekst zijn.")
                continue
            if key_node.tag == _MERGE:
                self.path = path
                self._issue(key_node, "yaml-merge", "Samenvoegen met << is niet toegestaan; schrijf de velden voluit.")
                continue
            key = key_node.value
            if key in mapping:
                self.path = path
                self._issue(key_node, "duplicate-key", f"Het veld '{key}' staat twee keer in dit blok; houd er één over.")
                continue
            child = path + (key,)
            key_mark = key_node.start_mark
            key_positions[child] = (key_mark.line + 1 + self.offset, key_mark.column + 1)
            mapping[key] = self._child(value_node, child)
        return mapping

    def _child(self, node: yaml.Node, path: KeyPath) -> Any:
        """Plain text, by far the most common value, without the general path; else build()."""
        if type(node) is yaml.ScalarNode and node.tag == _STR and id(node) not in self.seen:
            self.seen.add(id(node))
            mark = node.start_mark
            self.result.positions[path] = (mark.line + 1 + self.offset, mark.column + 1)
            return node.value
        return self.build(node, path)

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag not in _SCALAR_TAGS:
            self._issue(node, "yaml-tag", f"YAML-tags zoals {tag.replace(_TAG, '!!')} zijn niet toegestaan; haal de tag weg.")
            return None
        if tag == _STR:
            return node.value
        if tag == _TS and len(node.value) == 10:  # YYYY-MM-DD, the common case: skip the generic constructor
            try:
                return _dt.date.fromisoformat(node.value)
            except ValueError:
                pass  # an impossible date: reported below
        try:
            value = _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, node)
        except (ValueError, OverflowError, TypeError):
            if tag == _TS:
                self._issue(node, "invalid-date", f"De datum '{node.value}' bestaat niet; controleer dag en maand (JJJJ-MM-DD).")
            else:
                self._issue(
                    node,
                    "yaml-value",
                    f"De waarde '{node.value[:40]}' kan niet gelezen worden; zet haar tussen aanhalingstekens.",
                )
            return None
        if isinstance(value, _dt.datetime):
            # A date with a time in a place where a date is expected: keep it, the schema decides.
            return value
        return value


def scalar_source(value: Any) -> str:
    """How a non-text value that YAML produced looks to an editor."""
    if isinstance(value, bool):
        return "ja/nee-waarde"
    if isinstance(value, (int, float)):
        return "getal"
    if isinstance(value, (_dt.date, _dt.datetime)):
        return "datum"
    if value is None:
        return "lege waarde"
    if isinstance(value, list):
        return "lijst"
    if isinstance(value, dict):
        return "blok met velden"
    return "tekst"
