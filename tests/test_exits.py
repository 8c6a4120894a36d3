"""How a run ends when the world fails it: a full disk gives its message and nothing after
it (no "Exception ignored in ZipFile.__del__"), and an error raised while the run unwinds
from SIGTERM is that signal's exit, not a program error."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import POST

FULL_DISK = textwrap.dedent(
    """
    import errno, sys, zipfile
    import liwindex.outputs.excel.round as report

    class Full:
        def __init__(self, path):
            self.raw = open(path, "wb")
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")
        def close(self):
            self.raw.close()
            raise OSError(errno.ENOSPC, "No space left on device")
        def flush(self):
            pass
        def tell(self):
            return 0
        def seekable(self):
            return False

    KEPT = []

    def write_xlsx(path, *args, **kwargs):
        archive = zipfile.ZipFile(Full(path), "w")  # what openpyxl's save leaves behind
        KEPT.append(archive)
        try:
            archive.writestr("a.xml", "x" * 10)
        finally:
            KEPT.clear()  # collected later: ZipFile.__del__ closes it and fails again

    report.write_xlsx = write_xlsx
    from liwindex.cli import main
    sys.argv = ["liwindex", "export", sys.argv[1], "-o", sys.argv[2], "--bootstrap", "0"]
    main()
    """
)


def test_a_full_disk_ends_with_its_message_only(tmp_path):
    script = tmp_path / "full.py"
    script.write_text(FULL_DISK, "utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(POST), str(tmp_path / "r.xlsx")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "brak miejsca na dysku" in done.stderr
    assert "Exception ignored" not in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "r.xlsx").exists()


def test_an_error_while_unwinding_from_sigterm_is_the_signals_exit(monkeypatch):
    from conftest import run
    from liwindex.outputs import files

    def broken(*args, **kwargs):
        raise TypeError("a library half-way through a write")

    monkeypatch.setattr("liwindex.api.score_file", broken)
    monkeypatch.setattr(files, "_SIGNALLED", [15])
    result = run("score", POST)
    assert result.exit_code == 143
    assert "Błąd programu" not in result.output
