"""PyYAML's syntax errors as the user's mistake: which one, at which line and column.

PyYAML explains what its scanner or parser expected, often on the line after the mistake
("could not find expected ':'" is reported where the next line starts). People who edit a
``metryka.yaml`` or a questionnaire make a handful of mistakes — a field without its colon,
a tab, a quote or bracket left open, a line indented to no level — so each error is matched to
one of them and placed where the user has to type. The tokens the scanner produced before the
error say which: a plain text that runs over two lines ends in a missing colon when it is a
key, in a wrong indentation when it is a value. What matches none of them is a plain
"cannot read this place" at PyYAML's own mark.

Everything here runs only once a document has failed, on text already capped by
:data:`liwindex.io.yamldoc.MAX_YAML_BYTES`; the line scans are plain string methods, linear
in the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

# PyYAML's line breaks (yaml.reader.Reader.forward), so that line numbers agree with its marks
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
# characters that start something else than a plain value when they begin one
_RESERVED = "@`%*&!|>"
_CLOSING = {"{": "}", "[": "]"}
# a suggested fix quotes at most this much of the user's line
_MAX_SHOWN = 80


@dataclass(frozen=True)
class Mistake:
    """One syntax mistake: its problem code, 1-based line and column, message parameters."""

    code: str
    line: int | None
    column: int | None
    params: dict[str, Any] = field(default_factory=dict)


def explain(exc: yaml.MarkedYAMLError, text: str) -> Mistake:
    """The user's mistake behind a PyYAML error raised while reading ``text``."""
    lines = _LINE_BREAK.split(text)
    mark = exc.problem_mark or exc.context_mark
    tokens = _tokens_before(text, mark.index if mark else len(text))
    found = (
        _tab(exc)
        or _missing_colon(exc, lines)
        or _mapping_value(exc, lines, tokens)
        or _quote(exc, lines, tokens)
        or _bracket(exc, lines, tokens)
        or _block_end(exc, lines)
        or _backslash(exc)
        or _reserved(exc, lines)
    )
    return found or _at("yaml-syntax", mark)


def explain_reader_error(exc: yaml.reader.ReaderError, text: str) -> Mistake:
    """A character YAML does not allow (a control character), at its line and column."""
    before = text[: exc.position]
    line = len(_LINE_BREAK.findall(before)) + 1
    start = max((m.end() for m in _LINE_BREAK.finditer(before)), default=0)
    char = exc.character if isinstance(exc.character, str) else chr(exc.character)
    return Mistake("yaml-bad-character", line, exc.position - start + 1, {"char_code": f"U+{ord(char):04X}"})


def _at(code: str, mark: yaml.Mark | None, **params: Any) -> Mistake:
    if mark is None:
        return Mistake(code, None, None, params)
    return Mistake(code, mark.line + 1, mark.column + 1, params)


def _tokens_before(text: str, index: int) -> list[yaml.Token]:
    """The tokens the scanner produces before ``index`` (it stops at its own error)."""
    import yaml

    scanner = yaml.SafeLoader(text)
    tokens: list[yaml.Token] = []
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if token.start_mark.index >= index:
                break
            tokens.append(token)
    except yaml.YAMLError:
        tokens += [t for t in scanner.tokens if t.start_mark.index < index]
    finally:
        scanner.dispose()
    return tokens


def _line(lines: list[str], line: int) -> str:
    """Line ``line`` (0-based, as in PyYAML's marks) of the document."""
    return lines[line] if 0 <= line < len(lines) else ""


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" "))


def _entry(text: str) -> tuple[int, str]:
    """Where a line's content starts after its indentation and list dashes, and that
    content: ``"  - id: a"`` → ``(4, "id: a")``."""
    start = _indent(text)
    while text.startswith("-", start) and text[start + 1 : start + 2] in ("", " "):
        start += 1
        while text.startswith(" ", start):
            start += 1
    return start, text[start:]


def _has_dash(text: str) -> bool:
    return _entry(text)[0] != _indent(text)


def _shown(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def _quoted(value: str) -> str:
    """``value`` as a YAML double-quoted text."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _tab(exc: yaml.MarkedYAMLError) -> Mistake | None:
    mark = exc.problem_mark
    if mark is None or "'\\t'" not in (exc.problem or ""):
        return None
    return _at("yaml-tab", mark)


def _colon_fix(lines: list[str], line: int, start: int) -> Mistake | None:
    """The fix of a key written without ``": "`` at column ``start`` of ``line`` (both
    0-based): a colon with no space after it (``etap:wstępna``) or no colon at all
    (``etap wstępna``)."""
    content = _line(lines, line)[start:].rstrip()
    if not content:
        return None
    head, _, rest = content.partition(" ")
    if ":" in head and not head.endswith(":") and not head.startswith(("{", "[", '"', "'")):
        key, _, value = content.partition(":")
        fixed = f"{key}: {value}"
        return Mistake("yaml-missing-space", line + 1, start + len(key) + 1, {"fixed": _shown(fixed)})
    fixed = f"{head}: {rest.strip()}" if rest.strip() else f"{head}: …"
    params = {"key": _shown(head), "fixed": _shown(fixed)}
    return Mistake("yaml-missing-colon", line + 1, start + len(head) + 1, params)


def _missing_colon(exc: yaml.MarkedYAMLError, lines: list[str]) -> Mistake | None:
    """PyYAML reports the missing colon where the NEXT line starts; the key line is its
    context mark."""
    mark = exc.context_mark
    if mark is None or exc.problem != "could not find expected ':'":
        return None
    return _colon_fix(lines, mark.line, mark.column)


def _mapping_value(exc: yaml.MarkedYAMLError, lines: list[str], tokens: list[yaml.Token]) -> Mistake | None:
    """ "mapping values are not allowed here": a ``": "`` after a text that is either a value
    on the same line (``jst: Gmina: X``), or runs over from the line above — a key whose
    colon is missing there, or a value the line continues because it is indented deeper."""
    import yaml

    mark = exc.problem_mark
    if mark is None or exc.problem != "mapping values are not allowed here":
        return None
    scalars = [i for i, t in enumerate(tokens) if isinstance(t, yaml.ScalarToken)]
    if not scalars:
        return None
    at = scalars[-1]
    scalar = tokens[at]
    is_value = at > 0 and isinstance(tokens[at - 1], yaml.ValueToken)
    start = scalar.start_mark
    if start.line == mark.line:
        if not is_value:
            return None
        key, _, value = _entry(_line(lines, mark.line))[1].partition(":")
        fixed = f"{key}: {_quoted(value.split(' #', 1)[0].strip())}"
        return _at("yaml-colon-in-value", mark, fixed=_shown(fixed))
    if not is_value:
        return _colon_fix(lines, start.line, start.column)
    return _indentation(lines, mark.line)


def _quote(exc: yaml.MarkedYAMLError, lines: list[str], tokens: list[yaml.Token]) -> Mistake | None:
    """A quote left open: the scanner reaches the end of the file (or of the document), or the
    quoted text swallows lines up to the next quote and the parser trips after it."""
    import yaml

    if exc.context == "while scanning a quoted scalar" and exc.context_mark is not None:
        mark = exc.context_mark
        return _at("yaml-unclosed-quote", mark, quote=_line(lines, mark.line)[mark.column : mark.column + 1])
    if not isinstance(exc, yaml.parser.ParserError) or exc.problem_mark is None:
        return None
    quoted = [t for t in tokens if isinstance(t, yaml.ScalarToken) and t.style in ("'", '"')]
    if not quoted:
        return None
    last = quoted[-1]
    mark = exc.problem_mark
    if last.end_mark.line == mark.line and last.start_mark.line < mark.line:
        start = last.start_mark
        return _at("yaml-unclosed-quote", start, quote=last.style)
    if last.end_mark.line == mark.line and "found '<scalar>'" in (exc.problem or "") and tokens[-1] is last:
        return _at("yaml-text-after-quote", mark, quote=last.style)
    return None


def _bracket(exc: yaml.MarkedYAMLError, lines: list[str], tokens: list[yaml.Token]) -> Mistake | None:
    """A ``{`` or ``[`` never closed (the parser trips on the next field, or at the end), a
    comma missing between its items, or a closing bracket that closes nothing."""
    import yaml

    problem = exc.problem or ""
    mark = exc.problem_mark
    opened: list[yaml.Token] = []
    for token in tokens:
        if isinstance(token, yaml.FlowMappingStartToken | yaml.FlowSequenceStartToken):
            opened.append(token)
        elif isinstance(token, yaml.FlowMappingEndToken | yaml.FlowSequenceEndToken) and opened:
            opened.pop()
    if mark is not None and not opened and problem.endswith(("found ']'", "found '}'")):
        return _at("yaml-unmatched-bracket", mark, bracket=problem[-2])
    if not opened or not (exc.context or "").startswith("while parsing a flow"):
        return None
    start = opened[-1].start_mark
    bracket = _line(lines, start.line)[start.column : start.column + 1]
    params = {"bracket": bracket, "closing": _CLOSING.get(bracket, "}")}
    if mark is not None and mark.line != start.line and "<stream end>" not in problem:
        # a bracket may span lines on purpose; the parser tripping on what looks like the
        # next field, no deeper than the bracket's own line, says it was left open
        text = _line(lines, mark.line)
        looks_like_field = ":" in _entry(text)[1] and _indent(text) <= _indent(_line(lines, start.line))
        if not looks_like_field:
            return _at("yaml-flow-separator", mark, **params)
    elif mark is not None and mark.line == start.line:
        return _at("yaml-flow-separator", mark, **params)
    return _at("yaml-unclosed-bracket", start, **params)


def _block_end(exc: yaml.MarkedYAMLError, lines: list[str]) -> Mistake | None:
    """ "expected <block end>, but found …" where a line starts: a key or a list item
    indented to no level of the blocks above, or a list item among fields."""
    mark = exc.problem_mark
    problem = exc.problem or ""
    if mark is None or not problem.startswith("expected <block end>"):
        return None
    text = _line(lines, mark.line)
    if text[: mark.column].strip(" -"):
        return None  # the line starts well; what follows on it is another mistake
    if "found '-'" in problem and not any(_has_dash(_line(lines, n)) for n in _chain(lines, mark.line)):
        return _at("yaml-list-item-unexpected", mark)
    return _indentation(lines, mark.line)


def _chain(lines: list[str], line: int) -> list[int]:
    """The lines a line at ``line`` can belong to, nearest first: going up, each content
    line less indented than all those below it (its parents), up to one at column 0."""
    chain: list[int] = []
    bound = 1 << 30
    for n in range(min(line, len(lines)) - 1, -1, -1):
        text = lines[n]
        stripped = text.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = _indent(text)
        if indent < bound:
            chain.append(n)
            bound = indent
            if indent == 0:
                break
    return chain


def _key(content: str) -> str | None:
    """The key a line's content starts with (``id: a`` → ``id``), or None for a value."""
    if content.startswith(("{", "[", "#")) or ":" not in content:
        return None
    return content.split(":", 1)[0].strip() or None


def _indentation(lines: list[str], line: int) -> Mistake:
    """A line indented to no level of the blocks above: the fix aligns it with the nearest
    of its possible parents' columns (of two as near, the deeper one). A list item aligns
    with a list item's dash, a field with a field."""
    text = _line(lines, line)
    begin, content = _entry(text)
    dash = _has_dash(text)
    column = _indent(text) if dash else begin
    name = "-" if dash else (_key(content) or content.strip())
    best: tuple[int, int, int, int, str] | None = None  # distance, -depth, line, column, anchor
    for depth, n in enumerate(reversed(_chain(lines, line))):
        other = _line(lines, n)
        other_begin, other_content = _entry(other)
        if dash and _has_dash(other):
            candidate = (_indent(other), "-")
        elif not dash and _key(other_content):
            candidate = (other_begin, _key(other_content) or "")
        else:
            continue
        ranked = (abs(candidate[0] - column), -depth, n, *candidate)
        if best is None or ranked[:2] < best[:2]:
            best = ranked
    if best is None or not name:
        return Mistake("yaml-syntax", line + 1, column + 1)
    _, _, anchor_line, spaces, anchor = best
    params: dict[str, Any] = {"anchor_line": anchor_line + 1, "spaces": spaces}
    if dash:
        return Mistake("yaml-list-indentation", line + 1, column + 1, params)
    params.update(key=_shown(name), anchor=_shown(anchor))
    return Mistake("yaml-indentation", line + 1, column + 1, params)


def _backslash(exc: yaml.MarkedYAMLError) -> Mistake | None:
    """A backslash inside double quotes starts an escape (``"C:\\dane"``): in single quotes
    it is read as written."""
    if exc.context != "while scanning a double-quoted scalar" or exc.problem_mark is None:
        return None
    if "escape" not in (exc.problem or ""):
        return None
    return _at("yaml-backslash", exc.context_mark)


def text_document(text: str, line: int, column: int) -> Mistake | None:
    """A document that is one plain text (``etap:wstępna``, ``etap wstępna``) is a field
    whose colon or space is missing: the fix, or None when the text has no second word."""
    found = _colon_fix(_LINE_BREAK.split(text), line, column)
    if found is None or (found.code == "yaml-missing-colon" and found.params["fixed"].endswith(": …")):
        return None
    return found


def _reserved(exc: yaml.MarkedYAMLError, lines: list[str]) -> Mistake | None:
    """A value that starts with a character YAML reserves (``@``, a backtick, ``%``, ``*``,
    ``&``, ``!``, ``|``, ``>``): quoted, it is read as written."""
    for mark in (exc.problem_mark, exc.context_mark):
        if mark is None:
            continue
        text = _line(lines, mark.line)
        char = text[mark.column : mark.column + 1]
        if char and char in _RESERVED:
            content = _entry(text)[1]
            key, colon, value = content.partition(": ")
            value = value.strip() if colon else content.strip()
            fixed = f"{key}: {_quoted(value)}" if colon else _quoted(value)
            return _at("yaml-reserved-character", mark, char=char, fixed=_shown(fixed))
    return None
