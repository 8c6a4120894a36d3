"""A small on-disk cache of validated questionnaires, so that a run does not parse the YAML
again (a cost paid by every `score` and by every worker of a batch).

An entry is named after a hash of the YAML text together with what the caller says the
object depends on (liwindex's, pydantic's and Python's versions and the source of the
questionnaire models), so any change to the file or to the code makes a new name. The entry
also carries that whole key, the text's hash and the entry format, and is used only when all
of them match what it is read for: a file copied or renamed onto another entry's name, a
damaged file, one of another version or format is ignored and rebuilt (a debug note, seen
with ``--debug``). Entries are JSON of the validated model, validated again when read, so an
entry can never run code or hand back an object the models would not build.

The cache lives in ``LIWINDEX_CACHE_DIR`` (``~`` expanded), else ``$XDG_CACHE_HOME/liwindex``,
else ``~/.cache/liwindex``; ``LIWINDEX_CACHE_DIR=off`` (or an empty value) turns it off. It is
read only from a folder and files owned by the running user that nobody else can write, and
never created inside a folder that belongs to someone else (root running with a user's
HOME would otherwise leave a root-owned ``~/.cache`` the user's programs cannot use).
Temporary files left by a killed run are removed after an hour. Anything unexpected (a
read-only home, a full disk) falls back to building the questionnaire as if there were no
cache.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from liwindex.io import environment

if TYPE_CHECKING:
    from pydantic import BaseModel

    Model = TypeVar("Model", bound=BaseModel)

FORMAT = 2  # 1: pickles (their leftovers are removed), 2: JSON with the key inside
SUFFIX = ".json"
TEMPORARY = ".tmp-"
STALE_AFTER = 3600  # seconds: a temporary file older than this belongs to a killed run
MAX_ENTRY_BYTES = 20_000_000  # the standard questionnaire's entry is about 25 kB

log = logging.getLogger("liwindex.cache")


@dataclass(frozen=True)
class Entry:
    """What one cache entry is for: its file ``name``, the whole ``key`` it was made for and
    the hash of the text it holds the validated form of."""

    name: str
    key: str
    text_sha256: str


def directory() -> Path | None:
    """Where entries live, or None when the cache is turned off or would not be the
    running user's."""
    configured = environment.cache_dir()
    if configured == "off":
        return None
    if configured is not None:
        return configured
    home = Path(os.path.expanduser("~"))
    if not _ours(home):  # root (or sudo) with another user's HOME: not that user's cache
        return None
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base = Path(os.path.expanduser(xdg)) if xdg else home / ".cache"
    if not base.is_absolute():  # the XDG specification: a relative path is ignored
        base = home / ".cache"
    return base / "liwindex"


def key(kind: str, text: str, versions: Sequence[str], sources: Sequence[str | Path]) -> Entry:
    """The entry for ``text`` of one ``kind``. What the cached object depends on besides
    the text comes from the caller: ``versions`` (of liwindex, of the libraries) and
    ``sources``, files whose content is hashed (the modules that define the object)."""
    parts = [f"format {FORMAT}", kind, *versions]
    for source in sources:
        with contextlib.suppress(OSError):
            parts.append(hashlib.sha256(Path(source).read_bytes()).hexdigest())
    body = text.encode("utf-8", "surrogatepass")
    digest = hashlib.sha256("\0".join(parts).encode() + b"\0" + body).hexdigest()
    return Entry(f"{kind}-{digest[:40]}{SUFFIX}", digest, hashlib.sha256(body).hexdigest())


def _ours(path: Path) -> bool:
    """Owned by the running user (POSIX; elsewhere: always)."""
    if not hasattr(os, "geteuid"):
        return True
    try:
        return path.stat().st_uid == os.geteuid()
    except OSError:
        return False


def _trusted(path: Path) -> bool:
    """Owned by the running user and writable by no one else (POSIX; elsewhere: any)."""
    if not hasattr(os, "geteuid"):
        return True
    st = path.stat()
    return st.st_uid == os.geteuid() and not st.st_mode & 0o022


def load(entry: Entry, model: type[Model]) -> Model | None:
    """The cached, validated ``model`` of ``entry``, or None (no entry, or one not for it)."""
    where = directory()
    if where is None:
        return None
    path = where / entry.name
    try:
        if not path.exists():
            return None
        if not (_trusted(where) and _trusted(path)):
            log.debug("cache entry %s not used: not the user's own or writable by others", path)
            return None
        if path.stat().st_size > MAX_ENTRY_BYTES:
            raise ValueError("larger than any questionnaire's entry")
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict):
            raise ValueError("not an entry")
        made_for = (data.get("format"), data.get("key"), data.get("text_sha256"))
        if made_for != (FORMAT, entry.key, entry.text_sha256):
            raise ValueError("made for another text, version or format")
        return model.model_validate(data["value"])
    except Exception as exc:  # damaged, foreign or unreadable: build it again
        log.debug("cache entry %s ignored and rebuilt: %s: %s", path, type(exc).__name__, exc)
        return None


def store(entry: Entry, value: BaseModel) -> None:
    """Keep ``value`` as ``entry`` (atomically; failures are ignored)."""
    where = directory()
    if where is None:
        return
    try:
        if not where.exists():
            if not _may_create(where):
                log.debug("cache folder %s not created: it would lie in another user's folder", where)
                return
            where.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _trusted(where):
            return
        _remove_leftovers(where)
        text = json.dumps(
            {
                "format": FORMAT,
                "key": entry.key,
                "text_sha256": entry.text_sha256,
                "value": value.model_dump(mode="json"),
            },
            ensure_ascii=False,
        )
        handle, temporary = tempfile.mkstemp(dir=where, prefix=TEMPORARY, suffix=SUFFIX)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(temporary, where / entry.name)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except Exception as exc:
        log.debug("cache entry %s not stored: %s: %s", where / entry.name, type(exc).__name__, exc)
        return


def _may_create(where: Path) -> bool:
    """The folders missing up to ``where`` would be made in one of the running user's own
    folders, or in a shared sticky one such as /tmp — never inside another user's."""
    parent = where
    while not parent.exists():
        if parent.parent == parent:
            return False
        parent = parent.parent
    if not hasattr(os, "geteuid"):
        return True
    st = parent.stat()
    return st.st_uid == os.geteuid() or bool(st.st_mode & stat.S_ISVTX)


def _remove_leftovers(where: Path) -> None:
    """Temporary files of runs killed while storing (older than :data:`STALE_AFTER`) and
    entries of the pickle format, which nothing reads any more."""
    now = time.time()
    for path in where.iterdir():
        name = path.name
        stale = name.startswith(TEMPORARY) or (name.endswith(".pickle") and "-" in name)
        with contextlib.suppress(OSError):
            st = path.lstat()
            fresh_temporary = name.startswith(TEMPORARY) and now - st.st_mtime < STALE_AFTER
            if stale and not fresh_temporary and stat.S_ISREG(st.st_mode) and _ours(path):
                path.unlink()
