"""E-mail addresses, numbers (phone, PESEL, NIP, REGON, bank account, identity document)
and street addresses in an answer's tokens.

Each check looks at a bounded number of characters or tokens around where it starts, so
the work is linear in the answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from liwindex.responses.screening.tokens import (
    ROMAN,
    STREET_SHORT,
    STREET_WORDS,
    Finding,
    Token,
    capitalised,
    is_token,
    word_before,
)

MAX_LOCAL, MAX_DOMAIN = 64, 255  # of an e-mail address (RFC 5321)
_STREET_TITLES = frozenset({"gen", "ks", "św", "kard", "płk", "mjr", "marsz", "prof", "dr", "bp", "abp"})
_CURRENCY = frozenset({"zł", "zl", "złotych", "złote", "pln", "eur", "euro", "tys", "mln", "mld", "%"})
_TEL = frozenset({"tel", "telefon", "telefonu", "telefonem", "kom", "komórka", "komórkowy"})
_ID_WORDS = frozenset({"KRS", "NIP", "PKD", "REGON", "PESEL", "NR", "PL"})
# what may stand between the digit groups of one number: "600 123 456", "600-123-456",
# "(12) 345 67 89", "600.123.456"
_JOINS = frozenset({" ", "-", " - ", ".", ")", ") ", "\u00a0", "\u2011"})


def emails(text: str) -> list[Finding]:
    """Addresses around each "@" (or "(at)", "[at]", as some write to fool robots), each
    side scanned at most its RFC length: neither side crosses another "@", so every
    character is looked at a bounded number of times."""
    found: list[Finding] = []
    for marker in ("@", "(at)", "[at]"):
        at = text.find(marker)
        while at != -1:
            # most "@" of a hostile text have no letter beside them: skip those at once
            if marker != "@" or (text[at + 1 : at + 2].isalnum() and text[at - 1 : at] not in ("", "@")):
                finding = _email_around(text, at, at + len(marker), marker != "@")
                if finding:
                    found.append(finding)
            at = text.find(marker, at + 1)
    return found


def _email_around(text: str, at: int, after: int, bracketed: bool) -> Finding | None:
    """The address whose "@" is ``text[at:after]``; a bracketed one may stand between spaces."""
    left = at - 1 if bracketed and text[at - 1 : at] == " " else at
    a = left
    while a > left - MAX_LOCAL and a > 0 and (text[a - 1].isalnum() or text[a - 1] in "._%+-'"):
        a -= 1
    while a < left and text[a] in ".-'":
        a += 1
    right = after + 1 if bracketed and text[after : after + 1] == " " else after
    b = right
    while b < min(len(text), right + MAX_DOMAIN) and (text[b].isalnum() or text[b] in ".-"):
        b += 1
    domain = text[right:b].rstrip(".-")
    labels = domain.split(".")
    if a < left and len(labels) > 1 and all(labels) and labels[-1].isalpha() and len(labels[-1]) > 1:
        return Finding("email", a, right + len(domain))
    return None


# --- numbers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Run:
    """Digit groups joined as one number may be written ("600 123 456", "123-456-32-18"),
    with the token of each and what stands between them (``seps[k]`` after group ``k``)."""

    text: str
    toks: list[Token]
    at: list[int]
    groups: list[str]
    seps: list[str]

    def start(self, p: int) -> int:
        return self.toks[self.at[p]][1]

    def end(self, p: int) -> int:
        return self.toks[self.at[p]][2]


# the sizes a number's first group can have: 48 or 0048 of a phone, a phone's or a NIP's
# groups, a postal code, an account's check digits, a document's digits, a whole number
_FIRST_SIZES = frozenset({2, 3, 4, 6, 7, 9, 10, 11, 14, 26})
# a short first group is one of several, and the second has one of these sizes (a phone's,
# a NIP's, a postal code's, an account's groups)
_SECOND_SIZES = {2: (3, 4, 7), 3: (2, 3, 4), 4: (4,)}
_PHONES = ((9,), (3, 3, 3), (2, 3, 2, 2), (3, 2, 2, 2), (2, 7), (2, 3, 4))
_LOCAL_PHONES = ((7,), (3, 2, 2), (3, 4))  # after "tel."


def numbers(text: str, toks: list[Token]) -> list[Finding]:
    """Phone, PESEL, NIP, REGON, account and document numbers, and postal codes with their
    town, read from runs of digit groups joined as people write them."""
    found: list[Finding] = []
    at: list[int] = []
    seps: list[str] = []
    for i, (word, start, _) in enumerate(toks):
        if not word.isdigit():
            continue
        gap = text[toks[at[-1]][2] : start] if at else ""
        if at and gap not in _JOINS:
            _read_run(_Run(text, toks, at, [toks[k][0] for k in at], seps), found)
            at, seps = [], []
        elif at:
            seps.append(gap)
        at.append(i)
    if at:
        _read_run(_Run(text, toks, at, [toks[k][0] for k in at], seps), found)
    return found


def _read_run(run: _Run, found: list[Finding]) -> None:
    """Findings in one run, left to right, each group used once."""
    p = 0
    while p < len(run.groups):
        hit = _number_at(run, p)
        if hit is None:
            p += 1
            continue
        kind, start, q = hit
        end = _address_end(run.toks, run.at[q - 1]) if kind == "address" else run.end(q - 1)
        found.append(Finding(kind, start, end))
        p = q


def _number_at(run: _Run, p: int) -> tuple[str, int, int] | None:
    """The kind, start and end (a group of the run) of a number opening at group ``p``."""
    number = run.groups[p]
    size = len(number)
    if size not in _FIRST_SIZES:
        return None
    if size in _SECOND_SIZES and number not in ("48", "0048"):
        following = len(run.groups[p + 1]) if p + 1 < len(run.groups) else 0
        if following not in _SECOND_SIZES[size]:
            return None
    start = run.start(p)
    before = run.text[max(0, start - 2) : start]
    # +48 / 0048 / (48) / 48 opening the number, and a phone number
    if (number == "48" and (p == 0 or before.endswith(("+", "(")))) or number == "0048":
        q = _phone_shape(run, p + 1, prefixed=True)
        if q:
            return (
                "phone",
                start - (2 if before == "(+" else 1 if before.endswith(("+", "(")) else 0),
                p + 1 + q,
            )
    if size in (2, 4, 26):  # PL61 1090 1014 …, 6110 9010 …, or all 26 digits at once
        total, q = 0, p
        while q < len(run.groups) and q - p < 8 and total < 26 and (q == p or run.seps[q - 1] in (" ", "-")):
            total, q = total + len(run.groups[q]), q + 1
        if total == 26:
            return "iban", start - 2 if before.upper() == "PL" else start, q
    if size == 14:
        return ("regon" if _regon_ok(number) else "id_number"), start, p + 1
    if size == 11:
        if before.endswith("+") and number.startswith("48"):
            return "phone", start - 1, p + 1
        if _pesel_ok(number):
            return "pesel", start, p + 1
        return ("phone" if number[:2] == "48" and number[2] != "0" else "id_number"), start, p + 1
    nip = _nip_shape(run, p) if size in (3, 10) else 0
    if nip:
        if _nip_ok("".join(run.groups[p : p + nip])) or word_before(run.toks, run.at[p], {"nip"}):
            return "nip", start, p + nip
        if nip == 1 and not word_before(run.toks, run.at[p], {"krs"}):
            return "id_number", start, p + 1
    if size == 9 and word_before(run.toks, run.at[p], {"regon"}):
        return "regon", start, p + 1
    q = _phone_shape(run, p)
    if q:
        return "phone", start - 1 if before.endswith("(") else start, p + q
    postal = size == 2 and p + 1 < len(run.groups) and len(run.groups[p + 1]) == 3 and run.seps[p] == "-"
    if postal and _address_end(run.toks, run.at[p + 1]) > run.end(p + 1):  # and a town after it
        return "address", start, p + 2
    if size in (6, 7) and p == 0 and run.at[0] > 0:
        word, _, end = run.toks[run.at[0] - 1]
        gap = run.text[end:start]
        letters = len(word) == 9 - size and word.isascii() and word.isupper()  # ABC123456, AB1234567
        if letters and word not in _ID_WORDS and gap in ("", " "):
            return "id_number", start - len(word) - len(gap), p + 1
    return None


def _phone_shape(run: _Run, p: int, prefixed: bool = False) -> int:
    """How many groups from ``p`` make a Polish phone number (0: none): nine digits,
    grouped as mobiles and landlines are, or seven after "tel." (a local number); never an
    amount ("150 000 000 zł") or a part of a longer number."""
    if p >= len(run.groups) or run.groups[p][0] == "0" or len(run.groups[p]) not in (2, 3, 7, 9):
        return 0
    sizes = tuple(len(g) for g in run.groups[p : p + 4])
    seps = run.seps[p : p + 3]
    local = sizes[0] in (3, 7) and word_before(run.toks, run.at[p], _TEL)
    for shape in (*_PHONES, *_LOCAL_PHONES) if local else _PHONES:
        n = len(shape)
        if sizes[:n] != shape or any(s in (")", ") ") for s in seps[1 : n - 1]):
            continue
        after = run.at[p + n - 1] + 1
        if after < len(run.toks) and run.toks[after][0].lower() in _CURRENCY:
            return 0
        spaced = n > 1 and all(s == " " for s in seps[: n - 1])
        if spaced and not prefixed and p > 0 and run.seps[p - 1] == " ":
            return 0  # "1 150 000 000": thousands of a bigger number
        if spaced and p + n < len(run.groups) and run.seps[p + n - 1] == " " and len(run.groups[p + n]) == 3:
            return 0
        return n
    return 0


def _nip_shape(run: _Run, p: int) -> int:
    """How many groups from ``p`` make a NIP: 1234563218, 123-456-32-18, 123-45-63-218."""
    if len(run.groups[p]) == 10:
        return 1
    sizes = tuple(len(g) for g in run.groups[p : p + 4])
    seps = set(run.seps[p : p + 3])
    if sizes in ((3, 3, 2, 2), (3, 2, 2, 3)) and len(seps) == 1 and seps <= {"-", " "}:
        return 4
    return 0


def _checksum(number: str, weights: Iterable[int]) -> int:
    return sum(int(d) * w for d, w in zip(number, weights, strict=False))


def _pesel_ok(number: str) -> bool:
    return (10 - _checksum(number[:10], (1, 3, 7, 9) * 3) % 10) % 10 == int(number[10])


def _nip_ok(number: str) -> bool:
    return _checksum(number, (6, 5, 7, 2, 3, 4, 5, 6, 7)) % 11 == int(number[9])


def _regon_ok(number: str) -> bool:
    if len(number) == 9:
        return _checksum(number, (8, 9, 2, 3, 4, 5, 6, 7)) % 11 % 10 == int(number[8])
    return _checksum(number, (2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8)) % 11 % 10 == int(number[13])


# --- addresses ----------------------------------------------------------------------------


def addresses(toks: list[Token]) -> list[Finding]:
    """Street addresses with a house number: "ul. Polna 5", "ulicy Długiej 12/3",
    "os. Kopernika 3a", "ul. gen. Andersa 14 m. 2", "Rynek 5". A street without a number is a place,
    not an address ("remont ul. Polnej")."""
    found: list[Finding] = []
    for i, (word, start, _) in enumerate(toks):
        low = word.lower()
        names = 0
        if low in STREET_SHORT and is_token(toks, i + 1, "."):
            k = i + 2
        elif low in STREET_WORDS:
            k = i + 1
        elif word in ("Rynek", "Rynku"):  # the square is the street: "Rynek 5"
            k, names = i + 1, 1
        else:
            continue
        while k < len(toks) and names < 5:
            w = toks[k][0]
            if w.lower() in _STREET_TITLES and is_token(toks, k + 1, "."):
                k += 2
            elif capitalised(w) or (names and ROMAN.fullmatch(w)):
                k, names = k + 1, names + 1
            elif (
                not names
                and w.isdigit()
                and len(w) <= 4
                and k + 1 < len(toks)
                and capitalised(toks[k + 1][0])
            ):
                k += 1  # "ul. 3 Maja", "ul. 11 Listopada"
            else:
                break
        if names and k < len(toks) and toks[k][0].isdigit() and len(toks[k][0]) <= 4:
            found.append(Finding("address", start, _house_end(toks, k)))
    return found


def _house_end(toks: list[Token], k: int) -> int:
    """The end of a house number at token ``k``: 5, 5a, 12/3, 14 m. 2, 7 lok. 4."""
    end = toks[k][2]
    k += 1
    if k < len(toks) and toks[k][1] == end and toks[k][0].isalpha() and len(toks[k][0]) == 1:
        end, k = toks[k][2], k + 1
    if is_token(toks, k, "/") and k + 1 < len(toks) and toks[k + 1][0].isdigit() and toks[k][1] == end:
        end, k = toks[k + 1][2], k + 2
    if k < len(toks) and toks[k][0].lower() in ("m", "lok", "lokal"):
        n = k + 2 if is_token(toks, k + 1, ".") else k + 1
        if n < len(toks) and toks[n][0].isdigit():
            end = toks[n][2]
    return end


def _address_end(toks: list[Token], k: int) -> int:
    """After a postal code ending at token ``k``: the end of the town's name that follows
    ("00-950 Warszawa", "62-200 Gniezno"), or the code's own end when no town follows."""
    end = toks[k][2]
    for n in range(k + 1, min(k + 4, len(toks))):
        if not capitalised(toks[n][0]) or toks[n][1] - end > 1:
            break
        end = toks[n][2]
    return end
