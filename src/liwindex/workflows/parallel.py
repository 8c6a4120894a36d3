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
    from multiprocessing.connection import Connection

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


def usable_cores() -> int:
    """The number of cores this process may use (its affinity mask, not the machine's)."""
    count = getattr(os, "process_cpu_count", None)  # Python 3.13
    if count is not None:
        return max(1, count() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def capped_jobs(jobs: int | None) -> int:
    """``jobs`` workers, or every core for None, never more than the usable cores: more
    workers than cores only add memory and switching (docs/performance.md)."""
    return usable_cores() if jobs is None else max(1, min(jobs, usable_cores()))


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
    jobs = capped_jobs(jobs)
    if jobs > 1 and len(specs) >= PARALLEL_FROM:
        _warm(questionnaire, mapping)
    outcomes: list[Outcome] = []
    outcomes_ = map_jobs(_score_one, specs, jobs, _init, (questionnaire, mapping, compact), where=_where)
    for outcome in outcomes_:
        if outcome.result is not None:
            outcome.result.questionnaire = questionnaire
        outcomes.append(outcome)
        if progress is not None:
            progress(len(outcomes), len(specs))
    return outcomes


def _where(spec: RoundFiles) -> str:
    return ", ".join(str(p) for p in spec.paths)


def map_jobs(
    func: Callable[[Any], Any],
    items: Sequence[Any],
    jobs: int,
    init: Callable[..., None],
    initargs: tuple[Any, ...],
    where: Callable[[Any], str] = str,
) -> Iterator[Any]:
    """``func`` over ``items`` in the given order, on ``jobs`` worker processes (at most the
    usable cores; in this process for one job or a handful of items); ``init(*initargs)``
    runs in each worker first. ``func`` must be a module-level function. A worker that dies
    (the OOM killer's SIGKILL) ends the run at once with an :class:`InputError` naming
    ``where(item)`` of the item it held; SIGTERM or Ctrl-C stops every worker."""
    jobs = capped_jobs(jobs)
    if jobs <= 1 or len(items) < PARALLEL_FROM:
        init(*initargs)
        yield from map(func, items)
        return
    yield from _Pool(func, items, jobs, init, initargs).run(where)


def _context() -> Any:
    import multiprocessing

    fork = "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"
    return multiprocessing.get_context("fork" if fork else "spawn")


def _worker(
    func: Callable[[Any], Any],
    init: Callable[..., None],
    initargs: tuple[Any, ...],
    conn: Connection,
    held: Any,
    slot: int,
) -> None:
    """One worker: chunks ``(start, items)`` in, their results out, until told ``None``.
    ``held[slot]`` is the item being worked on, for the parent to name if this process dies."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the group: the parent stops us
    try:
        init(*initargs)
        while (task := conn.recv()) is not None:
            start, chunk = task
            results = []
            for k, item in enumerate(chunk):
                held[slot] = start + k
                results.append(func(item))
            conn.send(("done", start, results))
    except EOFError:  # the parent is gone
        return
    except Exception as exc:  # a program error: the parent raises it
        try:
            conn.send(("error", 0, exc))
        except Exception:  # not picklable
            conn.send(("error", 0, RuntimeError(f"{type(exc).__name__}: {exc}")))


class _Pool:
    """Worker processes, each with its own pipe: no lock is shared, so a worker killed at
    any moment cannot leave the others or the parent waiting (``ProcessPoolExecutor`` can
    hang when a worker dies holding its queue's lock), and the parent knows which item the
    dead one held."""

    def __init__(
        self,
        func: Callable[[Any], Any],
        items: Sequence[Any],
        jobs: int,
        init: Callable[..., None],
        initargs: tuple[Any, ...],
    ) -> None:
        self.items = items
        self.size = min(jobs, len(items))
        # chunks of up to 16 items: fewer messages for the parent to receive (docs/performance.md,
        # "Chunks of rounds"), small enough that a worker left with the last chunk does not keep
        # the others waiting long
        step = max(1, min(16, len(items) // (self.size * 8)))
        self.chunks = iter([(s, list(items[s : s + step])) for s in range(0, len(items), step)])
        self.args = (func, init, initargs)

    def run(self, where: Callable[[Any], str]) -> Iterator[Any]:
        context = _context()
        held = context.RawArray("q", self.size)
        workers: list[tuple[Any, Connection]] = []
        finished = False
        try:
            for slot in range(self.size):
                mine, theirs = context.Pipe()
                process = context.Process(target=_worker, args=(*self.args, theirs, held, slot))
                process.start()
                theirs.close()
                workers.append((process, mine))
            yield from self._collect(workers, held, where)
            finished = True
        finally:
            _stop(workers, finished)

    def _collect(
        self, workers: list[tuple[Any, Connection]], held: Any, where: Callable[[Any], str]
    ) -> Iterator[Any]:
        from multiprocessing.connection import wait

        busy: set[int] = set()

        def feed(slot: int) -> None:
            task = next(self.chunks, None)
            if task is not None:
                held[slot] = task[0]
                busy.add(slot)
            workers[slot][1].send(task)

        for slot in range(self.size):
            feed(slot)
        done: dict[int, Any] = {}
        following = 0
        while following < len(self.items):
            ready = set(wait([workers[s][1] for s in busy] + [workers[s][0].sentinel for s in busy]))
            for slot in sorted(busy):
                process, conn = workers[slot]
                if conn not in ready and process.sentinel not in ready:
                    continue
                try:
                    kind, start, payload = conn.recv()
                except (EOFError, OSError):
                    process.join(1)
                    raise _died(where(self.items[held[slot]]), process.exitcode) from None
                if kind == "error":
                    raise payload
                busy.discard(slot)
                done.update((start + k, r) for k, r in enumerate(payload))
                feed(slot)
            while following in done:
                yield done.pop(following)
                following += 1


def _stop(workers: list[tuple[Any, Connection]], finished: bool) -> None:
    """Every worker ended: after a finished run they have been told to stop and are leaving;
    otherwise (a dead worker, an error, SIGTERM, Ctrl-C) they are terminated at once
    (removing their temporary files), then killed if still there half a second later."""
    if finished:
        for process, _ in workers:
            process.join(2)
    for process, _ in workers:
        if process.is_alive():
            process.terminate()
    for process, _ in workers:
        process.join(0.5)
        if process.is_alive():
            process.kill()
            process.join()
    for _, conn in workers:
        conn.close()


def _died(where: str, exitcode: int | None) -> Exception:
    import signal

    from liwindex.problems import InputError, Report

    how = signal.Signals(-exitcode).name if exitcode is not None and exitcode < 0 else str(exitcode)
    report = Report()
    report.add("worker-died", file=where, value=how)
    return InputError(report)
