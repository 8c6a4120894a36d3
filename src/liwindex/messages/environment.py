"""Messages about settings read from the environment (``LIWINDEX_*`` variables)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "env-not-a-number": {
        "pl": "zmienna środowiskowa {name} ma wartość „{value}”, a musi być liczbą całkowitą od {low} "
        "do {high}{unit} (bez kropek, przecinków i wykładników). Popraw ją (np. {name}={example}) "
        "albo usuń (unset {name}), by użyć wartości domyślnej.",
        "en": "the environment variable {name} is set to '{value}', but it must be a whole number "
        "from {low} to {high}{unit} (no points, commas or exponents). Fix it (e.g. {name}={example}) "
        "or remove it (unset {name}) to use the default.",
    },
    "env-out-of-range": {
        "pl": "zmienna środowiskowa {name} ma wartość „{value}”, poza dozwolonym zakresem od {low} do "
        "{high}{unit}. Popraw ją (np. {name}={example}) albo usuń (unset {name}), by użyć "
        "wartości domyślnej.",
        "en": "the environment variable {name} is set to '{value}', outside the allowed range "
        "from {low} to {high}{unit}. Fix it (e.g. {name}={example}) or remove it (unset {name}) "
        "to use the default.",
    },
    "env-not-allowed": {
        "pl": "zmienna środowiskowa {name} ma wartość „{value}”; dozwolone wartości: {allowed}. "
        "Popraw ją albo usuń (unset {name}).",
        "en": "the environment variable {name} is set to '{value}'; allowed values: {allowed}. "
        "Fix it or remove it (unset {name}).",
    },
    "env-folder-not-absolute": {
        "pl": "zmienna środowiskowa {name} ma wartość „{value}”, która nie jest pełną ścieżką "
        "folderu. Podaj pełną ścieżkę (np. {name}=~/.cache/liwindex albo /home/ja/.cache/liwindex) "
        "albo off, by wyłączyć pamięć podręczną.",
        "en": "the environment variable {name} is set to '{value}', which is not an absolute "
        "folder path. Give a full path (e.g. {name}=~/.cache/liwindex or /home/me/.cache/liwindex) "
        "or off to turn the cache off.",
    },
    "env-unknown": {
        "pl": "liwindex nie zna zmiennej środowiskowej {name}{suggestion} i jej nie używa. Popraw "
        "nazwę albo usuń zmienną (znane zmienne: {known}).",
        "en": "liwindex knows no environment variable {name}{suggestion} and does not use it. Fix "
        "the name or remove the variable (known variables: {known}).",
    },
    "read-memory-too-low": {
        "pl": "odczyt tego pliku potrzebował więcej pamięci niż limit {limit} MB ustawiony zmienną "
        "LIWINDEX_READ_MEMORY_MB: ten limit jest za mały dla tego pliku. Zwiększ go (np. "
        "LIWINDEX_READ_MEMORY_MB=4096) albo usuń zmienną; jeśli i wtedy odczyt się nie uda, plik "
        "jest uszkodzony.",
        "en": "reading this file needed more memory than the limit of {limit} MB set by "
        "LIWINDEX_READ_MEMORY_MB: the limit is too low for this file. Raise it (e.g. "
        "LIWINDEX_READ_MEMORY_MB=4096) or remove the variable; if reading still fails, the file is "
        "damaged.",
    },
}
