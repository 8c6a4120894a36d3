"""Reading and scoring rounds for the façade: one round, a pair, many on every core, with
intervals and analyses; validating files and mapping files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from liwindex.compare.comparison import Comparison, compare
from liwindex.model.loading import load_questionnaire
from liwindex.model.questionnaire import Questionnaire
from liwindex.problems import InputError, Report, Severity
from liwindex.responses.mapping import Mapping, load_mapping
from liwindex.responses.rounds import Round, RoundFiles, read_round_files
from liwindex.scoring.results import ScoreResult
from liwindex.scoring.round import score_round

if TYPE_CHECKING:
    from liwindex.analysis.analyze import Analysis, Gap
    from liwindex.compare.many import Benchmark, Trend


def questionnaire_of(questionnaire: str | Path | Questionnaire | None) -> Questionnaire:
    if isinstance(questionnaire, Questionnaire):
        return questionnaire
    return load_questionnaire(questionnaire)


RoundSource = str | Path | RoundFiles | list[str | Path] | tuple[str | Path, ...]
"""One round: a file, a folder of its files, a list of files, or :class:`RoundFiles`."""


def round_paths(rounds: Sequence[RoundSource]) -> list[str | Path]:
    """Every path the rounds name, for the check that no output replaces an input."""
    return [p for r in rounds for p in RoundFiles.of(r).paths]


def mapping_of(mapping: str | Path | Mapping | None, q: Questionnaire) -> Mapping | None:
    if mapping is None or isinstance(mapping, Mapping):
        return mapping
    return load_mapping(mapping, q)


def score_file(
    path: RoundSource,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
    mapping: str | Path | Mapping | None = None,
) -> ScoreResult:
    """Read and score one round (one workbook, or several files of one round);
    ``questionnaire`` and ``mapping`` are paths or loaded."""
    return read_and_score(path, questionnaire, sheet, group, mapping)[1]


def read_and_score(
    path: RoundSource,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
    mapping: str | Path | Mapping | None = None,
) -> tuple[Round, ScoreResult]:
    q = questionnaire_of(questionnaire)
    round_ = read_round_files(RoundFiles.of(path, group), q, sheet=sheet, mapping=mapping_of(mapping, q))
    return round_, score_round(round_)


def analyze_round(
    round_: Round, result: ScoreResult, resamples: int = 2000, seed: int = 2026, draws: Any = None
) -> Analysis:
    """Intervals, reliability, the gap between groups, data quality and sensitivity."""
    from liwindex.analysis.analyze import analyze

    return analyze(round_, result, resamples, seed, draws)


def analyze_file(
    path: RoundSource,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
    mapping: str | Path | Mapping | None = None,
    resamples: int = 2000,
    seed: int = 2026,
) -> Analysis:
    """Read, score and analyse one workbook."""
    round_, result = read_and_score(path, questionnaire, sheet, group, mapping)
    return analyze_round(round_, result, resamples, seed)


def with_intervals(result: ScoreResult, resamples: int, seed: int = 2026) -> ScoreResult:
    """Add 95 % bootstrap intervals of the survey scores to ``result`` (in place)."""
    if resamples <= 0:  # nothing to add (and the statistics need not be imported)
        return result
    from liwindex.analysis.analyze import attach_intervals, draws_for

    attach_intervals(result, draws_for(result, resamples, seed))
    return result


def score_files(
    paths: Sequence[RoundSource],
    questionnaire: str | Path | Questionnaire | None = None,
    mapping: str | Path | Mapping | None = None,
) -> list[ScoreResult]:
    """Score several rounds in this process; the problems of all of them are reported
    together (:func:`score_many` with one job)."""
    return score_many(paths, questionnaire, mapping, jobs=1)


def read_all(
    items: list[tuple[RoundSource, Questionnaire]], mapping: str | Path | Mapping | None
) -> list[tuple[Round, ScoreResult]]:
    """Read and score each file with its questionnaire; the problems of all files are
    reported together, and a mapping file is loaded once per questionnaire."""
    mappings: dict[int, Mapping | None] = {}
    pairs: list[tuple[Round, ScoreResult]] = []
    report = Report()
    for path, q in items:
        try:
            if id(q) not in mappings:
                mappings[id(q)] = mapping_of(mapping, q)
            pairs.append(read_and_score(path, q, mapping=mappings[id(q)]))
        except InputError as exc:
            report.extend(exc.report.problems)
    report.raise_if_invalid()
    return pairs


def score_many(
    rounds: Sequence[RoundSource],
    questionnaire: str | Path | Questionnaire | None = None,
    mapping: str | Path | Mapping | None = None,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
    compact: bool = False,
) -> list[ScoreResult]:
    """Score many rounds on ``jobs`` worker processes (None: every core), in the given
    order; the problems of every invalid round are reported together. ``compact`` leaves
    out what only single-round reports read (:meth:`ScoreResult.compact`)."""
    from liwindex.workflows.parallel import score_rounds

    if not rounds:
        report = Report()
        report.add("no-files")
        raise InputError(report)
    q = questionnaire_of(questionnaire)
    outcomes = score_rounds(
        [RoundFiles.of(r) for r in rounds], q, mapping_of(mapping, q), jobs, progress, compact
    )
    report = Report()
    for outcome in outcomes:
        report.extend(outcome.problems)
    report.raise_if_invalid()
    return [o.result for o in outcomes if o.result is not None]


def trend_files(
    items: list[str],
    questionnaire: str | Path | None = None,
    mapping: str | Path | None = None,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Trend:
    """One local government's rounds in chronological order; folders give the rounds
    under them (:func:`~liwindex.responses.discovery.find_rounds`)."""
    from liwindex.compare.many import trend
    from liwindex.responses.discovery import find_rounds

    rounds, notes = find_rounds(items)
    data = trend(score_many(rounds, questionnaire, mapping, jobs, progress, compact=True))
    data.problems += notes
    return data


def benchmark_files(
    items: list[str],
    questionnaire: str | Path | None = None,
    mapping: str | Path | None = None,
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
) -> Benchmark:
    """One round per local government, ranked per area and on the index; folders give
    the rounds under them, a folder with a ``metryka.yaml`` one round of all its files."""
    from liwindex.compare.many import benchmark
    from liwindex.responses.discovery import find_rounds

    rounds, notes = find_rounds(items)
    data = benchmark(score_many(rounds, questionnaire, mapping, jobs, progress, compact=True))
    data.problems += notes
    return data


def validate_file(
    path: RoundSource,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
    mapping: str | Path | Mapping | None = None,
) -> Report:
    """Every problem of one workbook (and of the questionnaire or mapping it needs)."""
    try:
        q = questionnaire_of(questionnaire)
        return read_round_files(
            RoundFiles.of(path, group), q, sheet=sheet, mapping=mapping_of(mapping, q)
        ).report
    except InputError as exc:
        return exc.report


def check_mapping_file(
    path: RoundSource,
    mapping: str | Path,
    questionnaire: str | Path | Questionnaire | None = None,
    sheet: str | None = None,
    group: str | None = None,
) -> Report:
    """Check a mapping file against the files it is meant for, without scoring: the
    mapping's own problems (with YAML lines), every problem of the files read with it, and
    notes on mapping entries the files do not use and questions they lack."""
    report = Report()
    q = questionnaire_of(questionnaire)
    try:
        loaded = load_mapping(mapping, q)
    except InputError as exc:
        return exc.report
    try:
        round_ = read_round_files(RoundFiles.of(path, group), q, sheet=sheet, mapping=loaded)
    except InputError as exc:
        return exc.report
    report.extend(round_.report.problems)
    present = set(round_.survey.columns) if round_.survey is not None else set()
    unused = sorted(
        {
            t
            for t in loaded.columns.values()
            if t is not None and t not in present and t != q.group_question.id
        }
    )
    if unused:
        report.add("mapping-columns-unused", Severity.NOTE, file=str(mapping), value=", ".join(unused))
    missing = [x.id for x in q.questions if x.id not in present]
    if missing and round_.survey is not None:
        report.add(
            "mapping-questions-missing",
            Severity.NOTE,
            file=round_.source,
            count=len(missing),
            value=", ".join(missing[:12]) + (" …" if len(missing) > 12 else ""),
        )
    scored = present & {x.id for x in q.questions}
    report.add("mapping-fits", Severity.NOTE, file=str(mapping), count=len(scored), total=len(q.questions))
    return report


def compare_files(
    before: RoundSource,
    after: RoundSource,
    questionnaire: str | Path | None = None,
    questionnaire_before: str | Path | None = None,
    mapping: str | Path | None = None,
    resamples: int = 0,
    seed: int = 2026,
    basis: str | None = None,
    skip_round_check: bool = False,
) -> Comparison:
    """Score and compare two rounds (each a workbook or several files) like for like.
    Problems of both rounds are reported together. With ``resamples`` > 0 every change of
    a survey score gets a 95 % interval."""
    pairs = read_pair(before, after, questionnaire, questionnaire_before, mapping)
    return compare(pairs[0][1], pairs[1][1], resamples, seed, basis, skip_round_check)


def read_pair(
    before: RoundSource,
    after: RoundSource,
    questionnaire: str | Path | None,
    questionnaire_before: str | Path | None,
    mapping: str | Path | None,
) -> list[tuple[Round, ScoreResult]]:
    """Read and score two rounds; the problems of both files are reported together."""
    q_after = questionnaire_of(questionnaire)
    q_before = questionnaire_of(questionnaire_before) if questionnaire_before else q_after
    return read_all([(before, q_before), (after, q_after)], mapping)


def check_group(q: Questionnaire, group: str | None) -> None:
    if group is not None and group not in q.group_ids:
        report = Report()
        report.add(
            "unknown-group-option", value=group, allowed=", ".join(f"{g.id} ({g.label.pl})" for g in q.groups)
        )
        raise InputError(report)


def largest_gaps(result: ScoreResult, n: int = 3) -> list[Gap]:
    """The ``n`` areas where the first two groups (NGOs and the administration) disagree
    most, without intervals (the statistics are imported only here)."""
    from liwindex.analysis.analyze import gaps_for
    from liwindex.analysis.analyze import largest_gaps as largest

    return largest(gaps_for(result, None), n)
