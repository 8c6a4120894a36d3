"""Finding the rounds under folders, the same way for every command that reads many rounds
(trend, benchmark, batch): a folder with a ``metryka.yaml`` is one round of all its files,
any other workbook is a round of its own, and subfolders are searched too."""

from __future__ import annotations

from pathlib import Path

from liwindex.io.discovery import folder_files
from liwindex.problems import Problem, Severity
from liwindex.responses.meta import SIDECAR
from liwindex.responses.rounds import RoundFiles


def find_rounds(items: list[str], skip: Path | None = None) -> tuple[list[RoundFiles], list[Problem]]:
    """The rounds that ``items`` name, in order: a file is a round; a folder gives the
    rounds under it, in path order (``skip``, the output folder, left out). Returns the
    rounds and a note for each file liwindex wrote, which is never read as answers."""
    rounds: list[RoundFiles] = []
    skipped: list[Path] = []

    def visit(directory: Path) -> None:
        files = folder_files(directory, skipped)
        if (directory / SIDECAR).is_file() and files:
            rounds.append(RoundFiles(paths=tuple(str(f) for f in files)))
        else:
            rounds.extend(RoundFiles(paths=(str(f),)) for f in files)
        for sub in sorted(directory.iterdir()):
            if sub.name.startswith((".", "~$")) or not sub.is_dir() or sub.is_symlink():
                continue
            if skip is None or not _same(sub, skip):
                visit(sub)

    for item in items:
        path = Path(item)
        if path.is_dir():
            visit(path)
        else:
            rounds.append(RoundFiles(paths=(str(path),)))
    return rounds, [Problem("own-output-skipped", Severity.NOTE, file=str(p)) for p in skipped]


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False
