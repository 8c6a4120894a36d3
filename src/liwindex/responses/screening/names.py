"""People's names in an answer's tokens: after a title or a function ("Pani Kowalska",
"sekretarz gminy Zając", "p. Anna") and full names opening with a known first name ("z
Anną Nowak"). The words around names live in screening_words.txt, the first names with
their case forms in first_names.txt.
"""

from __future__ import annotations

import functools
import re

from liwindex.responses.screening.tokens import (
    MAX_WORD,
    ROMAN,
    STREET_SHORT,
    STREET_WORDS,
    Finding,
    Token,
    acronym,
    data_lines,
    is_token,
    spaced,
    tokenize,
)

MAX_CHAIN = 6  # titles, functions and qualifiers before a name ("pan wójt gminy ...")
MAX_NAME = 3  # words of one name ("Anna Maria Nowak-Kowalska")
# lower-case surnames after "pani", "panem": "panią kowalską", "panem nowakowiczem"
_SURNAME_END = re.compile(
    r"(?:sk|ck|dzk)(?:i|a|iej|iego|iemu|im|ą|ich)$|wicz(?:a|owi|em|u)?$|czyk(?:a|owi|iem|u)?$"
)
# a place after "gminy", "miasta", or its adjective: "Wójt Gminy Kowalewo", "burmistrz
# miasta Gniezna", "Starosta Powiatu Kowalewskiego"
_PLACE_END: tuple[str, ...] = ("owo", "ewo", "ów", "owa", "ewa", "ice", "yce", "sko", "cko", "no", "yn", "in")
_PLACE_END += ("ia", "skiego", "ckiego", "skiej", "ckiej", "skie", "ckie")
_NOT_AFTER = frozenset({"im", "imienia", "św", "bł"})  # patrons: "Szkoła im. Marii Konopnickiej"
_STREETS = STREET_SHORT | STREET_WORDS  # "ul. Jana Pawła II 15" is an address


def names(text: str, toks: list[Token]) -> list[Finding]:
    """People's names after a title or a function ("Pani Kowalska", "sekretarz gminy
    Zając") and full names opening with a known first name ("z Anną Nowak"). An answer
    written in capitals is read as if written in lower case with capital initials."""
    if text.isupper():
        text = _recased(text)
        toks = tokenize(text)
    found: list[Finding] = []
    i = 0
    while i < len(toks):
        low = toks[i][0].lower()
        if low in _lexicon()["honorifics"] or low in _lexicon()["functions"] or _abbreviated_title(toks, i):
            i = _after_title(text, toks, i, found)
        elif toks[i][0] in _first_names():
            i = _full_name(text, toks, i, found)
        else:
            i += 1
    return found


def _after_title(text: str, toks: list[Token], i: int, found: list[Finding]) -> int:
    """The name after the title at ``i`` (titles, functions and qualifiers may come
    between); returns the token to go on from."""
    words = _lexicon()
    j, place, steps = i, False, 0
    while j < len(toks) and steps < MAX_CHAIN:
        word = toks[j][0]
        low = word.lower()
        if low in words["honorifics"] or low in words["functions"]:
            place = False
        elif _abbreviated_title(toks, j):
            j += 1 if is_token(toks, j + 1, ".") else 0
        elif low in words["qualifiers"]:
            place = low in words["places"]
        elif low in words["organisations"]:
            return j + 1
        elif not ((low == "i" and place) or acronym(word)):
            break
        if not spaced(text, toks, j):
            return j + 1
        j, steps = j + 1, steps + 1
    k = j
    initial = j < len(toks) and len(toks[j][0]) == 1 and toks[j][0].isupper() and is_token(toks, j + 1, ".")
    if initial and spaced(text, toks, j + 1):
        k = j + 2  # "Pan J. Nowak"
    first = k
    while k < len(toks) and k - first < MAX_NAME and _name_word(toks[k][0], place and k == j):
        if k > j and not spaced(text, toks, k - 1):
            break
        k += 1
    previous = toks[j - 1][0].lower() if j > i else ""
    if k == j and j < len(toks) and (previous in words["honorifics"] or previous == "."):
        word = toks[j][0]
        if word.islower() and len(word) <= MAX_WORD and _SURNAME_END.search(word[-8:]):
            k = j + 1
    if k > j:
        found.append(Finding("name", toks[j][1], toks[k - 1][2]))
    return max(k, j, i + 1)


def _full_name(text: str, toks: list[Token], i: int, found: list[Finding]) -> int:
    """A first name and the capitalised words after it ("Anna Nowak", "Jan Kowalski"); a
    first name alone when "z" and a department follow ("Kasia z urzędu") or when it signs
    the answer ("…, Ewa")."""
    back = i - 2 if is_token(toks, i - 1, ".") else i - 1
    before = toks[back][0].lower() if back >= 0 else ""
    if before in _NOT_AFTER or before in _STREETS or before.isdigit():
        return i + 1
    k = i + 1
    while k < len(toks) and k - i < MAX_NAME and spaced(text, toks, k - 1) and _name_word(toks[k][0], False):
        k += 1
    if k > i + 1:
        if not (k < len(toks) and spaced(text, toks, k - 1) and ROMAN.fullmatch(toks[k][0])):
            found.append(Finding("name", toks[i][1], toks[k - 1][2]))  # not "Jana Pawła II"
        return k
    after = [word for word, _, _ in toks[i + 1 : i + 3]]
    by_department = len(after) == 2 and after[0] in ("z", "ze") and (after[1].islower() or acronym(after[1]))
    last = all(not t[0][0].isalnum() for t in toks[i + 1 :])
    signed = last and (
        back < 0 or toks[back][0] in (",", "-", "–", "—") or "\n" in text[toks[back][2] : toks[i][1]]
    )
    if by_department or signed:
        found.append(Finding("name", toks[i][1], toks[i][2]))
    return i + 1


def _recased(text: str) -> str:
    """``text`` in lower case but for each word's first letter, character for character
    (a letter whose lower case is longer stays as it is)."""
    chars = list(text)
    for n in range(1, len(chars)):
        if chars[n - 1].isalpha() and len(low := chars[n].lower()) == 1:
            chars[n] = low
    return "".join(chars)


def _name_word(word: str, after_place: bool) -> bool:
    """Whether ``word`` can be (part of) a person's name after a title or a first name."""
    if not (1 < len(word) <= MAX_WORD and word[0].isupper()) or acronym(word):
        return False
    low = word.lower()
    words = _lexicon()
    if any(low in words[s] for s in ("not_names", "honorifics", "functions", "qualifiers", "organisations")):
        return False
    return not (after_place and low.endswith(_PLACE_END))


def _abbreviated_title(toks: list[Token], i: int) -> bool:
    low = toks[i][0].lower()
    return low in _lexicon()["abbreviations"] and (is_token(toks, i + 1, ".") or low in ("dr", "mgr"))


@functools.cache
def _lexicon() -> dict[str, frozenset[str]]:
    """The sections of screening_words.txt."""
    sections: dict[str, set[str]] = {}
    current: set[str] = set()
    for line in data_lines("screening_words.txt"):
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), set())
        else:
            current.update(line.split())
    return {name: frozenset(words) for name, words in sections.items()}


@functools.cache
def _first_names() -> frozenset[str]:
    return frozenset(word for line in data_lines("first_names.txt") for word in line.split())
