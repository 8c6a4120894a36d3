"""The register of inputs: every file this process has read, so that no output replaces one
of them, whatever path, link or ".." names it."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

# Every file this process has read (device, inode): data, questionnaires, mappings, folder
# members. No output may replace one of them, whatever path, link or ".." names it.
_READ: set[tuple[int, int]] = set()


def remember_input(path: str | Path) -> None:
    """Record a file that was read, so that no output can replace it."""
    with contextlib.suppress(OSError):
        st = os.stat(path)
        _READ.add((st.st_dev, st.st_ino))


def was_read(path: Path) -> bool:
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) in _READ
