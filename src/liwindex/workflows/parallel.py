"""Reading and scoring many rounds on every core: ``--jobs N`` of trend, benchmark and batch.

Each round is read and scored in a worker process and comes back as its compact
:class:`~liwindex.scoring.results.ScoreResult` (no sheets or frames), in the order the rounds were
given, so that ``--jobs 1`` and ``--jobs 4`` give the same output byte for byte. A round
whose files are invalid comes back as its problems; the caller decides whether that stops
the run (trend, benchmark) or only that round (batch).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liwindex.model.questionnaire import Questionnaire
    from liwindex.problems import Problem
    from liwindex.responses.mapping import Mapping
    from liwindex.responses.rounds import RoundFiles
    from liwindex.scoring.results import ScoreResult

# Fewer rounds than this are read in the calling process: starting workers costs more.
PARALLEL_FROM = 4


@dataclass
class Outcome:
    """One round's result, or the problems that kept it from being scored."""

    spec: RoundFiles
    result: ScoreResult | None
    problems: list[Problem]


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# What the workers share; set before the pool forks (or in each spawned worker).
_SHARED: dict[str, Any] = {}


def _init(questionnaire: Questionnaire, mapping: Mapping | None, compact: bool = False) -> None:
    _SHARED["q"], _SHARED["mapping"], _SHARED["compact"] = questionnaire, mapping, compact


def _warm(questionnaire: Questionnaire, mapping: Mapping | None) -> None:
    """Import what reading and scoring a round needs and build what every round of one
    questionnaire shares (the engine's tables, header matcher, answer lookups), in the
    process that forks the workers: they start with it instead of each building it."""
    import python_calamine  # noqa: F401

    import liwindex.scoring.round  # noqa: F401
    from liwindex.io import (
        cellscan,  # noqa: F401
        readers,  # noqa: F401
    )
    from liwindex.responses import (
        rounds,  # noqa: F401
        survey,  # noqa: F401
    )
    from liwindex.responses.matching import ChoiceLookup, GroupLookup, HeaderMatcher

    questionnaire.tables  # noqa: B018  (a cached property)
    HeaderMatcher.for_questionnaire(questionnaire, mapping)
    GroupLookup.cached(questionnaire, mapping)
    for scale in questionnaire.scales:
        ChoiceLookup.cached(scale, mapping)


def _score_one(spec: RoundFiles) -> Outcome:
    from liwindex.problems import InputError
    from liwindex.responses.rounds import read_round_files
    from liwindex.scoring.round import score_round

    try:
        round_ = read_round_files(spec, _SHARED["q"], mapping=_SHARED["mapping"])
        compact = bool(_SHARED.get("compact"))
        result = score_round(round_, items=not compact)
        result.questionnaire = None  # the caller has it: not one copy per round
        if compact:
            result.compact()
        return Outcome(spec, result, [])
    except InputError as exc:
        return Outcome(spec, None, list(exc.report.problems))


def score_rounds(
    specs: Sequence[RoundFiles],
    questionnaire: Questionnaire,
    mapping: Mapping | None,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    compact: bool = False,
) -> list[Outcome]:
    """Every round read and scored, in the given order; ``jobs`` worker processes
    (default: every core; 1: in this process). ``compact``: results without item statistics
    and open answers (:meth:`ScoreResult.compact`), for trend and benchmark."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs > 1 and len(specs) >= PARALLEL_FROM:
        _warm(questionnaire, mapping)
    outcomes: list[Outcome] = []
    for outcome in map_jobs(_score_one, specs, jobs, _init, (questionnaire, mapping, compact)):
        if outcome.result is not None:
            outcome.result.questionnaire = questionnaire
        outcomes.append(outcome)
        if progress is not None:
            progress(len(outcomes), len(specs))
    return outcomes


def map_jobs(
    func: Callable[[Any], Any],
    items: Sequence[Any],
    jobs: int,
    init: Callable[..., None],
    initargs: tuple[Any, ...],
) -> Iterator[Any]:
    """``func`` over ``items`` in the given order, on ``jobs`` worker processes (in this
    process for one job or a handful of items); ``init(*initargs)`` runs in each worker
    first. ``func`` must be a module-level function."""
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        init(*initargs)
        yield from map(func, items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = (
        "fork" if "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin" else "spawn"
    )
    context = multiprocessing.get_context(method)
    # chunks of up to 16 rounds: fewer messages for the parent to receive (docs/performance.md,
    # "Chunks of rounds"), small enough that a worker left with the last chunk does not keep
    # the others waiting long
    chunk = max(1, min(16, len(items) // (jobs * 8)))
    with ProcessPoolExecutor(
        min(jobs, len(items)), mp_context=context, initializer=init, initargs=initargs
    ) as pool:
        yield from pool.map(func, items, chunksize=chunk)
