"""The one catalogue of user-facing messages about input problems, in Polish and English.

Each message says what is wrong and ends with what to do about it. Placeholders are filled
from the problem record (``value``) and its parameters.
"""

from __future__ import annotations

from typing import Any

from liwindex.messages.questionnaire import MESSAGES as _QUESTIONNAIRE
from liwindex.messages.reading import MESSAGES as _READING
from liwindex.messages.results import MESSAGES as _RESULTS

MESSAGES: dict[str, dict[str, str]] = {**_READING, **_QUESTIONNAIRE, **_RESULTS}


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "?"


def did_you_mean(hint: str | None) -> dict[str, str] | None:
    """The ``suggestion`` parameter of a message: " (czy chodziło o „…”?)", or None."""
    if not hint:
        return None
    return {"pl": f" (czy chodziło o „{hint}”?)", "en": f" (did you mean '{hint}'?)"}


def _in_lang(value: Any, lang: str) -> Any:
    """Parameters may carry both languages as ``{"pl": ..., "en": ...}``."""
    if value is None:
        return ""
    if isinstance(value, dict) and "pl" in value:
        return value.get(lang) or value["pl"]
    return value


def describe(code: str, lang: str = "pl", **params: Any) -> str:
    """The message for ``code`` in ``lang`` with its placeholders filled."""
    entry = MESSAGES.get(code)
    if entry is None:
        return f"{code}: {params}"
    template = entry.get(lang) or entry["pl"]
    values = _Blank({k: _in_lang(v, lang) for k, v in params.items()})
    return template.format_map(values)
