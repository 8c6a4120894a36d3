"""PDF of the report page through a real rendering engine: WeasyPrint (``pip install
'liwindex[pdf]'``; A4 with page numbers), or a headless Chromium-family browser when WeasyPrint
is missing — Chromium or Chrome on PATH, or Microsoft Edge or Google Chrome where their
installers put them (every Windows 10/11 machine has Edge, so no Pango is needed there)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path, PureWindowsPath

from liwindex.problems import InputError, Report
from liwindex.text import encodable

CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "chrome", "msedge", "microsoft-edge")

# where the installers put the browsers, below these Windows folders (per machine and per user)
_WINDOWS_ROOTS = ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")
_WINDOWS_BROWSERS = (
    ("Microsoft", "Edge", "Application", "msedge.exe"),
    ("Google", "Chrome", "Application", "chrome.exe"),
    ("Chromium", "Application", "chrome.exe"),
)
_MAC_BROWSERS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
)


ENGINE_VARIABLE = "LIWINDEX_PDF_ENGINE"  # "weasyprint" or "chromium": use that one only


def engine() -> str | None:
    """The rendering engine available here: "weasyprint", "chromium" or None (the one
    ``LIWINDEX_PDF_ENGINE`` names, where it is set)."""
    from liwindex.io import environment

    wanted = environment.word(ENGINE_VARIABLE)
    if wanted == "chromium":
        return "chromium" if browser() else None
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the Pango library is missing
        pass
    else:
        return "weasyprint"
    if wanted == "weasyprint":
        return None
    return "chromium" if browser() else None


def browser(
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    which: Callable[[str], str | None] = shutil.which,
    exists: Callable[[str], bool] = os.path.isfile,
) -> str | None:
    """The Chromium-family browser that prints PDFs here: the first of Chromium, Chrome and
    Edge on PATH, then (on Windows) Edge and Chrome in Program Files or the user's
    AppData, (on macOS) in /Applications. The arguments are this machine's, for tests."""
    for name in CHROMIUM:
        found = which(name)
        if found:
            return found
    candidates: list[str] = []
    if platform.startswith("win"):
        for root in _WINDOWS_ROOTS:
            base = environ.get(root, "").strip()
            if base:
                candidates += [str(PureWindowsPath(base, *parts)) for parts in _WINDOWS_BROWSERS]
    elif platform == "darwin":
        candidates += _MAC_BROWSERS
    return next((path for path in candidates if exists(path)), None)


def html_to_pdf(html: str, target: Path, output: Path | None = None) -> None:
    """Render ``html`` into the PDF file ``target`` (an existing temporary path) of
    ``output`` (the name messages give)."""
    kind = engine()
    if kind == "weasyprint":
        import weasyprint

        try:  # a tagged PDF (PDF/UA-1): headings, tables and reading order for screen readers
            weasyprint.HTML(string=html).write_pdf(str(target), pdf_variant="pdf/ua-1")
        except (KeyError, TypeError, ValueError):  # a WeasyPrint without PDF/UA
            weasyprint.HTML(string=html).write_pdf(str(target))
        return
    if kind == "chromium":
        binary = browser()
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "raport.html"
            page.write_text(encodable(html), "utf-8")
            command = [
                str(binary),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={tmp}/profile",
                "--no-pdf-header-footer",
                f"--print-to-pdf={target}",
                page.as_uri(),
            ]
            try:
                subprocess.run(command, check=True, capture_output=True, timeout=120)
            except subprocess.CalledProcessError as exc:
                _failed(output or target, str(exc.returncode), exc.stderr)
            except subprocess.TimeoutExpired as exc:
                _failed(output or target, "timeout 120 s", exc.stderr)
            except OSError as exc:
                _failed(output or target, exc.strerror or str(exc), b"")
        return
    report = Report()
    report.add("pdf-unavailable", file=str(output or target))
    raise InputError(report)


def _failed(output: Path, code: str, stderr: bytes | str | None) -> None:
    """Chromium did not print the page: its exit code and the first lines it wrote."""
    from liwindex.text import visible

    if isinstance(stderr, bytes):
        stderr = stderr.decode("utf-8", "replace")
    lines = [line.strip() for line in (stderr or "").splitlines() if line.strip()][:3]
    report = Report()
    report.add(
        "pdf-print-failed", file=str(output), value=code, detail=visible(" | ".join(lines))[:500] or "—"
    )
    raise InputError(report)
