"""Writing output files safely: atomic replace, no accidental overwrite, inputs untouched."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from liwindex.io.inputs import was_read
from liwindex.problems import InputError, Report

# Text starting with these is taken for a formula by spreadsheet programs.
RISKY_START = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could take ``text`` for a formula: it starts with one of
    :data:`RISKY_START` once the leading spaces and control or invisible characters are
    passed over (workbooks drop the control characters, spreadsheets skip the spaces, so
    ``"\\x01=1+1"`` is stored and read as ``=1+1``). Linear: one look at each leading character."""
    import unicodedata

    for char in text:
        if char in RISKY_START:
            return True
        if not (char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Zs", "Zl", "Zp")):
            return False
    return False


def check_output(path: str | Path, force: bool, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse an output path that would overwrite an input, an existing file without
    ``force``, or that lies in a folder that does not exist. Raises :class:`InputError`."""
    path = Path(path)
    report = Report()
    if any(_same_file(path, Path(i)) for i in inputs) or was_read(path):
        report.add("output-is-input", file=str(path))
    elif path.is_dir():
        report.add("file-is-directory", file=str(path))
    elif kind := _special(path):
        report.add("output-special-file", file=str(path), value=kind)
    elif path.exists() and not force:
        report.add("output-exists", file=str(path))
    elif not path.parent.exists():
        report.add("output-folder-missing", file=str(path), value=str(path.parent))
    report.raise_if_invalid()
    return path


def _special(path: Path) -> str | None:
    """What ``path`` is when it is neither missing nor a regular file (nor a link to one): a
    link to nowhere, a FIFO, a socket or a device, which a write must not replace or open."""
    import stat

    try:
        mode = path.lstat().st_mode
    except OSError:
        return None  # missing: a new file
    if stat.S_ISLNK(mode):
        try:
            mode = path.stat().st_mode
        except OSError:
            return "symlink → ?"
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return {stat.S_IFIFO: "FIFO", stat.S_IFSOCK: "socket"}.get(stat.S_IFMT(mode), "device")


def check_suffix(path: str | Path, allowed: tuple[str, ...]) -> None:
    """Refuse, before any work, an output name whose extension the command cannot write
    (``raport`` without one, ``nowy.docx``): the format follows the extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        report = Report()
        report.add("output-extension", file=str(path), value=suffix or "—", allowed=", ".join(allowed))
        raise InputError(report)


def write_atomically(path: str | Path, write: Callable[[Path], None]) -> None:
    """Call ``write`` on a temporary file beside ``path``, then rename it into place, so a
    failure never leaves a half-written report or destroys the previous one."""
    path = Path(path)
    if was_read(path) or _special(path):  # a questionnaire or mapping read after the early check
        check_output(path, force=True)
    _remove_stale_temporaries(path)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc, creating=True) from None
    os.close(fd)
    tmp = Path(tmp_name)
    _PENDING.add(tmp)
    try:
        write(tmp)
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        # mkstemp creates the file readable by its owner only; give the report the mode a
        # new file would have (or keep the one it replaces)
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else _default_mode())
        os.replace(tmp, path)
    except OSError as exc:
        raise _write_error(path, exc) from None
    finally:
        _PENDING.discard(tmp)
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _remove_stale_temporaries(path: Path) -> None:
    """Temporary files of an earlier write to the same name that was killed (SIGKILL, power
    loss) are removed once they are a minute old."""
    import glob
    import time

    with contextlib.suppress(OSError):
        for old in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
            if old not in _PENDING and time.time() - old.stat().st_mtime > 60:
                old.unlink()


def _write_error(path: Path, exc: OSError, creating: bool = False) -> InputError:
    """A located message for a write that failed: no space, a folder without write
    permission or read-only, or (while replacing) a file held open by another program."""
    import errno

    report = Report()
    if exc.errno == errno.ENOSPC:
        report.add("output-disk-full", file=str(path))
    elif exc.errno == errno.EROFS or (creating and exc.errno in (errno.EACCES, errno.EPERM)):
        report.add("output-no-permission", file=str(path), value=str(path.parent))
    else:
        report.add("output-not-writable", file=str(path), detail=exc.strerror or str(exc))
    return InputError(report)


# temporary files being written: removed when the process is told to stop (SIGTERM, SIGHUP)
_PENDING: set[Path] = set()


_SIGNALLED: list[int] = []  # the signal that is ending the run, once one has arrived


def signalled() -> int | None:
    """The signal (SIGTERM, SIGHUP) that is ending the run, or None: an error raised while
    the run unwinds from it (a library half-way through writing a file) is that signal's
    exit, not a program error."""
    return _SIGNALLED[0] if _SIGNALLED else None


def _cleanup_and_exit(signum: int, frame: object) -> None:
    _SIGNALLED.append(signum)
    for tmp in list(_PENDING):
        with contextlib.suppress(OSError):
            tmp.unlink()
    raise SystemExit(128 + signum)


def install_signal_cleanup() -> None:
    """Remove half-written temporary files on SIGTERM and SIGHUP (SIGINT already unwinds
    through ``finally``). SIGKILL cannot be caught; its leftovers are hidden dot-files that
    the next write to the same name removes."""
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            with contextlib.suppress(ValueError, OSError):  # not the main thread
                signal.signal(sig, _cleanup_and_exit)


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and a.samefile(b)
    except OSError:
        return False
