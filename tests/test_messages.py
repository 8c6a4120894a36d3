"""The message catalogue: every problem code used in the code has a Polish and an English
message, and every message ends by telling the user what to do or what happened."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from liwindex.messages import MESSAGES

# Problem codes are kebab-case string literals; a few other such literals are not codes.
KEBAB = re.compile(r"""["']([a-z]+(?:-[a-z0-9]+)+)["']""")
NOT_CODES = {
    "utf-8",
    "utf-8-sig",
    "utf-16-le",
    "post-implementation",
    "lijw-standard",
    "e-mail",
    "chromium-browser",
    "google-chrome",
    "microsoft-edge",
    "summary-end",  # a CSS class
    "grading-pack",  # a command
    # HTTP header names and values and an encoding of the app's server
    "cache-control",
    "content-disposition",
    "content-length",
    "content-security-policy",
    "content-type",
    "no-store",
    "referrer-policy",
    "same-origin",
    "set-cookie",
    "unsafe-inline",
    "x-content-type-options",
    "x-frame-options",
    "latin-1",
}


def used_codes() -> set[str]:
    codes: set[str] = set()
    for path in (ROOT / "src" / "liwindex").rglob("*.py"):
        if "messages" not in path.parts:
            codes |= set(KEBAB.findall(path.read_text("utf-8")))
    return codes - NOT_CODES


def test_every_used_code_has_a_message_in_both_languages():
    """A code without a catalogue entry would show as a raw code to the user."""
    codes = used_codes()
    assert len(codes) > 40
    missing = sorted(c for c in codes if c not in MESSAGES)
    assert missing == []
    for code in codes:
        assert MESSAGES[code]["pl"] and MESSAGES[code]["en"], code


def test_no_message_is_left_unused():
    """Every catalogue entry is used somewhere (no dead messages)."""
    assert sorted(set(MESSAGES) - used_codes()) == []


def test_placeholders_match_between_languages():
    """Both language versions use the same placeholders."""
    field = re.compile(r"{(\w+)}")
    for code, entry in MESSAGES.items():
        assert set(field.findall(entry["pl"])) == set(field.findall(entry["en"])), code


def test_polish_plurals_and_decimal_commas_in_messages():
    """1 wiersz powtarza, 2 wiersze powtarzają, 5 i 12 wierszy powtarza; 1 respondent nie
    odpowiedział; a grade 3.7 on step 0.5 is written 3,7 and 0,5 in Polish, 3.7 in English."""
    from liwindex.messages import describe

    forms = [
        describe("duplicate-rows", "pl", count=n, value="x").split(" odpowiedzi")[0]
        for n in (1, 2, 5, 12, 22)
    ]
    assert forms == [
        "1 wiersz powtarza",
        "2 wiersze powtarzają",
        "5 wierszy powtarza",
        "12 wierszy powtarza",
        "22 wiersze powtarzają",
    ]
    assert describe("no-answers", "pl", count=1, first=3).startswith("1 respondent nie odpowiedział")
    assert describe("no-answers", "en", count=2, first=3).startswith("2 respondents answered")
    assert describe("grade-off-step", "pl", value=3.7, step=0.5, near=3.5).startswith(
        "ocena 3,7 nie leży na kroku 0,5 (np. 3,5)"
    )
    assert "3.7" in describe("grade-off-step", "en", value=3.7, step=0.5, near=3.5)


def _sample_params(code: str) -> dict[str, object]:
    """A value for every placeholder of ``code``'s messages: a count where a plural form is
    asked for, a short text otherwise."""
    import string

    params: dict[str, object] = {}
    for lang in ("pl", "en"):
        for _, name, spec, _ in string.Formatter().parse(MESSAGES[code][lang]):
            if name:
                params[name] = 3 if spec and spec[:3] in ("pl:", "en:") else f"‹{name}›"
    return params


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_each_message_renders_in_both_languages(code):
    """Every message renders in Polish and English with all its placeholders filled, ends
    as a sentence, and the two languages differ (the one rendering test per code: other
    tests assert codes and places, not these words)."""
    from liwindex.messages import describe

    params = _sample_params(code)
    texts = {lang: describe(code, lang, **params) for lang in ("pl", "en")}
    for text in texts.values():
        assert "{" not in text and "}" not in text, text
        assert text.rstrip().endswith((".", ")", "”", "'", "»", ":", "?", "!")), text
        for name, value in params.items():
            if isinstance(value, str):
                assert value in text or name not in MESSAGES[code]["pl"] + MESSAGES[code]["en"], (name, text)
    assert texts["pl"] != texts["en"]
