"""Hints a question may carry in parentheses after its text — "(można zaznaczyć kilka
odpowiedzi)" — which the printed questionnaire writes and people copy into their forms with
the question: the header is still that question's.

The hint is only ever taken from the end of a header, by plain string search (no pattern),
and only from headers of a question's length.
"""

from __future__ import annotations

from liwindex.text import fold

# the hints the printed questionnaire writes (outputs/forms/paper.py prints these)
PRINTED_HINTS: dict[str, dict[str, str]] = {
    "multi": {"pl": "można zaznaczyć kilka odpowiedzi", "en": "you may mark several answers"},
    "single": {"pl": "wybierz jedną odpowiedź", "en": "choose one answer"},
}
# and what survey tools and people write in their place
OTHER_HINTS = (
    "można wybrać kilka odpowiedzi",
    "można zaznaczyć więcej niż jedną odpowiedź",
    "zaznacz wszystkie pasujące odpowiedzi",
    "wielokrotny wybór",
    "zaznacz jedną odpowiedź",
    "jedna odpowiedź",
    "jednokrotny wybór",
    "select all that apply",
    "check all that apply",
    "choose all that apply",
    "multiple answers allowed",
    "select one answer",
    "mark one answer",
    "choose one",
    "select one",
)
HINTS = frozenset(
    fold(text) for text in (*(w for hint in PRINTED_HINTS.values() for w in hint.values()), *OTHER_HINTS)
)
MAX_HINTED_HEADER = 2_000  # a question's text with its hint; longer headers are left as they are
_LONGEST_HINT = max(len(text) for text in HINTS) + 8  # a few characters of spaces and punctuation


def without_hint(header: str) -> str | None:
    """``header`` without a known hint in parentheses at its end, or None when it has none:
    ``"Formy współpracy? (można zaznaczyć kilka odpowiedzi)"`` → ``"Formy współpracy?"``."""
    if len(header) > MAX_HINTED_HEADER:
        return None
    text = header.rstrip()
    if not text.endswith(")"):
        return None
    start = text.rfind("(", max(0, len(text) - _LONGEST_HINT))
    if start <= 0 or fold(text[start + 1 : -1]) not in HINTS:
        return None
    return text[:start].rstrip() or None
