"""The one catalogue of user-facing messages about input problems, in Polish and English.

Each message says what is wrong and ends with what to do about it. Placeholders are filled
from the problem record (``value``) and its parameters.
"""

from __future__ import annotations

import string
from typing import Any

from liwindex.messages.app import MESSAGES as _APP
from liwindex.messages.environment import MESSAGES as _ENVIRONMENT
from liwindex.messages.indicators import MESSAGES as _INDICATORS
from liwindex.messages.mapping import MESSAGES as _MAPPING
from liwindex.messages.questionnaire import MESSAGES as _QUESTIONNAIRE
from liwindex.messages.reading import MESSAGES as _READING
from liwindex.messages.results import MESSAGES as _RESULTS

MESSAGES: dict[str, dict[str, str]] = {
    **_READING,
    **_INDICATORS,
    **_MAPPING,
    **_QUESTIONNAIRE,
    **_RESULTS,
    **_ENVIRONMENT,
    **_APP,
}


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


class _Formatter(string.Formatter):
    """``{count:pl:wiersz|wiersze|wierszy}`` → ``5 wierszy`` (Polish: 1, 2–4, 5+ with 12–14
    as 5+); ``{count:en:row|rows}``; floats get a decimal comma in Polish."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec.startswith(("pl:", "en:")) and isinstance(value, int):
            from liwindex.i18n import with_form

            return with_form(value, format_spec[3:].split("|"), format_spec[:2])
        if isinstance(value, float) and not format_spec:
            text = f"{value:g}"
            return text.replace(".", ",") if self.lang == "pl" else text
        return super().format_field(value, format_spec)


def describe(code: str, lang: str = "pl", **params: Any) -> str:
    """The message for ``code`` in ``lang`` with its placeholders filled."""
    entry = MESSAGES.get(code)
    if entry is None:
        return f"{code}: {params}"
    template = entry.get(lang) or entry["pl"]
    values = _Blank({k: _in_lang(v, lang) for k, v in params.items()})
    return _Formatter(lang).vformat(template, (), values)
