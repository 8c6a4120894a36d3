"""``liwindex batch FOLDER -o OUTDIR``: a facilitator's whole job in one run.

Every round under FOLDER is found (a folder with a ``metryka.yaml`` is one round of all its
files; any other workbook is a round of its own), read and scored on every core, and
grouped by the JST its metadata names — a round without a JST name is reported, never
guessed. Each JST gets its comparison (first round against the latest) as an Excel
workbook and an HTML page, plus the trend workbook when it has more than two rounds; one
summary (``podsumowanie.html`` and ``.xlsx``) sets every JST side by side and links to
their pages. A problem in one JST's files is that JST's failure: the others are done.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.responses.rounds import SIDECAR, RoundFiles
from liwindex.text import fold, strip_diacritics

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.mapping import Mapping
    from liwindex.scoring.results import ScoreResult

SUMMARY = "podsumowanie"


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


def group_rounds(specs: list[RoundFiles], results: list[ScoreResult | None],
                 problems: list[list[Problem]]) -> tuple[list[JstRun], list[Problem]]:
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
        run = JstRun(name, candidate, [p[0] for p in pairs], [p[1] for p in pairs],
                     problems=list(failures.get(name, [])))
        keys = [(r.meta.get("rok"), r.meta.get("etap")) for r in run.results]
        twice = sorted({f"{rok or '?'} · {etap or '?'}" for rok, etap in keys
                        if keys.count((rok, etap)) > 1})
        if twice:
            run.problems.append(Problem("batch-round-twice", file=name, value=", ".join(twice),
                                        params={"files": "; ".join(s.source for s in run.specs)}))
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


# --- phase 2: each JST's documents, in worker processes ------------------------------------

_SETTINGS: dict[str, Any] = {}


def _init(settings: dict[str, Any]) -> None:
    _SETTINGS.clear()
    _SETTINGS.update(settings)


def _write_jst(job: tuple[list[RoundFiles], dict[str, Path]]) -> tuple[list[Path], list[Problem]]:
    from liwindex import api
    from liwindex.compare.many import trend

    specs, targets = job
    s = _SETTINGS
    written: list[Path] = []
    try:
        pair = [specs[0], specs[-1]] if len(specs) > 1 else [specs[0]]
        written.append(api.export_report(pair, targets["xlsx"], "xlsx", True, s["lang"], s["q"],
                                         mapping=s["mapping"], resamples=s["resamples"],
                                         seed=s["seed"], basis=s["basis"]))
        written += api.write_report(list(specs), targets["html"], None, True, s["lang"], s["q"],
                                    s["mapping"], s["resamples"], s["seed"], basis=s["basis"])
        if "trend" in targets:
            data = trend(api.score_files(list(specs), s["q"], s["mapping"]))
            written.append(api.write_multi("trend", data, targets["trend"], True, s["lang"],
                                           [p for spec in specs for p in spec.paths]))
    except InputError as exc:
        return written, list(exc.report.problems)
    return written, []


def run_batch(folder: str | Path, outdir: str | Path, questionnaire: Questionnaire,
              mapping: Mapping | None = None, force: bool = False, lang: str = "pl",
              resamples: int = 2000, seed: int = 2026, basis: str | None = None,
              jobs: int | None = None,
              progress: Callable[[int, int], None] | None = None) -> BatchResult:
    """The whole batch; raises :class:`InputError` only for what stops everything (no
    folder, no rounds, outputs that exist without ``force``)."""
    from liwindex.outputs.files import check_output
    from liwindex.workflows.parallel import default_jobs, map_jobs, score_rounds

    folder, outdir = Path(folder), Path(outdir)
    report = Report()
    if not folder.is_dir():
        report.add("batch-not-folder", file=str(folder))
        raise InputError(report)
    summary = [outdir / f"{SUMMARY}.html", outdir / f"{SUMMARY}.xlsx"]
    for target in summary:  # a rerun without --force stops here, before any reading
        if target.exists() and not force:
            check_output(target, force)
    specs = find_rounds(folder, skip=outdir)
    if not specs:
        report.add("batch-no-rounds", file=str(folder))
        raise InputError(report)
    outcomes = score_rounds(specs, questionnaire, mapping, jobs, progress)
    runs, unassigned = group_rounds(specs, [o.result for o in outcomes],
                                    [o.problems for o in outcomes])
    for run in runs:
        if not run.failed:
            summarise(run, basis)

    inputs = [p for spec in specs for p in spec.paths]
    if outdir.exists() and not outdir.is_dir():
        report.add("batch-output-not-folder", file=str(outdir))
        raise InputError(report)
    outdir.mkdir(parents=True, exist_ok=True)
    for target in [*summary, *(t for r in runs if not r.failed for t in r.targets(outdir).values())]:
        try:
            check_output(target, force, inputs=inputs)
        except InputError as exc:
            report.extend(exc.report.problems)
    report.raise_if_invalid()

    todo = [r for r in runs if not r.failed]
    settings = {"q": questionnaire, "mapping": mapping, "lang": lang, "resamples": resamples,
                "seed": seed, "basis": basis}
    jobs = default_jobs() if jobs is None else jobs
    for run, (written, problems) in zip(
            todo, map_jobs(_write_jst, [(r.specs, r.targets(outdir)) for r in todo],
                           jobs, _init, (settings,)), strict=True):
        run.written, run.problems = written, run.problems + problems
    rank(runs)
    result = BatchResult(runs, unassigned, summary)
    _write_summary(result, outdir, lang)
    return result


def _write_summary(batch: BatchResult, outdir: Path, lang: str) -> None:
    from liwindex.outputs.files import write_atomically
    from liwindex.outputs.html.summary import summary_page, write_summary_xlsx

    html = summary_page(batch, lang)
    def page(tmp: Path) -> None:
        tmp.write_text(html, "utf-8")

    write_atomically(batch.summary[0], page)
    write_atomically(batch.summary[1], lambda tmp: write_summary_xlsx(tmp, batch, lang))
