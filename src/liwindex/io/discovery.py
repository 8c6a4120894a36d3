"""Finding input files: the workbooks a folder holds, for every command that takes folders."""

from __future__ import annotations

from pathlib import Path

SUFFIXES = {".xlsx", ".xlsm", ".xls", ".ods", ".csv"}


def expand_paths(items: list[str]) -> list[Path]:
    """Files as given, and the workbooks inside any folder (not lock or hidden files)."""
    paths: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            paths += sorted(
                p
                for p in path.iterdir()
                if p.suffix.lower() in SUFFIXES and not p.name.startswith(("~$", "."))
            )
        else:
            paths.append(path)
    return paths
