"""Normalisation of the text found in survey exports, so that headers and answers match.

Survey tools and people add non-breaking spaces, curly quotes, odd case and trailing
punctuation; these helpers fold such differences away while keeping Polish letters, which
carry meaning ("źle" is not "zle").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from typing import Any

_SPACES = re.compile(r"\s+")
_INLINE_SPACES = re.compile(r"[^\S\n]+")
_NOT_WORD = re.compile(r"[\W_]+")
_QUOTES = str.maketrans({"„": '"', "”": '"', "“": '"', "«": '"', "»": '"', "’": "'", "‘": "'"})


def clean_text(value: Any) -> str:
    """The cell's text with spaces folded and trimmed; numbers like ``3.0`` become ``3``."""
    if type(value) is str:  # the common case first: a text met before
        known = _CLEAN.get(value)
        if known is not None:
            return known
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        found = _CLEAN.get(value)
        if found is None:
            found = _SPACES.sub(" ", unicodedata.normalize("NFC", value).translate(_QUOTES)).strip()
            _remember(_CLEAN, value, found)
        return found
    text = unicodedata.normalize("NFC", str(value)).translate(_QUOTES)
    return _SPACES.sub(" ", text).strip()


# Answers, labels and headers repeat across the columns and files of one run: each distinct
# text is cleaned and folded once. Long texts (mostly open answers, but also headers of
# thousands of characters, which header matching and mapping init clean a dozen times) are
# kept up to _LONG_CHARS characters in all; past that, or past _CACHE_MAX texts, the cache
# starts again.
_CLEAN: dict[str, str] = {}
_FOLD: dict[str, str] = {}
_CACHE_MAX = 50_000
_LONG_CHARS = 4_000_000
_long_used: dict[int, int] = {}  # id of a cache → the characters of its long keys


def _remember(cache: dict[str, str], key: str, value: str) -> None:
    used = _long_used.get(id(cache), 0)
    if len(key) > 300:
        if len(key) > _LONG_CHARS // 8:
            return
        used += len(key)
    if len(cache) >= _CACHE_MAX or used > _LONG_CHARS:
        cache.clear()
        used = len(key) if len(key) > 300 else 0
    _long_used[id(cache)] = used
    cache[key] = value


def free_text(value: Any) -> str:
    """Respondents' own words, kept as written: only trimmed, with runs of spaces folded
    within each line (quotes, case and line breaks stay)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return clean_text(value)
    lines = unicodedata.normalize("NFC", value).replace("\r\n", "\n").split("\n")
    kept = [_INLINE_SPACES.sub(" ", line).strip() for line in lines]
    return "\n".join(line for line in kept if line)


def fold(value: Any) -> str:
    """A key for tolerant matching: case, spacing and punctuation ignored."""
    if isinstance(value, str):
        found = _FOLD.get(value)
        if found is None:
            found = _NOT_WORD.sub(" ", clean_text(value).casefold()).strip()
            _remember(_FOLD, value, found)
        return found
    return _NOT_WORD.sub(" ", clean_text(value).casefold()).strip()


def fold_compact(value: Any) -> str:
    """Like :func:`fold` but with no spaces at all, for codes such as ``O1Q1`` vs ``o1_q1``."""
    return fold(value).replace(" ", "")


def header_columns(header: Sequence[Any], accepted: Mapping[str, Collection[str]]) -> dict[str, int]:
    """The position of each named column of a small sheet (``oceny``, ``dane``): the first
    header cell whose folded text is one of that column's accepted names."""
    columns: dict[str, int] = {}
    for index, title in enumerate(header):
        key = fold(title)
        for name, names in accepted.items():
            if key in names and name not in columns:
                columns[name] = index
    return columns


def strip_diacritics(text: str) -> str:
    """Polish letters replaced by their plain Latin forms (``ł`` included)."""
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def column_number(letters: str) -> int:
    """``A`` → 1, ``AA`` → 27, ``XFD`` → 16384 (absurdly long references count as huge)."""
    if len(letters) > 8:
        return 26**9
    number = 0
    for ch in letters:
        number = number * 26 + ord(ch) - 64
    return number


@functools.lru_cache(maxsize=4096)
def column_letter(index: int) -> str:
    """Spreadsheet column letter for a 1-based column index (1 → A, 27 → AA)."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides that
# can make a terminal or a page show something other than what the file says
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


# lone surrogates: how Python keeps the bytes of a file name (or an argument) that is not
# UTF-8; no UTF-8 file can hold them
_SURROGATES = re.compile("[\ud800-\udfff]")


def encodable(text: str) -> str:
    """``text`` with the undecodable bytes of a file name or argument shown as ``�``, so
    that a page or workbook naming them can be written."""
    return _SURROGATES.sub("\ufffd", text)


def visible(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``, ``\\u202e``), so that
    text from a file can never move the cursor, retitle the window or reorder a line."""
    return _INVISIBLE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


def capped_list(items: list[str], limit: int = 20) -> dict[str, str]:
    """``„a”, „b”, … i 2 690 innych`` in both languages: long lists are cut."""
    shown = ", ".join(f"„{i}”" for i in items[:limit])
    rest = len(items) - limit
    if rest <= 0:
        return {"pl": shown, "en": shown}
    count = f"{rest:,}".replace(",", "\u00a0")
    return {"pl": f"{shown} … i {count} innych", "en": f"{shown} … and {rest:,} more"}
