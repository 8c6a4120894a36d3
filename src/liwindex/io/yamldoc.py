"""Reading YAML files safely, with the line of every path for error messages.

The safe loader builds no Python objects. Anchors and aliases are allowed, but a document
that would expand to an absurd size (the "billion laughs" attack) is refused before anything
walks it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.io.yamlerrors import Mistake, explain, explain_reader_error, text_document
from liwindex.messages.fragments import YAML_KINDS, YAML_SHAPES
from liwindex.problems import InputError, Report

MAX_YAML_BYTES = 5_000_000
MAX_EXPANDED_NODES = 200_000

if TYPE_CHECKING:  # PyYAML is imported when a document is parsed (a cached run needs none)
    import yaml

YamlPath = tuple[str | int, ...]


def format_path(path: YamlPath) -> str:
    """``('dimensions', 0, 'areas')`` → ``dimensions[0].areas``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(root)"


@dataclass
class YamlDocument:
    """Parsed data and the line of each path in it."""

    name: str
    data: Any
    lines: dict[YamlPath, int]

    def line_of(self, path: YamlPath) -> int | None:
        """The line of ``path``, or of its closest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())

    def locate(self, path: YamlPath) -> dict[str, Any]:
        """``file``, ``yaml_path`` and ``line`` fields for a problem at ``path``."""
        return {"file": self.name, "yaml_path": format_path(path), "line": self.line_of(path)}


def read_yaml_file(
    path: str | Path, report: Report, limit: int = MAX_YAML_BYTES, too_large: str = "yaml-too-large"
) -> str:
    """The text of a YAML file; problems (missing, larger than ``limit`` bytes, not UTF-8)
    raise InputError (a file too large is refused by its size, before it is read, with the
    message ``too_large``)."""
    from liwindex.io.inputs import remember_input

    path = Path(path)
    name = str(path)
    if not path.exists():
        report.add("file-not-found", file=name)
    elif path.is_dir():
        report.add("file-is-directory", file=name)
    elif not path.is_file():  # /dev/zero, a FIFO, a socket: reading would never end
        report.add("not-a-regular-file", file=name)
    elif (size := path.stat().st_size) > limit:
        report.add(too_large, file=name, limit=limit, size=size)
    report.raise_if_invalid()
    remember_input(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # the file may grow after the check
        if len(data) > limit:
            report.add(too_large, file=name, limit=limit, size=f"{limit}+")
            raise InputError(report)
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.add("yaml-not-utf8", file=name)
        raise InputError(report) from None
    except OSError as exc:
        report.add("file-unreadable", file=name, detail=exc.strerror or str(exc))
        raise InputError(report) from None


class TooManyNodes(Exception):
    """Raised while a document is read when it has more nodes than allowed."""

    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def parse_yaml(
    text: str,
    name: str,
    report: Report,
    kind: str = "questionnaire",
    max_nodes: int | None = None,
    too_many: tuple[str, int] | None = None,
) -> YamlDocument:
    """Parse one YAML mapping; syntax errors, a non-mapping document and alias bombs raise
    :class:`InputError`. Duplicate keys are added to ``report``. ``kind`` (questionnaire,
    metryka, mapping) says what a document that is no mapping should have been.

    With ``max_nodes``, reading stops at the node past it (while parsing, not after: a
    document of 200,000 entries is refused in a second, not after half a minute) with the
    message ``too_many`` = (code, the limit it states) at that line."""
    import yaml

    mistake: Mistake | None = None
    try:
        loader = _loader()(text)
        loader.node_limit = max_nodes
        try:
            node = loader.get_single_node()
            if node is not None and _expanded_size(node, {}) > MAX_EXPANDED_NODES:
                report.add("yaml-too-complex", file=name, limit=MAX_EXPANDED_NODES)
                raise InputError(report)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mistake = explain(exc, text)
    except yaml.reader.ReaderError as exc:
        mistake = explain_reader_error(exc, text)
    except yaml.YAMLError:
        mistake = Mistake("yaml-syntax", None, None)
    except RecursionError:
        report.add("yaml-too-complex", file=name, limit=MAX_EXPANDED_NODES)
        raise InputError(report) from None
    except TooManyNodes as exc:
        code, limit = too_many or ("yaml-too-complex", max_nodes or 0)
        report.add(code, file=name, line=exc.line, limit=limit)
        raise InputError(report) from None
    if mistake is None and isinstance(data, str) and isinstance(node, yaml.ScalarNode) and not node.style:
        mistake = text_document(text, node.start_mark.line, node.start_mark.column)
    if mistake is not None:
        column = str(mistake.column) if mistake.column is not None else None
        report.add(mistake.code, file=name, line=mistake.line, column=column, **mistake.params)
        raise InputError(report)
    if not isinstance(data, dict):
        shape = YAML_SHAPES["empty" if data is None else "list" if isinstance(data, list) else "text"]
        report.add("yaml-not-mapping", file=name, line=1, found=shape, kind=YAML_KINDS[kind])
        raise InputError(report)
    lines: dict[YamlPath, int] = {}
    _index_lines(node, (), lines, report, name, set())
    return YamlDocument(name=name, data=data, lines=lines)


@functools.cache
def _loader() -> type[yaml.SafeLoader]:
    """PyYAML's safe loader, except that a date that does not exist (``rok: 2025-02-30``)
    stays the text it is instead of failing deep inside the loader: the field that holds it
    reports it as a wrong value."""
    import yaml

    class Loader(yaml.SafeLoader):
        node_limit: int | None = None
        nodes = 0

        def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
            self.nodes += 1
            if self.node_limit is not None and self.nodes > self.node_limit:
                raise TooManyNodes(self.peek_event().start_mark.line + 1)
            return super().compose_node(parent, index)

        def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def _expanded_size(node: yaml.Node, memo: dict[int, int]) -> int:
    """How many nodes the document has once aliases are expanded (computed without
    expanding them)."""
    import yaml

    key = id(node)
    if key in memo:
        return memo[key]
    memo[key] = 1  # a recursive alias counts once instead of looping
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [n for pair in node.value for n in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    # a string counts one node per 100 characters: an alias bomb of long strings expands
    # to gigabytes with few nodes
    own = 1 + (len(node.value) // 100 if isinstance(node, yaml.ScalarNode) else 0)
    total = own + sum(_expanded_size(child, memo) for child in children)
    memo[key] = min(total, MAX_EXPANDED_NODES + 1)
    return memo[key]


def _index_lines(
    node: yaml.Node, path: YamlPath, lines: dict[YamlPath, int], report: Report, name: str, seen: set[int]
) -> None:
    import yaml

    lines.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:  # an alias: its lines are those of its anchor
        return
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, int] = {}  # each key and its first line
        for key_node, value_node in node.value:
            key = key_node.value
            if key in keys:
                report.add(
                    "yaml-duplicate-key",
                    file=name,
                    yaml_path=format_path((*path, key)),
                    line=key_node.start_mark.line + 1,
                    column=str(key_node.start_mark.column + 1),
                    value=key,
                    first=keys[key],
                )
            keys.setdefault(key, key_node.start_mark.line + 1)
            _index_lines(value_node, (*path, key), lines, report, name, seen)
            lines[(*path, key)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index_lines(item, (*path, i), lines, report, name, seen)
