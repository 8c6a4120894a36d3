"""Click's own messages in Polish ("Usage:", "Missing argument", "No such command"), so that
the Polish command line is Polish throughout; English stays untouched.

click marks its texts for gettext and looks them up through a module-level ``_`` and
``ngettext``; :func:`install` replaces those lookups in click's modules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

CLICK: dict[str, str] = {
    "Usage:": "Użycie:",
    "Options": "Opcje",
    "Commands": "Polecenia",
    "Positional arguments": "Argumenty",
    "Show this message and exit.": "Pokaż tę pomoc i zakończ.",
    "Show the version and exit.": "Pokaż wersję i zakończ.",
    "Error: {message}": "Błąd: {message}",
    "Try '{command} {option}' for help.": "Pomoc: „{command} {option}”.",
    "Missing argument": "Brak argumentu",
    "Missing option": "Brak opcji",
    "Missing parameter": "Brak parametru",
    "Missing parameter: {param_name}": "Brak parametru: {param_name}",
    "Missing {param_type}": "Brak: {param_type}",
    "Missing command.": "Nie podano polecenia.",
    "No such command {name!r}.": "Nie ma polecenia {name!r}.",
    "No such option {name!r}.": "Nie ma opcji {name!r}.",
    "Option {name!r} does not take a value.": "Opcja {name!r} nie przyjmuje wartości.",
    "Invalid value for {param_hint}: {message}": "Nieprawidłowa wartość {param_hint}: {message}",
    "Invalid value: {message}": "Nieprawidłowa wartość: {message}",
    "Aborted!": "Przerwano.",
    "default: {default}": "domyślnie: {default}",
    "env var: {var}": "zmienna środowiskowa: {var}",
    "required": "wymagane",
    "{value!r} is not a valid {number_type}.": "{value!r} nie jest poprawną liczbą ({number_type}).",
    "{value} is not in the range {range}.": "{value} nie mieści się w zakresie {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} nie istnieje.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} jest katalogiem.",
    "{name} {filename!r} is a file.": "{name} {filename!r} jest plikiem.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} nie da się odczytać.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} nie da się zapisać.",
    "file": "plik",
    "directory": "katalog",
    "path": "ścieżka",
    "%(prog)s, version %(version)s": "%(prog)s, wersja %(version)s",
}
PLURAL: dict[str, tuple[str, str, str]] = {
    "Got unexpected extra argument ({args})": (
        "Nieoczekiwany dodatkowy argument ({args})",
        "Nieoczekiwane dodatkowe argumenty ({args})",
        "Nieoczekiwane dodatkowe argumenty ({args})",
    ),
    "Option {name!r} requires an argument.": (
        "Opcja {name!r} wymaga wartości.",
        "Opcja {name!r} wymaga {nargs} wartości.",
        "Opcja {name!r} wymaga {nargs} wartości.",
    ),
    "{value!r} is not {choice}.": (
        "{value!r} to nie {choice}.",
        "{value!r} nie jest jedną z wartości: {choices}.",
        "{value!r} nie jest jedną z wartości: {choices}.",
    ),
    "Did you mean {possibility}?": (
        "Czy chodziło o {possibility}?",
        "(Czy chodziło o jedno z: {possibilities}?)",
        "(Czy chodziło o jedno z: {possibilities}?)",
    ),
}
MODULES = (
    "click.core",
    "click.exceptions",
    "click.formatting",
    "click.decorators",
    "click.parser",
    "click.types",
    "click.termui",
)


def _gettext(message: str) -> str:
    return CLICK.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    forms = PLURAL.get(singular)
    if forms is None:
        return singular if n == 1 else plural
    return forms[0] if n == 1 else forms[1]


def install(lang: str) -> None:
    """Use Polish (``lang="pl"``) or click's own English for click's messages."""
    import gettext

    lookups: tuple[Callable[..., str], Callable[..., str]] = (
        (_gettext, _ngettext) if lang == "pl" else (gettext.gettext, gettext.ngettext)
    )
    for name in MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = lookups[0]  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = lookups[1]  # type: ignore[attr-defined]
