"""The rounds a command line names: positional rounds or --before/--after, the groups
given per file or for all, and the metadata given by hand, per round in order."""

from __future__ import annotations

from typing import Any

import click


def _as_tuple(value: Any) -> tuple[Any, ...]:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, tuple | list) else (value,)


def make_rounds(
    rounds: list[tuple[str, ...]],
    groups: tuple[str, ...],
    jst: str | None,
    years: Any,
    stages: Any,
    teryt: str | None = None,
) -> list[Any]:
    """The RoundFiles of the command line: each round's files, the groups given per file
    (FILE=ID) or for all (ID), and the metadata given by hand, per round in order."""
    from liwindex.api import Meta, RoundFiles, parse_teryt

    code = parse_teryt(teryt) if teryt is not None else None
    if teryt is not None and code is None:
        raise click.BadParameter(usage("teryt", value=teryt), param_hint="--teryt")

    years, stages = _per_round(rounds, "--rok", years), _per_round(rounds, "--etap", stages)
    default = [g for g in groups if "=" not in g]
    if len(default) > 1:
        raise click.UsageError(usage("one_group", value=", ".join(default)))
    file_groups = _file_groups(rounds, [_pair(g) for g in groups if "=" in g])
    return [
        RoundFiles(
            paths=paths,
            group=default[0] if default else None,
            groups=file_groups[i],
            meta=Meta(
                jst=jst, rok=years[i] if years else None, etap=stages[i] if stages else None, teryt=code
            ),
        )
        for i, paths in enumerate(rounds)
    ]


def _per_round(rounds: list[tuple[str, ...]], name: str, value: Any) -> tuple[Any, ...]:
    """An option given once per round (or not at all), as a tuple."""
    values = _as_tuple(value)
    if values and len(values) != len(rounds):
        raise click.UsageError(usage("per_round", name=name, n=len(rounds)))
    return values


def _pair(given: str) -> tuple[str, str]:
    file, group = given.rsplit("=", 1)
    return file, group


def _file_groups(
    rounds: list[tuple[str, ...]], pairs: list[tuple[str, str]]
) -> list[tuple[tuple[str, str], ...]]:
    """Per round, the ``(FILE, ID)`` pairs whose file is in it; a FILE=ID whose file is in
    no round goes to the first round, which reports it."""
    from liwindex.api import round_files, same_file

    if not pairs:
        return [() for _ in rounds]
    files_of = [round_files(r) for r in rounds]
    everywhere = [x for files in files_of for x in files]
    return [
        tuple(
            (f, g)
            for f, g in pairs
            if any(same_file(f, x) for x in files_of[i])
            or (i == 0 and not any(same_file(f, x) for x in everywhere))
        )
        for i in range(len(rounds))
    ]


def rounds_of(
    positional: tuple[str, ...], before: tuple[str, ...], after: tuple[str, ...], counts: tuple[int, int]
) -> list[tuple[str, ...]]:
    """Each positional argument is a round (a folder: the files in it), or --before and
    --after give the two rounds file by file."""
    if before or after:
        if positional or not (before and after):
            raise click.UsageError(usage("before_after"))
        return [before, after]
    if not counts[0] <= len(positional) <= counts[1]:
        raise click.UsageError(usage("rounds_count", low=counts[0], high=counts[1], n=len(positional)))
    return [(p,) for p in positional]


USAGE = {
    "teryt": {
        "pl": "„{value}” nie jest kodem TERYT: 2 cyfry dla województwa, 4 dla powiatu, 7 dla gminy.",
        "en": "'{value}' is not a TERYT code: 2 digits for a województwo, 4 for a powiat, 7 for a gmina.",
    },
    "per_round": {
        "pl": "{name} podaj raz dla każdego etapu ({n}), w kolejności etapów.",
        "en": "give {name} once per round ({n}), in the order of the rounds.",
    },
    "one_group": {
        "pl": "--group bez pliku może być tylko jedna (podano: {value}); dla "
        "poszczególnych plików użyj --group PLIK=ID.",
        "en": "only one --group without a file (given: {value}); for single files use --group FILE=ID.",
    },
    "before_after": {
        "pl": "podaj etapy jako argumenty PRZED PO albo oba przez --before i "
        "--after, nie w obu formach naraz.",
        "en": "give the rounds as BEFORE AFTER arguments or both with --before and "
        "--after, not both ways at once.",
    },
    "rounds_count": {
        "pl": "oczekiwano od {low} do {high} etapów, podano {n}. Etap z kilku "
        "plików podaj jako folder albo przez --before/--after.",
        "en": "expected {low} to {high} rounds, got {n}. Give a round made of "
        "several files as a folder or with --before/--after.",
    },
}


def usage(key: str, **params: Any) -> str:
    lang = click.get_current_context().params.get("lang", "pl")
    return USAGE[key][lang].format(**params)
