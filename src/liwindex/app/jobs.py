"""What the app keeps of one upload: the files under their stored names and the names
they came with, what was read from them, and the batch run in a thread."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liwindex.app.security import Saved


@dataclass
class Job:
    """One upload and its outcome (a score, a comparison or a batch)."""

    id: str
    kind: str  # "score", "compare", "batch"
    folder: Path
    saved: dict[str, list[Saved]] = field(default_factory=dict)
    fields: dict[str, str] = field(default_factory=dict)
    problems: list[Any] = field(default_factory=list)
    outcome: Any = None
    # the batch's progress, written by its thread
    done: int = 0
    total: int = 0
    finished: bool = False
    thread: threading.Thread | None = None

    @property
    def names(self) -> dict[str, str]:
        """Stored path (and stored file name) → the uploaded name, longest first."""
        pairs: dict[str, str] = {}
        for files in self.saved.values():
            for s in files:
                pairs[str(s.path)] = s.name
                pairs[s.path.name] = s.name
        pairs[str(self.folder / "jst") + "/"] = ""  # the batch's unpacked folders
        pairs[str(self.folder) + "/"] = ""
        return dict(sorted(pairs.items(), key=lambda kv: -len(kv[0])))

    def shown(self, text: str) -> str:
        """``text`` with every stored name replaced by the uploaded one."""
        for stored, name in self.names.items():
            text = text.replace(stored, name)
        return text

    def progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total
