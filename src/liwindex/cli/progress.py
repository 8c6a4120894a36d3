"""The progress bar of long runs (trend, benchmark, batch), on stderr."""

from __future__ import annotations

import sys
from typing import Any

PROGRESS_FROM = 6


class Progress:
    """A rich progress bar on stderr for long runs, sized by the first report of progress;
    silent when stderr is not a terminal, with ``quiet``, or for a handful of rounds."""

    def __init__(self, lang: str, quiet: bool = False) -> None:
        self._bar: Any = None
        self._lang, self._off = lang, quiet or not sys.stderr.isatty()

    def __call__(self, done: int, total: int) -> None:
        if self._off or total < PROGRESS_FROM:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeRemainingColumn
            from rich.progress import Progress as Bar

            label = "Czytanie plików" if self._lang == "pl" else "Reading files"
            self._bar = Bar(
                TextColumn(label),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._bar.add_task(label, total=total)
            self._bar.start()
        self._bar.update(self._task, completed=done)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
