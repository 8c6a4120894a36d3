"""Every setting liwindex reads from the environment (``LIWINDEX_*`` and the reproducible
builds' ``SOURCE_DATE_EPOCH``), read and validated here.

A value that is not allowed is an input problem like any other: the run stops with a
message naming the variable, its value, what is allowed and how to fix it (exit 1), instead
of the setting being ignored in silence or a valid file being called damaged. A
``LIWINDEX_*`` name liwindex does not know is a warning, since a typo would otherwise go
unnoticed. The command line checks them all before a command starts
(:func:`check`); the functions that read one setting validate it again, so the library
called directly gets the same messages.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from liwindex.messages import did_you_mean
from liwindex.problems import InputError, Report, Severity

PREFIX = "LIWINDEX_"
SHOWN_CHARS = 80  # of a value in a message


@dataclass(frozen=True)
class Number:
    """A whole number between ``low`` and ``high``; ``example`` is suggested in the fix."""

    low: int
    high: int
    example: int
    unit: str = ""


@dataclass(frozen=True)
class Choice:
    """One of a few words (compared without case and surrounding spaces)."""

    allowed: tuple[str, ...]


@dataclass(frozen=True)
class Folder:
    """An absolute folder path (``~`` expanded), or a word that turns the feature off."""

    off: tuple[str, ...]


READ_MEMORY_DEFAULT_MB = 4096

SETTINGS: dict[str, Number | Choice | Folder] = {
    "LIWINDEX_LANG": Choice(("pl", "en")),
    "LIWINDEX_CACHE_DIR": Folder(("", "0", "off", "no", "false")),
    "LIWINDEX_PDF_ENGINE": Choice(("weasyprint", "chromium")),
    # the .xls/.ods reader's address-space ceiling above the process's size: below 256 MB a
    # survey export of a few thousand rows may not fit, above 64 GB it guards nothing
    "LIWINDEX_READ_MEMORY_MB": Number(256, 65_536, READ_MEMORY_DEFAULT_MB, "MB"),
    "LIWINDEX_MAX_ROWS": Number(1, 100_000_000, 1_048_576),
    "LIWINDEX_MAX_COLUMNS": Number(1, 16_384, 2_000),  # 16 384: Excel's XFD
    "LIWINDEX_MAX_UNCOMPRESSED_MB": Number(1, 100_000, 1_000, "MB"),
    # the reproducible-builds date of reports (seconds since 1970; 253402300799 is the last
    # second of 9999): a malformed value must stop the build, says its specification
    "SOURCE_DATE_EPOCH": Number(0, 253_402_300_799, 1_735_689_600),
}


def _shown(raw: str) -> str:
    return raw if len(raw) <= SHOWN_CHARS else raw[:SHOWN_CHARS] + "…"


def _problem(name: str, raw: str, report: Report) -> int | str | Path | None:
    """The value of setting ``name`` written as ``raw``; a problem in ``report`` and None
    when it is not allowed."""
    setting = SETTINGS[name]
    value = raw.strip()
    if not value and not isinstance(setting, Folder):
        return None  # set empty: as if not set
    if isinstance(setting, Number):
        unit = f" {setting.unit}" if setting.unit else ""
        limits: dict[str, Any] = {
            "low": setting.low,
            "high": setting.high,
            "unit": unit,
            "example": setting.example,
        }
        digits = value[1:] if value[:1] in ("+", "-") else value
        if not (digits.isascii() and digits.isdigit()):
            report.add("env-not-a-number", name=name, value=_shown(raw), **limits)
            return None
        number = int(value) if len(digits) <= 15 else setting.high + 1  # no huge conversions
        if not setting.low <= number <= setting.high:
            report.add("env-out-of-range", name=name, value=_shown(raw), **limits)
            return None
        return number
    if isinstance(setting, Choice):
        if value.lower() not in setting.allowed:
            report.add("env-not-allowed", name=name, value=_shown(raw), allowed=", ".join(setting.allowed))
            return None
        return value.lower()
    if value.lower() in setting.off:
        return ""
    folder = Path(os.path.expanduser(value))
    if not folder.is_absolute():
        report.add("env-folder-not-absolute", name=name, value=_shown(raw))
        return None
    return folder


def _read(name: str) -> int | str | Path | None:
    """Setting ``name`` from the environment, None when it is not set (or set empty, for
    numbers and words); raises :class:`InputError` when its value is not allowed."""
    raw = os.environ.get(name)
    if raw is None:
        return None
    report = Report()
    value = _problem(name, raw, report)
    report.raise_if_invalid()
    return value


def number(name: str) -> int | None:
    """A number setting (``LIWINDEX_MAX_ROWS`` …), None when not set."""
    value = _read(name)
    assert value is None or isinstance(value, int)
    return value


def read_memory_mb() -> int:
    """``LIWINDEX_READ_MEMORY_MB``: the .xls/.ods reader's memory ceiling in MB."""
    return number("LIWINDEX_READ_MEMORY_MB") or READ_MEMORY_DEFAULT_MB


def read_memory_is_set() -> bool:
    """True when the user chose the reader's memory ceiling (a failure may be the limit's)."""
    return number("LIWINDEX_READ_MEMORY_MB") is not None


def word(name: str) -> str:
    """A word setting (``LIWINDEX_PDF_ENGINE`` …) in lower case, "" when not set."""
    value = _read(name)
    return value if isinstance(value, str) else ""


def language() -> str:
    """``LIWINDEX_LANG``: "pl" or "en" ("pl" when not set or not allowed, which
    :func:`check` reports)."""
    try:
        return word("LIWINDEX_LANG") or "pl"
    except InputError:
        return "pl"


def cache_dir() -> Path | Literal["off"] | None:
    """``LIWINDEX_CACHE_DIR``: the folder (``~`` expanded), "off", or None when not set."""
    value = _read("LIWINDEX_CACHE_DIR")
    if value is None:
        return None
    return value if isinstance(value, Path) else "off"


def check() -> Report:
    """Every ``LIWINDEX_*`` variable of the environment: raises :class:`InputError` listing
    each value that is not allowed; returns the warnings (names liwindex does not know)."""
    import difflib

    report = Report()
    for name in sorted(k for k in os.environ if k.startswith(PREFIX) or k in SETTINGS):
        if name in SETTINGS:
            _problem(name, os.environ[name], report)
            continue
        close = difflib.get_close_matches(name[:100], list(SETTINGS), n=1, cutoff=0.7)
        report.add(
            "env-unknown",
            Severity.WARNING,
            name=_shown(name),
            suggestion=did_you_mean(close[0] if close else None),
            known=", ".join(SETTINGS),
        )
    report.raise_if_invalid()
    return report
