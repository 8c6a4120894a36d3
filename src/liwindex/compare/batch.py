"""The batch's data: the rounds found under a folder, grouped by the JST their metadata
names, each JST's first and latest values on one basis, and the ranking."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from liwindex.i18n import fmt, fmt_signed
from liwindex.problems import InputError, Problem, Severity
from liwindex.responses.rounds import SIDECAR, RoundFiles
from liwindex.text import fold, strip_diacritics

if TYPE_CHECKING:
    from liwindex.scoring.results import ScoreResult

SUMMARY = "podsumowanie"
BASIS_NAMES = {
    "pl": {"survey": "ankieta", "grades": "oceny grupy roboczej"},
    "en": {"survey": "survey", "grades": "working-group grades"},
}


SUMMARY = "podsumowanie"
BASIS_NAMES = {
    "pl": {"survey": "ankieta", "grades": "oceny grupy roboczej"},
    "en": {"survey": "survey", "grades": "working-group grades"},
}


@dataclass
class JstRun:
    """One local government's rounds and what the batch made of them."""

    name: str
    slug: str
    specs: list[RoundFiles]
    results: list[ScoreResult]
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    before: float | None = None
    after: float | None = None
    delta: float | None = None
    basis: str | None = None
    provisional: bool = False
    rank: int | None = None

    @property
    def failed(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)

    def targets(self, outdir: Path) -> dict[str, Path]:
        out = {"xlsx": outdir / f"{self.slug}.xlsx", "html": outdir / f"{self.slug}.html"}
        if len(self.specs) > 2:
            out["trend"] = outdir / f"{self.slug}-trend.xlsx"
        return out

    def cells(self, lang: str) -> list[str]:
        """The summary row as text, the same in the terminal, the page and the workbook:
        rank, name, rounds, first and latest index († provisional), change, basis."""
        first, last = self.labels(lang)
        rounds = first if len(self.results) == 1 else f"{first} → {last}"
        mark = " †" if self.provisional else ""
        return [
            str(self.rank) if self.rank else "—",
            self.name,
            rounds,
            fmt(self.before, lang),
            fmt(self.after, lang) + mark,
            fmt_signed(self.delta, lang),
            BASIS_NAMES[lang].get(self.basis or "", "—"),
        ]

    def labels(self, lang: str) -> tuple[str, str]:
        from liwindex.compare.comparison import round_label

        return round_label(self.results[0], lang), round_label(self.results[-1], lang)


@dataclass
class BatchResult:
    """Every JST of the run, the files that could not be assigned to one, and the summary."""

    runs: list[JstRun]
    unassigned: list[Problem]
    summary: list[Path]

    @property
    def failed(self) -> list[JstRun]:
        return [r for r in self.runs if r.failed]

    def ranked(self) -> list[JstRun]:
        """The JSTs with a report, by rank, then by name as Polish readers sort it."""
        return sorted(
            (r for r in self.runs if not r.failed),
            key=lambda r: (r.rank is None, r.rank or 0, strip_diacritics(fold(r.name))),
        )


def find_rounds(folder: Path, skip: Path | None = None) -> list[RoundFiles]:
    """The rounds under ``folder``, in path order; ``skip`` (the output folder) is left out."""
    from liwindex.io.discovery import SUFFIXES

    rounds: list[RoundFiles] = []

    def visit(directory: Path) -> None:
        entries = sorted(p for p in directory.iterdir() if not p.name.startswith((".", "~$")))
        files = [p for p in entries if p.is_file() and p.suffix.lower() in SUFFIXES]
        if (directory / SIDECAR).is_file() and files:
            rounds.append(RoundFiles(paths=tuple(str(f) for f in files)))
        else:
            rounds.extend(RoundFiles(paths=(str(f),)) for f in files)
        for sub in entries:
            if sub.is_dir() and not sub.is_symlink() and (skip is None or not _same(sub, skip)):
                visit(sub)

    visit(folder)
    return rounds


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _folder(spec: RoundFiles) -> Path:
    return Path(spec.paths[0]).parent


def slug(name: str) -> str:
    """A file name from a JST's name: ``Gmina Przykładowa`` → ``gmina-przykladowa``."""
    text = re.sub(r"[^a-z0-9]+", "-", strip_diacritics(fold(name))).strip("-")
    return text[:80] or "jst"


def group_rounds(
    specs: list[RoundFiles], results: list[ScoreResult | None], problems: list[list[Problem]]
) -> tuple[list[JstRun], list[Problem]]:
    """Rounds grouped by the JST their metadata names, each JST's rounds in chronological
    order; rounds that failed to read or name no JST are returned apart."""
    from liwindex.compare.many import round_order

    by_name: dict[str, list[tuple[RoundFiles, ScoreResult]]] = {}
    unassigned: list[Problem] = []
    broken: list[tuple[RoundFiles, list[Problem]]] = []
    names_in: dict[Path, set[str]] = {}  # folder → the JSTs its readable rounds name
    for spec, result, found in zip(specs, results, problems, strict=True):
        if result is None:
            broken.append((spec, found))
        elif not result.meta.get("jst"):
            unassigned.append(Problem("batch-no-jst", file=spec.source))
        else:
            name = str(result.meta["jst"]).strip()
            by_name.setdefault(name, []).append((spec, result))
            names_in.setdefault(_folder(spec), set()).add(name)
    # a round that cannot be read belongs to the JST of the other rounds in its folder,
    # when they name one: that JST fails rather than being reported without it
    failures: dict[str, list[Problem]] = {}
    for spec, found in broken:
        owners = names_in.get(_folder(spec), set())
        if len(owners) == 1:
            failures.setdefault(next(iter(owners)), []).extend(found)
        else:
            unassigned.extend(found)
    runs: list[JstRun] = []
    used: set[str] = set()
    for name in sorted(by_name, key=lambda n: strip_diacritics(fold(n))):
        pairs = sorted(by_name[name], key=lambda p: round_order(p[1]))
        base = candidate = slug(name)
        k = 2
        while candidate in used or candidate == SUMMARY:
            candidate, k = f"{base}-{k}", k + 1
        used.add(candidate)
        run = JstRun(
            name,
            candidate,
            [p[0] for p in pairs],
            [p[1] for p in pairs],
            problems=list(failures.get(name, [])),
        )
        keys = [(r.meta.get("rok"), r.meta.get("etap")) for r in run.results]
        twice = sorted({f"{rok or '?'} · {etap or '?'}" for rok, etap in keys if keys.count((rok, etap)) > 1})
        if twice:
            run.problems.append(
                Problem(
                    "batch-round-twice",
                    file=name,
                    value=", ".join(twice),
                    params={"files": "; ".join(s.source for s in run.specs)},
                )
            )
        runs.append(run)
    return runs, unassigned


def summarise(run: JstRun, basis: str | None) -> None:
    """The summary figures of a JST: index before and after on one basis (no bootstrap:
    the JST's page carries the intervals), or the single round's index."""
    from liwindex.compare.comparison import compare

    if len(run.results) == 1:
        result = run.results[0]
        run.after, run.basis = result.index.value, result.index.source
        run.provisional = result.index.source == "survey" and result.provisional
        return
    try:
        comparison = compare(run.results[0], run.results[-1], 0, basis=basis)
    except InputError as exc:
        run.problems.extend(exc.report.problems)
        return
    row = comparison.index
    run.before, run.after, run.delta = row.value.before, row.value.after, row.value.delta
    run.basis, run.provisional = comparison.basis, bool(row.provisional)


def rank(runs: list[JstRun]) -> None:
    """Rank by the latest index, highest first; equal values share a rank."""
    values = sorted({r.after for r in runs if r.after is not None and not r.failed}, reverse=True)
    for run in runs:
        run.rank = values.index(run.after) + 1 if run.after is not None and not run.failed else None
