"""The words, numbers and signs of an answer, with their places, and the data files the
screen reads."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

MAX_WORD = 40  # a longer word is no name, no street

# words (letters, joined by hyphens), runs of ASCII digits, any other single character;
# one alternative per first character and no nested repetition: a single linear pass
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[0-9]+|\S")
ROMAN = re.compile(r"[IVXLC]+")
STREET_SHORT = frozenset({"ul", "al", "os", "pl"})  # followed by a full stop
STREET_WORDS = frozenset(
    {"ulica", "ulicy", "ulicę", "ulicą", "aleja", "alei", "aleję", "aleją"}
    | {"osiedle", "osiedla", "osiedlu", "osiedlem", "plac", "placu", "placem"}
)

Token = tuple[str, int, int]  # the text and where it starts and ends


@dataclass(frozen=True)
class Finding:
    """One piece of personal data: its kind and the characters ``text[start:end]``."""

    kind: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def is_token(toks: list[Token], i: int, word: str) -> bool:
    """Whether token ``i`` exists and is ``word``."""
    return 0 <= i < len(toks) and toks[i][0] == word


def spaced(text: str, toks: list[Token], i: int) -> bool:
    """Whether tokens ``i`` and ``i + 1`` exist with only spaces (no line break) between."""
    if i + 1 >= len(toks):
        return False
    gap = text[toks[i][2] : toks[i + 1][1]]
    return bool(gap) and gap.isspace() and "\n" not in gap


def capitalised(word: str) -> bool:
    """A word of two letters or more (at most :data:`MAX_WORD`) with a capital first."""
    return 1 < len(word) <= MAX_WORD and word[0].isupper() and word[0].isalpha()


def acronym(word: str) -> bool:
    """ "OPS", "GOK-u", "RDPP", "II": an institution or a numeral, not a name."""
    head = word.split("-", 1)[0]
    return len(head) > 1 and head.isupper()


def word_before(toks: list[Token], i: int, words: Iterable[str], reach: int = 3) -> bool:
    """Whether one of ``words`` (lower case) is among the ``reach`` tokens before ``i``."""
    return any(toks[k][0].lower() in words for k in range(max(0, i - reach), i))


@functools.cache
def data_lines(name: str) -> tuple[str, ...]:
    """The lines of a data file of liwindex.responses, comments and blank lines left out;
    read once."""
    text = resources.files("liwindex.responses").joinpath(name).read_text("utf-8")
    return tuple(kept for line in text.splitlines() if (kept := line.split("#", 1)[0].strip()))
