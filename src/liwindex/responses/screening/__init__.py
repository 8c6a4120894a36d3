"""Open answers made fit to publish: personal data masked (RODO), non-answers dropped,
identical answers counted once.

A municipality publishes the LIJW report in its BIP, open answers included, and
respondents write names, phone numbers and addresses into them. :func:`screen` replaces
each piece of personal data it finds with ``[dane osobowe]``. It is a first pass that
would rather mask a word too many than publish a name; the officer reviews every masked
answer (docs/personal-data.md says what is found and what is not, and how well).

The texts are untrusted: the one pattern run on them (the tokenizer) is linear, every
other check walks a bounded number of characters or tokens from where it starts, and a
long text is screened in windows of :data:`WINDOW` characters. Standard library only:
importable without pandas.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from liwindex.responses.screening.contacts import addresses, emails, numbers
from liwindex.responses.screening.names import names
from liwindex.responses.screening.tokens import Finding, data_lines, tokenize

__all__ = ["KINDS", "PLACEHOLDER", "Finding", "Screened", "is_non_answer", "merge_answers", "screen"]

PLACEHOLDER = "[dane osobowe]"
KINDS = ("address", "email", "iban", "id_number", "name", "nip", "pesel", "phone", "regon")

# A text longer than WINDOW is screened in windows overlapping by OVERLAP characters, and
# a finding is kept from the one window where it starts in the middle part. Findings are
# shorter than OVERLAP / 2 (a name's words are at most MAX_WORD letters, e-mail addresses
# and numbers are bounded), so each is seen whole, with its context, in one window.
WINDOW = 10_000
OVERLAP = 1_000


@dataclass(frozen=True)
class Screened:
    """An answer with its personal data masked: ``text`` as published, the ``kinds``
    found (sorted), the masked ``spans`` of the original text (overlapping findings
    merged) and the ``findings`` behind them."""

    text: str
    kinds: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    findings: tuple[Finding, ...]


def screen(text: str) -> Screened:
    """``text`` with every e-mail address, phone number, PESEL, NIP, REGON, bank account,
    identity document number, street address and person's name found replaced by
    ``[dane osobowe]``."""
    findings: list[Finding] = []
    start = 0
    while True:
        end = min(start + WINDOW, len(text))
        low = start + OVERLAP // 2 if start else 0
        high = end - OVERLAP // 2 if end < len(text) else end
        findings += (
            Finding(f.kind, f.start + start, f.end + start)
            for f in _find(text[start:end])
            if low <= f.start + start < high
        )
        if end == len(text):
            break
        start = end - OVERLAP
    spans: list[list[int]] = []
    for f in sorted(findings, key=lambda f: (f.start, -f.end)):
        if spans and f.start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], f.end)
        else:
            spans.append([f.start, f.end])
    parts, at = [], 0
    for a, b in spans:
        parts += [text[at:a], PLACEHOLDER]
        at = b
    parts.append(text[at:])
    return Screened(
        "".join(parts),
        tuple(sorted({f.kind for f in findings})),
        tuple((a, b) for a, b in spans),
        tuple(sorted(findings, key=lambda f: (f.start, f.end))),
    )


def _find(text: str) -> list[Finding]:
    """Every finding in one window; a name inside an e-mail or an address is part of it."""
    toks = tokenize(text)
    found = sorted(emails(text) + numbers(text, toks) + addresses(toks), key=lambda f: f.start)
    starts = [f.start for f in found]
    reach = [0] * len(found)  # the furthest end among the findings up to each one
    for k, f in enumerate(found):
        reach[k] = max(f.end, reach[k - 1] if k else 0)
    kept = []
    for f in names(text, toks):
        k = bisect.bisect_right(starts, f.start) - 1
        if k < 0 or reach[k] < f.end:
            kept.append(f)
    return found + kept


# --- non-answers and merging --------------------------------------------------------------


def is_non_answer(text: str) -> bool:
    """Whether an open answer says nothing: "nie wiem", "brak", "-", "n/d", "bez uwag"…
    (non_answers.txt), whatever its case, punctuation, spacing and Polish letters."""
    key = _plain(text)
    return not key or key in _non_answers()


def merge_answers(texts: Iterable[str]) -> list[tuple[str, int]]:
    """The answers that say something, identical ones once, with how many gave them: the
    most frequent first, ties in the order first seen. Answers are identical when they
    differ only in case, spacing and trailing punctuation; the first spelling is kept
    (trimmed)."""
    first: dict[str, str] = {}  # in the order first seen
    counts: Counter[str] = Counter()
    for text in texts:
        if not is_non_answer(text):
            key = _same_answer_key(text)
            first.setdefault(key, text.strip())
            counts[key] += 1
    # sorted() is stable: ties stay in the order first seen
    return sorted(((text, counts[key]) for key, text in first.items()), key=lambda pair: -pair[1])


_NOT_ALNUM = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")


def _plain(text: str) -> str:
    """Lower case, letters without diacritics (ł as l), punctuation as spaces, folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ł", "l"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_ALNUM.sub(" ", bare).strip()


def _same_answer_key(text: str) -> str:
    folded = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip().casefold()
    end = len(folded)
    while end and (folded[end - 1].isspace() or unicodedata.category(folded[end - 1]).startswith("P")):
        end -= 1
    return folded[:end]


@functools.cache
def _non_answers() -> frozenset[str]:
    return frozenset(_plain(line) for line in data_lines("non_answers.txt"))
