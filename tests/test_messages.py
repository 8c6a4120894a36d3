"""The message catalogue: every problem code used in the code has a Polish and an English
message, and every message ends by telling the user what to do or what happened."""

from __future__ import annotations

import re

from conftest import ROOT
from liwindex.messages import MESSAGES

# Problem codes are kebab-case string literals; a few other such literals are not codes.
KEBAB = re.compile(r"""["']([a-z]+(?:-[a-z0-9]+)+)["']""")
NOT_CODES = {"utf-8", "utf-8-sig", "utf-16-le", "post-implementation", "chromium-browser", "google-chrome"}


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
