"""Writing output files safely: atomic replace, no accidental overwrite, inputs untouched."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from liwindex.problems import InputError, Report

# Text starting with these is taken for a formula by spreadsheet programs.
RISKY_START = ("=", "+", "-", "@", "\t", "\r")


def check_output(path: str | Path, force: bool, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse an output path that would overwrite an input, an existing file without
    ``force``, or that lies in a folder that does not exist. Raises :class:`InputError`."""
    path = Path(path)
    report = Report()
    if any(_same_file(path, Path(i)) for i in inputs):
        report.add("output-is-input", file=str(path))
    elif path.is_dir():
        report.add("file-is-directory", file=str(path))
    elif path.exists() and not force:
        report.add("output-exists", file=str(path))
    elif not path.parent.exists():
        report.add("output-folder-missing", file=str(path), value=str(path.parent))
    report.raise_if_invalid()
    return path


def write_atomically(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then rename it into place, so a
    failure never leaves a half-written report or destroys the previous one."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        # mkstemp creates the file readable by its owner only; give the report the mode a
        # new file would have (or keep the one it replaces)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else _default_mode())
        os.replace(tmp, path)
    except PermissionError as exc:
        report = Report()
        report.add("output-not-writable", file=str(path), detail=exc.strerror or "")
        raise InputError(report) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False
