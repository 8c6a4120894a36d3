"""Who a round is of (SPEC §2, many JSTs): a JST's identity is its TERC code (``teryt``)
where given, else its name folded for comparison (case, Polish letters, spaces and
invisible characters ignored). Names that fold alike, or differ by one letter, are one JST
only when nothing contradicts it, and always with a warning naming both spellings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from liwindex.problems import Problem, Severity
from liwindex.text import fold, strip_diacritics

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
MAX_NAME = 200  # folded names compared by edits are cut here (a name, not a paragraph)
MAX_ALIKE = 20  # names sharing one one-letter deletion beyond this are not compared


def name_key(name: object) -> str:
    """A JST's name folded for comparison: ``Gmina  Łąkowo`` and ``gmina lakowo`` alike."""
    return strip_diacritics(fold(_INVISIBLE.sub("", str(name))))[:MAX_NAME]


def jst_key(name: object, teryt: object) -> str:
    """The identity of a JST: its TERC code, else its folded name."""
    return f"teryt:{teryt}" if teryt else f"name:{name_key(name)}"


def same_jst(a: dict[str, object], b: dict[str, object]) -> bool | None:
    """Whether two rounds' metadata name one JST: by TERC code when both give one, else by
    folded name; None when either names none."""
    if a.get("teryt") and b.get("teryt"):
        return a["teryt"] == b["teryt"]
    if not (a.get("jst") and b.get("jst")):
        return None
    return name_key(a["jst"]) == name_key(b["jst"])


@dataclass(frozen=True)
class Seen:
    """One round as identity sees it: the JST's name as written, its code, and when."""

    name: str
    teryt: str | None
    when: tuple[object, object]  # (rok, etap)


def identify(rounds: Sequence[Seen]) -> tuple[list[str], dict[str, str], list[Problem]]:
    """Each round's JST key, a display name per key (the latest round's spelling; the code
    beside it when two codes share a name) and warnings for spellings that were taken as one
    JST or that look alike but were kept apart."""
    keys = [jst_key(r.name, r.teryt) for r in rounds]
    spellings: dict[str, list[str]] = {}
    when: dict[str, set[tuple[object, object]]] = {}
    for key, r in zip(keys, rounds, strict=True):
        spellings.setdefault(key, [])
        if fold(r.name) not in {fold(n) for n in spellings[key]}:  # case and spaces do not count
            spellings[key].append(r.name)
        when.setdefault(key, set()).add(r.when)
    problems: list[Problem] = []
    merged = _near_names(spellings, when, problems)
    keys = [merged.get(k, k) for k in keys]
    for key, names in spellings.items():
        if key in merged or len(names) < 2:
            continue
        problems.append(_alike(names, key.startswith("teryt:"), kept_apart=False))
    display: dict[str, str] = {}
    for key, r in zip(keys, rounds, strict=True):
        # rounds come in order: the latest spelling wins, but one with Polish letters is
        # never replaced by one without them
        shown = display.get(key)
        if shown is None or strip_diacritics(r.name) != r.name or strip_diacritics(shown) == shown:
            display[key] = r.name
    by_name: dict[str, list[str]] = {}
    for key, name in display.items():
        by_name.setdefault(name_key(name), []).append(key)
    for clash in by_name.values():
        if len(clash) > 1:  # one name, several codes: told apart everywhere
            for key in clash:
                display[key] = f"{display[key]} ({key.removeprefix('teryt:').removeprefix('name:')})"
    return keys, display, problems


def _near_names(
    spellings: dict[str, list[str]], when: dict[str, set[tuple[object, object]]], problems: list[Problem]
) -> dict[str, str]:
    """Name keys one letter apart (found through their one-letter deletions, so the cost
    grows with the number of names, not its square) are merged into one when no round of
    the one is of the same year and stage as a round of the other."""
    by_variant: dict[str, list[str]] = {}
    names = [k for k in spellings if k.startswith("name:")]
    for key in names:
        text = key[5:]
        for variant in {text, *(text[:i] + text[i + 1 :] for i in range(len(text)))}:
            by_variant.setdefault(variant, []).append(key)
    merged: dict[str, str] = {}
    # a variant shared by very many names (short names, numbered ones) says nothing about a
    # misspelling and would cost the square of their number: such groups are passed over
    groups = [g for g in by_variant.values() if 1 < len(g) <= MAX_ALIKE]
    pairs = {tuple(sorted((a, b))) for group in groups for a in group for b in group if a < b}
    for a, b in sorted(pairs):
        if not _one_edit(a[5:], b[5:]):
            continue
        target, other = merged.get(a, a), merged.get(b, b)
        if target == other:
            continue
        apart = bool(when[a] & when[b])  # both had a round of one year and stage: two JSTs
        problems.append(_alike([*spellings[a], *spellings[b]], False, kept_apart=apart))
        if not apart:
            merged[other] = target
            for key, into in list(merged.items()):
                if into == other:
                    merged[key] = target
    return merged


def _one_edit(a: str, b: str) -> bool:
    """Exactly one letter inserted, deleted or replaced; a digit that differs is not a
    misspelling ("Gmina Numer 12" and "Gmina Numer 13" are two names)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and not (diff[0][0].isdigit() or diff[0][1].isdigit())
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short and not long_[i].isdigit() for i in range(len(long_)))


def _alike(names: list[str], by_code: bool, kept_apart: bool) -> Problem:
    code = "jst-names-apart" if kept_apart else ("jst-spellings" if by_code else "jst-names-alike")
    return Problem(code, Severity.WARNING, value=", ".join(f"„{n}”" for n in dict.fromkeys(names)))
