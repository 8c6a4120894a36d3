"""How full each printed page is, read from a PDF with poppler's ``pdftotext -bbox-layout``.

A page's fill is the share of its printable height (between the top and bottom margins)
down to the lowest line of text on it; the page-number footer in the bottom margin is not
counted. The last line of a page tells whether a heading was left alone at its foot: a
heading's line is taller than the text and table lines around it.

Run as a script on PDF files to print the figures: ``python tests/pdfpages.py a.pdf``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

MM = 72 / 25.4  # PDF points in a millimetre
TOP, BOTTOM = 16 * MM, 18 * MM  # the report's @page margins


@dataclass
class Line:
    top: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Page:
    number: int
    height: float
    lines: list[Line]

    @property
    def body(self) -> list[Line]:
        """The lines above the bottom margin (the footer is below it)."""
        return [x for x in self.lines if x.top < self.height - BOTTOM + 2]

    @property
    def fill(self) -> float:
        """0–1: how far down the printable area the text reaches."""
        body = self.body
        if not body:
            return 0.0
        lowest = max(x.bottom for x in body)
        return min(1.0, max(0.0, (lowest - TOP) / (self.height - TOP - BOTTOM)))

    @property
    def last_line(self) -> Line | None:
        body = self.body
        return max(body, key=lambda x: x.bottom) if body else None


def available() -> bool:
    """pdftotext is installed."""
    return shutil.which("pdftotext") is not None


def pages(pdf: Path) -> list[Page]:
    """Every page of ``pdf`` with its lines of text (top, bottom, words)."""
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found: list[Page] = []
    for k, page in enumerate(re.findall(r"<page [^>]*>.*?</page>", out, flags=re.S), 1):
        height = float(re.search(r'height="([\d.]+)"', page).group(1))  # type: ignore[union-attr]
        lines = [
            Line(float(a), float(b), " ".join(re.findall(r">([^<]*)</word>", words)))
            for a, b, words in re.findall(
                r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
                page,
                flags=re.S,
            )
        ]
        found.append(Page(k, height, lines))
    return found


def headings(html: str) -> list[str]:
    """The text of every h1–h3 of an HTML page, as it prints."""
    import html as markup

    found = re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", html, flags=re.S)
    return [" ".join(markup.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found]


def problems(pdf: Path, titles: list[str], min_fill: float = 0.5) -> list[str]:
    """Pages but the last less than ``min_fill`` full, and pages whose last line is (the
    end of) one of the headings ``titles`` — a heading left alone at the foot of a page."""
    found = pages(pdf)
    out = []
    for page in found[:-1]:
        if page.fill < min_fill:
            out.append(f"page {page.number}: {page.fill:.0%} full")
        last = page.last_line
        if last is not None and last.text and any(t.endswith(last.text) for t in titles):
            out.append(f"page {page.number} ends with a heading: {last.text!r}")
    return out


if __name__ == "__main__":
    for name in sys.argv[1:]:
        page_html = Path(name).with_suffix(".html")
        titles = headings(page_html.read_text("utf-8")) if page_html.exists() else []
        all_pages = pages(Path(name))
        print(name, f"{len(all_pages)} pages")
        for p in all_pages:
            last = p.last_line
            shown = last.text[:60] if last else ""
            print(f"  {p.number:2}: {p.fill:4.0%}  last: {shown!r}")
        for problem in problems(Path(name), titles):
            print("  !", problem)
