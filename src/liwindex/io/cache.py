"""A small on-disk cache of validated questionnaires, so that a run does not parse the YAML
and build the pydantic validators again (a cost paid by every `score` and by every worker
of a batch).

An entry is keyed by a hash of the YAML text together with what the caller says the object
depends on (liwindex's, pydantic's and Python's versions and the source of the questionnaire
models), so any change to the file or to the code makes a new key; stale entries are simply
never read again. The cache lives in
``LIWINDEX_CACHE_DIR``, else ``$XDG_CACHE_HOME/liwindex``, else ``~/.cache/liwindex``;
``LIWINDEX_CACHE_DIR=off`` (or an empty value) turns it off. Entries are pickles, so they
are read only from a directory and files owned by the current user that nobody else can
write; anything unexpected (a broken entry, a read-only home) falls back to building
the questionnaire as if there were no cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

OFF = {"", "0", "off", "no", "false"}


def directory() -> Path | None:
    """Where entries live, or None when the cache is turned off."""
    configured = os.environ.get("LIWINDEX_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in OFF else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "liwindex"


def key(kind: str, text: str, versions: Sequence[str], sources: Sequence[str | Path]) -> str:
    """The entry name for ``text`` of one ``kind``. What the pickled object depends on
    besides the text comes from the caller: ``versions`` (of liwindex, of the libraries)
    and ``sources``, files whose content is hashed (the modules that define the object)."""
    parts = list(versions)
    for source in sources:
        with contextlib.suppress(OSError):
            parts.append(hashlib.sha256(Path(source).read_bytes()).hexdigest())
    digest = hashlib.sha256("\0".join(parts).encode() + b"\0" + text.encode("utf-8", "surrogatepass"))
    return f"{kind}-{digest.hexdigest()[:40]}.pickle"


def _trusted(path: Path) -> bool:
    """Owned by this user and writable by no one else (POSIX; elsewhere: any)."""
    if not hasattr(os, "getuid"):
        return True
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def load(name: str) -> Any:
    """The cached object, or None."""
    where = directory()
    if where is None:
        return None
    path = where / name
    try:
        if not (_trusted(where) and _trusted(path)):
            return None
        with path.open("rb") as fh:
            return pickle.load(fh)
    except Exception:  # no entry, or one that cannot be read: build it again
        return None


def store(name: str, value: Any) -> None:
    """Keep ``value`` under ``name`` (atomically; failures are ignored)."""
    where = directory()
    if where is None:
        return
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(where):
            return
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(handle, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, where / name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except Exception:
        return
