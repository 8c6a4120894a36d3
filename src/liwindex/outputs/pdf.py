"""PDF of the report page through a real rendering engine: WeasyPrint (``pip install
'liwindex[pdf]'``; A4 with page numbers), or headless Chromium when WeasyPrint is missing."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from liwindex.problems import InputError, Report

CHROMIUM = ("chromium", "chromium-browser", "google-chrome", "chrome")


def engine() -> str | None:
    """The rendering engine available here: "weasyprint", "chromium" or None."""
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError):  # OSError: the Pango library is missing
        pass
    else:
        return "weasyprint"
    return "chromium" if any(shutil.which(name) for name in CHROMIUM) else None


def html_to_pdf(html: str, target: Path) -> None:
    """Render ``html`` into the PDF file ``target`` (an existing temporary path)."""
    kind = engine()
    if kind == "weasyprint":
        import weasyprint

        weasyprint.HTML(string=html).write_pdf(str(target))
        return
    if kind == "chromium":
        binary = next(shutil.which(name) for name in CHROMIUM if shutil.which(name))
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "raport.html"
            page.write_text(html, "utf-8")
            subprocess.run(
                [
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
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
        return
    report = Report()
    report.add("pdf-unavailable", file=str(target))
    raise InputError(report)
