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

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.compare.batch import DATASET, SUMMARY, BatchResult, group_rounds, rank, summarise
from liwindex.problems import InputError, Problem, Report, Severity
from liwindex.responses.discovery import find_rounds

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.responses.mapping import Mapping
    from liwindex.responses.rounds import RoundFiles
    from liwindex.scoring.results import ScoreResult


# --- phase 2: each JST's documents, in worker processes ------------------------------------

_SETTINGS: dict[str, Any] = {}


def _init(settings: dict[str, Any]) -> None:
    _SETTINGS.clear()
    _SETTINGS.update(settings)


def _write_jst(
    job: tuple[list[RoundFiles], dict[str, Path], list[Problem]],
) -> tuple[list[Path], list[Problem]]:
    from liwindex.compare.many import trend
    from liwindex.workflows.documents import export_report, write_multi, write_report
    from liwindex.workflows.rounds import score_files

    specs, targets, warnings = job
    s = _SETTINGS
    written: list[Path] = []
    try:
        pair = [specs[0], specs[-1]] if len(specs) > 1 else [specs[0]]
        written.append(
            export_report(
                pair,
                targets["xlsx"],
                "xlsx",
                True,
                s["lang"],
                s["q"],
                mapping=s["mapping"],
                resamples=s["resamples"],
                seed=s["seed"],
                basis=s["basis"],
                warnings=warnings,
                mask=s["mask"],
            )
        )
        written += write_report(
            list(specs),
            targets["html"],
            None,
            True,
            s["lang"],
            s["q"],
            s["mapping"],
            s["resamples"],
            s["seed"],
            basis=s["basis"],
            warnings=warnings,
            mask=s["mask"],
        )
        if "trend" in targets:
            data = trend(score_files(list(specs), s["q"], s["mapping"]))
            written.append(
                write_multi(
                    "trend",
                    data,
                    targets["trend"],
                    True,
                    s["lang"],
                    [p for spec in specs for p in spec.paths],
                )
            )
    except InputError as exc:
        return written, list(exc.report.problems)
    return written, []


def run_batch(
    folder: str | Path,
    outdir: str | Path,
    questionnaire: Questionnaire,
    mapping: Mapping | None = None,
    force: bool = False,
    lang: str = "pl",
    resamples: int = 2000,
    seed: int = 2026,
    basis: str | None = None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    mask: bool = True,
) -> BatchResult:
    """The whole batch; raises :class:`InputError` only for what stops everything (no
    folder, no rounds, outputs that exist without ``force``)."""
    from liwindex.outputs.files import check_output
    from liwindex.workflows.parallel import capped_jobs, map_jobs, score_rounds

    folder, outdir = Path(folder), Path(outdir)
    report = Report()
    if not folder.is_dir():
        report.add("batch-not-folder", file=str(folder))
        raise InputError(report)
    summary = [outdir / f"{SUMMARY}.html", outdir / f"{SUMMARY}.xlsx", outdir / DATASET]
    for target in summary:  # a rerun without --force stops here, before any reading
        if target.exists() and not force:
            check_output(target, force)
    specs, notes = find_rounds([str(folder)], skip=outdir)
    if not specs:
        report.add("batch-no-rounds", file=str(folder))
        raise InputError(report)
    outcomes = score_rounds(specs, questionnaire, mapping, jobs, progress)
    runs, unassigned, alike = group_rounds(
        specs, [o.result for o in outcomes], [o.problems for o in outcomes]
    )
    notes += alike
    for outcome in outcomes:  # what the readable rounds say goes to the data-quality section
        if outcome.result is not None:
            notes += [p for p in outcome.result.problems if p.severity is not Severity.ERROR]
    for run in runs:
        if not run.blocked and run.results:
            summarise(run, basis)

    inputs = [p for spec in specs for p in spec.paths]
    if outdir.exists() and not outdir.is_dir():
        report.add("batch-output-not-folder", file=str(outdir))
        raise InputError(report)
    outdir.mkdir(parents=True, exist_ok=True)
    todo = [r for r in runs if not r.blocked and r.results]  # a JST missing a round still gets its report
    for target in [*summary, *(t for r in todo for t in r.targets(outdir).values())]:
        try:
            check_output(target, force, inputs=inputs)
        except InputError as exc:
            report.extend(exc.report.problems)
    report.raise_if_invalid()

    settings = {
        "q": questionnaire,
        "mapping": mapping,
        "lang": lang,
        "resamples": resamples,
        "seed": seed,
        "basis": basis,
        "mask": mask,
    }
    jobs = capped_jobs(jobs)
    for run, (written, problems) in zip(
        todo,
        map_jobs(
            _write_jst,
            [(r.specs, r.targets(outdir), [m.warning() for m in r.missing]) for r in todo],
            jobs,
            _init,
            (settings,),
            where=lambda job: ", ".join(str(p) for spec in job[0] for p in spec.paths),
        ),
        strict=True,
    ):
        run.written, run.problems = written, run.problems + problems
    rank(runs)
    result = BatchResult(runs, unassigned, summary, notes)
    _write_summary(result, outdir, lang, [o.result for o in outcomes if o.result is not None])
    return result


def _write_summary(batch: BatchResult, outdir: Path, lang: str, results: list[ScoreResult]) -> None:
    from liwindex.compare.dataset import dataset_rows
    from liwindex.outputs.dataset import write_dataset
    from liwindex.outputs.excel.summary import write_summary_xlsx
    from liwindex.outputs.files import write_atomically
    from liwindex.outputs.html.summary import summary_page
    from liwindex.text import encodable

    html = summary_page(batch, lang)

    def page(tmp: Path) -> None:
        tmp.write_text(encodable(html), "utf-8")

    write_atomically(batch.summary[0], page)
    write_atomically(batch.summary[1], lambda tmp: write_summary_xlsx(tmp, batch, lang))
    rows = dataset_rows(results, lang)
    write_atomically(batch.summary[2], lambda tmp: write_dataset(tmp, rows, parquet=False))
