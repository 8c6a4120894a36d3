"""Printed reports a council can publish: measured from the PDF, with each engine that is
installed (Chromium and WeasyPrint), for a comparison, a single round and a thin round —
no page but the last less than half full, no heading left alone at the foot of a page;
no technical name on the first two pages and no English setting key anywhere."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import pdfpages
from conftest import INITIAL, POST, run
from many_jst import THIN, facilitator_folder

CHROMIUM = any(shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome", "chrome"))
WEASYPRINT = importlib.util.find_spec("weasyprint") is not None
ENGINES = [
    pytest.param("chromium", marks=pytest.mark.skipif(not CHROMIUM, reason="Chromium is not installed")),
    pytest.param(
        "weasyprint", marks=pytest.mark.skipif(not WEASYPRINT, reason="WeasyPrint is not installed")
    ),
]
pytestmark = pytest.mark.skipif(not pdfpages.available(), reason="pdftotext (poppler-utils) is missing")
SETTING_KEYS = ("index_range", "aggregation", "group_weighting", "min_answered", "min_area_coverage")


@pytest.fixture(scope="module")
def thin_round(tmp_path_factory) -> list[Path]:
    """The two rounds of a JST whose latest round rests on three officials."""
    root = facilitator_folder(tmp_path_factory.mktemp("fac"))
    folder = sorted(p for p in root.iterdir() if p.is_dir())[THIN]
    return sorted(p for p in folder.iterdir() if p.is_dir())


def _pdf(tmp_path: Path, engine: str, monkeypatch: pytest.MonkeyPatch, *files: Path) -> tuple[Path, str]:
    monkeypatch.setenv("LIWINDEX_PDF_ENGINE", engine)
    html, pdf = tmp_path / "r.html", tmp_path / "r.pdf"
    result = run("report", *files, "-o", html, "--pdf", pdf, "--bootstrap", "200")
    assert result.exit_code == 0, result.output
    return pdf, html.read_text("utf-8")


def _page_text(pdf: Path, first: int, last: int) -> str:
    out = subprocess.run(
        ["pdftotext", "-f", str(first), "-l", str(last), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return " ".join(out.split())


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", ["comparison", "single", "thin"])
def test_pages_are_full_and_no_heading_is_left_alone(tmp_path, monkeypatch, engine, kind, thin_round):
    files = {"comparison": [INITIAL, POST], "single": [POST], "thin": thin_round}[kind]
    pdf, html = _pdf(tmp_path, engine, monkeypatch, *files)
    assert pdfpages.problems(pdf, pdfpages.headings(html)) == []
    first_two = _page_text(pdf, 1, 2)
    for technical in ("Holm", "bootstrap", "p <", "p<"):
        assert technical not in first_two, technical
    everything = _page_text(pdf, 1, 999)
    for key in SETTING_KEYS:
        assert key not in everything, key
    if kind == "comparison":
        # the official index and its source lead, the survey change is named as such
        assert re.search(
            r"Indeks LIJW · ocena powdrożeniowa 2025 3,33 na 5 · z ocen grupy roboczej", first_two
        )
        assert "Zmiana wyniku ankiety względem oceny wstępnej 2024" in first_two


def test_the_measure_finds_a_heading_left_alone(tmp_path, monkeypatch):
    """The page-fill measure itself: a page cut right after a heading is found."""
    if not CHROMIUM:
        pytest.skip("Chromium is not installed")
    from liwindex.outputs.pdf import html_to_pdf

    monkeypatch.setenv("LIWINDEX_PDF_ENGINE", "chromium")
    body = "<p>tekst</p>" * 12 + "<h2>Nagłówek na dole</h2>" + '<p style="break-before:page">dalej</p>'
    page = f'<!DOCTYPE html><html lang="pl"><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'
    pdf = tmp_path / "t.pdf"
    html_to_pdf(page, pdf)
    found = pdfpages.problems(pdf, pdfpages.headings(page))
    assert "page 1 ends with a heading: 'Nagłówek na dole'" in found


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind", ["trend", "benchmark"])
def test_trend_and_benchmark_pages_print_well(tmp_path, monkeypatch, engine, kind):
    monkeypatch.setenv("LIWINDEX_PDF_ENGINE", engine)
    examples = INITIAL.parent
    files = (
        sorted(examples.glob("gmina-przykladowa-*.xlsx"))
        if kind == "trend"
        else [POST, examples / "inne-jst"]
    )
    html, pdf = tmp_path / "p.html", tmp_path / "p.pdf"
    result = run(kind, *files, "-o", html, "-o", pdf, "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert pdfpages.problems(pdf, pdfpages.headings(html.read_text("utf-8"))) == []
